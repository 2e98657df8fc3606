// @ts-check
// The reads behind /summary.json, /dashboard.json and /comments.json: each a few GROUP BY queries
// over the answers the filters keep (stats/filters.js), run in parallel, so the database returns
// at most a few thousand rows however many answers it holds. No answer is loaded into JS except
// one page of comments. Without a context filter they count the rollup (stats/rollup.js) rather
// than every answer: the same figures, from far fewer rows.
import { FEW, bandOf, commentsQuery, scoreLabel } from '../stats/comments.js'
import { ratingsOf, rollupCountsQuery, rollupDropsQuery, rollupFits, rollupTrendQuery, stageFirstsQuery } from '../stats/rollup.js'
import { describeDrop, detectDrops, dropsQuery } from '../stats/drops.js'
import { HAS_REAL_SQL, whereClause } from '../stats/filters.js'
import { trendFromRows, trendQuery } from '../stats/trend.js'
import { report } from './report.js'
import { STAGES, summarize } from './summary.js'

/** @typedef {import('../store/index.js').Store} Store */
/** @typedef {import('../store/index.js').CountRow} CountRow */
/** @typedef {import('../stats/filters.js').Filters} Filters */
/**
 * @typedef {{ rollup?: boolean }} Via `rollup: false` counts every answer even where the rollup
 * could (the tests compare both ways)
 */

/**
 * The `sample` rule in effect when the URL gives none: sample answers count until a real one exists.
 * @param {Store} store @returns {Promise<'include' | 'exclude'>}
 */
export const defaultSample = async (store) => ((await store.query(HAS_REAL_SQL)).rows[0]?.has_real ? 'exclude' : 'include')

/**
 * The figures' rows from the rollup. It knows days, not instants, so the order of a site's own
 * stages (by first answer: summary.js stageOrder) comes from `answers`, when two or more appear.
 * @param {Store} store @param {Filters} f @param {{ defaultSample?: 'include' | 'exclude' }} options
 * @returns {Promise<CountRow[]>}
 */
const rollupCounts = async (store, f, options) => {
  const c = rollupCountsQuery(f, options)
  /** @type {CountRow[]} */
  const rows = (await store.query(c.sql, c.params)).rows.map((r) => ({
    touchpoint: r.touchpoint, stage: r.stage, metric: r.metric, score: r.score, sample: r.sample, n: Number(r.n), first: null, ...ratingsOf(r),
  }))
  const own = [...new Set(rows.map((r) => r.stage).filter((s) => s != null && !STAGES.includes(s)))]
  if (own.length < 2) return rows
  const q = stageFirstsQuery(f, /** @type {string[]} */ (own), options)
  const firsts = new Map((await store.query(q.sql, q.params)).rows.map((r) => [r.stage, r.first == null ? null : new Date(r.first).toISOString()]))
  return rows.map((r) => (r.stage != null && firsts.has(r.stage) ? { ...r, first: firsts.get(r.stage) ?? null } : r))
}

/** The figures, trend and drops of the filtered answers, and the rows the page's extra charts need. @param {Store} store @param {Filters} f @param {Date} now @param {Via} via */
const figures = async (store, f, now, via) => {
  const fallback = f.sample ? undefined : await defaultSample(store)
  const sample = f.sample ?? /** @type {'include' | 'exclude'} */ (fallback)
  const options = { defaultSample: fallback }
  const rollup = via.rollup !== false && rollupFits(f)
  const t = rollup ? rollupTrendQuery(f, options) : trendQuery(f, options)
  const d = rollup ? rollupDropsQuery(f, now, options) : dropsQuery(f, now, options)
  const [rows, trendRows, dropRows] = await Promise.all([
    rollup ? rollupCounts(store, f, options) : store.counts(whereClause(f, options)),
    store.query(t.sql, t.params),
    store.query(d.sql, d.params),
  ])
  return { sample, fallback, rows, trend: trendFromRows(trendRows.rows, f.period), drops: detectDrops(dropRows.rows) }
}

/** The body of GET /summary.json. @param {Store} store @param {Filters} f @param {Date} [now] @param {Via} [via] */
export const loadSummary = async (store, f, now = new Date(), via = {}) => {
  const { sample, rows, trend, drops } = await figures(store, f, now, via)
  return { ...summarize(rows), sample, trend, drops }
}

/**
 * The drops flagged now over all answers (the default periods: the last 7 × 24 h against the
 * 7 × 24 h before): what a `score.dropped` webhook sends. Call it on a timer; a drop stays flagged
 * while the week that shows it lasts, so the caller keeps the keys it already sent (dropKey).
 * @param {Store} store @param {Date} [now]
 */
