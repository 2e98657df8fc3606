import type { ExplainPart, HookPart, Pack, PromptPart, Vitals } from '../contract'
import { debug, warn } from '../shared/log'
import { whenIdle } from './idle'
import { describe, importExplain, importHook, importLocale, importPrompt, importVitals, retryLater } from './modules'

/**
 * Whether this browser can show a prompt. Older ones than README's support table (no CSS `inset`:
 * Chrome/Edge < 87, Safari < 14.1) show nothing, so store nothing, silently, and fetch no part
 * to show. Asked only when something would be shown, never at load: a page's first CSS.supports
 * call costs about 1 ms of main-thread script time (the first CSS the page parses from script).
 */
export const supported = (): boolean | undefined => CSS.supports?.('inset:0')

/** What a prompt needs before it can be shown. */
export interface Fetched {
  prompt: PromptPart
  /** The locale's pack; null for English (inside the prompt), or when its pack could not be fetched. */
  strings: Pack | null
  /** The locale actually shown. */
  locale: string
}

// One fetch per part and page: fetched ahead by a trigger about to fire, awaited by ask().
// A failed fetch is forgotten, so the next ask() tries again.
let prompt: Promise<PromptPart | null> | undefined
const packs: Record<string, Promise<Pack | null>> = {}
let hook: Promise<HookPart | null> | undefined
/** The hook part (the app's beforeSend), once here: a prompt is only shown after it. */
export let hookPart: HookPart | null = null
let vitals: Promise<unknown> | undefined
let vitalsNow: () => Vitals = () => ({})
const AGAIN = 'the next ask() tries again.'

/**
 * Fetches one part on demand. Never rejects: a failed fetch is forgotten (so the next attempt
 * fetches it again, under a new URL), said once in the console naming the file, followed by
 * `then` (what happens now), or only in debug mode when `then` is false; resolves to null.
 */
export const fetchPart = <T>(part: string, importIt: () => Promise<T>, forget: () => void, then: string | false): Promise<T | null> =>
  importIt().catch((e: unknown) => {
    const msg = 'could not load ' + describe(part) + ' (' + ((e as Error)?.message || e) + ')'
    forget()
    retryLater()
    if (then) warn(msg + '; ' + then)
    else debug(msg)
    return null
  })

/**
 * Says what is wrong with a site's input. The words are in a file of their own, fetched only then:
 * pages without a mistake never download them. If it cannot be fetched, `then` names what to fix.
 */
export const explain = <K extends keyof ExplainPart>(part: K, args: Parameters<ExplainPart[K]>, then: string): Promise<void> =>
  fetchPart('explain', importExplain, () => {}, then).then((m) => void (m && (m[part] as (...a: unknown[]) => void)(...args)))

/** Starts fetching the pack of `locale`; none for English, which the prompt and the tab carry. */
export const fetchPack = (locale: string): Promise<Pack | null> | null =>
  locale == 'en'
    ? null
    : (packs[locale] ??= fetchPart('i18n.' + locale, () => importLocale(locale).then((m) => m.default), () => delete packs[locale], AGAIN))

/**
 * Starts fetching what a prompt in `locale` needs, without waiting: triggers call it as soon as
 * a prompt becomes likely, ask() awaits it. Once the prompt (and its pack) are here, `after` runs
 * at the next idle moment: the files the prompt does not wait for (web-vitals, the delivery
 * engine) are fetched from there. Never rejects; resolves to null when the prompt file could not
 * be fetched (one warning names it).
 */
export const fetchAhead = (locale: string, withHook: boolean, after: () => void): Promise<Fetched | null> => {
  if (!supported()) return Promise.resolve(null)
  prompt ??= fetchPart('prompt', importPrompt, () => (prompt = undefined), AGAIN)
  // With a beforeSend, its part too: a prompt whose answers could not go through it is not shown.
  if (withHook) hook ??= fetchPart('hook', () => importHook().then((m) => (hookPart = m)), () => (hook = undefined), AGAIN)
  // Requested at ask() beside the prompt, web-vitals and the delivery engine arrived with it and
  // were compiled and run before it, on the main thread, in the middle of the first paint's way.
  // Requested once the prompt is here and the page idle (after that paint, or within 0.5 s), they
  // arrive while the visitor reads the question. An answer carries the vitals known when it is
  // given (readVitals() reads them then): none if web-vitals is still on its way; an answer given
  // before the engine is here fetches it at once (queue.ts add()).
  return Promise.all([prompt, fetchPack(locale), withHook && hook]).then(
    ([module, pack, h]) => (whenIdle(after, 500), h === null ? null : module && { prompt: module, strings: pack || null, locale: pack ? locale : 'en' }),
  )
}

/** Starts fetching web-vitals, which starts measuring once here. */
export const fetchVitals = (): Promise<unknown> =>
  (vitals ??= fetchPart('web-vitals', () => importVitals().then((m) => (vitalsNow = m.startVitals())), () => (vitals = undefined), false))

/** The page's web vitals so far: empty until web-vitals has been fetched (or when it could not be). */
export const readVitals = (): Vitals => vitalsNow()
