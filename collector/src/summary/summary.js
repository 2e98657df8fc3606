// @ts-check
// The arithmetic of GET /summary.json: NPS, CSAT, CES and thumbs, each with a 95% interval in the
// score's unit. Works on counts (how many answers gave each score), which is what the database's
// GROUP BY returns: the figures are exact and need no answer-level data. Bands and scales come
// from schema/metrics.json (../metrics.js).
import { METRICS, SCALES, SPECS, isHigh, isLow } from '../metrics.js'

export { METRICS, SCALES, isLow }

/** The standard customer-journey stages, in order; a site's own stages follow by first appearance. */
export const STAGES = ['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'support', 'renewal']
/** @typedef {import('../metrics.js').Metric} Metric */
/** @typedef {[number, number]} Interval */
/** @typedef {{ count: number, score: number | null, interval?: Interval, promoters?: number, passives?: number, detractors?: number }} Figures */
/** @typedef {Record<number, number>} Histogram  score → number of answers */

export const Z = 1.959963984540054 // the 97.5% quantile of the standard normal

/** @param {Histogram} h */
export const total = (h) => Object.values(h).reduce((s, n) => s + n, 0)
/** @param {Histogram} h @param {(score: number) => boolean} f */
export const countIf = (h, f) => Object.entries(h).reduce((s, [k, n]) => (f(Number(k)) ? s + n : s), 0)
/** @param {number} v @param {number} lo @param {number} hi */
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v))

/**
 * Wilson score interval of a proportion k/n, as percentages. Unlike the plain ±1.96·SE interval it
 * stays inside 0–100 and does not collapse to a point when k is 0 or n.
 * @param {number} k @param {number} n @returns {Interval}
 */
export const wilson = (k, n) => {
  const p = k / n
  const z2 = Z * Z
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return [k == 0 ? 0 : 100 * Math.max(0, centre - half), k == n ? 100 : 100 * Math.min(1, centre + half)]
}