export const checkDrops = async (store, now = new Date()) => {
  const sample = await defaultSample(store)
  const d = rollupDropsQuery({ ctx: {}, period: 'week', band: 'all', page: 1, limit: 1 }, now, { defaultSample: sample })
  return detectDrops((await store.query(d.sql, d.params)).rows).map((x) => ({ ...x, text: describeDrop(x) }))
}
/**
 * One key per cell and ISO week (from Monday, UTC): a drop stays flagged for days as the 7-day
 * window slides, and should reach a webhook once a week, not at every check.
 * @param {{ touchpoint: string, stage: string | null, metric: string }} d @param {Date} now
 */
export const dropKey = (d, now) => {
  const monday = new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 864e5).toISOString().slice(0, 10)
  return [d.touchpoint, d.stage ?? '', d.metric, monday].join('\u0000')
}

/** @param {any} r a row { answer, received_at } */
const comment = (r) => {
  const a = r.answer
  return { id: a.id, createdAt: a.createdAt, touchpoint: a.touchpoint, stage: a.stage ?? null, metric: a.metric, score: a.score,
    label: scoreLabel(a.metric, a.score), band: bandOf(a.metric, a.score), comment: a.comment }
}

/**
 * The body of GET /comments.json: one page, newest first, and how many in all.
 * @param {Store} store @param {Filters} f @param {'include' | 'exclude'} [fallback] the sample rule when f has none @param {Via} [via]
 */
export const loadComments = async (store, f, fallback, via = {}) => {
  const q = commentsQuery(f, { defaultSample: f.sample ? undefined : (fallback ?? (await defaultSample(store))), rollup: via.rollup !== false })
  // The total first: no page to read past it, and a small one is read another way (commentsQuery).
  const total = Number((await store.query(q.count.sql, q.count.params)).rows[0]?.n ?? 0)
  const read = total <= (f.page - 1) * f.limit ? null : total <= FEW ? q.fewPage : q.page
  const rows = read ? (await store.query(read.sql, read.params)).rows : []
  return { total, page: f.page, limit: f.limit, pages: Math.max(1, Math.ceil(total / f.limit)), comments: rows.map(comment) }
}

// The choices the filter form offers, from the latest answers: a store of years would otherwise
// scan every row to list a plan that was renamed long ago. The newest 20 000 by the index on
// created_at, each read once for the few fields needed (not the whole answer for every list).
// Values longer than a filter accepts are left out; context's `sample` is the `sample` filter's business.
const OPTIONS_SQL = `WITH recent AS MATERIALIZED (SELECT touchpoint, stage, answer->>'site' AS site, answer->>'locale' AS locale,
    CASE WHEN jsonb_typeof(answer->'context') = 'object' THEN answer->'context' END AS context
  FROM answers ORDER BY created_at DESC LIMIT 20000)
SELECT 'touchpoint' AS param, touchpoint AS value, count(*)::int AS n FROM recent GROUP BY 2
UNION ALL SELECT 'stage', stage, count(*)::int FROM recent WHERE stage IS NOT NULL GROUP BY 2
UNION ALL SELECT 'site', site, count(*)::int FROM recent WHERE site IS NOT NULL GROUP BY 2
UNION ALL SELECT 'locale', locale, count(*)::int FROM recent WHERE locale IS NOT NULL GROUP BY 2
UNION ALL SELECT 'ctx.' || e.key, e.value, count(*)::int
  FROM recent, jsonb_each_text(context) e
  WHERE e.key <> 'sample' AND e.value IS NOT NULL AND length(e.value) <= 200 GROUP BY 1, 2
ORDER BY 1, 3 DESC, 2`
const TOP = 20
// The page shows this many comments at first; /comments.json pages on (limit up to MAX_LIMIT).
const FIRST_PAGE = 20

/** Per filter parameter, its values in the recent data, most frequent first (at most 20). @param {Store} store */
export const loadOptions = async (store) => {
  /** @type {Record<string, string[]>} */
  const out = {}
  for (const r of (await store.query(OPTIONS_SQL)).rows) {
    const p = String(r.param)
    if (p.startsWith('ctx.') && !/^[A-Za-z0-9_.-]+$/.test(p.slice(4))) continue // a key no ctx.<key> filter could name
    const list = (out[p] ??= [])
    if (list.length < TOP) list.push(String(r.value))
  }
  return out
}

/**
 * The body of GET /dashboard.json: the summary, the page's charts, the first comments page and the filter choices.
 * @param {Store} store @param {Filters} f @param {Date} [now] @param {Via} [via]
 */
export const loadDashboard = async (store, f, now = new Date(), via = {}) => {
  const [{ sample, fallback, rows, trend, drops }, options] = await Promise.all([figures(store, f, now, via), loadOptions(store)])
  const comments = await loadComments(store, { ...f, page: 1, limit: Math.min(f.limit, FIRST_PAGE) }, fallback, via)
  return { ...report(rows), sample, trend, drops: drops.map((d) => ({ ...d, text: describeDrop(d) })), comments, options }
}
