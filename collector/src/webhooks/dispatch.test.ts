// @vitest-environment node
// Webhook deliveries on PGlite through the app: signed per Standard Webhooks (checked with the
// `standardwebhooks` library), queued with the answer before the 2xx, retried on 5xx and on a
// receiver that hangs (cut off after the timeout, shortened here), not retried on 4xx but 408 and
// 429, dead-lettered after the last attempt. The clock is moved by hand: no test waits for a retry.
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SECRET, answer, body, cleanup, closeShared, clock, loopApp, pglite, receiver } from '../followups/testing'
import { until } from '../testing'
import { RETRIES } from './dispatch.js'
import { EVENTS } from './config.js'

beforeAll(async () => void (await pglite()), 120_000)
afterEach(cleanup)
afterAll(closeShared)

const post = (app: any, answers: unknown[]) => app.inject({ method: 'POST', url: '/v1/responses', payload: body(answers), headers: { 'content-type': 'text/plain' } })
const states = async (store: any) => (await store.query('SELECT msg_id, state, attempts, last_error FROM deliveries ORDER BY id')).rows

describe('webhooks', { timeout: 30_000 }, () => {
  it('signs each event per Standard Webhooks, queues it in the answer\'s transaction, sends it at once', async () => {
    const r = await receiver()
    const slack = await receiver()
    // The real clock: the library refuses a timestamp more than 5 minutes off.
    const { app, store } = await loopApp({ hooks: [{ url: r.url, events: EVENTS, secret: SECRET, format: 'standard' }, { url: slack.url, events: ['answer.low'], secret: SECRET, format: 'slack' }] })
    const low = answer({ comment: 'The <coupon> field ate my code' })
    const ok = await post(app, [low, answer({ score: 9 })])
    expect(ok.statusCode).toBe(200)
    // Acknowledged means queued: the rows exist already (3 standard, 1 slack).
    expect((await states(store)).length).toBe(4)
    await until('4 deliveries', () => r.got.length == 3 && slack.got.length == 1)
    const wh = new Webhook(SECRET)
    const ids = []
    for (const g of r.got) {
      expect(g.headers['content-type']).toBe('application/json')
      const event = wh.verify(g.body, g.headers as Record<string, string>) as any
      ids.push(g.headers['webhook-id'])
      expect(event.type).toMatch(/^answer\.(created|low)$/)
      expect(Math.abs(Number(g.headers['webhook-timestamp']) * 1000 - Date.now())).toBeLessThan(300_000)
      if (event.data.id == low.id) expect(event.data).toMatchObject({ ...low, receivedAt: expect.any(String) })
    }
    expect(ids.sort()).toEqual([`${low.id}.1.answer.created`, `${low.id}.1.answer.low`, expect.stringMatching(/\.1\.answer\.created$/)].sort())
    expect(() => wh.verify(r.got[0]!.body + ' ', r.got[0]!.headers as Record<string, string>)).toThrow()
    const s = slack.got[0]!
    new Webhook(SECRET).verify(s.body, s.headers as Record<string, string>)
    expect(JSON.parse(s.body)).toEqual({ text: 'Low score: NPS 3 on checkout-pay (purchase) — “The &lt;coupon&gt; field ate my code”' })
    // The same revision again changes nothing and sends nothing; a comment (revision 2) is a new message.
    await post(app, [low])
    await post(app, [{ ...low, revision: 2, comment: 'later' }])
    await until('revision 2', () => r.got.some((g) => g.headers['webhook-id'] == `${low.id}.2.answer.low`))
    expect((await states(store)).every((d: any) => d.state == 'delivered')).toBe(true)
    expect((await states(store)).length).toBe(7)
  })

  it('retries a receiver that fails (500), with the same id, until it recovers', async () => {
    const r = await receiver((n) => (n < 3 ? 500 : 200))
    const c = clock()
    const { app, store, loop } = await loopApp({ now: c.now, hooks: [{ url: r.url, events: ['answer.low'], secret: SECRET, format: 'standard' }] })
    await post(app, [answer()])
    await until('first attempt', async () => (await states(store))[0]?.attempts == 1)
    expect((await states(store))[0]).toMatchObject({ state: 'pending', last_error: 'HTTP 500' })
    await loop.webhooks.drain() // not due yet: nothing sent
    expect(r.got.length).toBe(1)
    c.add(RETRIES[0]! * 1200)
    await loop.webhooks.drain()
    c.add(RETRIES[1]! * 1200)
    await loop.webhooks.drain()
    expect(r.got.length).toBe(3)
    expect(new Set(r.got.map((g) => g.headers['webhook-id'])).size).toBe(1)
    expect((await states(store))[0]).toMatchObject({ state: 'delivered', attempts: 3 })
  })

  it('does not retry a 4xx (but 408 and 429), and dead-letters after the last attempt', async () => {
    const refused = await receiver(() => 400)
    const busy = await receiver(() => 429)
    const c = clock()
    const { app, store, loop } = await loopApp({ now: c.now, hooks: [{ url: refused.url, events: ['answer.low'], secret: SECRET, format: 'standard' }, { url: busy.url, events: ['answer.low'], secret: SECRET, format: 'standard' }] })
    await post(app, [answer()])
    await until('both tried', async () => (await states(store)).every((d: any) => d.attempts == 1))
    expect((await states(store)).map((d: any) => d.state)).toEqual(['dead', 'pending'])
    for (const wait of RETRIES) {
      c.add(wait * 1200)
      await loop.webhooks.drain()
    }
    expect(refused.got.length).toBe(1)
    expect(busy.got.length).toBe(RETRIES.length + 1)
    expect((await states(store))[1]).toMatchObject({ state: 'dead', attempts: 9, last_error: 'HTTP 429' })
    const list = (await app.inject('/webhooks.json')).json()
    expect(list.pending).toBe(0)
    expect(list.dead.map((d: any) => [d.type, d.error, d.destination])).toEqual([
      ['answer.low', 'HTTP 400', 'http://127.0.0.1:' + new URL(refused.url).port + '/…'],
      ['answer.low', 'HTTP 429', 'http://127.0.0.1:' + new URL(busy.url).port + '/…'],
    ].sort(() => 0))
  })

  it('cuts off a receiver that hangs (a failed attempt) and tries again later', async () => {
    const r = await receiver((n) => (n == 1 ? 'hang' : 200))
    const c = clock()
    const { app, store, loop } = await loopApp({ now: c.now, timeoutMs: 300, hooks: [{ url: r.url, events: ['answer.low'], secret: SECRET, format: 'standard' }] })
    await post(app, [answer()])
    await until('the cut', async () => (await states(store))[0]?.attempts == 1)
    expect((await states(store))[0]).toMatchObject({ state: 'pending', last_error: 'no answer within 0.3 s' })
    c.add(RETRIES[0]! * 1200)
    await loop.webhooks.drain()
    expect((await states(store))[0]).toMatchObject({ state: 'delivered', attempts: 2 })
  })
})
