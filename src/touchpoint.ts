import { buildAnswer, type Answer } from './answer'
import { createEmitter, type EventName, type Listener } from './events'
import { createGuard, logBlocked, type Guard } from './guard'
import { strings } from './i18n'
import { debug, safe, setDebug, warn } from './log'
import { commentModes, isMetric, metrics, type CommentMode, type Metric } from './metrics'
import { parseOptions, type Options } from './options'
import { createOutbox, type Outbox } from './outbox/outbox'
import { mountPrompt } from './ui/mount'
import type { Vitals } from './vitals'
import { VERSION } from './version'

/** What `ask()` accepts besides the metric. */
export interface AskOptions {
  /** The touchpoint's id, sent with the answer (required). */
  touchpoint: string
  /** Question text; each metric has a default. */
  question?: string
  /** Comment step after the score: `off` (default), `optional` or `required`. */
  comment?: CommentMode
  /** Merged into the answer's context, over `setContext()`'s. */
  context?: Record<string, unknown>
  /** `popover` (default) floats in a corner; `inline` renders inside `target`. */
  display?: 'popover' | 'inline'
  /** Element an inline prompt is rendered in. */
  target?: Element
  /** Ask even when sampling or a cooldown would not. */
  force?: boolean
  /** Share of visitors asked, overriding the `sampleRate` option. */
  sampleRate?: number
}

interface State {
  o: Options
  outbox: Outbox
  guard: Guard
  context: Record<string, unknown>
  consented: boolean
  open: Set<() => void>
  popover: boolean
}

const emitter = createEmitter()
// web-vitals is an add-on (touchpoint/vitals, dist/touchpoint.vitals.js): the base never pays for it.
let vitals: () => Vitals = () => ({})
/** Called by the vitals add-on to have every answer carry the page's web vitals. */
export const setVitalsSource = (fn: () => Vitals): void => {
  vitals = fn
}
let state: State | null = null
const cleanups: (() => void)[] = []

/** Runs `fn` when Touchpoint is destroyed (used by the script-tag scanner). */
export const onDestroy = (fn: () => void): void => void cleanups.push(fn)
export const current = (): Options | null => state?.o ?? null

export const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v == 'object' && !Array.isArray(v)

export const start = safe((options: unknown, fromAttributes: boolean): void => {
  if (state) return warn('init() called twice.')
  const o = parseOptions(isObject(options) ? options : {}, fromAttributes)
  if (!o) return
  setDebug(o.debug)
  state = {
    o,
    outbox: createOutbox({ endpoint: o.endpoint, version: VERSION, emit: emitter.emit }),
    guard: createGuard(o),
    context: {},
    consented: !o.requireConsent,
    open: new Set(),
    popover: false,
  }
  state.outbox.start()
})

/** Starts Touchpoint: validates options, starts web-vitals and delivers what earlier visits left. */
export const init = (options: Partial<Options>): void => start(options, false)

const NOT_STARTED = 'not started: call init() or check data-endpoint.'
const bad = (msg: string): Promise<null> => {
  warn('ask(): ' + msg)
  return Promise.resolve(null)
}

/**
 * Internal form of ask(): `auto` marks prompts opened by a trigger, not by code; `focus` lets the
 * prompt take keyboard focus when the visitor's own action (a click) opened it. A prompt that
 * appears by itself (view, load, exit…) never steals focus.
 */
