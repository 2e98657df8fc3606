import type { Answer, StoredAnswer } from '../contract'

/** How long other tabs leave an answer alone while its comment is being written. */
const HOLD_MS = 120_000

/** The record an answer is stored as; `holder` (the page's session id) holds it back while a comment is written. */
export const toStored = (answer: Answer, endpoint: string, holder: string | false, now: number): StoredAnswer => {
  const s: StoredAnswer = { answer, endpoint, tries: 0 }
  if (holder) {
    s.hold = holder
    s.holdUntil = now + HOLD_MS
  }
  return s
}
