// A cheap hint, in localStorage, that the outbox may hold answers: a page with nothing queued
// then never opens IndexedDB at load (opening it was the costliest thing the core did).
//
// The hint must never say "empty" while an answer is queued, across tabs and crashes. The core
// sets it (a fresh value each time) BEFORE writing an answer to IndexedDB, so a crash between the
// two leaves it set (the next page fetches the delivery engine for nothing; nothing is lost), and
// sets it again after the write if another tab cleared it meanwhile. Only the delivery engine
// clears it, holding the cross-tab lock, once the outbox is verified empty (src/delivery/hint.ts).
// Where localStorage cannot be read, the hint says "maybe": IndexedDB is opened as before.
import { HINT } from '../shared/keys'

/** Whether the outbox may hold queued answers (true when unsure). */
export const mayBeQueued = (): boolean => {
  try {
    return localStorage.getItem(HINT) != null
  } catch {
    return true
  }
}

/** Says that something may be queued: called before an answer is written, and again after. */
export const markQueued = (): void => {
  try {
    localStorage.setItem(HINT, Math.random() + '')
  } catch {
    /* unreadable storage reads as "maybe" anyway */
  }
}
