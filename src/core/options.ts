import type { Answer, ContactMode, Metric, TabOptions, TransportResult } from '../contract'
import { positions, prefetchModes, themes } from '../shared/choices'
import { contactModes } from '../shared/metrics'
import { isObject } from '../shared/parse'
import { explain } from './parts'

/** Everything `init()` accepts. Each option is also a `data-*` attribute of the script tag (kebab case). */
export interface Options {
  /** Collector URL answers are POSTed to (required, http or https). */
  endpoint: string
  /** Site id sent with every answer. */
  site: string
  /** BCP 47 locale for prompt texts and the answer; defaults to the browser's language. */
  locale: string
  /** `auto` follows prefers-color-scheme. */
  theme: 'auto' | 'light' | 'dark'
  /** Corner a popover floats in. */
  position: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left'
  /** Share of visitors (0–1) who are asked at all. */
  sampleRate: number
  /** Days a touchpoint stays quiet for a visitor after they answered it. */
  cooldownDays: number
  /** Days a touchpoint stays quiet for a visitor after they dismissed it. */
  dismissCooldownDays: number
  /** Automatic popovers at most per visit (tab session); explicit `ask()` calls do not count. */
  maxPopoversPerVisit: number
  /** Scan the page for `data-touchpoint` elements (script tag only). */
  scan: boolean
  /** No prompt is shown until `consent(true)` is called. */
  requireConsent: boolean
  /** Log what Touchpoint decides to the console. */
  debug: boolean
  /** Answers carry the page's web vitals (LCP, INP, CLS, FCP, TTFB); web-vitals is fetched with the prompt. */
  vitals: boolean
  /** Overrides of prompt strings, any locale (keys as in README); `data-texts` holds JSON. */
  texts: Record<string, string>
  /** Query parameters kept in `page.url` (`*`: all); `data-url-params` is comma-separated. The rest and the fragment are dropped. */
  urlParams: string[]
  /**
   * Called once per answer before it is stored: return it (changed or not) to keep it, or null to
   * drop it. A hook that throws is reported and the answer kept unchanged. `init()` only.
   */
  beforeSend: ((answer: Answer) => Answer | null) | null
  /**
   * Delivers a request body yourself (your fetch client, auth, a queue you already run) and
   * resolves to the collector's `{ status, retryAfter? }` (retryAfter in seconds). The outbox keeps
   * every guarantee; a transport that throws counts as a network error. `init()` only.
   */
  transport: ((body: string) => Promise<TransportResult>) | null
  /** The contact step of every prompt that sets none: `off`, `low` (after a low score) or `always`. */
  contact: ContactMode
  /** Extra request headers for the built-in transport (e.g. a collector key); they make each POST preflighted. */
  headers: Record<string, string>
  /** The feedback tab: a metric (`data-tab="csat"`) or its options (README "Feedback tab"); off by default. */
  tab: Metric | TabOptions | boolean | null
  /** The shape answers are POSTed in: `json` (the wire format, default), `segment`, `cloudevents`, `posthog` (README "Delivery formats"). */
  format?: 'json' | 'segment' | 'cloudevents' | 'posthog'
  /** The receiver's key: Segment's (or RudderStack's) write key, PostHog's project API key. */
  formatKey?: string
  /** `idle`: fetch the prompt's files once the page is idle, so a visitor offline by then can still answer. */
  prefetch: 'none' | 'idle'
}

// A check returns undefined for a value it cannot accept; one that throws (a number has no trim(),
// bad JSON) did not accept it either. What each expected is in the explain file (src/explain/),
// fetched only when a value is not accepted.
type Check<T> = (raw: unknown) => T | undefined
const check =
  <T>(fn: Check<T>): Check<T> =>
  (v) => {
    try {
      return fn(v)
    } catch {
      return undefined
    }
  }
const oneOf = <T extends string>(words: readonly T[]) => check((v) => (words.includes(v as T) ? (v as T) : undefined))
const num = (min: number, max = Infinity) =>
  check((v) => {
    const n = typeof v == 'string' && v.trim() ? Number(v) : v
    return typeof n == 'number' && n >= min && n <= max ? n : undefined
  })

