// @ts-check
// The dashboard's filters: one parser for the query parameters of the page URL, /summary.json,
// /answers.csv and /comments.json, one canonical query string back, and one SQL WHERE clause over
// the `answers` table, so every view of the same URL counts the same answers.

/** @typedef {import('./scores.js').Metric} Metric */
/** @typedef {'include' | 'exclude' | 'only'} Sample */
/** @typedef {'day' | 'week' | 'month'} Period */
/** @typedef {'low' | 'mid' | 'high' | 'all'} Band */
/**
 * @typedef {{ from?: string, to?: string, touchpoint?: string, stage?: string, metric?: Metric,
 *   site?: string, locale?: string, ctx: Record<string, string>, sample?: Sample, period: Period,
 *   band: Band, q?: string, page: number, limit: number }} Filters
 * from/to: as given when `YYYY-MM-DD`, else the instant as `toISOString()`; `sample` undefined when
 * the URL has none (the default depends on the data: see whereClause).
 * @typedef {{ param: string, message: string }} FilterError
 * @typedef {URLSearchParams | Record<string, string | string[] | undefined>} Query
 */

export const DEFAULT_LIMIT = 50
export const MAX_LIMIT = 200
const MAX_TEXT = 200 // a longer touchpoint, site or search text is a mistake or an attack
const KNOWN = ['from', 'to', 'touchpoint', 'stage', 'metric', 'site', 'locale', 'sample', 'period', 'band', 'q', 'page', 'limit']
const CTX_KEY = /^[A-Za-z0-9_.-]+$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i

/** One of a list, as English: "a, b or c". @param {readonly string[]} xs */
const oneOf = (xs) => xs.slice(0, -1).join(', ') + ' or ' + xs[xs.length - 1]

/** Whether y-m-d is a real calendar day (Date would turn 2026-02-30 into March 2). @param {string[]} m */
const realDay = (m) => {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = new Date(Date.UTC(y, mo - 1, d))
  return t.getUTCFullYear() == y && t.getUTCMonth() == mo - 1 && t.getUTCDate() == d
}

/**
 * The canonical text of a date filter, or null: `YYYY-MM-DD` stays (it means UTC midnight), a
 * date-time with a zone becomes its UTC instant. @param {string} v @returns {string | null}
 */
const parseDate = (v) => {
  const d = DATE.exec(v)
  if (d) return realDay(d) ? v : null
  const dt = DATE_TIME.exec(v)
  if (!dt || !realDay(dt)) return null
  const t = new Date(v)
  return Number.isNaN(t.getTime()) ? null : t.toISOString()
}

/** The instant a filter date means (`YYYY-MM-DD` = UTC midnight). @param {string} v */
export const instant = (v) => new Date(DATE.test(v) ? v + 'T00:00:00.000Z' : v)

/** @param {Query} query @returns {[string, string[]][]} */
const entries = (query) => {
  /** @type {Map<string, string[]>} */
  const m = new Map()
  if (query instanceof URLSearchParams) for (const [k, v] of query) m.set(k, [...(m.get(k) ?? []), v])
  else for (const [k, v] of Object.entries(query)) if (v != null) m.set(k, Array.isArray(v) ? v.map(String) : [String(v)])
  return [...m]
}

/** @param {string} param @param {string} accepts @param {string} got @returns {{ error: FilterError }} */
const bad = (param, accepts, got) => ({ error: { param, message: `${param}: expected ${accepts}, got ${JSON.stringify(got)}` } })

/**
 * Reads the filters from a query (URLSearchParams or a parsed query object such as Fastify's).
 * An empty value counts as absent (an unselected form control sends `touchpoint=`); a parameter
 * given twice is an error rather than a silent pick; unknown parameters (and `token`) are ignored.
 * @param {Query} query
 * @returns {{ filters: Filters } | { error: FilterError }}
 */
