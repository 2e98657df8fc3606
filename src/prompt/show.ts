import type { Answer, Pack, PromptHost, PromptStrings, Question, Strings } from '../contract'
import { warn } from '../shared/log'
import { metrics } from '../shared/metrics'
import { buildAnswer } from './answer'
import { en } from './en'
import { mountPrompt } from './mount'

// A built pack is its strings in English's key order (rollup.config.ts packsAsArrays); a pack
// read from the sources (unit tests) is the object itself.
const unpack = (p: Pack): PromptStrings =>
  Array.isArray(p) ? (Object.fromEntries(Object.keys(en).map((k, i) => [k, p[i]])) as unknown as PromptStrings) : (p as Strings)

/**
 * Shows the question, turns the visitor's choices into answers and hands each version to the
 * core (`host.store`) before anything else happens with it; settles with the answer, or null
 * when it was dismissed. What the visitor did is all it tells the core: the rules are the core's.
 */
export const show = (q: Question, host: PromptHost): Promise<Answer | null> =>
  new Promise((resolve) => {
    const { ask: a, touchpoint, metric, options: o } = q
    const inline = a.display == 'inline'
    const t = { ...(q.strings ? unpack(q.strings) : en), ...o.texts }
    const question = a.question?.trim() || t[`${metric}Question`]
    let answer: Answer | null = null
    let open = true
    let unmount = () => {}
    let unsubscribe = () => {}
    const store = (version: Answer, hold: boolean) => host.store((answer = version), hold)
    const answered = (done: Answer) => {
      host.answered(done)
      resolve(done)
    }
    // Removes the prompt (thank-you over, dismissed, consent withdrawn, or destroy()) and frees
    // the popover slot.
    const remove = () => {
      if (!open) return
      open = false
      host.release()
      unsubscribe()
      unmount()
      resolve(answer)
    }
    try {
      unmount = mountPrompt(
        {
          metric,
          question,
          comment: a.comment ?? 'off',
          contact: a.contact ?? o.contact,
          // The site knows who the visitor is: the contact step asks no e-mail address.
          known: !!(a.context?.userId ?? q.context.userId),
          t,
          locale: q.locale,
          autofocus: q.focus && !!navigator.userActivation?.isActive,
        },
        {
          _score(score, more) {
            const built = buildAnswer({
              touchpoint,
              metric,
              score,
              scale: metrics[metric],
              question,
              stage: a.stage?.trim(),
              site: o.site,
              locale: q.locale,
              vitals: o.vitals ? q.vitals() : {},
              context: { ...q.context, ...a.context },
              urlParams: o.urlParams,
            })
            store(built, more)
            if (!more) answered(built)
          },
          _comment(text, email) {
            if (!answer) return
            // The completed answer replaces the one stored (and perhaps already sent on page
            // hide) under the same id: a collector keeps the highest revision.
            const done = { ...answer, revision: answer.revision + 1 }
            if (text) done.comment = text
            // Only a ticked box puts anything about contact into the answer.
            if (email != null) done.contact = { consent: true, ...(email && { email }), at: new Date().toISOString() }
            store(done, false)
            answered(done)
          },
          _dismiss() {
            host.dismissed()
            remove()
          },
          // An inline prompt stays in its element, showing its thank-you.
          _close: () => inline || remove(),
        },
        { target: inline ? a.target : undefined, position: o.position, theme: o.theme, nonce: q.nonce },
      )
      // Consent withdrawn or destroy() (the core sets the atom): the prompt closes.
      unsubscribe = host.consent.listen((granted) => granted || remove())
      host.shown()
    } catch (e) {
      warn(e)
      remove()
    }
  })