const str = check((v) => (typeof v == 'string' ? v.trim() : undefined))
const bool = check((v) => (v === true || v === '' || v === 'true' ? true : v === false || v === 'false' ? false : undefined))
const url = check((v) => {
  const t = (v as string).trim()
  const u = new URL(t, document.baseURI)
  return t && /^https?:$/.test(u.protocol) ? u.href : undefined
})

const fn = check((v) => (typeof v == 'function' ? v : undefined)) as Check<never>
// JSON in a data attribute, an object from init(): an object of strings either way.
const strings = check((v) => {
  const o: unknown = typeof v == 'string' ? JSON.parse(v) : v
  return isObject(o) && Object.values(o).every((t) => typeof t == 'string') ? (o as Record<string, string>) : undefined
})
// A number from 0 up: the days of a cooldown, the popovers of a visit.
const fromZero = num(0)
// A string splits into names; an array's names must be strings (a number has no trim()).
const list = check((v) => (Array.isArray(v) ? (v as string[]) : (v as string).split(',')).map((n) => n.trim()).filter(Boolean))

// One table: each option's default and parser. README lists the same rows.
// `tab` and `format` are not here: the tab file checks `tab` and reads the data-tab-* attributes
// itself (core/tab.ts), the delivery engine checks `format` and `formatKey`, so the core, which every
// page view pays for, carries no code for them: it passes them through as given.
// `endpoint` has no default: without it Touchpoint does not start.
export const spec: { [K in Exclude<keyof Options, 'tab' | 'format' | 'formatKey'>]: [Options[K], Check<Options[K]>] } = {
  endpoint: [undefined as never, url],
  site: ['', str],
  locale: ['', str],
  theme: ['auto', oneOf(themes)],
  position: ['bottom-right', oneOf(positions)],
  sampleRate: [1, num(0, 1)],
  cooldownDays: [30, fromZero],
  dismissCooldownDays: [7, fromZero],
  maxPopoversPerVisit: [2, fromZero],
  scan: [true, bool],
  requireConsent: [false, bool],
  debug: [false, bool],
  vitals: [true, bool],
  texts: [{}, strings],
  urlParams: [[], list],
  beforeSend: [null, fn],
  transport: [null, fn],
  headers: [{}, strings],
  contact: ['off', oneOf(contactModes)],
  prefetch: ['none', oneOf(prefetchModes)],
  // Checked by the tab file (src/tab/options.ts), which only sites with a tab fetch.
}

/**
 * Validates raw options (from `init()` or from data attributes). A wrong value is replaced by its
 * default, an unknown option ignored, and the explain file then says each, naming it as the user
 * wrote it and what was expected. Returns null when `endpoint` is missing or invalid (the explain
 * file says so as an error): without it nothing could be delivered.
 */
export const parseOptions = (raw: Record<string, unknown>, fromAttributes = false): Options | null => {
  const out: Record<string, unknown> = {}
  const bad: string[] = []
  for (const key in spec) {
    const [def, parse] = spec[key as keyof typeof spec] as [unknown, Check<unknown>]
    const v = raw[key]
    // Only `endpoint` has no default: missing or not accepted, it stays undefined.
    if ((out[key] = v == null ? def : parse(v)) === undefined) {
      out[key] = def
      bad.push(key)
    }
  }
  // `tab*` and `format*` pass through unchecked (see the table): their parts check them.
  for (const key in raw) if (!(key in spec)) /^(tab|format)/.test(key) ? (out[key] = raw[key]) : bad.push(key)
  if (bad[0]) void explain('options', [raw, bad, out, fromAttributes], 'options not taken: ' + bad.join(', ') + '.')
  return out.endpoint ? (out as unknown as Options) : null
}

/** Reads the options of a script tag from its `data-*` attributes (dataset camel-cases them). */
export const readAttributes = (el: HTMLElement): Record<string, unknown> => ({ ...el.dataset })
