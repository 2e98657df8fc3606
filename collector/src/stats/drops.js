// @ts-check
// Drop detection for /summary.json: per touchpoint × stage × metric cell, this period against the
// span of the same length just before it, each metric tested with its own variance, and the
// Benjamini–Hochberg procedure across all tested cells so that checking dozens of cells every
// week does not turn noise into alarms.
import { instant, whereClause } from './filters.js'
import { Z, add, countIf, figuresOf, normalCdf, total } from './scores.js'

/** @typedef {import('./filters.js').Filters} Filters */
/** @typedef {import('./scores.js').Metric} Metric */
/** @typedef {import('./scores.js').Histogram} Histogram */
/** @typedef {{ touchpoint: string, stage: string | null, metric: string, score: number, half: 'before' | 'after', n: number | string }} DropRow */
/**
 * @typedef {{ touchpoint: string, stage: string | null, metric: Metric, before: { count: number, score: number },
 *   after: { count: number, score: number }, change: number, interval: [number, number], p: number, q: number }} TestedCell
 * @typedef {Omit<TestedCell, 'p'>} Drop
 */

export const MIN_COUNT = 30
const WEEK_MS = 7 * 24 * 3600 * 1000

/**
 * The two periods as ISO instants: after = [from, to), before = the same length just before.
 * No from/to: the last 7 × 24 h before `now`; only `to`: the 7 × 24 h before it; only `from`:
 * from `from` to `now` (a `from` after `now` gives empty periods, so no drops).
 * @param {Filters} f @param {Date} now
 * @returns {{ beforeStart: string, afterStart: string, afterEnd: string }}
 */
export const dropPeriods = (f, now) => {
  const end = f.to ? instant(f.to) : now
  const start = f.from ? instant(f.from) : new Date(end.getTime() - WEEK_MS)
  const before = new Date(start.getTime() - (end.getTime() - start.getTime()))
  return { beforeStart: before.toISOString(), afterStart: start.toISOString(), afterEnd: end.toISOString() }
}

/**
 * SQL for both periods' histograms in one grouped scan: rows `{ touchpoint, stage, metric, score,
 * half: 'before' | 'after', n }`. The other filters apply (a drop on one site or plan); from/to
 * only define the periods.
 * @param {Filters} f @param {Date} now
 * @param {{ defaultSample?: 'include' | 'exclude' }} [options]
 * @returns {{ sql: string, params: unknown[] }}
 */
export const dropsQuery = (f, now, { defaultSample } = {}) => {
  const p = dropPeriods(f, now)
  const where = whereClause(f, { startIndex: 4, defaultSample, dates: false })
  const rest = where.sql ? ' AND ' + where.sql.slice('WHERE '.length) : ''
  return {
    sql: `SELECT touchpoint, stage, metric, score,
  CASE WHEN created_at >= $2::timestamptz THEN 'after' ELSE 'before' END AS half, count(*)::int AS n
FROM answers
WHERE created_at >= $1::timestamptz AND created_at < $3::timestamptz${rest}
GROUP BY touchpoint, stage, metric, score, half`,
    params: [p.beforeStart, p.afterStart, p.afterEnd, ...where.params],
  }
}

/** Two-sided p-value of a z statistic; a zero standard error means no change (p = 1) or a certain one. @param {number} diff @param {number} se */
const pValue = (diff, se) => (se > 0 ? 2 * normalCdf(-Math.abs(diff / se)) : diff == 0 ? 1 : 0)

/**
 * The difference after − before of one metric, its standard error for the interval and the
 * p-value, in fractions (NPS and shares) or scale points (CES).
 * - NPS: pP − pD per period, multinomial variance (pP + pD − (pP − pD)²)/n, z test.
 * - CSAT, thumbs: two proportions; unpooled SE for the interval, POOLED SE for the p-value (the
 *   usual two-proportion z test: under "no change" both periods share one proportion).
 * - CES: difference of means, Welch's SE with the normal approximation (both n ≥ 30).
 * @param {Metric} metric @param {Histogram} b @param {Histogram} a
 */
export const compare = (metric, b, a) => {
  const nb = total(b)
  const na = total(a)
  if (metric == 'nps') {
    /** @param {Histogram} h @param {number} n */
    const parts = (h, n) => {
      const pp = countIf(h, (s) => s >= 9) / n
      const pd = countIf(h, (s) => s <= 6) / n
      const d = pp - pd
      return { d, v: (pp + pd - d * d) / n }
    }
    const [x, y] = [parts(b, nb), parts(a, na)]
    const se = Math.sqrt(x.v + y.v)
    return { diff: y.d - x.d, se, p: pValue(y.d - x.d, se) }
  }
  if (metric == 'ces') {
    /** @param {Histogram} h @param {number} n */
    const moments = (h, n) => {
      const mean = Object.entries(h).reduce((s, [k, c]) => s + Number(k) * c, 0) / n
      const ss = Object.entries(h).reduce((s, [k, c]) => s + c * (Number(k) - mean) ** 2, 0)
      return { mean, v: ss / (n - 1) / n }
    }
    const [x, y] = [moments(b, nb), moments(a, na)]
    const se = Math.sqrt(x.v + y.v)
    return { diff: y.mean - x.mean, se, p: pValue(y.mean - x.mean, se) }
  }
  const good = metric == 'csat' ? (/** @type {number} */ s) => s >= 4 : (/** @type {number} */ s) => s == 1
  const [kb, ka] = [countIf(b, good), countIf(a, good)]
  const [pb, pa] = [kb / nb, ka / na]
  const pooled = (kb + ka) / (nb + na)
  const se = Math.sqrt((pb * (1 - pb)) / nb + (pa * (1 - pa)) / na)
  const seH0 = Math.sqrt(pooled * (1 - pooled) * (1 / nb + 1 / na))
  return { diff: pa - pb, se, p: pValue(pa - pb, seH0) }
}

