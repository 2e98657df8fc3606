import type { Answer } from './answer'
import { atom, type WritableAtom } from 'nanostores'
import { createEmitter, type EventName, type Listener } from './events'
import { createGuard, logBlocked, type Guard } from './guard'
import { fetchAhead, readVitals } from './load'
import { chooseLocale } from './locale'
import { safe, setDebug, warn } from './log'
import { commentModes, isMetric, type CommentMode, type Metric } from './metrics'
import { isObject, parseOptions, type Options } from './options'
import { createQueue, type Queue } from './outbox/queue'
import { VERSION } from './version'

/** What `ask()` accepts besides the metric. */
export interface AskOptions {
  /** The touchpoint's id, sent with the answer (required). */
  touchpoint: string
  /** Question text; each metric has a default. */
  question?: string
  /** Comment step after the score: `off` (default), `optional`, `required`, or `low` (only after a low score). */
  comment?: CommentMode
  /** Merged into the answer's context, over `setContext()`'s. */
  context?: Record<string, unknown>
  /** The touchpoint's stage of the customer journey (awareness, consideration, purchase, …), sent as `stage`. */
  stage?: string
  /** `popover` (default) floats in a corner; `inline` renders inside `target`. */
  display?: 'popover' | 'inline'
  /** Element an inline prompt is rendered in. */
  target?: Element
  /** Ask even when sampling or a cooldown would not. */
  force?: boolean
  /** Share of visitors asked, overriding the `sampleRate` option. */
  sampleRate?: number
}

export interface State {
  options: Options
  outbox: Queue
  guard: Guard
  context: Record<string, unknown>
  /** Removes each prompt on screen. */
  open: Set<() => void>
  /**
   * The state the core and the prompt file share, as nanostores atoms (the prompt file gets these
   * very atoms, so it carries no copy of nanostores): which popover is being asked — fetched or on
   * screen; one at a time — and whether prompts may be shown (consent).
   */
  asking: WritableAtom<{ touchpoint: string; metric: Metric } | null>
  /** Whether prompts may be shown: false until consent(true) when `requireConsent` is set. */
  consent: WritableAtom<boolean>
}

const emitter = createEmitter()
let state: State | null = null
let nonce = ''
const cleanups: (() => void)[] = []



/** Runs `fn` when Touchpoint is destroyed (used by the script-tag scanner). */
export const onDestroy = (fn: () => void): void => void cleanups.push(fn)
export const current = (): Options | null => state?.options ?? null

/** Starts Touchpoint. `scriptNonce`: the script tag's nonce, for browsers that need a `<style>`. */
export const start = safe((options: unknown, fromAttributes: boolean, scriptNonce: string = ''): void => {
  if (state) return warn('init() called twice.')
  const o = parseOptions(isObject(options) ? options : {}, fromAttributes)
  if (!o) return
  setDebug(o.debug)
  nonce = scriptNonce
  state = {
    options: o,
    outbox: createQueue({ ...o, version: VERSION, emit: emitter.emit }),
    guard: createGuard(o),
    context: {},
    open: new Set(),
    asking: atom(null),
    consent: atom(!o.requireConsent),
  }
  state.outbox.start()
})

/** Starts Touchpoint: validates options and delivers what earlier visits left. */
export const init = (options: Partial<Options>): void => start(options, false)

/**
 * Starts fetching the prompt (its locale pack, web-vitals) because one is about to be wanted:
 * the trigger of touchpoint `id` is about to fire. Nothing is fetched for a touchpoint that would
 * not ask this visitor anyway (sampled out, in a cooldown, no consent), so they never pay for it.
 */
export const prepare = (id: string, sampleRate?: number | null): void => {
  const s = state
  if (s && s.consent.get() && !s.guard.blocked(id, sampleRate ?? s.options.sampleRate, false)) void fetchFor(s)
}
const fetchFor = (s: State) => (s.outbox.prepare(), fetchAhead(chooseLocale(s.options.locale), s.options.vitals))

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
  const inline = a.display == 'inline'
  if (
    !commentModes.includes(a.comment ?? 'off') ||
    (a.question != null && typeof a.question != 'string') ||
    (a.stage != null && typeof a.stage != 'string') ||
    (a.context != null && !isObject(a.context)) ||
    (inline && !(a.target instanceof Element))
  )
    return bad('bad comment, question, stage, context or target.')
  const id = a.touchpoint.trim()
  const why = s.consent.get()
    ? (!a.force && s.guard.blocked(id, a.sampleRate ?? s.options.sampleRate, auto && !inline)) ||
      (!inline && s.asking.get() && 'another popover is open')
    : 'waiting for consent(true)'
  if (why) return logBlocked(id, why), Promise.resolve(null)
  // The popover slot is taken now, while the prompt is fetched: two triggers at once show one.
  if (!inline) s.asking.set({ touchpoint: id, metric })
  return fetchFor(s).then((loaded) => {
    if (loaded && state == s && s.consent.get())
      return loaded.prompt.show({
        state: s,
        emit: emitter.emit,
        metric,
        ask: a,
        id,
        inline,
        auto,
        focus,
        nonce,
        strings: loaded.strings,
        locale: loaded.locale,
        readVitals,
      })
    if (!inline) s.asking.set(null)
    return null
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

/**
 * With `requireConsent`, prompts are shown only after consent(true). consent(false) withdraws it:
 * open prompts close, and everything this visitor has queued and the local state of the rules
 * (sampling draw, cooldowns) are erased, so nothing queued before it is ever sent.
 */
export const consent = safe((granted: boolean): Promise<void> => {
  if (!state) return warn(NOT_STARTED), Promise.resolve()
  // Open prompts follow the atom: withdrawn, they close.
  state.consent.set(!!granted)
  if (granted) return Promise.resolve()
  state.guard.forget()
  return state.outbox.clear().catch((e) => warn('could not erase queued answers:', e))
}, Promise.resolve())

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