export const parseFilters = (query) => {
  /** @type {Filters} */
  const f = { ctx: {}, period: 'week', band: 'all', page: 1, limit: DEFAULT_LIMIT }
  // ctx keys come from the URL: `ctx.__proto__` must be a key like any other, not the prototype.
  Object.setPrototypeOf(f.ctx, null)
  for (const [param, values] of entries(query)) {
    if (!KNOWN.includes(param) && !param.startsWith('ctx.')) continue
    if (values.length > 1) return { error: { param, message: `${param}: expected one value, got ${values.length}` } }
    const v = (values[0] ?? '').trim()
    if (v == '') continue
    const text = () => (v.length > MAX_TEXT ? bad(param, `at most ${MAX_TEXT} characters`, v.slice(0, 20) + '…') : null)
    /** @param {readonly string[]} xs */
    const pick = (xs) => (xs.includes(v) ? null : bad(param, oneOf(xs), v))
    /** @type {{ error: FilterError } | null} */
    let err = null
    if (param == 'from' || param == 'to') {
      const d = parseDate(v)
      if (d == null) return bad(param, 'YYYY-MM-DD or an ISO date-time with a zone', v)
      f[param] = d
    } else if (param == 'touchpoint' || param == 'stage' || param == 'site' || param == 'locale' || param == 'q') {
      if ((err = text())) return err
      f[param] = v
    } else if (param == 'metric') {
      if ((err = pick(['nps', 'csat', 'ces', 'thumbs']))) return err
      f.metric = /** @type {Metric} */ (v)
    } else if (param == 'sample') {
      if ((err = pick(['include', 'exclude', 'only']))) return err
      f.sample = /** @type {Sample} */ (v)
    } else if (param == 'period') {
      if ((err = pick(['day', 'week', 'month']))) return err
      f.period = /** @type {Period} */ (v)
    } else if (param == 'band') {
      if ((err = pick(['low', 'mid', 'high', 'all']))) return err
      f.band = /** @type {Band} */ (v)
    } else if (param == 'page' || param == 'limit') {
      const max = param == 'page' ? 1e6 : MAX_LIMIT
      if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > max) return bad(param, `a whole number from 1 to ${max}`, v)
      f[param] = Number(v)
    } else {
      const key = param.slice(4)
      if (!CTX_KEY.test(key)) return { error: { param, message: `${param}: context keys are letters, digits, _, . and -, got ${JSON.stringify(key)}` } }
      if ((err = text())) return err
      f.ctx[key] = v
    }
  }
  if (f.from && f.to && instant(f.from) >= instant(f.to))
    return { error: { param: 'to', message: `to: expected a time after from (${f.from}), got ${JSON.stringify(f.to)}` } }
  return { filters: f }
}

/**
 * The canonical query string of filters (no leading "?"): a fixed order, defaults left out, so
 * the same view always has the same URL. Never carries `token`: a shared link must not share it.
 * @param {Filters} f
 */
export const toQuery = (f) => {
  const p = new URLSearchParams()
  for (const k of /** @type {const} */ (['from', 'to', 'touchpoint', 'stage', 'metric', 'site', 'locale'])) {
    const v = f[k]
    if (v != null) p.set(k, v)
  }
  for (const k of Object.keys(f.ctx).sort()) p.set('ctx.' + k, /** @type {string} */ (f.ctx[k]))
  if (f.sample) p.set('sample', f.sample)
  if (f.period != 'week') p.set('period', f.period)
  if (f.band != 'all') p.set('band', f.band)
  if (f.q != null) p.set('q', f.q)
  if (f.page != 1) p.set('page', String(f.page))
  if (f.limit != DEFAULT_LIMIT) p.set('limit', String(f.limit))
  return p.toString()
}

/** Whether the store holds a real (non-sample) answer: decides the default `sample`. */
export const HAS_REAL_SQL = 'SELECT EXISTS (SELECT 1 FROM answers WHERE NOT sample) AS has_real'