/**
 * Benjamini–Hochberg adjusted p-values (q), in the input's order: q(i) = min over j ≥ i of
 * p(j) · m / j on the sorted p-values, at most 1.
 * @param {number[]} ps @returns {number[]}
 */
export const benjaminiHochberg = (ps) => {
  const m = ps.length
  const order = ps.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p)
  /** @type {number[]} */
  const q = new Array(m)
  let min = 1
  for (let j = m - 1; j >= 0; j--) {
    const o = /** @type {{ p: number, i: number }} */ (order[j])
    min = Math.min(min, (o.p * m) / (j + 1))
    q[o.i] = min
  }
  return q
}

/**
 * Every cell with at least `minCount` answers in each period, with its change (after − before, in
 * the score's unit: NPS points, CSAT/thumbs percentage points, CES points), 95% interval, p and
 * BH q across all these cells; sorted by q, then p.
 * @param {DropRow[]} rows @param {{ minCount?: number }} [options]
 * @returns {TestedCell[]}
 */
export const testCells = (rows, { minCount = MIN_COUNT } = {}) => {
  /** @type {Map<string, { touchpoint: string, stage: string | null, metric: Metric, before: Histogram, after: Histogram }>} */
  const cells = new Map()
  for (const r of rows) {
    if (!(r.metric in figuresOf)) continue
    const key = JSON.stringify([r.touchpoint, r.stage, r.metric])
    let c = cells.get(key)
    if (!c) cells.set(key, (c = { touchpoint: r.touchpoint, stage: r.stage, metric: /** @type {Metric} */ (r.metric), before: {}, after: {} }))
    add(r.half == 'after' ? c.after : c.before, Number(r.score), Number(r.n))
  }
  /** @type {Omit<TestedCell, 'q'>[]} */
  const tested = []
  // Two answers at least: the sample variances divide by n − 1.
  const min = Math.max(2, minCount)
  for (const c of cells.values()) {
    if (total(c.before) < min || total(c.after) < min) continue
    const unit = c.metric == 'ces' ? 1 : 100
    const { diff, se, p } = compare(c.metric, c.before, c.after)
    const fig = figuresOf[c.metric]
    tested.push({
      touchpoint: c.touchpoint, stage: c.stage, metric: c.metric,
      before: { count: total(c.before), score: /** @type {number} */ (fig(c.before).score) },
      after: { count: total(c.after), score: /** @type {number} */ (fig(c.after).score) },
      change: unit * diff, interval: [unit * (diff - Z * se), unit * (diff + Z * se)], p,
    })
  }
  const qs = benjaminiHochberg(tested.map((t) => t.p))
  return tested.map((t, i) => ({ ...t, q: /** @type {number} */ (qs[i]) })).sort((x, y) => x.q - y.q || x.p - y.p)
}

/**
 * The `drops` of /summary.json: tested cells with q < alpha and a negative change, sorted by q.
 * @param {DropRow[]} rows @param {{ minCount?: number, alpha?: number }} [options]
 * @returns {Drop[]}
 */
export const detectDrops = (rows, { minCount = MIN_COUNT, alpha = 0.05 } = {}) =>
  testCells(rows, { minCount })
    .filter((c) => c.q < alpha && c.change < 0)
    .map(({ p: _p, ...d }) => d)

const LABEL = { nps: 'NPS', csat: 'CSAT', ces: 'CES', thumbs: 'Thumbs up' }

/**
 * One line for the top of the dashboard, e.g. "NPS fell 12 ± 7 points, n = 180 vs 210" (n before
 * vs after). ± is half the interval's width. NPS, CSAT and thumbs in whole (percentage) points,
 * with one decimal when the ± is under 1; CES with one decimal, two when the ± is under 0.1.
 * @param {Pick<Drop, 'metric' | 'before' | 'after' | 'change' | 'interval'>} d
 */
export const describeDrop = (d) => {
  const half = (d.interval[1] - d.interval[0]) / 2
  const digits = d.metric == 'ces' ? (half < 0.1 ? 2 : 1) : half < 1 ? 1 : 0
  /** @param {number} x */
  const fmt = (x) => x.toFixed(digits)
  const verb = d.change < 0 ? 'fell' : 'rose'
  return `${LABEL[d.metric]} ${verb} ${fmt(Math.abs(d.change))} ± ${fmt(half)} points, n = ${d.before.count} vs ${d.after.count}`
}
