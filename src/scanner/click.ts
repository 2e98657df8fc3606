import { listen, listenAll, type Trigger } from './trigger'

/**
 * `click`: the visitor clicks the element (or presses Enter/Space on it). Pointing at it,
 * focusing it or pressing on it are the signs that a click may follow.
 */
export const click: Trigger = (el, fire, soon) => {
  const offSoon = listenAll(el, ['pointerenter', 'focusin', 'pointerdown', 'touchstart'], soon)
  const offClick = listen(el, 'click', fire)
  return () => (offSoon(), offClick())
}
