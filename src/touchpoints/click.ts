import { listen, type Trigger } from './trigger'

/** `click`: the visitor clicks the element (or presses Enter/Space on it). */
export const click: Trigger = (el, fire) => listen(el, 'click', fire)
