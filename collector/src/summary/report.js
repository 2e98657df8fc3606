// @ts-check
// The figures the dashboard draws (GET /dashboard.json): the summary plus distributions, trend by
// day, web-vitals ratings by stage, scores by rating and the latest comments on low scores.
import { METRICS, SCALES, figuresOf, summarize, weakestStages } from './summary.js'

export const RATINGS = ['good', 'needs-improvement', 'poor']
export const VITALS = /** @type {const} */ (['LCP', 'INP'])

/** @typedef {import('../store/index.js').CountRow} CountRow */

/** @param {CountRow[]} rows @param {string} metric */
const hist = (rows, metric) => {
  /** @type {Record<number, number>} */
  const h = {}
  for (const r of rows) if (r.metric == metric) h[r.score] = (h[r.score] ?? 0) + r.n
  return h
}
/** @template T @param {CountRow[]} rows @param {(r: CountRow) => T} key @returns {Map<T, CountRow[]>} */
const groupBy = (rows, key) => {
  const m = new Map()
  for (const r of rows) {
    const k = key(r)
    if (!m.has(k)) m.set(k, [])
    m.get(k).push(r)
  }
  return m
}

/** @param {CountRow[]} rows @param {any[]} comments */
export const report = (rows, comments) => {
  const summary = summarize(rows)
  /** @type {Record<string, { score: number, n: number }[]>} */
  const distributions = {}
  for (const m of METRICS) {
    const h = hist(rows, m)
    if (!Object.keys(h).length) continue
    const [lo, hi] = SCALES[m]
    distributions[m] = []
    for (let s = /** @type {number} */ (lo); s <= /** @type {number} */ (hi); s++) distributions[m].push({ score: s, n: h[s] ?? 0 })
  }
  const trend = []
  for (const [day, rs] of [...groupBy(rows, (r) => r.day)].sort((a, b) => String(a[0]).localeCompare(String(b[0]))))
    for (const m of METRICS) {
      const h = hist(rs, m)
      if (Object.keys(h).length) trend.push({ day, metric: m, ...figuresOf[m](h) })
    }
  const vitalsByStage = []
  const byStage = groupBy(rows.filter((r) => r.stage != null), (r) => r.stage)
  for (const { stage } of summary.stages)
    for (const v of VITALS) {
      const rs = (byStage.get(stage) ?? []).filter((r) => (v == 'LCP' ? r.lcp : r.inp) != null)
      const all = rs.reduce((s, r) => s + r.n, 0)
      for (const rating of RATINGS) {
        const n = rs.filter((r) => (v == 'LCP' ? r.lcp : r.inp) == rating).reduce((s, r) => s + r.n, 0)
        if (all) vitalsByStage.push({ stage, vital: v, rating, n, share: (100 * n) / all })
      }
    }
  const byRating = []
  for (const v of VITALS)
    for (const rating of RATINGS)
      for (const m of METRICS) {
        const h = hist(rows.filter((r) => (v == 'LCP' ? r.lcp : r.inp) == rating), m)
        if (Object.keys(h).length) byRating.push({ vital: v, rating, metric: m, ...figuresOf[m](h) })
      }
  return {
    generatedAt: new Date().toISOString(),
    // The page draws each metric on its own scale; it takes them from here, not from a copy.
    scales: SCALES,
    summary,
    weakest: weakestStages(summary.stages),
    samples: rows.filter((r) => r.sample).reduce((s, r) => s + r.n, 0),
    distributions,
    trend,
    vitalsByStage,
    byRating,
    comments: comments.map((a) => ({ createdAt: a.createdAt, touchpoint: a.touchpoint, stage: a.stage ?? null, metric: a.metric, score: a.score, comment: a.comment })),
  }
}
