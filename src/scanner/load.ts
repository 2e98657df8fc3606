import { listen, type Trigger } from './trigger'

/** `load`: once the page has loaded (then `-delay` ms, applied by the scanner). */
export const load: Trigger = (_, fire) => {
  if (document.readyState == 'complete') {
    const t = setTimeout(fire)
    return () => clearTimeout(t)
  }
  return listen(window, 'load', fire, { once: true })
}
