import type { WritableAtom } from 'nanostores'

/** The part of a nanostores atom that Touchpoint's core and prompt use. */
export type Atom<T> = Pick<WritableAtom<T>, 'get' | 'set' | 'listen'>

/**
 * An atom with only get, set and listen, in a few lines: nanostores' own (its listener queue,
 * batching, lifecycle) cost the core more bytes than everything it shares with the prompt.
 */
export const atom = <T>(value: T): Atom<T> => {
  const listeners = new Set<(v: T) => void>()
  return {
    get: () => value,
    set(v: T) {
      // Set even when nobody listens (consent(true) before any prompt).
      if (v !== value) {
        value = v
        listeners.forEach((fn) => fn(v))
      }
    },
    listen(fn: (v: T) => void) {
      listeners.add(fn)
      return () => void listeners.delete(fn)
    },
  } as Atom<T>
}
