// Clears the core's hint that the outbox may hold answers (src/core/hint.ts), which lets a page
// with nothing queued skip IndexedDB at load. Run holding the cross-tab lock, after a pass.
import type { Store } from '../contract'
import { HINT, QUEUED } from '../shared/keys'

/**
 * Clears the hint when the outbox holds nothing queued, and only if no tab wrote an answer since
 * the hint was read (each write sets a fresh value first). A write that slips in between the
 * check and the removal is caught by the writer, which sets the hint again after its write when
 * it finds it gone.
 */
export const drained = async (store: Store): Promise<void> => {
  try {
    const seen = localStorage.getItem(HINT)
    if (seen && !(await store.all()).some(([k]) => k.startsWith(QUEUED)) && localStorage.getItem(HINT) == seen) localStorage.removeItem(HINT)
  } catch {
    /* storage blocked: the core reads that as "maybe", and looks each time */
  }
}
