// @vitest-environment node
// --workers N on PostgreSQL: every worker is a whole collector with its own follow-ups loop, so
// several dispatchers share one `deliveries` table. Here two (two stores, as two workers have, or
// two machines) race for the same deliveries: two claims at the same instant, answers posted to
// both at once, a backlog both find waiting, and a new day on which both send the digest and check
// for drops. A receiver on 127.0.0.1 counts each webhook id: once each.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import { SECRET, answer, body, cleanup, clock, receiver } from '../followups/testing'
import { createLoop } from '../followups/loop.js'
import { CLAIM_SQL } from './dispatch.js'
import type { Store } from '../store/index.js'
import { postgresStore } from '../store/postgres.js'
import { pgBindir, startThrowaway } from '../store/throwaway.js'
import { until } from '../testing'

const bindir = pgBindir()

describe.skipIf(!bindir)(bindir ? 'webhooks with two collectors on one PostgreSQL' : 'webhooks with two collectors: skipped, PostgreSQL is not installed (apt-get install -y postgresql)', () => {
  let cluster: Awaited<ReturnType<typeof startThrowaway>> | null = null
  const stores: Store[] = []
  beforeAll(async () => {
    cluster = await startThrowaway({ bindir: bindir! })
    for (let i = 0; i < 2; i++) stores.push(await postgresStore(cluster.url()))
  }, 120_000)
  afterEach(cleanup)
  afterAll(async () => {
    for (const s of stores) await s.close()
    cluster?.stop()
  })

  it('claims a delivery for one dispatcher only, even when both claim at the same moment', async () => {
    const [a, b] = stores as [Store, Store]
    await a.query('TRUNCATE deliveries')
    const at = new Date().toISOString()
    await a.query(
      `INSERT INTO deliveries (msg_id, type, url, body, created_at, next_at)
       SELECT 'race.' || i, 'answer.created', 'http://127.0.0.1:9/hook', '{}', $1::timestamptz, $1::timestamptz FROM generate_series(1, 80) i`,
      [at],
    )
    const params = [new Date().toISOString(), new Date(Date.now() + 60_000).toISOString()]
    const waiting = async () => Number((await a.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`)).rows[0].n) > 0
    let first: any[] = []
    let second: Promise<{ rows: any[] }> | null = null
    // The first claim's transaction stays open until the second has either waited for its rows or passed them by.
    await a.tx!(async (q) => {
      first = (await q(CLAIM_SQL, params)).rows
      let settled = false
      second = b.query(CLAIM_SQL, params).finally(() => void (settled = true))
      await until('the second claim to wait or finish', async () => settled || (await waiting()))
    })
    const ids = [...first, ...(await second!).rows].map((r) => r.msg_id)
    expect(first).toHaveLength(50)
    expect(ids.length - new Set(ids).size).toBe(0)
  }, 60_000)

  it('delivers each webhook once, however the two loops interleave: answers, a backlog, the digest, a drop', async () => {
    await stores[0]!.query('TRUNCATE answers, cases, case_history, deliveries')
    const r = await receiver()
    const hooks = [{ url: r.url, events: ['answer.created', 'answer.low', 'digest.daily', 'score.dropped'], secret: SECRET, format: 'standard' as const }]
    // One clock for both (as two processes on one machine), moved by hand to the next day.
    const c = clock(Date.now())
    const loops = stores.map((store) => createLoop({ store, hooks, now: c.now }))
    const apps = await Promise.all(stores.map((store, i) => buildApp({ store, loop: loops[i] })))
    const post = (i: number, answers: unknown[]) =>
      apps[i % 2]!.inject({ method: 'POST', url: '/v1/responses', payload: body(answers), headers: { 'content-type': 'text/plain' } })
    try {
      await Promise.all(loops.map((l) => l.start()))
      // Answers posted to both collectors at once, each draining the queue after its own POST; a
      // CSAT drop among them (90% satisfied 10 days ago, 30% 3 days ago), for the daily drop check.
      const day = 24 * 3600 * 1000
      const csat = (i: number, daysAgo: number, happy: boolean) =>
        answer({ metric: 'csat', score: happy ? 5 : 2, createdAt: new Date(c.now() - daysAgo * day + i * 60_000).toISOString() })
      const answers = [
        ...Array.from({ length: 120 }, (_, i) => answer({ score: i % 11, createdAt: new Date(c.now() - 20 * day).toISOString() })),
        ...Array.from({ length: 40 }, (_, i) => csat(i, 10, i % 10 != 0)),
        ...Array.from({ length: 40 }, (_, i) => csat(i, 3, i % 10 < 3)),
      ]
      // Eight at a time, alternating: each store has a pool of 4 connections.
      for (let i = 0; i < answers.length; i += 8) {
        const posted = await Promise.all(answers.slice(i, i + 8).map((a, j) => post(i + j, [a])))
        expect(posted.filter((p) => p.statusCode != 200).map((p) => p.body)).toEqual([])
      }
      // A backlog both find due (deliveries queued while no collector ran), drained by both together.
      await stores[0]!.query(
        `INSERT INTO deliveries (msg_id, type, url, body, created_at, next_at)
         SELECT 'backlog.' || i, 'answer.created', $1, '{"type":"answer.created","timestamp":"' || $2::text || '","data":{}}', $2::timestamptz, $2::timestamptz FROM generate_series(1, 400) i`,
        [r.url, new Date(c.now()).toISOString()],
      )
      for (let round = 0; round < 5; round++) await Promise.all(loops.map((l) => l.webhooks.drain()))
      // A new day for both: each tick sends yesterday's digest and checks for drops.
      c.add(day)
      await Promise.all(loops.map((l) => l.tick()))
      for (let round = 0; round < 3; round++) await Promise.all(loops.map((l) => l.webhooks.drain()))

      const low = answers.filter((a) => a.score <= (a.metric == 'csat' ? 3 : 6)).length
      const queued = Number((await stores[0]!.query('SELECT count(*)::int AS n FROM deliveries')).rows[0].n)
      expect(queued).toBe(answers.length + low + 400 + 2)
      await until('every delivery delivered', async () =>
        Number((await stores[0]!.query(`SELECT count(*)::int AS n FROM deliveries WHERE state = 'delivered'`)).rows[0].n) == queued)
      const ids = r.got.map((g) => String(g.headers['webhook-id']))
      expect(ids.filter((id, i) => ids.indexOf(id) != i)).toEqual([])
      expect(ids).toHaveLength(queued)
      const types = r.got.map((g) => JSON.parse(g.body).type)
      expect(types.filter((t) => t == 'digest.daily')).toHaveLength(1)
      expect(types.filter((t) => t == 'score.dropped')).toHaveLength(1)
    } finally {
      for (const l of loops) await l.stop()
      for (const a of apps) await a.close()
    }
  }, 120_000)
})
