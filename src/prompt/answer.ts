import type { Answer, Metric, Scale, Vitals } from '../contract'

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
  stage?: string
  site: string
  locale: string
  vitals: Vitals
  context: Record<string, unknown>
  /** Query parameters kept in page.url (`*`: all). */
  urlParams: string[]
}

/**
 * A URL without its fragment and without query parameters except those named in `keep`: URLs
 * carry password-reset tokens, e-mail addresses and session ids, which no answer should.
 */
export const cleanUrl = (href: string, keep: string[]): string => {
  try {
    const u = new URL(href)
    u.hash = ''
    if (!keep.includes('*'))
      for (const name of [...new Set(u.searchParams.keys())]) if (!keep.includes(name)) u.searchParams.delete(name)
    return u.href
  } catch {
    return '' // an empty or opaque referrer
  }
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
    revision: 1,
    page: { url: cleanUrl(location.href, i.urlParams), title: document.title, referrer: cleanUrl(document.referrer, i.urlParams) },
  }
  if (i.stage) a.stage = i.stage
  if (i.site) a.site = i.site
  if (i.locale) a.locale = i.locale
  if (Object.keys(i.vitals).length) a.vitals = i.vitals
  if (Object.keys(i.context).length) a.context = i.context
  return a
}
