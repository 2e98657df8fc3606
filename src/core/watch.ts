import { askFrom, prepare } from './ask'
import { whenIdle } from './idle'
import { importScanner } from './modules'
import { fetchPart } from './parts'

const SELECTOR = '[data-touchpoint]'
/**
 * Longest the watcher waits for an idle moment. The scanner arms the elements when it starts, so
 * a `load` trigger on a page that has already loaded counts its delay from then: at most this
 * (plus the scanner's fetch) after the load event, usually a few milliseconds (an idle moment
 * comes right after the load unless the page is busy).
 */
const IDLE_DEADLINE = 1000

/**
 * The core's part of the scanner: it only notices that the page declares a touchpoint (now, or
 * later in a single-page app) and then fetches the scanner and its triggers, which live in a file
 * of their own: most pages declare none and never pay for them. It starts once the page is idle
 * (with a deadline), so the page's own start goes first. If the scanner cannot be fetched, no
 * prompt could have been fetched either; the console says which file, once. Returns the
 * function that stops watching (and the scanner, once it runs).
 */
export const watchTouchpoints = (): (() => void) => {
  let stop = () => {}
  let stopped = false
  let mo: MutationObserver | undefined
  const found = () => {
    mo?.disconnect()
    void fetchPart('touchpoints', importScanner, () => {}, 'data-touchpoint elements are not watched.').then(
      (m) => m && !stopped && (stop = m.scanTouchpoints({ askFrom, prepare })),
    )
  }
  whenIdle(() => {
    if (stopped) return
    if (document.querySelector(SELECTOR)) return found()
    mo = new MutationObserver(() => document.querySelector(SELECTOR) && found())
    mo.observe(document.documentElement, { childList: true, subtree: true })
  }, IDLE_DEADLINE)
  return () => {
    stopped = true
    mo?.disconnect()
    stop()
  }
}
