import { buildAnswer, type Answer } from './answer'
import type { Emitter } from './events'
import type { Strings } from './i18n/en'
import { warn } from './log'
import { metrics, type Metric } from './metrics'
import type { AskOptions, State } from './touchpoint'
import { mountPrompt } from './ui/mount'
import type { Vitals } from './vitals'

/** One question the core has decided to ask, handed to the prompt file with what it needs. */
export interface Showing {
  state: State
  emit: Emitter['emit']
  metric: Metric
  ask: AskOptions
  /** The touchpoint id, trimmed. */
  id: string
  inline: boolean
  /** Opened by a trigger, not by code. */
  auto: boolean
  /** May take keyboard focus (the visitor's own action opened it). */
  focus: boolean
  nonce: string
  strings: Strings
  /** The locale shown, sent as the answer's `locale`. */
  locale: string
  readVitals: () => Vitals
}

/**
 * Shows the question, turns the visitor's choices into answers and hands each version to the
 * core's outbox before anything else happens with it; settles with the answer, or null when it
 * was dismissed. Lives in the prompt file: only page views that ask need it.
 */
export const show = (q: Showing): Promise<Answer | null> =>
  new Promise((resolve) => {
    const { state: s, ask: a, id, inline, metric } = q
    const o = s.options
    const t = { ...q.strings, ...o.texts }
    const info = { touchpoint: id, metric }
    const question = a.question?.trim() || t[`${metric}Question`]
    let answer: Answer | null = null
    let unmount = () => {}
    let unsubscribe = () => {}
    const store = (version: Answer, hold: boolean) => void s.outbox.add((answer = version), hold)
    const answered = (done: Answer) => {
      s.guard.answered(id)
      q.emit('answered', done)
      resolve(done)
    }
    // Removes the prompt (thank-you over, dismissed, consent withdrawn, or destroy()) and frees
    // the popover slot.
    const remove = () => {
      if (!s.open.delete(remove)) return
      if (!inline) s.asking.set(null)
      unsubscribe()
      unmount()
      resolve(answer)
    }
    s.open.add(remove)
    try {
      unmount = mountPrompt(
        { metric, question, comment: a.comment ?? 'off', t, locale: q.locale, autofocus: q.focus && !!navigator.userActivation?.isActive },
        {
          _score(score, more) {
            const built = buildAnswer({
              touchpoint: id,
              metric,
              score,
              scale: metrics[metric],
              question,
              stage: a.stage?.trim(),
              site: o.site,
              locale: q.locale,
              vitals: o.vitals ? q.readVitals() : {},
              context: { ...s.context, ...a.context },
              urlParams: o.urlParams,
            })
            store(built, more)
            if (!more) answered(built)
          },
          _comment(text) {
            if (!answer) return
            // The completed answer replaces the one stored (and perhaps already sent on page
            // hide) under the same id: a collector keeps the highest revision.
            const done = { ...answer, revision: answer.revision + 1 }
            if (text) done.comment = text
            store(done, false)
            answered(done)
          },
          _dismiss() {
            s.guard.dismissed(id)
            q.emit('dismissed', info)
            remove()
          },
          // An inline prompt stays in its element, showing its thank-you.
          _close: () => inline || remove(),
        },
        { target: inline ? a.target : undefined, position: o.position, theme: o.theme, nonce: q.nonce },
      )
      // Consent withdrawn (the core sets the atom): the prompt closes.
      unsubscribe = s.consent.listen((granted) => granted || remove())
      s.guard.shown(q.auto && !inline)
      q.emit('shown', info)
    } catch (e) {
      warn(e)
      remove()
    }
  })
