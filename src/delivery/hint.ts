// Clears the core's hint that the outbox may hold answers (src/core/hint.ts), which lets a page
// with nothing queued skip IndexedDB at load. Run after each flush.
import type { Store } from '../contract'
import { HINT, QUEUED } from '../shared/keys'

/**
 * Clears the hint when the outbox holds nothing queued. It holds the hint's lock, which every
 * write of a queued answer holds from setting the hint to the end of its write, so no write can
 * land between "nothing queued" and the removal. A busy lock (a write under way) means something
 * is being queued: the hint stays, and it never waits (a stuck write must not stall delivery).
 * Without Web Locks the hint is never cleared (the core then looks into IndexedDB at each load).
 */
export const drained = (store: Store): Promise<void> | undefined =>
  navigator.locks
    ?.request(HINT, { ifAvailable: true }, async (free) => {
      if (free && !(await store.all()).some(([k]) => k.startsWith(QUEUED))) localStorage.removeItem(HINT)
    })
    // Storage blocked: the core reads that as "maybe", and looks each time.
    .catch(() => {})