// Regularized incomplete beta I_x(a, b) by its continued fraction (Numerical Recipes' betacf).
/** @param {number} x */
const lgamma = (x) => {
  const c = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5]
  let y = x
  const t = x + 5.5 - (x + 0.5) * Math.log(x + 5.5)
  let s = 1.000000000190015
  for (const ci of c) s += ci / ++y
  return -t + Math.log((2.5066282746310005 * s) / x)
}
/** @param {number} a @param {number} b @param {number} x */
const betacf = (a, b, x) => {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  d = 1 / (Math.abs(d) < tiny ? tiny : d)
  let h = d
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d; d = 1 / (Math.abs(d) < tiny ? tiny : d)
    c = 1 + aa / c; c = Math.abs(c) < tiny ? tiny : c
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d; d = 1 / (Math.abs(d) < tiny ? tiny : d)
    c = 1 + aa / c; c = Math.abs(c) < tiny ? tiny : c
    const del = d * c
    h *= del
    if (Math.abs(del - 1) < 1e-12) break
  }
  return h
}
/** @param {number} x @param {number} a @param {number} b */
const ibeta = (x, a, b) => {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const bt = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  return x < (a + 1) / (a + b + 2) ? (bt * betacf(a, b, x)) / a : 1 - (bt * betacf(b, a, 1 - x)) / b
}
/** P(T ≤ t) for Student's t with df degrees of freedom. @param {number} t @param {number} df */
export const tCdf = (t, df) => {
  const tail = 0.5 * ibeta(df / (df + t * t), df / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}
/** The p quantile of Student's t (p > 0.5), by bisection on the CDF. @param {number} p @param {number} df */
export const tQuantile = (p, df) => {
  let lo = 0
  let hi = 1000
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2
    if (tCdf(mid, df) < p) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

/** NPS: 100 × (promoters 9–10 − detractors 0–6) / count. @param {Histogram} h @returns {Figures} */
export const nps = (h) => {
  const count = total(h)
  const promoters = countIf(h, (s) => isHigh('nps', s))
  const detractors = countIf(h, (s) => isLow('nps', s))
  const passives = count - promoters - detractors
  /** @type {Figures} */
  const f = { count, score: count ? (100 * (promoters - detractors)) / count : null }
  if (count >= 2) {
    // The NPS is a difference of two multinomial proportions, pP − pD, whose variance is
    // (pP + pD − (pP − pD)²) / n. Adjusted Wald: ¾ promoter, ¾ detractor and 1½ passive
    // pseudo-answers are added first (as Agresti–Coull does for one proportion), so the interval
    // does not collapse to a point when every answer is in one group; clamped to −100…100.
    const n = count + 3
    const pp = (promoters + 0.75) / n
    const pd = (detractors + 0.75) / n
    const d = pp - pd
    const se = Math.sqrt((pp + pd - d * d) / n)
    f.interval = [100 * Math.max(-1, d - Z * se), 100 * Math.min(1, d + Z * se)]
  }
  return { ...f, promoters, passives, detractors }
}

/** A share of answers, as %, with its Wilson interval. @param {Histogram} h @param {(s: number) => boolean} good */
const share = (h, good) => {
  const count = total(h)
  const k = countIf(h, good)
  /** @type {Figures} */
  const f = { count, score: count ? (100 * k) / count : null }
  if (count >= 2) f.interval = wilson(k, count)
  return f
}
/** CSAT: % of answers 4–5. @param {Histogram} h */
export const csat = (h) => share(h, (s) => isHigh('csat', s))
/** Thumbs: % of answers up (1). @param {Histogram} h */
export const thumbs = (h) => share(h, (s) => isHigh('thumbs', s))

/**
 * CES: the mean score (1–7), with Student's t interval on the mean (mean ± t(0.975, n−1) · s/√n,
 * s the sample standard deviation), clamped to the scale. @param {Histogram} h @returns {Figures}
 */
export const ces = (h) => {
  const count = total(h)
  const sum = Object.entries(h).reduce((s, [k, n]) => s + Number(k) * n, 0)
  const mean = count ? sum / count : null
  /** @type {Figures} */
  const f = { count, score: mean }
  if (count >= 2 && mean != null) {
    const ss = Object.entries(h).reduce((s, [k, n]) => s + n * (Number(k) - mean) ** 2, 0)
    const half = (tQuantile(0.975, count - 1) * Math.sqrt(ss / (count - 1))) / Math.sqrt(count)
    f.interval = [clamp(mean - half, SPECS.ces.min, SPECS.ces.max), clamp(mean + half, SPECS.ces.min, SPECS.ces.max)]
  }
  return f
}

export const figuresOf = { nps, csat, ces, thumbs }

/** Histogram of a list of scores (for tests and small callers). @param {number[]} scores @returns {Histogram} */
export const histogram = (scores) => {
  /** @type {Histogram} */
  const h = {}
  for (const s of scores) h[s] = (h[s] ?? 0) + 1
  return h
}

/**
 * @typedef {{ touchpoint: string, stage: string | null, metric: string, score: number, n: number, first?: string | null }} CountRow
 * One row of the database's GROUP BY: how many answers of a touchpoint (and stage) gave a score.
 */

/** @param {CountRow[]} rows */
const metricsOf = (rows) => {
  /** @type {Record<string, Histogram>} */
  const hists = {}
  for (const r of rows) {
    const h = (hists[r.metric] ??= {})
    h[r.score] = (h[r.score] ?? 0) + r.n
  }
  /** @type {Record<string, Figures>} */
  const out = {}
  for (const m of METRICS) if (hists[m]) out[m] = figuresOf[m](hists[m])
  return out
}

/**
 * Stages in journey order: the standard ones first, then the site's own by first appearance.
 * @param {CountRow[]} rows @returns {string[]}
 */
export const stageOrder = (rows) => {
  /** @type {Map<string, string>} */
  const first = new Map()
  for (const r of rows) {
    if (r.stage == null) continue
    const at = r.first ?? ''
    const seen = first.get(r.stage)
    if (seen == null || at < seen) first.set(r.stage, at)
  }
  const own = [...first.keys()].filter((s) => !STAGES.includes(s)).sort((a, b) => (first.get(a) ?? '').localeCompare(first.get(b) ?? ''))
  return [...STAGES.filter((s) => first.has(s)), ...own]
}

/**
 * The body of GET /summary.json, unrounded.
 * @param {CountRow[]} rows
 */
export const summarize = (rows) => {
  /** @type {Record<string, CountRow[]>} */
  const byTouchpoint = {}
  /** @type {Record<string, CountRow[]>} */
  const byStage = {}
  for (const r of rows) {
    ;(byTouchpoint[r.touchpoint] ??= []).push(r)
    if (r.stage != null) (byStage[r.stage] ??= []).push(r)
  }
  const count = (/** @type {CountRow[]} */ rs) => rs.reduce((s, r) => s + r.n, 0)
  /** @type {Record<string, { count: number, metrics: Record<string, Figures> }>} */
  const touchpoints = {}
  for (const id of Object.keys(byTouchpoint).sort()) touchpoints[id] = { count: count(byTouchpoint[id] ?? []), metrics: metricsOf(byTouchpoint[id] ?? []) }
  return {
    count: count(rows),
    metrics: metricsOf(rows),
    touchpoints,
    stages: stageOrder(rows).map((stage) => ({ stage, count: count(byStage[stage] ?? []), metrics: metricsOf(byStage[stage] ?? []) })),
  }
}

/**
 * Per metric, the stage with the lowest score, but only when its whole interval lies below every
 * other stage's interval: a difference the data can tell apart, not noise.
 * @param {{ stage: string, metrics: Record<string, Figures> }[]} stages
 * @returns {Record<string, string>} metric → weakest stage
 */
export const weakestStages = (stages) => {
  /** @type {Record<string, string>} */
  const out = {}
  for (const m of METRICS) {
    const withIt = stages.filter((s) => s.metrics[m]?.interval)
    if (withIt.length < 2) continue
    const sorted = withIt.slice().sort((a, b) => /** @type {number} */ (a.metrics[m]?.score) - /** @type {number} */ (b.metrics[m]?.score))
    const [low, ...rest] = sorted
    const hi = /** @type {Interval} */ (low?.metrics[m]?.interval)[1]
    if (low && rest.every((s) => hi < /** @type {Interval} */ (s.metrics[m]?.interval)[0])) out[m] = low.stage
  }
  return out
}

/** Web-vitals rating, thresholds of web.dev. @param {'LCP' | 'INP'} vital @param {number | null | undefined} v */
export const rating = (vital, v) => {
  if (v == null || !Number.isFinite(v)) return null
  const [good, poor] = vital == 'LCP' ? [2500, 4000] : [200, 500]
  return v <= good ? 'good' : v <= poor ? 'needs-improvement' : 'poor'
}
