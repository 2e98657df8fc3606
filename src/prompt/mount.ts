import { safe } from '../shared/log'
import { styles } from './view.css'
import { showView, type ViewEvents, type ViewInput } from './view'

export interface MountOptions {
  /** Render inside this element (inline display) instead of floating in a corner. */
  target?: Element | undefined
  /** The popover's corner: `bottom-right`, `top-left`, … */
  position: string
  theme: string
  /** The script tag's nonce, for a `<style>` where constructable stylesheets are missing. */
  nonce: string
}

// One stylesheet for every prompt of the page, made when the first one is shown.
let sheet: CSSStyleSheet | undefined

/**
 * Puts a prompt on the page in its own open shadow root; returns the function that removes it.
 * Nothing here may need 'unsafe-inline' under a strict Content-Security-Policy: styles are a
 * constructable stylesheet adopted by the shadow root, and the host element is placed through
 * the CSSOM (setting a property is allowed; a style attribute is not). Only browsers without
 * constructable stylesheets get a `<style>` element, carrying the script tag's nonce.
 */
export const mountPrompt = (q: ViewInput, events: ViewEvents, o: MountOptions): (() => void) => {
  // UI callbacks run from DOM events: an error there is reported, never thrown into the page.
  const on = { ...events }
  for (const k in on) on[k as keyof ViewEvents] = safe(on[k as keyof ViewEvents] as () => void)
  // A custom element name: host rules written for div, section… never match it.
  const host = document.createElement('touchpoint-prompt')
  const dark = o.theme == 'dark' || (o.theme == 'auto' && matchMedia('(prefers-color-scheme:dark)').matches)
  host.className = (dark ? 'dark ' : '') + (o.target ? '' : 'pop')
  // The corner, e.g. "auto 16px 16px auto" for bottom-right, for the :host rule that places it
  // (view.css.ts). Through the CSSOM: a style attribute is refused under a strict CSP.
  const corner = o.position.split('-')
  host.style.setProperty('--tp-inset', ['top', 'right', 'bottom', 'left'].map((side) => (corner.includes(side) ? '16px' : 'auto')).join(' '))
  const shadow = host.attachShadow({ mode: 'open' })
  const constructable = !!shadow.adoptedStyleSheets
  if (constructable) {
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(styles)
    shadow.adoptedStyleSheets = [sheet]
  }
  // Focus goes back where it came from when the prompt closes (WAI-ARIA dialog pattern).
  const back = document.activeElement as HTMLElement | null
  ;(o.target ?? document.body).append(host)
  const stop = showView(shadow, q, on, !o.target)
  if (!constructable) {
    // Older browsers: a <style> carrying the script tag's nonce, after the view's first render
    // (Preact's first render into a root replaces what is there).
    const style = document.createElement('style')
    style.nonce = o.nonce
    style.textContent = styles
    shadow.append(style)
  }
  return () => {
    stop()
    if (document.activeElement == host) back?.focus()
    host.remove()
  }
}
