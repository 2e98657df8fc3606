/** A trigger watches one element and calls `fire` when it is time to ask; it returns its release. */
export type Trigger = (el: Element, fire: () => void) => () => void

/** Adds a listener and returns the function that removes it. */
export const listen = (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => {
  target.addEventListener(type, fn, opts)
  return () => target.removeEventListener(type, fn, opts)
}
