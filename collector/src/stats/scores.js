// @ts-check
// Score arithmetic on histograms (score → number of answers) for the stats: the figures and
// their 95% intervals are summary.js's own (one copy, so /summary.json and the trend agree to the
// last digit); added here are the normal distribution the drop test needs and `add`.
import { Z, ces, countIf, csat, figuresOf, nps, tCdf, tQuantile, thumbs, total, wilson } from '../summary/summary.js'

export { Z, ces, countIf, csat, figuresOf, nps, tCdf, tQuantile, thumbs, total, wilson }

/** @typedef {'nps' | 'csat' | 'ces' | 'thumbs'} Metric */
/** @typedef {[number, number]} Interval */
/** @typedef {Record<number, number>} Histogram  score → number of answers */
/** @typedef {import('../summary/summary.js').Figures} Figures */

export const METRICS = /** @type {const} */ (['nps', 'csat', 'ces', 'thumbs'])

/** Adds n answers of a score to a histogram. @param {Histogram} h @param {number} score @param {number} n */
export const add = (h, score, n) => {
  h[score] = (h[score] ?? 0) + n
  return h
}

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
