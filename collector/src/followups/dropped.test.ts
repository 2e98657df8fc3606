// @vitest-environment node
// score.dropped, as followups/loop.js wires it: the check at the first tick of a new UTC day finds
// the drop the dashboard shows and sends it once, signed per Standard Webhooks (checked with the
// `standardwebhooks` library); found again later the same week, or by a loop started afresh on
// the same database, it is not sent again (its id names the cell and the week).
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { until } from '../testing'
import { SECRET, answer, body, cleanup, clock, closeShared, loopApp, pglite, receiver } from './testing'
import { createLoop } from './loop.js'

beforeAll(async () => void (await pglite()), 120_000)
afterEach(cleanup)
afterAll(closeShared)

const DAY = 24 * 3600 * 1000
/** Monday 00:00 UTC of an instant's week, as YYYY-MM-DD. @param t ms */
const monday = (t: number) => new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10)

describe('score.dropped', { timeout: 60_000 }, () => {
  it('sends a drop found at the day\'s check once, signed; not again that week, nor after a restart', async () => {
    const r = await receiver()
    const hooks = [{ url: r.url, events: ['score.dropped' as const], secret: SECRET, format: 'standard' as const }]
    // The real time (the library refuses a timestamp more than 5 minutes off), the loop started the day before.
    const t0 = Date.now()
    const c = clock(t0 - DAY)
    const { app, loop, store } = await loopApp({ hooks, now: c.now })
    // CSAT on checkout-pay: 90% satisfied 10 days ago, 30% 3 days ago, 40 answers each.
    const csat = (i: number, daysAgo: number, happy: boolean) =>
      answer({ metric: 'csat', scale: { min: 1, max: 5 }, score: happy ? 5 : 2, createdAt: new Date(t0 - daysAgo * DAY + i * 60_000).toISOString() })
    const answers = [...Array.from({ length: 40 }, (_, i) => csat(i, 10, i % 10 != 0)), ...Array.from({ length: 40 }, (_, i) => csat(i, 3, i % 10 < 3))]
    const res = await app.inject({ method: 'POST', url: '/v1/responses', payload: body(answers), headers: { 'content-type': 'text/plain' } })
    expect(res.statusCode, res.body).toBe(200)
    expect(r.got).toHaveLength(0)

    c.set(t0)
    await loop.tick()
    await until('the drop delivered', () => r.got.length == 1)
    const got = r.got[0]!
    const event = new Webhook(SECRET).verify(got.body, got.headers as Record<string, string>) as any
    expect(event).toMatchObject({
      type: 'score.dropped',
      data: { touchpoint: 'checkout-pay', stage: 'purchase', metric: 'csat', before: { count: 40, score: 90 }, after: { count: 40, score: 30 } },
    })
    expect(event.data.change).toBeCloseTo(-60, 9)
    expect(event.data.q).toBeLessThan(0.05)
    expect(event.data.text).toMatch(/^CSAT fell 60 ± \d+ points, n = 40 vs 40$/)
    expect(got.headers['webhook-id']).toBe(`drop.checkout-pay.purchase.csat.${monday(t0)}.score.dropped`)

    // The receiver has it; wait until the loop has recorded it as delivered before moving the clock:
    // hours later the claim on a delivery still in flight has run out, and a pass would send it again
    // (a fresh-clone run did, under load).
    await loop.webhooks.drain()
    expect((await store.query(`SELECT state FROM deliveries WHERE type = 'score.dropped'`)).rows).toEqual([{ state: 'delivered' }])

    // Later the same week the drop is still there: found, not sent again; nor by a fresh loop.
    const later = monday(t0 + 6 * 3600 * 1000) == monday(t0) ? t0 + 6 * 3600 * 1000 : t0 - 6 * 3600 * 1000
    c.set(later)
    await loop.drops()
    const restarted = createLoop({ store, hooks, now: c.now })
    await restarted.drops()
    await restarted.stop()
    await loop.webhooks.drain()
    expect((await store.query(`SELECT count(*)::int AS n FROM deliveries WHERE type = 'score.dropped'`)).rows[0].n).toBe(1)
    expect(r.got).toHaveLength(1)
  })
})