/**
 * The WHERE clause of the filters over `answers`, values only as $n parameters. The comment-only
 * filters (band, q, page, limit) and `period` are not part of it.
 * `sample` undefined: `defaultSample` if given (e.g. from HAS_REAL_SQL), else the rule in SQL
 * itself: exclude sample answers when any real one exists.
 * `dates: false` leaves out from/to (the drop query sets its own range).
 * `rollup: true`: over the rollup's tables (./rollup.js), whose site and locale are columns; they
 * have no context, so filters with a ctx key cannot be counted there.
 * @param {Filters} f
 * @param {{ startIndex?: number, defaultSample?: 'include' | 'exclude', dates?: boolean, rollup?: boolean }} [options]
 * @returns {{ sql: string, params: unknown[] }}
 */
export const whereClause = (f, { startIndex = 1, defaultSample, dates = true, rollup = false } = {}) => {
  /** @type {string[]} */
  const conds = []
  /** @type {unknown[]} */
  const params = []
  /** @param {unknown} v */
  const $ = (v) => {
    params.push(v)
    return '$' + (startIndex + params.length - 1)
  }
  if (dates && f.from) conds.push(`created_at >= ${$(instant(f.from).toISOString())}::timestamptz`)
  if (dates && f.to) conds.push(`created_at < ${$(instant(f.to).toISOString())}::timestamptz`)
  if (f.touchpoint) conds.push(`touchpoint = ${$(f.touchpoint)}`)
  if (f.stage) conds.push(`stage = ${$(f.stage)}`)
  if (f.metric) conds.push(`metric = ${$(f.metric)}`)
  if (f.site) conds.push(`${rollup ? 'site' : "answer->>'site'"} = ${$(f.site)}`)
  if (f.locale) conds.push(`${rollup ? 'locale' : "answer->>'locale'"} = ${$(f.locale)}`)
  if (rollup && Object.keys(f.ctx).length) throw new Error('whereClause: the rollup has no context; count ctx filters over answers')
  // ->> gives the text of any JSON value, so ctx.vip=true matches both true and "true".
  for (const k of Object.keys(f.ctx).sort()) conds.push(`answer->'context'->>${$(k)}::text = ${$(f.ctx[k])}`)
  const sample = f.sample ?? defaultSample
  if (sample == 'exclude') conds.push('NOT sample')
  else if (sample == 'only') conds.push('sample')
  else if (sample == null) conds.push('(NOT sample OR NOT EXISTS (SELECT 1 FROM answers r WHERE NOT r.sample))')
  return { sql: conds.length ? 'WHERE ' + conds.join(' AND ') : '', params }
}

/**
 * Indexes for these filters; the schema should add them. The partial index makes HAS_REAL_SQL and
 * the sample rule a single index probe; site and locale get expression indexes matching the
 * `answer->>'site'` form above. Context keys are open-ended, so ctx filters ride on the others.
 * The comments list reads answers with a comment newest first: its page walks their own index
 * back from the newest instead of sorting every row (comments.js orders by created_at, id).
 */
export const STATS_INDEXES_SQL = `
CREATE INDEX IF NOT EXISTS answers_created_at ON answers (created_at);
CREATE INDEX IF NOT EXISTS answers_tp_metric_created ON answers (touchpoint, metric, created_at);
CREATE INDEX IF NOT EXISTS answers_stage_created ON answers (stage, created_at);
CREATE INDEX IF NOT EXISTS answers_real_created ON answers (created_at) WHERE NOT sample;
CREATE INDEX IF NOT EXISTS answers_site ON answers ((answer->>'site'));
CREATE INDEX IF NOT EXISTS answers_locale ON answers ((answer->>'locale'));
CREATE INDEX IF NOT EXISTS answers_commented ON answers (created_at, id) WHERE comment IS NOT NULL AND comment <> '';
`
