// @vitest-environment node
// The follow-up queue on PGlite through the app: a case per low score with its due time, revisions
// updating it, `recovered`, the list's filters and order, changes that always need the token (and
// from the page, its own origin), `followup.overdue` once per case, and the daily digest.
import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dueAfter } from './cases.js'
import { NO_TOKEN } from './routes.js'
import { SECRET, answer, body, cleanup, closeShared, clock, loopApp, pglite, receiver } from './testing'

beforeAll(async () => void (await pglite()), 120_000)
afterEach(cleanup)
afterAll(closeShared)

const post = (app: any, answers: unknown[]) => app.inject({ method: 'POST', url: '/v1/responses', payload: body(answers), headers: { 'content-type': 'text/plain' } })
const TOKEN = 'secret-token-for-tests'
const auth = { authorization: 'Bearer ' + TOKEN }
const change = (app: any, id: string, payload: unknown, headers: Record<string, string> = auth) =>
  app.inject({ method: 'POST', url: '/follow-ups/' + id, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...headers } })

describe('due times', () => {
  it('are 2 business days (Mon–Fri UTC) after the answer, or --follow-up-hours', () => {
    const at = (s: string) => new Date(dueAfter(Date.parse(s))).toISOString()
    expect(at('2026-12-07T09:00:00.000Z')).toBe('2026-12-09T09:00:00.000Z') // Monday → Wednesday
    expect(at('2026-12-04T15:00:00.000Z')).toBe('2026-12-08T15:00:00.000Z') // Friday → Tuesday
    expect(at('2026-12-05T10:00:00.000Z')).toBe('2026-12-08T10:00:00.000Z') // Saturday → Tuesday
    expect(new Date(dueAfter(Date.parse('2026-12-05T10:00:00.000Z'), 4)).toISOString()).toBe('2026-12-05T14:00:00.000Z')
  })
})

