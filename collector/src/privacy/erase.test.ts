// @vitest-environment node
// Erasure: after DELETE /contacts/<e-mail>, the address is nowhere in the database (every row of
// every table, as text, the rollup's included), the answers and cases remain, and the only trace
// is when and how many rows. Retention deletes what is older than N days. On PGlite and on a
// throwaway PostgreSQL cluster (skipped when PostgreSQL is not installed): the same SQL.
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../store/index.js'
import { SECRET, answer, body, cleanup, closeShared, dump, loopApp, pgInstalled, pglite, postgres, receiver } from '../followups/testing'

afterEach(cleanup)
afterAll(closeShared)

const TOKEN = 'secret-token-for-tests'
const auth = { authorization: 'Bearer ' + TOKEN }
const post = (app: any, answers: unknown[]) => app.inject({ method: 'POST', url: '/v1/responses', payload: body(answers), headers: { 'content-type': 'text/plain' } })

const suite = (name: string, open: () => Promise<Store>) => {
  describe(`DELETE /contacts/<e-mail> on ${name}`, { timeout: 60_000 }, () => {
    it('removes the address from every answer, case, note, delivery and count; records only when and how many', async () => {
      const store = await open()
      const r = await receiver(() => 500) // deliveries stay pending, holding the address
      const { app } = await loopApp({ store, token: TOKEN, hooks: [{ url: r.url, events: ['answer.created', 'answer.low'], secret: SECRET, format: 'standard' }] })
      const email = 'Ana.Lima+cx@Example.com'
      const contact = { consent: true, email, at: '2026-12-04T10:01:00.000Z' }
      const low = answer({ comment: `write to ${email.toLowerCase()} please`, contact })
      const kept = answer({ contact: { consent: true, email: 'bo@example.com', at: '2026-12-04T10:01:00.000Z' } })
      // A site named after the address: the rollup counts answers per site.
      await post(app, [low, kept, answer({ score: 10, contact, site: `shop of ${email}` })])
      await store.compact()
      await app.inject({ method: 'POST', url: '/follow-ups/' + low.id, payload: JSON.stringify({ note: `Mailed ${email}`, assignee: 'bo' }), headers: { ...auth, 'content-type': 'application/json' } })
      const before = await dump(store)
      expect(before.text.toLowerCase()).toContain(email.toLowerCase())
      expect(before.text).toMatch(/public\.answers_periods: .*shop of ana\.lima/i)
      const res = await app.inject({ method: 'DELETE', url: '/contacts/' + encodeURIComponent(email.toUpperCase()), headers: auth })
      expect(res.statusCode).toBe(200)
      expect(res.json().rows).toBeGreaterThanOrEqual(7) // 3 answers, 1 case, 1 note, 4+ deliveries
      const after = await dump(store)
      expect(after.tables).toEqual(expect.arrayContaining(['public.answers', 'public.cases', 'public.case_history', 'public.deliveries', 'public.erasures', 'public.answers_daily', 'public.answers_periods']))
      expect(after.text.toLowerCase()).not.toContain(email.toLowerCase())
      expect(after.text.toLowerCase()).not.toContain('ana.lima')
      // The other contact, the answers and the case remain; the erasure log says when and how many only.
      expect(after.text).toContain('bo@example.com')
      expect((await app.inject({ url: '/summary.json?site=' + encodeURIComponent('shop of [erased]'), headers: auth })).json().count).toBe(1)
      const cases = (await app.inject({ url: '/follow-ups.json', headers: auth })).json().cases
      const c = cases.find((x: any) => x.id == low.id)
      expect(c.answer.contact).toBeUndefined()
      expect(c.answer.comment).toBe('write to [erased] please')
      expect(c.history[0].note).toBe('Mailed [erased]')
      const log = (await store.query!('SELECT * FROM erasures')).rows
      expect(log).toHaveLength(1)
      expect(Object.keys(log[0]).sort()).toEqual(['at', 'rows'])
      expect((await app.inject({ method: 'DELETE', url: '/contacts/not-an-address', headers: auth })).statusCode).toBe(400)
    })
  })

  describe(`--retention-days on ${name}`, { timeout: 60_000 }, () => {
    it('deletes answers, cases and deliveries older than N days', async () => {
      const store = await open()
      const { app, loop } = await loopApp({ store, token: TOKEN, retentionDays: 30, now: () => Date.now() + 31 * 86_400_000 })
      await post(app, [answer({ createdAt: new Date().toISOString() })])
      expect((await app.inject({ url: '/follow-ups.json', headers: auth })).json().cases).toHaveLength(1)
      expect(await loop.retention()).toBeGreaterThanOrEqual(2)
      expect((await store.query!('SELECT count(*)::int AS n FROM answers')).rows[0].n).toBe(0)
      expect((await store.query!('SELECT count(*)::int AS n FROM cases')).rows[0].n).toBe(0)
      expect((await app.inject({ url: '/summary.json', headers: auth })).json().count).toBe(0)
    })
  })
}

suite('PGlite', pglite)
if (pgInstalled) suite('PostgreSQL', postgres)
else describe('erasure and retention on PostgreSQL: skipped, PostgreSQL is not installed (apt-get install -y postgresql)', () => it.skip('needs PostgreSQL'))
