/**
 * A trigger watches one element and calls `fire` when it is time to ask, and `soon` at the first
 * sign that it may fire (so the prompt is fetched ahead and nobody waits); it returns its release.
 */
export type Trigger = (el: Element, fire: () => void, soon: () => void) => () => void

/** Adds a listener and returns the function that removes it. */
export const listen = (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => {
  target.addEventListener(type, fn, opts)
  return () => target.removeEventListener(type, fn, opts)
}

/** Adds one listener to several event types; returns the function that removes them all. */
export const listenAll = (target: EventTarget, types: string[], fn: (e: Event) => void) => {
  const offs = types.map((type) => listen(target, type, fn, { passive: true }))
  return () => offs.forEach((off) => off())
}
