// @ts-check
// Score arithmetic on histograms (score → number of answers): NPS, CSAT, CES and thumbs with their
// 95% intervals, plus the normal distribution the drop test needs.
//
// DUPLICATE: wilson, lgamma, betacf, ibeta, tCdf, tQuantile, nps, csat, ces, thumbs, figuresOf and
// Z repeat demo/collector/summary.js line for line (that file is being moved); whoever wires this
// folder in keeps one copy. normalCdf and the `add`/`total` helpers are new.

/** @typedef {'nps' | 'csat' | 'ces' | 'thumbs'} Metric */
/** @typedef {[number, number]} Interval */
/** @typedef {Record<number, number>} Histogram  score → number of answers */
/** @typedef {{ count: number, score: number | null, interval?: Interval }} Figures */

export const METRICS = /** @type {const} */ (['nps', 'csat', 'ces', 'thumbs'])
export const Z = 1.959963984540054 // the 97.5% quantile of the standard normal

/** @param {Histogram} h */
export const total = (h) => Object.values(h).reduce((s, n) => s + n, 0)
/** @param {Histogram} h @param {(score: number) => boolean} f */
export const countIf = (h, f) => Object.entries(h).reduce((s, [k, n]) => (f(Number(k)) ? s + n : s), 0)
/** Adds n answers of a score to a histogram. @param {Histogram} h @param {number} score @param {number} n */
export const add = (h, score, n) => {
  h[score] = (h[score] ?? 0) + n
  return h
}
/** @param {number} v @param {number} lo @param {number} hi */
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v))

/**
 * P(X ≤ x) for the standard normal, through erfc (Chebyshev fit of Numerical Recipes' erfcc:
 * relative error below 1.2e-7 everywhere, enough for p-values and far tails alike).
 * @param {number} x
 */
export const normalCdf = (x) => {
  const z = Math.abs(x) / Math.SQRT2
  const t = 1 / (1 + 0.5 * z)
  const erfc =
    t *
    Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
  return x >= 0 ? 1 - erfc / 2 : erfc / 2
}

/** Wilson score interval of k/n, as percentages (stays inside 0–100, never a point). @param {number} k @param {number} n @returns {Interval} */
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

/** NPS: 100 × (promoters 9–10 − detractors 0–6) / count, adjusted-Wald interval. @param {Histogram} h @returns {Figures} */
export const nps = (h) => {
  const count = total(h)
  const promoters = countIf(h, (s) => s >= 9)
  const detractors = countIf(h, (s) => s <= 6)
  /** @type {Figures} */
  const f = { count, score: count ? (100 * (promoters - detractors)) / count : null }
  if (count >= 2) {
    // pP − pD has variance (pP + pD − (pP − pD)²)/n; ¾ promoter, ¾ detractor and 1½ passive
    // pseudo-answers keep the interval from collapsing when every answer is in one group.
    const n = count + 3
    const pp = (promoters + 0.75) / n
    const pd = (detractors + 0.75) / n
    const d = pp - pd
    const se = Math.sqrt((pp + pd - d * d) / n)
    f.interval = [100 * Math.max(-1, d - Z * se), 100 * Math.min(1, d + Z * se)]
  }
  return f
}

/** A share of answers, as %, with its Wilson interval. @param {Histogram} h @param {(s: number) => boolean} good @returns {Figures} */
const share = (h, good) => {
  const count = total(h)
  const k = countIf(h, good)
  /** @type {Figures} */
  const f = { count, score: count ? (100 * k) / count : null }
  if (count >= 2) f.interval = wilson(k, count)
  return f
}
/** CSAT: % of answers 4–5. @param {Histogram} h */
export const csat = (h) => share(h, (s) => s >= 4)
/** Thumbs: % of answers up (1). @param {Histogram} h */
export const thumbs = (h) => share(h, (s) => s == 1)

/** CES: mean score (1–7) with Student's t interval, clamped to the scale. @param {Histogram} h @returns {Figures} */
export const ces = (h) => {
  const count = total(h)
  const sum = Object.entries(h).reduce((s, [k, n]) => s + Number(k) * n, 0)
  const mean = count ? sum / count : null
  /** @type {Figures} */
  const f = { count, score: mean }
  if (count >= 2 && mean != null) {
    const ss = Object.entries(h).reduce((s, [k, n]) => s + n * (Number(k) - mean) ** 2, 0)
    const half = (tQuantile(0.975, count - 1) * Math.sqrt(ss / (count - 1))) / Math.sqrt(count)
    f.interval = [clamp(mean - half, 1, 7), clamp(mean + half, 1, 7)]
  }
  return f
}

/** @type {Record<Metric, (h: Histogram) => Figures>} */
export const figuresOf = { nps, csat, ces, thumbs }
