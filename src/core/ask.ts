import type { Answer, AskOptions, Metric, PromptHost } from '../contract'
import { safe, warn } from '../shared/log'
import { commentModes, contactModes, isMetric } from '../shared/metrics'
import { isObject } from '../shared/parse'
import { logBlocked } from './guard'
import { chooseLocale } from './locale'
import { explain, fetchAhead, fetchVitals, readVitals } from './parts'
import { emitter, NOT_STARTED, running, type State } from './state'

/**
 * Starts fetching the prompt (its locale pack; then web-vitals, the delivery engine) because one
 * is about to be wanted: the trigger of touchpoint `id` is about to fire. Nothing is fetched for a touchpoint that would
 * not ask this visitor anyway (sampled out, in a cooldown, no consent), so they never pay for it.
 */
export const prepare = (id: string, sampleRate?: number | null): void => {
  const s = running()
  if (s && s.consent.get() && !s.guard.blocked(id, sampleRate ?? s.options.sampleRate, false)) void fetchFor(s)
}
/**
 * Starts fetching everything a prompt needs (also what `prefetch: 'idle'` calls): the prompt and
 * its pack first; web-vitals and the delivery engine once they are here (parts.ts says why).
 */
export const fetchFor = (s: State) =>
  // Not after destroy() (nor a later init()): this start is over, and web-vitals would observe.
  fetchAhead(chooseLocale(s.options.locale), !!s.options.beforeSend, () => running() == s && (s.outbox.prepare(), s.options.vitals && fetchVitals()))

const bad = (msg: string): Promise<null> => {
  warn('ask(): ' + msg)
  return Promise.resolve(null)
}

/**
 * What the core offers the prompt of one question: the rules (cooldown marks, the per-visit cap,
 * the popover slot) are kept here, in the core, and the events are reported from here.
 */
const hostFor = (s: State, touchpoint: string, metric: Metric, inline: boolean, auto: boolean): PromptHost => {
  const info = { touchpoint, metric }
  return {
    // The queue stores it; its promise never rejects (a failure to store is reported as `failed`).
    store: s.outbox.add,
    shown() {
      s.guard.shown(auto && !inline)
      emitter.emit('shown', info)
    },
    answered(answer) {
      s.guard.answered(touchpoint)
      emitter.emit('answered', answer)
    },
    dismissed() {
      s.guard.dismissed(touchpoint)
      emitter.emit('dismissed', info)
    },
    release: () => void (inline || s.asking.set(null)),
    consent: s.consent,
  }
}

/**
 * Internal form of ask(), also what the scanner calls: `auto` marks prompts opened by a trigger,
 * not by code; `focus` lets the prompt take keyboard focus when the visitor's own action (a
 * click) opened it. A prompt that appears by itself (view, load, exit…) never steals focus.
 */
export const askFrom = safe((metric: Metric, a: AskOptions, auto: boolean, focus: boolean = !auto): Promise<Answer | null> => {
  const s = running()
  if (!s) return bad(NOT_STARTED)
  const inline = a?.display == 'inline'
  // What is wrong is said by the explain file (core/parts.ts `explain`): the words cost the core.
  if (
    !isMetric(metric) ||
    !isObject(a) ||
    typeof a.touchpoint != 'string' ||
    !a.touchpoint.trim() ||
    !commentModes.includes(a.comment ?? 'off') ||
    (a.question != null && typeof a.question != 'string') ||
    (a.stage != null && typeof a.stage != 'string') ||
    (a.context != null && !isObject(a.context)) ||
    (inline && !(a.target instanceof Element)) ||
    (a.contact != null && !contactModes.includes(a.contact))
  )
    return explain('ask', [metric, a], 'ask() refused: check its arguments (README, "ask()").').then(() => null)
  const id = a.touchpoint.trim()
  const why = s.consent.get()
    ? (!a.force && s.guard.blocked(id, a.sampleRate ?? s.options.sampleRate, auto && !inline)) ||
      (!inline && s.asking.get() && 'another popover is open')
    : 'waiting for consent(true)'
  if (why) return logBlocked(id, why), Promise.resolve(null)
  // The popover slot is taken now, while the prompt is fetched: two triggers at once show one.
  if (!inline) s.asking.set({ touchpoint: id, metric })
  const host = hostFor(s, id, metric, inline, auto)
  return fetchFor(s).then((fetched) => {
    if (fetched && running() == s && s.consent.get())
      return fetched.prompt.show(
        {
          metric,
          touchpoint: id,
          ask: a,
          focus,
          locale: fetched.locale,
          strings: fetched.strings,
          nonce: s.nonce,
          options: s.options,
          context: s.context,
          vitals: readVitals,
        },
        host,
      )
    host.release()
    return null
  })
}, Promise.resolve(null))
