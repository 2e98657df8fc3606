// Clears the core's hint that the outbox may hold answers (src/core/hint.ts), which lets a page
// with nothing queued skip IndexedDB at load. Run holding the outbox's lock, after a pass.
import type { Store } from '../contract'
import { HINT, QUEUED } from '../shared/keys'

/**
 * Clears the hint when the outbox holds nothing queued. It holds the hint's lock, which every
 * write of a queued answer holds from setting the hint to the end of its write, so no write can
 * land between "nothing queued" and the removal. A busy lock (a write under way) means something
 * is being queued: the hint stays, and it never waits (a stuck write must not stall delivery).
 * Without Web Locks it compares the hint's value before and after looking (each write sets a
 * fresh one) and the writer sets it again after its write if it finds it gone.
 */
export const drained = async (store: Store): Promise<void> => {
  const clear = async (free: unknown) => {
    const seen = free && localStorage.getItem(HINT)
    if (seen && !(await store.all()).some(([k]) => k.startsWith(QUEUED)) && localStorage.getItem(HINT) == seen) localStorage.removeItem(HINT)
  }
  try {
    await (navigator.locks ? navigator.locks.request(HINT, { ifAvailable: true }, clear) : clear(true))
  } catch {
    /* storage blocked: the core reads that as "maybe", and looks each time */
  }
}
