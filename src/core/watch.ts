import { askFrom, prepare } from './ask'
import { importScanner } from './modules'
import { fetchPart } from './parts'

const SELECTOR = '[data-touchpoint]'

/**
 * The core's part of the scanner: it only notices that the page declares a touchpoint (now, or
 * later in a single-page app) and then fetches the scanner and its triggers, which live in a file
 * of their own: most pages declare none and never pay for them. If that file cannot be fetched,
 * no prompt could have been fetched either; the console says which file, once.
 * Returns the function that stops watching (and the scanner, once it runs).
 */
export const watchTouchpoints = (): (() => void) => {
  let stop = () => {}
  let stopped = false
  const mo = new MutationObserver(() => found())
  const found = () => {
    if (!document.querySelector(SELECTOR)) return
    mo.disconnect()
    void fetchPart('touchpoints', importScanner, () => {}, 'data-touchpoint elements are not watched.').then(
      (m) => m && !stopped && (stop = m.scanTouchpoints({ askFrom, prepare })),
    )
  }
  mo.observe(document.documentElement, { childList: true, subtree: true })
  found()
  return () => {
    stopped = true
    mo.disconnect()
    stop()
  }
}
