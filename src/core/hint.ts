// A cheap hint, in localStorage, that the outbox may hold answers: a page with nothing queued
// then never opens IndexedDB at load (opening it was the costliest thing the core did).
//
// The hint must never say "empty" while an answer is queued, across tabs and crashes. Each write
// of a queued answer holds a cross-tab lock (Web Locks, named after the hint) and sets the hint
// BEFORE writing: a crash between the two leaves it set (the next page looks for nothing; nothing
// is lost), and a crash after the write leaves it set too. Only the delivery engine clears it
// (src/delivery/hint.ts), holding the same lock, after finding no queued answer: "empty, then
// clear" and "set, then write" never interleave, so no answer is left unhinted. Without Web Locks
// (browsers before 2022) it is never cleared: IndexedDB is looked into at each load, as before.
// Where localStorage cannot be read, the hint says "maybe" too.
import { DB, HINT } from '../shared/keys'

/**
 * Whether this browser has the outbox's database at all; true when unsure. Most visitors never
 * answered on this site, so they have none: for them even the hint is not read, as a page's first
 * look into localStorage blocks its main thread while the browser loads the origin's storage
 * (several milliseconds in a fresh profile), while listing the databases is asynchronous and
 * opens none. A database is created by the first write of an answer, after the hint is set: so
 * "no database" can never hide a queued answer.
 */
export const outboxExists = (): Promise<boolean> =>
  Promise.resolve()
    .then(() => indexedDB.databases())
    .then((all) => all.some((d) => d.name == DB), () => true)

/** Whether the outbox may hold queued answers (true when unsure). */
export const mayBeQueued = (): boolean => {
  try {
    return localStorage.getItem(HINT) != null
  } catch {
    return true
  }
}

/** Says that something may be queued: called before an answer is written. */
export const markQueued = (): void => {
  try {
    localStorage.setItem(HINT, '1')
  } catch {
    /* unreadable storage reads as "maybe" anyway */
  }
}

/** Runs an outbox write holding the hint's lock (without Web Locks, as it is). */
export const underHint = <T>(write: () => Promise<T>): Promise<T> => (navigator.locks ? navigator.locks.request(HINT, write) : write())
