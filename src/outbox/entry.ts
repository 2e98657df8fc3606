import type { Answer } from '../answer'

/** One stored answer. `hold` keeps it back while its visitor is still writing a comment. */
// Stored in IndexedDB, so its field names are never mangled by the build: a record written by
// one version must be readable by the next.
export interface Entry {
  answer: Answer
  endpoint: string
  tries: number
  hold?: string
  holdUntil?: number
}

/** How long other tabs leave an answer alone while its comment is being written. */
export const HOLD_MS = 120_000

/** A new record; `holder` (the page's session id) holds it back while a comment is written. */
export const entry = (answer: Answer, endpoint: string, holder: string | false, now: number): Entry => {
  const e: Entry = { answer, endpoint, tries: 0 }
  if (holder) (e.hold = holder), (e.holdUntil = now + HOLD_MS)
  return e
}
