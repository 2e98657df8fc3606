import type { CommentMode, ContactMode, Metric, Scale } from '../contract'

/** The CX metrics Touchpoint asks, as data: each is a whole-number scale. */
export const metrics: Record<Metric, Scale> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
  thumbs: { min: 0, max: 1 },
}

// A list of their names of its own: the files that only check a metric (the core, the scanner, the
// tab) then carry no scales.
const names: unknown[] = ['csat', 'nps', 'ces', 'thumbs'] satisfies Metric[]
export const isMetric = (m: unknown): m is Metric => names.includes(m)

/** The scores a visitor can pick, in display order (thumbs: up first, as people read "Yes / No"). */
export const choices = (metric: Metric): number[] => {
  const { min, max } = metrics[metric]
  const out: number[] = []
  for (let s = min; s <= max; s++) out.push(s)
  return metric == 'thumbs' ? out.reverse() : out
}

export const commentModes: CommentMode[] = ['off', 'optional', 'required', 'low']
export const contactModes: ContactMode[] = ['off', 'low', 'always']

type Band = 'low' | 'middle' | 'high'
// The highest score of the low band and the lowest of the high band, per metric:
// NPS detractors 0–6 / promoters 9–10; CSAT 1–3 / 4–5; CES 1–4 / 6–7; thumbs down / up.
const bands: Record<Metric, [number, number]> = { nps: [6, 9], csat: [3, 4], ces: [4, 6], thumbs: [0, 1] }

/** Where a score falls: its band chooses the comment step's wording and, with `low`, whether it is shown. */
export const band = (metric: Metric, score: number): Band =>
  score <= bands[metric][0] ? 'low' : score >= bands[metric][1] ? 'high' : 'middle'
