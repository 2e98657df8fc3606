// @ts-check
// The metrics' scales and low / high bands, read from schema/metrics.json: the one source the SDK
// (src/shared/metrics.ts, held to it by schema/metrics.test.ts), the schema, the SQL, the summary and the
// sample data share, so a band cannot drift between what the prompt asks and what the dashboard counts.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** @typedef {'nps' | 'csat' | 'ces' | 'thumbs'} Metric */
/** @typedef {{ min: number, max: number, lowUpTo: number, highFrom: number }} MetricSpec */

// A path, not a URL object: under the unit tests' happy-dom, URL is the DOM's, which fs refuses.
const file = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'metrics.json')
const { $comment: _, ...specs } = JSON.parse(readFileSync(file, 'utf8'))

/** Every metric, in the dashboard's order. @type {readonly Metric[]} */
export const METRICS = ['nps', 'csat', 'ces', 'thumbs']

/** @type {Record<Metric, MetricSpec>} */
export const SPECS = /** @type {any} */ (specs)
for (const m of METRICS) if (!SPECS[m]) throw new Error(`schema/metrics.json has no "${m}"`)

/** The scale of each metric, [min, max]. @type {Record<Metric, [number, number]>} */
export const SCALES = /** @type {any} */ (Object.fromEntries(METRICS.map((m) => [m, [SPECS[m].min, SPECS[m].max]])))

/** A low score: NPS detractor, CSAT 1–3, CES 1–4, thumbs down (the answers worth reading first). @param {string} metric @param {number} score */
export const isLow = (metric, score) => {
  const spec = SPECS[/** @type {Metric} */ (metric)]
  return spec != null && score <= spec.lowUpTo
}
/** A high score: NPS promoter, CSAT 4–5, CES 6–7, thumbs up. @param {string} metric @param {number} score */
export const isHigh = (metric, score) => {
  const spec = SPECS[/** @type {Metric} */ (metric)]
  return spec != null && score >= spec.highFrom
}

/**
 * The same test in SQL, over the columns `metric` and `score`. Built from numbers of our own file,
 * never from input, so it is safe to inline.
 */
export const LOW_SQL = '(' + METRICS.map((m) => `(metric = '${m}' AND score <= ${Number(SPECS[m].lowUpTo)})`).join(' OR ') + ')'
