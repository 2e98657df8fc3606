// 22 known answers for the collector's tests (store/store.test.ts, app.test.ts, e2e/dashboard.test.ts):
// NPS 5 promoters, 2 passives, 3 detractors → 20; CSAT 3 of 5 at 4–5 → 60; CES mean 5;
// thumbs 2 of 3 up → 66.67. Stages: purchase (CSAT 3 + CES 4), usage (NPS 10), support
// (thumbs 3), and the site's own "delivery" (CSAT 2), seen last.

const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h)).toISOString()
let n = 0
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
const scales = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 }, thumbs: { min: 0, max: 1 } } as const

const answer = (touchpoint: string, stage: string, metric: keyof typeof scales, score: number, at: string, extra: Record<string, unknown> = {}) => ({
  id: id(),
  touchpoint,
  metric,
  score,
  scale: scales[metric],
  question: 'How was it?',
  createdAt: at,
  revision: 1,
  stage,
  site: 'acme-web',
  locale: 'en-US',
  page: { url: 'https://shop.example.com/' + touchpoint, title: touchpoint, referrer: '' },
  vitals: { LCP: 1800, INP: 120, CLS: 0.01, FCP: 900, TTFB: 200 },
  ...extra,
})

export const ANSWERS = [
  ...[10, 10, 9, 9, 9, 8, 7, 6, 3, 0].map((s, i) => answer('app-nps', 'usage', 'nps', s, day(2 + (i % 3)))),
  ...[5, 4, 3].map((s) => answer('order-confirmed', 'purchase', 'csat', s, day(3))),
  ...[7, 5, 4, 4].map((s, i) => answer('checkout-pay', 'purchase', 'ces', s, day(2), i == 3 ? { vitals: { LCP: 5200, INP: 640 } } : {})),
  ...[1, 1, 0].map((s) => answer('help-article', 'support', 'thumbs', s, day(4))),
  ...[4, 2].map((s) => answer('delivery-survey', 'delivery', 'csat', s, day(5))),
]
/** The CSAT 3 at order-confirmed: sent first without comment (revision 1), then completed. */
export const REVISED = ANSWERS.find((a) => a.touchpoint == 'order-confirmed' && a.score == 3)!
export const COMMENT = 'The coupon field ate my code'

export const body = (answers: unknown[]) => JSON.stringify({ sdk: { name: 'touchpoint', version: '0.1.0' }, sentAt: new Date().toISOString(), answers })

/**
 * Posts the fixture the way browsers do: batches, an identical retry, revision 2 with the
 * comment, then revision 1 again arriving late. Returns the statuses, in order.
 */
export const postFixture = async (endpoint: string): Promise<number[]> => {
  const post = async (text: string) => (await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: text })).status
  const statuses: number[] = []
  for (let i = 0; i < ANSWERS.length; i += 5) statuses.push(await post(body(ANSWERS.slice(i, i + 5))))
  statuses.push(await post(body(ANSWERS.slice(0, 3)))) // a retry: stored once
  statuses.push(await post(body([{ ...REVISED, revision: 2, comment: COMMENT }]))) // completed
  statuses.push(await post(body([REVISED]))) // the older revision, late: must not overwrite
  return statuses
}

/** The figures /summary.json must give for the fixture. */
export const EXPECTED = {
  count: 22,
  nps: { count: 10, score: 20, promoters: 5, passives: 2, detractors: 3 },
  csat: { count: 5, score: 60 },
  ces: { count: 4, score: 5 },
  thumbs: { count: 3, score: 200 / 3 },
}
