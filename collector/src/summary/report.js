// @ts-check
// The figures the dashboard draws (GET /dashboard.json): the summary plus distributions, web-vitals
// ratings by stage and scores by rating (the trend, drops and comments come from ../stats).
import { METRICS, SCALES, figuresOf, summarize, weakestStages } from './summary.js'

export const RATINGS = ['good', 'needs-improvement', 'poor']
export const VITALS = /** @type {const} */ (['LCP', 'INP'])

/** @typedef {import('../store/index.js').CountRow} CountRow */

/** Score → answers of a metric, counting each row's `n` or the answers with one rating of a vital. @param {CountRow[]} rows @param {string} metric @param {(r: CountRow) => number} [count] */
const hist = (rows, metric, count = (r) => r.n) => {
  /** @type {Record<number, number>} */
  const h = {}
  for (const r of rows) {
    const n = r.metric == metric ? count(r) : 0
    if (n) h[r.score] = (h[r.score] ?? 0) + n
  }
  return h
}
/** @param {typeof VITALS[number]} v @param {string} rating @returns {(r: CountRow) => number} */
const withRating = (v, rating) => (r) => (v == 'LCP' ? r.lcp : r.inp)[/** @type {keyof CountRow['lcp']} */ (rating)]
/** @param {CountRow[]} rows @param {(r: CountRow) => string | null} key @returns {Map<string | null, CountRow[]>} */
const groupBy = (rows, key) => {
  const m = new Map()
  for (const r of rows) {
    const k = key(r)
    if (!m.has(k)) m.set(k, [])
    m.get(k).push(r)
  }
  return m
}

/** @param {CountRow[]} rows */
export const report = (rows) => {
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
  /** @type {{ stage: string, vital: string, rating: string, n: number, share: number }[]} */
  const vitalsByStage = []
  const byStage = groupBy(rows.filter((r) => r.stage != null), (r) => r.stage)
  for (const { stage } of summary.stages)
    for (const v of VITALS) {
      const rs = byStage.get(stage) ?? []
      const counts = RATINGS.map((rating) => rs.reduce((s, r) => s + withRating(v, rating)(r), 0))
      const all = counts.reduce((s, n) => s + n, 0)
      if (all) RATINGS.forEach((rating, i) => vitalsByStage.push({ stage, vital: v, rating, n: counts[i] ?? 0, share: (100 * (counts[i] ?? 0)) / all }))
    }
  const byRating = []
  for (const v of VITALS)
    for (const rating of RATINGS)
      for (const m of METRICS) {
        const h = hist(rows, m, withRating(v, rating))
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
    vitalsByStage,
    byRating,
  }
}