describe('the follow-up queue', { timeout: 30_000 }, () => {
  it('makes a case of each low score, updates it with revisions, marks it recovered', async () => {
    const c = clock('2026-12-08T12:00:00.000Z')
    const { app } = await loopApp({ now: c.now, token: TOKEN })
    const low = answer({ context: { userId: 'u-42' } })
    const other = answer({ touchpoint: 'help-article', stage: 'support', metric: 'thumbs', score: 0, createdAt: '2026-12-07T10:00:00.000Z' })
    await post(app, [low, other, answer({ score: 9 })])
    let cases = (await app.inject({ url: '/follow-ups.json', headers: auth })).json().cases
    // Overdue first (due Tuesday 10:00 < now), then by due time.
    expect(cases.map((x: any) => [x.id, x.status, x.due, x.overdue, x.recovered])).toEqual([
      [low.id, 'open', '2026-12-08T10:00:00.000Z', true, false],
      [other.id, 'open', '2026-12-09T10:00:00.000Z', false, false],
    ])
    // A revision with a comment and a contact appears on the case; its due time stays.
    await post(app, [{ ...low, revision: 2, comment: 'Card refused twice', contact: { consent: true, email: 'Ana@Example.com', at: '2026-12-04T10:01:00.000Z' } }])
    cases = (await app.inject({ url: '/follow-ups.json?touchpoint=checkout-pay', headers: auth })).json().cases
    expect(cases).toHaveLength(1)
    expect(cases[0].answer).toMatchObject({ comment: 'Card refused twice', contact: { email: 'Ana@Example.com' }, revision: 2 })
    expect(cases[0].due).toBe('2026-12-08T10:00:00.000Z')
    // The same contact (e-mail without case) later gives a non-low score on the same touchpoint.
    await post(app, [answer({ score: 10, createdAt: '2026-12-05T10:00:00.000Z', contact: { consent: true, email: 'ana@example.COM', at: '2026-12-05T10:00:00.000Z' } })])
    expect((await app.inject({ url: '/follow-ups.json?stage=purchase', headers: auth })).json().cases[0].recovered).toBe(true)
    // By userId, but not on another touchpoint.
    await post(app, [answer({ touchpoint: 'checkout-pay', score: 8, createdAt: '2026-12-08T10:00:00.000Z', context: { userId: 'nobody' } })])
    expect((await app.inject({ url: '/follow-ups.json?stage=support', headers: auth })).json().cases[0].recovered).toBe(false)
  })

  it('takes changes with the token only, stores who and when, and filters by status', async () => {
    const c = clock('2026-12-04T11:00:00.000Z')
    const { app } = await loopApp({ now: c.now, token: TOKEN })
    const low = answer()
    await post(app, [low])
    expect((await change(app, low.id, { status: 'in_progress' }, {})).statusCode).toBe(401)
    expect((await change(app, low.id, { status: 'in_progress' }, { authorization: 'Bearer nope' })).statusCode).toBe(401)
    // The page's cookie works only from the collector's own origin: no request forged elsewhere.
    const cookie = { cookie: 'touchpoint_token=' + TOKEN }
    const forged = await change(app, low.id, { status: 'closed' }, { ...cookie, origin: 'http://localhost:3000' })
    expect(forged.statusCode).toBe(403)
    expect((await change(app, low.id, { status: 'closed' }, cookie)).statusCode).toBe(403)
    expect((await change(app, low.id, { status: 'in_progress', assignee: 'ana' }, { ...cookie, origin: 'http://localhost:80', host: 'localhost:80' })).statusCode).toBe(200)
    expect((await change(app, low.id, { status: 'done' })).json()).toEqual({ error: 'status must be one of open, in_progress, closed' })
    expect((await change(app, low.id, { colour: 'red' })).statusCode).toBe(400)
    expect((await change(app, '00000000-0000-4000-9000-999999999999', { note: 'x' })).statusCode).toBe(404)
    c.add(60_000)
    const res = await change(app, low.id, { note: 'Called her back', status: 'closed', by: 'Bo' })
    expect(res.body).toContain('closed')
    const after = res.json()
    expect(after.status).toBe('closed')
    expect(after.assignee).toBe('ana')
    expect(after.history).toEqual([
      { at: '2026-12-04T11:00:00.000Z', by: 'token', status: 'in_progress', assignee: 'ana' },
      { at: '2026-12-04T11:01:00.000Z', by: 'Bo', status: 'closed', note: 'Called her back' },
    ])
    expect((await app.inject({ url: '/follow-ups.json?status=open', headers: auth })).json().cases).toEqual([])
    expect((await app.inject({ url: '/follow-ups.json?status=closed', headers: auth })).json().cases).toHaveLength(1)
    expect((await app.inject({ url: '/follow-ups.json' })).statusCode).toBe(401)
  })

  it('refuses every change on a collector without a token, saying to start it with --token', async () => {
    const { app } = await loopApp()
    const low = answer()
    await post(app, [low])
    expect((await app.inject('/follow-ups.json')).json().cases).toHaveLength(1) // reading on loopback is open
    for (const r of [await change(app, low.id, { status: 'closed' }, {}), await app.inject({ method: 'DELETE', url: '/contacts/ana@example.com' }), await app.inject({ method: 'POST', url: '/digest' })]) {
      expect(r.statusCode).toBe(403)
      expect(r.json().error).toBe(NO_TOKEN)
    }
  })

  it('sends followup.overdue once per case, and the daily digest, signed', async () => {
    const r = await receiver()
    const c = clock('2026-12-01T10:00:00.000Z')
    const { app, loop } = await loopApp({ now: c.now, token: TOKEN, hooks: [{ url: r.url, events: ['followup.overdue', 'digest.daily'], secret: SECRET, format: 'standard' }] })
    const low = answer({ createdAt: '2026-12-01T09:00:00.000Z' }) // a Tuesday: due Thursday 09:00
    await post(app, [low, answer({ score: 10 }), answer({ touchpoint: 'other', metric: 'csat', score: 5 })])
    expect(await loop.cases.checkOverdue()).toBe(0)
    c.set('2026-12-03T09:00:01.000Z')
    expect(await loop.cases.checkOverdue()).toBe(1)
    expect(await loop.cases.checkOverdue()).toBe(0)
    await loop.webhooks.drain()
    expect(r.got.map((g) => g.headers['webhook-id'])).toEqual([`${low.id}.followup.overdue`])
    const overdue = JSON.parse(r.got[0]!.body)
    expect(overdue).toMatchObject({ type: 'followup.overdue', data: { id: low.id, status: 'open', overdue: true, answer: { id: low.id } } })
    // The digest: the answers received in the 24 h before it (received now, by the real clock).
    c.set(Date.now() + 1000)
    const d = (await app.inject({ method: 'POST', url: '/digest', headers: auth })).json()
    expect(d).toMatchObject({ answers: 3, low: 1, overdue: 1, queued: 1, touchpoints: { 'checkout-pay': { answers: 2, low: 1, overdue: 1 }, other: { answers: 1, low: 0, overdue: 0 } } })
    await loop.webhooks.drain()
    const digest = r.got[1]!
    // Signed like every event (the clock is the real one again: the library allows 5 minutes).
    new Webhook(SECRET).verify(digest.body, digest.headers as Record<string, string>)
    expect(JSON.parse(digest.body)).toMatchObject({ type: 'digest.daily', data: { answers: 3, low: 1, overdue: 1 } })
  })
})
