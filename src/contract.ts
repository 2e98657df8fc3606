// The boundary between the core (dist/touchpoint.js, or the npm module's entry) and the parts it
// fetches on demand (prompt, delivery engine, scanner, web-vitals, language packs). Types only, so
// importing it costs no byte: both sides import it, neither imports the other (docs/architecture.md).
// No property here starts with `_`: the build mangles such names separately in each shipped file,
// so one crossing a file boundary would arrive under another name (scripts/check-mangle.js).
import type { ReadableAtom } from 'nanostores'

/** The CX metrics Touchpoint asks. */
export type Metric = 'csat' | 'nps' | 'ces' | 'thumbs'
export type Scale = { min: number; max: number }
/**
 * The comment step: `off`, `optional`, `required`, or `low` (optional, and only after a low
 * score: the visitor who is unhappy is the one worth asking why).
 */
export type CommentMode = 'off' | 'optional' | 'required' | 'low'
/**
 * The contact step: `off` (default), `low` (only after a low score: the customer worth calling
 * back), or `always`. It asks whether the site may contact the visitor about this answer.
 */
export type ContactMode = 'off' | 'low' | 'always'

/** The page's web vitals when the answer was given (ms; CLS unitless). */
export type Vitals = Partial<Record<'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB', number>>

/** One answer, exactly as it travels to the collector (README "Wire format"). */
export interface Answer {
  id: string
  touchpoint: string
  metric: Metric
  score: number
  scale: Scale
  question: string
  comment?: string
  /** Present only when the visitor ticked "May we contact you about this?" (`email` absent when `context.userId` says who they are). */
  contact?: { consent: true; email?: string; at: string }
  createdAt: string
  /** 1 when first stored; one more each time it is completed (a comment after the score went out). */
  revision: number
  /** The touchpoint's stage of the customer journey (awareness, purchase, support, …). */
  stage?: string
  site?: string
  locale?: string
  page: { url: string; title: string; referrer: string }
  vitals?: Vitals
  context?: Record<string, unknown>
}

/** What `on()` listeners receive. */
export interface EventMap {
  shown: { touchpoint: string; metric: string }
  answered: Answer
  dismissed: { touchpoint: string; metric: string }
  sent: Answer
  failed: { answer: Answer | null; status: number | null; reason: string; permanent: boolean }
}
export type EventName = keyof EventMap
export type Emit = <K extends EventName>(name: K, payload: EventMap[K]) => void