export const askFrom = safe((metric: Metric, a: AskOptions, auto: boolean, focus: boolean = !auto): Promise<Answer | null> => {
  const s = state
  if (!s) return bad(NOT_STARTED)
  if (!isMetric(metric)) return bad('metric ' + JSON.stringify(metric) + ' is not csat, nps, ces or thumbs.')
  if (!isObject(a) || typeof a.touchpoint != 'string' || !a.touchpoint.trim()) return bad('"touchpoint" id missing.')
  const comment = a.comment ?? 'off'
  const inline = a.display == 'inline'
  if (
    !commentModes.includes(comment) ||
    (a.question != null && typeof a.question != 'string') ||
    (a.context != null && !isObject(a.context)) ||
    (inline && !(a.target instanceof Element))
  )
    return bad('bad comment, question, context or target.')
  const id = a.touchpoint.trim()
  if (!s.consented) return debug('not asking "' + id + '": waiting for consent(true)'), Promise.resolve(null)
  const rate = typeof a.sampleRate == 'number' ? a.sampleRate : s.o.sampleRate
  const why = a.force ? null : s.guard.blocked(id, rate, auto && !inline)
  if (why) return logBlocked(id, why), Promise.resolve(null)
  if (!inline && s.popover) return logBlocked(id, 'another popover is open'), Promise.resolve(null)

  const t = strings(s.o.locale || navigator.language || 'en')
  const question = a.question?.trim() || t[`${metric}Question`]
  const info = { touchpoint: id, metric }
  return new Promise<Answer | null>((resolve) => {
    let answer: Answer | null = null
    let unmount = () => {}
    // Removes the prompt (thank-you over, dismissed, or destroy()) and frees the popover slot.
    const remove = () => {
      if (!s.open.delete(remove)) return
      if (!inline) s.popover = false
      unmount()
      resolve(answer)
    }
    const answered = (a: Answer) => {
      s.guard.answered(id)
      emitter.emit('answered', a)
      resolve(a)
    }
    s.open.add(remove)
    if (!inline) s.popover = true
    try {
      unmount = mountPrompt(
        {
          metric,
          question,
          comment,
          t,
          autofocus: focus && !!navigator.userActivation?.isActive,
          onScore(score, more) {
            answer = buildAnswer({
              touchpoint: id,
              metric,
              score,
              scale: metrics[metric],
              question,
              site: s.o.site,
              locale: s.o.locale || navigator.language || '',
              vitals: vitals(),
              context: { ...s.context, ...a.context },
            })
            void s.outbox.add(answer, more)
            if (!more) answered(answer)
          },
          onComment(c) {
            if (!answer) return
            if (c) answer.comment = c
            void s.outbox.add(answer)
            answered(answer)
          },
          onDismiss() {
            s.guard.dismissed(id)
            emitter.emit('dismissed', info)
            remove()
          },
          // An inline prompt stays in its element, showing its thank-you.
          onClose: () => inline || remove(),
        },
        { target: inline ? a.target : undefined, position: s.o.position, theme: s.o.theme },
      )
      s.guard.shown(auto && !inline)
      emitter.emit('shown', info)
    } catch (e) {
      warn(e)
      remove()
    }
  })
}, Promise.resolve(null))

/** Asks one question. Never throws or rejects: resolves to the answer, or null when none was given. */
export const ask = (metric: Metric, options: AskOptions): Promise<Answer | null> =>
  askFrom(metric, options, false)

/** Listens to 'shown' | 'answered' | 'dismissed' | 'sent' | 'failed'; returns the unsubscribe function. */
// A listener that is no function is reported by the emitter when it is called.
const onImpl = <K extends EventName>(event: K, listener: Listener<K>): (() => void) => emitter.on(event, listener)
export const on = safe(onImpl as (e: EventName, l: Listener<EventName>) => () => void, () => {}) as typeof onImpl

/** Adds context (plan, experiment, …) to every later answer. */
export const setContext = safe((context: Record<string, unknown>): void => {
  if (!state) return warn(NOT_STARTED)
  if (!isObject(context)) return warn('setContext() needs an object.')
  Object.assign(state.context, context)
})

/** With `requireConsent`, prompts are shown only after consent(true); consent(false) withdraws it. */
export const consent = safe((granted: boolean): void => {
  if (!state) return warn(NOT_STARTED)
  state.consented = !!granted
})

/** Delivers what is queued now; resolves when this attempt is over. */
export const flush = safe((): Promise<void> => state?.outbox.flush() ?? Promise.resolve(), Promise.resolve())

/** Removes every prompt, listener and observer. Stored answers stay for the next start. */
export const destroy = safe((): void => {
  const s = state
  if (!s) return
  s.open.forEach((remove) => remove())
  s.outbox.stop()
  cleanups.splice(0).forEach((fn) => fn())
  emitter.clear()
  state = null
})
