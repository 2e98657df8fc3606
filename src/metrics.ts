/** The CX metrics Touchpoint asks, as data: each is a whole-number scale. */
export const metrics = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
  thumbs: { min: 0, max: 1 },
} as const

export type Metric = keyof typeof metrics
export type Scale = { min: number; max: number }

export const isMetric = (m: unknown): m is Metric =>
  typeof m == 'string' && Object.prototype.hasOwnProperty.call(metrics, m)

/** The scores a visitor can pick, in display order (thumbs: up first, as people read "Yes / No"). */
export const choices = (metric: Metric): number[] => {
  const { min, max } = metrics[metric]
  const out: number[] = []
  for (let s = min; s <= max; s++) out.push(s)
  return metric == 'thumbs' ? out.reverse() : out
}

export type CommentMode = 'off' | 'optional' | 'required'
export const commentModes: CommentMode[] = ['off', 'optional', 'required']
