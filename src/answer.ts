import type { Metric, Scale } from './metrics'
import type { Vitals } from './vitals'

/** One answer, exactly as it travels to the collector (README "Wire format"). */
export interface Answer {
  id: string
  touchpoint: string
  metric: Metric
  score: number
  scale: Scale
  question: string
  comment?: string
  createdAt: string
  site?: string
  locale?: string
  page: { url: string; title: string; referrer: string }
  vitals?: Vitals
  context?: Record<string, unknown>
}

// crypto.randomUUID exists only in secure contexts; getRandomValues works on plain-http pages too.
// The fallback writes a v4 UUID from the template: x = 4 random bits, y = 10xx (the variant).
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = crypto.getRandomValues(new Uint8Array(1))[0]! & 15
    return (c == 'x' ? r : (r & 3) | 8).toString(16)
  })

export interface AnswerInput {
  touchpoint: string
  metric: Metric
  score: number
  scale: Scale
  question: string
  site: string
  locale: string
  vitals: Vitals
  context: Record<string, unknown>
}

export const buildAnswer = (i: AnswerInput): Answer => {
  const a: Answer = {
    id: uuid(),
    touchpoint: i.touchpoint,
    metric: i.metric,
    score: i.score,
    scale: { min: i.scale.min, max: i.scale.max },
    question: i.question,
    createdAt: new Date().toISOString(),
    page: { url: location.href, title: document.title, referrer: document.referrer },
  }
  if (i.site) a.site = i.site
  if (i.locale) a.locale = i.locale
  if (Object.keys(i.vitals).length) a.vitals = i.vitals
  if (Object.keys(i.context).length) a.context = i.context
  return a
}