/** What ask() accepts besides the metric. */
export interface AskOptions {
  /** The touchpoint's id, sent with the answer (required). */
  touchpoint: string
  /** Question text; each metric has a default. */
  question?: string
  /** Comment step after the score: `off` (default), `optional`, `required`, or `low` (only after a low score). */
  comment?: CommentMode
  /** Contact step after the score: `off`, `low` (only after a low score) or `always`; default: the `contact` option (`off`). */
  contact?: ContactMode
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

/** What a `transport` resolves to. */
export interface TransportResult {
  status: number
  /** Seconds the collector asked to wait (its Retry-After), if it did. */
  retryAfter?: number | null
}

/**
 * Every text a visitor can see or hear, in one flat table per locale: flat keys are what
 * `texts` / `data-texts` override, and what a translator fills in.
 */
export interface Strings {
  /** Writing direction of the language: 'rtl' for Arabic, Hebrew, Persian. */
  dir: 'ltr' | 'rtl'
  csatQuestion: string
  npsQuestion: string
  cesQuestion: string
  thumbsQuestion: string
  // Words under the two ends of each scale; also part of the end choices' accessible names.
  csatLow: string
  csatHigh: string
  npsLow: string
  npsHigh: string
  cesLow: string
  cesHigh: string
  thumbsDown: string
  thumbsUp: string
  /** Accessible name of a numeric choice: {score} and {max} are replaced, e.g. "9 of 10". */
  outOf: string
  /** The comment step after a middle score (or whenever the band is not known). */
  commentLabel: string
  /** The comment step after a low score (NPS 0–6, CSAT 1–3, CES 1–4, thumbs down). */
  commentLow: string
  /** The comment step after a high score (NPS 9–10, CSAT 4–5, CES 6–7, thumbs up). */
  commentHigh: string
  commentOptional: string
  commentRequired: string
  send: string
  close: string
  thanks: string
  /** Heading (legend) of the contact step, offered after a low score when the site enables `contact`. */
  contactQuestion: string
  /** Label of the contact step's checkbox (unticked by default): consent to be contacted about this answer. */
  contactConsent: string
  /** Label of the contact step's e-mail field (not shown when the site already knows who the visitor is). */
  contactEmail: string
  /** Error shown (and announced) when the box is ticked but the e-mail is not valid. */
  contactInvalid: string
  /** Visible label and accessible name of the feedback tab fixed at a screen edge (`data-tab`). */
  tabLabel: string
  /** Accessible name (and tooltip) of the tab's small ×, which hides the tab for some days. */
  tabHide: string
}

/** The strings the prompt reads: all but the feedback tab's own, which the tab file carries. */
export type PromptStrings = Omit<Strings, keyof TabStrings>
/** The feedback tab's strings: the last keys of every pack (the build puts them after the prompt's). */
export type TabStrings = Pick<Strings, 'tabLabel' | 'tabHide'>

/** One question the core has decided to ask: what the prompt shows and puts into the answer. */
export interface Question {
  metric: Metric
  /** The touchpoint id, trimmed. */
  touchpoint: string
  /** As given to ask() (checked): question, comment, stage, context, display and target. */
  ask: AskOptions
  /** May take keyboard focus (the visitor's own action opened it). */
  focus: boolean
  /** The locale shown, sent as the answer's `locale`. */
  locale: string
  /** Its pack; null for English, which the prompt carries itself. */
  strings: Pack | null
  /** The script tag's nonce, for a `<style>` where constructable stylesheets are missing. */
  nonce: string
  /** The options the prompt reads (the core hands its own options object). */
  options: {
    site: string
    theme: string
    position: string
    vitals: boolean
    texts: Record<string, string>
    urlParams: string[]
    /** The site-wide contact step (`off`, `low`, `always`). */
    contact: string
  }
  /** What setContext() added, as of now: the answer carries it, under ask()'s own context. */
  context: Record<string, unknown>
  /** The page's web vitals as of now (empty until web-vitals has been fetched). */
  vitals(): Vitals
}

/**
 * What the core offers a prompt: the only way out of the prompt file. The core decides the rules
 * (cooldown marks, the per-visit cap, the popover slot) and reports the events; the prompt only
 * says what the visitor did.
 */
export interface PromptHost {
  /** Stores a version of the answer (`hold`: a comment step follows) before anything else happens with it. */
  store(answer: Answer, hold: boolean): void
  shown(): void
  answered(answer: Answer): void
  dismissed(): void
  /** The prompt has left the page: its popover slot is free. */
  release(): void
  /** Whether prompts may be on screen: it turns false when consent is withdrawn or on destroy(). */
  consent: Pick<ReadableAtom<boolean>, 'get' | 'listen'>
}

/** What dist/touchpoint.prompt.js (the npm module's prompt chunk) exports. */
export interface PromptPart {
  /** Shows the question; settles with the answer, or null when none was given. */
  show(question: Question, host: PromptHost): Promise<Answer | null>
}

/**
 * The feedback tab (`tab` option, `data-tab-*` attributes): as given, checked by the tab file
 * (a wrong value is one warning and its default), so the core carries no parser for them.
 */
export interface TabOptions {
  /** The metric the tab asks (default `csat`). */
  metric?: Metric
  /** Visible label (default: the pack's `tabLabel`, "Feedback"). */
  label?: string
  /** `right` (default), `left`, `bottom-right` or `bottom-left`. */
  position?: 'right' | 'left' | 'bottom-right' | 'bottom-left'
  /** At 480 px and narrower: `icon` (default: a small icon in the bottom corner), `hide` or `show`. */
  mobile?: 'icon' | 'hide' | 'show'
  /** Touchpoint id of its answers (default `tab`). */
  touchpoint?: string
  /** Journey stage sent with its answers. */
  stage?: string
  /** After an answer: `stay` (default) or `hide` (for the rest of the page view). */
  after?: 'stay' | 'hide'
  /** Days the tab stays hidden after its × (default 30). */
  dismissDays?: number
}

/**
 * What the core offers the tab file: its running state and three of its functions. `askFrom`:
 * the tab asks with `force` (no sampling, no cooldown: the visitor asked), not `auto` (outside the
 * per-visit cap). `prepare`: the core's fetch-ahead, when the visitor reaches for the tab.
 */
export interface TabHost extends ScannerHost {
  /**
   * `tab` as given to init() (unchecked), or the script tag's `data-tab`: a string, and then the
   * tab file reads the tag's `data-tab-*` attributes itself.
   */
  tab: unknown
  options: { theme: string; texts: Record<string, string> }
  /** The visitor's locale (as the prompt will choose it, at start). */
  locale: string
  /** Fetches a locale's pack: null for English (not even a promise), or when it could not be fetched. */
  pack(locale: string): Promise<Pack | null> | null
  /** The popover being asked (null when none): the tab's aria-expanded follows it. */
  asking: Pick<ReadableAtom<{ touchpoint: string } | null>, 'get' | 'listen'>
  /** Whether prompts may be on screen: the tab shows only while it is true. */
  consent: Pick<ReadableAtom<boolean>, 'get' | 'listen'>
  nonce: string
}

/** What dist/touchpoint.tab.js exports. */
export interface TabPart {
  /** Puts the tab on the page; returns the function that removes it. */
  showTab(host: TabHost): () => void
}

/** What dist/touchpoint.hook.js (the npm module's hook chunk) exports. */
export interface HookPart {
  /** A version of an answer as the app's beforeSend leaves it; null: not stored. */
  hook(answer: Answer, beforeSend: (answer: Answer) => Answer | null): Answer | null
}

/**
 * What dist/touchpoint.explain.js (the npm module's explain chunk) exports: the words for what is
 * wrong with a site's input, which the core, checking it, carries none of.
 */
export interface ExplainPart {
  /**
   * Says what is wrong with each of `bad`, keys of init()'s options (data-* attributes when
   * `fromAttributes`) as given in `raw`: a value not accepted (`used` holds the default taken
   * instead; a bad `endpoint` stops Touchpoint), or an option it does not know.
   */
  options(raw: Record<string, unknown>, bad: string[], used: Record<string, unknown>, fromAttributes: boolean): void
  /** Says what is wrong with the arguments of an ask() the core refused. */
  ask(metric: unknown, options: unknown): void
}

/** What dist/touchpoint.web-vitals.js exports. */
export interface VitalsPart {
  /** Starts measuring (once) and returns the function that reads the latest values. */
  startVitals(): () => Vitals
}

/** What dist/touchpoint.i18n.<code>.js exports. */
export interface LocalePart {
  default: Pack
}
/**
 * A language pack: its strings in English's key order as the build ships it (keys cost more bytes
 * than many translations), or the object itself when read from the sources (unit tests).
 */
export type Pack = Strings | readonly string[]

/** What the core offers the scanner. */
export interface ScannerHost {
  /**
   * ask() for a trigger: `auto` marks prompts opened by a trigger, not by code; `focus` lets the
   * prompt take keyboard focus when the visitor's own action (a click) opened it.
   */
  askFrom(metric: Metric, options: AskOptions, auto: boolean, focus?: boolean): Promise<Answer | null>
  /** The trigger of touchpoint `id` is about to fire: fetch what its prompt needs. */
  prepare(id: string, sampleRate?: number | null): void
}

/** What dist/touchpoint.touchpoints.js exports. */
export interface ScannerPart {
  /** Watches the page's data-touchpoint elements; returns the function that stops it all. */
  scanTouchpoints(host: ScannerHost): () => void
}

/**
 * One answer as the outbox keeps it, under `q:<id>` (queued) or `x:<id>` (set aside). `hold`
 * keeps it back while its visitor is still writing a comment. Stored in IndexedDB, so its field
 * names are never mangled by the build: a record written by one version must be readable by the next.
 */
export interface StoredAnswer {
  answer: Answer
  endpoint: string
  tries: number
  /** The session id of the page holding it. */
  hold?: string
  holdUntil?: number
}

/**
 * Key-value storage of the outbox (the core's, handed to the delivery engine): IndexedDB with an
 * in-memory map beside it for whatever IndexedDB cannot hold. The core only writes and deletes;
 * reading is the engine's (`Store.all`, src/delivery/store.ts), so every page view carries no reader.
 */
export interface CoreStore {
  set(pairs: [string, unknown][]): Promise<void>
  /** Deletes these keys; without keys, everything (consent withdrawn). */
  del(keys?: string[]): Promise<void>
  /**
   * One IndexedDB transaction over the outbox: `fn` makes its requests. Resolves to whether it
   * completed; if not, IndexedDB cannot be used now (reported), and `mem` holds what it would.
   */
  tx(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => void): Promise<boolean>
  /** What IndexedDB could not hold, by key. */
  mem: Map<string, unknown>
}

/** The outbox's storage as the delivery engine uses it: the core's, and a reader of both halves. */
export interface Store extends CoreStore {
  all(): Promise<[string, unknown][]>
}

/** What the core hands the delivery engine. */
export interface DeliveryDeps {
  endpoint: string
  version: string
  emit: Emit
  /** Where answers are kept: the core has stored each one before the engine hears of it. */
  store: CoreStore
  /** Identifies this page: its own comment holds are released by it, not by the clock. */
  session: string
  transport?: ((body: string) => Promise<TransportResult>) | null | undefined
  headers?: Record<string, string> | undefined
  /**
   * The `format` option (README "Delivery formats"), as the page gave it: the engine checks it
   * and fetches the format's file (dist/touchpoint.format.<name>.js) beside itself.
   */
  format?: unknown
  /** The `formatKey` option: the receiver's write key (Segment, RudderStack) or project key (PostHog). */
  formatKey?: unknown
}

/** What the receiver said about one POST. `status` is 0 when no HTTP answer came (offline, CORS, timeout). */
export interface PostResult {
  status: number
  /** Milliseconds the receiver asked us to wait (Retry-After), when it said so. */
  retryAfter: number | null
}
/**
 * How the engine sends one body, with the `headers` option's headers: its own POST (text/plain
 * unless `headers` say otherwise; never throws, never sends cookies), which it also hands to a
 * format, or what a format makes of it (the wire format, `{ sdk, sentAt, answers }`, README
 * "Wire format", in; the receiver's request out).
 */
export type Send = (
  endpoint: string,
  body: string,
  o?: { keepalive?: boolean; timeout?: number; headers?: Record<string, string> | undefined },
) => Promise<PostResult>

/**
 * What dist/touchpoint.format.<name>.js exports (README "Delivery formats"): the `format` option's
 * files, and `transport`, the app's own transport, which json pages need not carry either.
 */
export interface FormatPart {
  /**
   * How to send, given the engine's options and its POST; null when the format needs a key it
   * was not given (one console error says so): nothing is sent then, since the receiver would
   * refuse it.
   */
  createFormat(deps: DeliveryDeps, post: Send): Send | null
}

/** The delivery engine at work. */
export interface Outbox {
  /**
   * This page's answer, just stored by the core: sent now, or kept back while `hold`s a comment.
   * `storing`: the write has only begun; it is sent only if the page is hidden before it ends.
   */
  added(stored: StoredAnswer, storing?: boolean): void
  /** Delivers what is queued; resolves when this attempt is over. */
  flush(): Promise<void>
  /** Forgets every answer this visitor has queued or set aside (consent withdrawn). */
  clear(): Promise<void>
  /** The page is back online: a fresh start, with jitter. */
  online(): void
  start(): void
  stop(): void
}

/** What dist/touchpoint.delivery.js exports. */
export interface DeliveryPart {
  createOutbox(deps: DeliveryDeps): Outbox
}
