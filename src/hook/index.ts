// dist/touchpoint.hook.js (the npm module's hook chunk): the app's `beforeSend` (README
// "Options"), run on each version of an answer before the core stores it. Fetched beside the
// prompt, and only when the app gives a beforeSend, so that the core every page view downloads
// carries none of it; a prompt is not shown until it is here (core/parts.ts), so no answer is
// ever stored without going through it.
import type { Answer, HookPart } from '../contract'
import { warn } from '../shared/log'

// What the hook made of each answer's first version: a completed version (the comment added)
// keeps its changes, and an answer it dropped stays dropped. A version that brings contact
// details goes through the hook again, so the app can change or remove them (null removes
// them: the score and comment, perhaps already sent, stay).
const hooked = new Map<string, Answer | null>()

export const hook: HookPart['hook'] = (answer, beforeSend) => {
  const first = hooked.get(answer.id)
  if (first === null) return null
  let given = answer
  if (first) {
    given = { ...first, revision: answer.revision, comment: answer.comment! }
    if (!answer.contact) return given
    given.contact = answer.contact
  }
  let out: Answer | null = given
  try {
    out = beforeSend(JSON.parse(JSON.stringify(given)) as Answer)
    if (out !== null && (typeof out != 'object' || out.id != answer.id)) {
      warn('beforeSend() must return the answer (same id) or null; kept it unchanged.')
      out = given
    }
  } catch (e) {
    warn('beforeSend() threw; the answer is kept unchanged:', e)
  }
  if (!first) hooked.set(answer.id, out)
  else if (!out) {
    out = given
    delete out.contact
  }
  return out
}
