// The public API: init, ask, on, setContext, consent, flush, destroy (src/index.ts re-exports it).
import type { Answer, AskOptions, EventMap, EventName, Metric } from '../contract'
import { safe, setDebug, warn } from '../shared/log'
import { isObject } from '../shared/parse'
import { askFrom, fetchFor } from './ask'
import { atom } from './atom'
import type { Listener } from './events'
import { createGuard } from './guard'
import { whenIdle } from './idle'
import { parseOptions, type Options } from './options'
import { createQueue } from './queue'
import { cleanups, emitter, NOT_STARTED, running, setRunning } from './state'
import { startTab } from './tab'
import { VERSION } from './version'

/** Starts Touchpoint. `nonce`: the script tag's nonce, for browsers that need a `<style>`. */
export const start = safe((options: unknown, fromAttributes: boolean, nonce: string = ''): void => {
  if (running()) return warn('init() called twice.')
  // Anything but an object has no option of ours: Object() makes it one to read (a few bytes less
  // than a check; a string or an array is only warned about key by key).
  const o = parseOptions(Object(options) as Record<string, unknown>, fromAttributes)
  if (!o) return
  setDebug(o.debug)
  const s = {
    options: o,
    outbox: createQueue({ ...o, version: VERSION, emit: emitter.emit }),
    guard: createGuard(o),
    context: {},
    nonce,
    asking: atom(null),
    consent: atom(!o.requireConsent),
  }
  setRunning(s)
  s.outbox.start()
  // Checked by the tab file (parseOptions passes it through): a bare data-tab is "", on with defaults.
  if (o.tab != null) startTab(s, o.tab)
  // An offline-first site's visitor may lose the network before being asked (README, "Offline").
  if (o.prefetch == 'idle') whenIdle(() => void (running() == s && fetchFor(s)), 5000)
})

/** Starts Touchpoint: validates options and delivers what earlier visits left. */
export const init = (options: Partial<Options>): void => start(options, false)

/** Asks one question. Never throws or rejects: resolves to the answer, or null when none was given. */
export const ask = (metric: Metric, options: AskOptions): Promise<Answer | null> =>
  askFrom(metric, options, false)

// A listener that is no function is reported by the emitter when it is called.
/** Listens to 'shown' | 'answered' | 'dismissed' | 'sent' | 'failed'; returns the unsubscribe function. */
export const on = safe(
  (event: EventName, listener: Listener<EventName>) => emitter.on(event, listener),
  () => {},
) as <K extends EventName>(event: K, listener: (payload: EventMap[K]) => void) => () => void

/** Adds context (plan, experiment, …) to every later answer. */
export const setContext = safe((context: Record<string, unknown>): void => {
  const s = running()
  if (!s) return warn(NOT_STARTED)
  if (!isObject(context)) return warn('setContext() needs an object.')
  Object.assign(s.context, context)
})

/**
 * With `requireConsent`, prompts are shown only after consent(true). consent(false) withdraws it:
 * open prompts close, and everything this visitor has queued and the local state of the rules
 * (sampling draw, cooldowns) are erased, so nothing queued before it is ever sent.
 */
export const consent = safe((granted: boolean): Promise<void> => {
  const s = running()
  if (!s) return warn(NOT_STARTED), Promise.resolve()
  // Open prompts follow the atom: withdrawn, they close.
  s.consent.set(!!granted)
  if (granted) return Promise.resolve()
  // The rules' state and the hint go once the outbox is empty: a write the delivery engine had
  // under way (a failed send's retry count) sets the hint again until then.
  return s.outbox
    .clear()
    .catch((e) => warn('could not erase queued answers:', e))
    .then(s.guard.forget)
}, Promise.resolve())

/** Delivers what is queued now; resolves when this attempt is over. */
export const flush = safe((): Promise<void> => running()?.outbox.flush() ?? Promise.resolve(), Promise.resolve())

/** Removes every prompt, listener and observer. Stored answers stay for the next start. */
export const destroy = safe((): void => {
  const s = running()
  if (!s) return
  // Prompts may no longer be on screen: the open ones close, as when consent is withdrawn.
  s.consent.set(false)
  s.outbox.stop()
  cleanups.splice(0).forEach((fn) => fn())
  emitter.clear()
  setRunning(null)
})
