import type { Answer } from './answer'
import type { Emitter } from './events'
import type { Strings } from './i18n/en'
import type { Metric } from './metrics'
import type { State, AskOptions } from './touchpoint'
import { warn } from './log'
import { present } from './ui/present'
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
  locale: string
  readVitals: () => Vitals
}

/**
 * Shows the question and settles with the answer, or null when it was dismissed. Lives in the
 * prompt file, not in the core: only page views that ask need it. The answer is handed to the
 * core's outbox before anything else happens with it.
 */
export const show = (q: Showing): Promise<Answer | null> =>
  new Promise((resolve) => {
    const { state: s, ask: a, id, inline } = q
    const o = s.options
    const t = { ...q.strings, ...o.texts }
    const info = { touchpoint: id, metric: q.metric }
    let answer: Answer | null = null
    let unmount = () => {}
    // Removes the prompt (thank-you over, dismissed, consent withdrawn, or destroy()) and frees
    // the popover slot.
    const remove = () => {
      if (!s.open.delete(remove)) return
      if (!inline) s.popover = false
      unmount()
      resolve(answer)
    }
    s.open.add(remove)
    try {
      unmount = present(
        {
          metric: q.metric,
          touchpoint: id,
          question: a.question?.trim() || t[`${q.metric}Question`],
          comment: a.comment ?? 'off',
          stage: a.stage?.trim(),
          context: { ...s.context, ...a.context },
          site: o.site,
          locale: q.locale,
          urlParams: o.urlParams,
          vitals: () => (o.vitals ? q.readVitals() : {}),
          t,
          autofocus: q.focus && !!navigator.userActivation?.isActive,
          target: inline ? a.target : undefined,
          position: o.position,
          theme: o.theme,
          nonce: q.nonce,
        },
        {
          store(version, hold) {
            answer = version
            void s.outbox.add(version, hold)
          },
          answered(done) {
            s.guard.answered(id)
            q.emit('answered', done)
            resolve(done)
          },
          dismissed() {
            s.guard.dismissed(id)
            q.emit('dismissed', info)
            remove()
          },
          // An inline prompt stays in its element, showing its thank-you.
          closed: () => inline || remove(),
        },
      )
      s.guard.shown(q.auto && !inline)
      q.emit('shown', info)
    } catch (e) {
      warn(e)
      remove()
    }
  })
