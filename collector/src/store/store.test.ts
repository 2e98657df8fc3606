// @vitest-environment node
// The collector end to end over HTTP on each store: validation, storage in PGlite (and in a real
// PostgreSQL server when one is installed), dedup keeping the highest revision, the summary,
// and a restart on the same data. The same SQL runs on both. Also: what a PostgreSQL that cannot
// be used does to a start (one line, naming DATABASE_URL or --database-url).
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCollector } from '../start.js'
import { pgBindir, startThrowaway } from './throwaway.js'
import { ANSWERS, COMMENT, EXPECTED, REVISED, body, postFixture } from '../fixture'
import { freePort, killAll, runCli, startCli } from '../testing'
import { treeTicks } from '../../load/measure.js'

type Options = { data?: string; databaseUrl?: string }
const start = (o: Options) => startCollector({ ...o, host: '127.0.0.1', port: 0 })

const checkSummary = (s: any) => {
  expect(s.count).toBe(EXPECTED.count)
  expect(s.metrics.nps).toMatchObject(EXPECTED.nps)
  expect(s.metrics.csat).toMatchObject(EXPECTED.csat)
  expect(s.metrics.ces).toMatchObject(EXPECTED.ces)
  expect(s.metrics.thumbs.count).toBe(3)
  expect(s.metrics.thumbs.score).toBeCloseTo(66.67, 2)
  for (const m of ['nps', 'csat', 'ces', 'thumbs']) expect(s.metrics[m].interval).toHaveLength(2)
  expect(Object.keys(s.touchpoints).sort()).toEqual(['app-nps', 'checkout-pay', 'delivery-survey', 'help-article', 'order-confirmed'])
  expect(s.touchpoints['app-nps']).toMatchObject({ count: 10, metrics: { nps: { score: 20, promoters: 5, passives: 2, detractors: 3 } } })
  expect(s.touchpoints['order-confirmed'].count).toBe(3)
  expect(s.touchpoints['order-confirmed'].metrics.csat.score).toBeCloseTo(200 / 3, 10)
  expect(s.touchpoints['checkout-pay']).toMatchObject({ count: 4, metrics: { ces: { count: 4, score: 5 } } })
  expect(s.touchpoints['delivery-survey']).toMatchObject({ count: 2, metrics: { csat: { score: 50 } } })
  expect(s.touchpoints['help-article'].metrics.thumbs.score).toBeCloseTo(200 / 3, 10)
  // Journey order: the standard stages first, the site's own after them.
  expect(s.stages.map((x: any) => [x.stage, x.count])).toEqual([['purchase', 7], ['usage', 10], ['support', 3], ['delivery', 2]])
  const purchase = s.stages[0]
  expect(Object.keys(purchase.metrics).sort()).toEqual(['ces', 'csat'])
  expect(purchase.metrics.ces).toMatchObject({ count: 4, score: 5 })
  expect(purchase.metrics.csat.count).toBe(3)
  expect(s.stages[1].metrics.nps).toMatchObject(EXPECTED.nps)
}

const get = async (url: string) => (await fetch(url)).json() as Promise<any>

/** The same suite on any store: `options()` gives the same store each call (a restart). */
const suite = (name: string, options: () => Options) =>
  describe(name, () => {
    it('validates, stores, keeps the highest revision, summarizes, and gives the same figures after a restart', async () => {
      let c = await start(options())
      try {
        expect(await get(c.url + '/summary.json')).toEqual({ count: 0, metrics: {}, touchpoints: {}, stages: [], sample: 'include', trend: { period: 'week', metrics: {} }, drops: [] })
        const statuses = await postFixture(c.endpoint)
        expect(statuses.every((s) => s == 200)).toBe(true)

        // An invalid body and one that is not JSON: 400, naming the problem.
        const bad = await fetch(c.endpoint, { method: 'POST', body: body([{ ...ANSWERS[0], id: '00000000-0000-4000-8000-999999999999', score: 11 }]) })
        expect(bad.status).toBe(400)
        expect((await bad.json()).error).toBe('/answers/0/score must be <= 10')
        const extra = await fetch(c.endpoint, { method: 'POST', body: body([{ ...ANSWERS[0], colour: 'red' }]) })
        expect(extra.status).toBe(400)
        expect((await extra.json()).error).toMatch(/^\/answers\/0 must NOT have additional properties \(colour\)/)
        const notJson = await fetch(c.endpoint, { method: 'POST', body: '{"answers": [' })
        expect(notJson.status).toBe(400)
        expect((await notJson.json()).error).toBe('body is not JSON')

        checkSummary(await get(c.url + '/summary.json'))
        // One per id, the highest revision, with its comment.
        const stored = (await get(c.url + '/answers.json')) as any[]
        expect(stored).toHaveLength(22)
        expect(stored.find((a) => a.id == REVISED.id)).toMatchObject({ revision: 2, comment: COMMENT })
        const dash = await get(c.url + '/dashboard.json')
        expect(dash.comments.comments.map((x: any) => x.comment)).toEqual([COMMENT])
        expect(dash.distributions.nps.find((d: any) => d.score == 9).n).toBe(3)
        expect(dash.byRating.find((r: any) => r.vital == 'LCP' && r.rating == 'poor' && r.metric == 'ces')).toMatchObject({ count: 1, score: 4 })

        await c.close()
        c = await start(options())
        checkSummary(await get(c.url + '/summary.json'))
        expect(((await get(c.url + '/answers.json')) as any[]).find((a) => a.id == REVISED.id)).toMatchObject({ revision: 2, comment: COMMENT })
      } finally {
        await c.close()
      }
    }, 60_000)
  })

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-collector-'))
dirs.push(dataDir)
suite('collector on PGlite (embedded PostgreSQL in a data folder)', () => ({ data: dataDir }))

// A throwaway PostgreSQL cluster (./throwaway.js): Debian's postgresql package (`.ci/run` installs it).
const bindir = pgBindir()

describe.skipIf(!bindir)(bindir ? 'collector on a PostgreSQL server (DATABASE_URL)' : 'collector on a PostgreSQL server: skipped, PostgreSQL is not installed (apt-get install -y postgresql)', () => {
  let cluster: Awaited<ReturnType<typeof startThrowaway>> | null = null
  let port = 0
  const url = (password = 'secret', db = 'postgres') => cluster!.url(password, db)
  beforeAll(async () => {
    cluster = await startThrowaway({ bindir: bindir! })
    port = cluster.port
  }, 60_000)
  afterAll(async () => {
    await killAll()
    cluster?.stop()
  })
  suite('the same SQL', () => ({ databaseUrl: url() }))

  it('--workers 2: answers from many connections over both processes, none lost, none duplicated, the highest revision kept; SIGTERM stops all', async () => {
    const cli = startCli(['--port', '0', '--workers', '2', '--rate-limit', '100000', '--database-url', url()])
    const [, base] = await cli.waitFor(/listening on (http:\/\/\S+)[\s\S]*Workers: /)
    // Each POST on a connection of its own: the primary hands connections to the workers in turn.
    const workers = [...(treeTicks([cli.child.pid!]) ?? new Map()).keys()].filter((p) => p != cli.child.pid)
    expect(workers).toHaveLength(2)
    const batch = (n: number, revision = 1) => Array.from({ length: 3 }, (_, i) => ({ ...ANSWERS[(n + i) % ANSWERS.length], id: `00000000-0000-4000-b000-${String(n * 3 + i).padStart(12, '0')}`, revision }))
    const post = (answers: unknown[]) =>
      new Promise<number>((resolve, reject) => {
        const req = request(base + '/v1/responses', { method: 'POST', agent: false, headers: { 'content-type': 'text/plain' } }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        })
        req.on('error', reject)
        req.end(body(answers))
      })
    const first = await Promise.all(Array.from({ length: 30 }, (_, n) => post(batch(n))))
    const second = await Promise.all(Array.from({ length: 10 }, (_, n) => post(batch(n, 2))))
    expect([...first, ...second].every((s) => s == 200)).toBe(true)
    const stored = (await get(base + '/answers.json')) as any[]
    const ours = stored.filter((a) => a.id.includes('-b000-'))
    expect(ours).toHaveLength(90)
    expect(new Set(ours.map((a) => a.id)).size).toBe(90)
    expect(ours.filter((a) => a.revision == 2)).toHaveLength(30)
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(workers.filter((p) => existsSync('/proc/' + p))).toEqual([])
  }, 60_000)

  describe('a database that cannot be used: one line naming it, exit 2, nothing left running', () => {
    it('wrong password', async () => {
      const r = await runCli(['--port', '0'], { DATABASE_URL: url('wrong') })
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(`touchpoint-collector: DATABASE_URL: 127.0.0.1:${port} refused user "touchpoint" (password authentication failed for user "touchpoint"); check the user and password in the URL\n`)
      expect(r.stderr).not.toContain('wrong')
    })
    it('no such database', async () => {
      const r = await runCli(['--port', '0', '--database-url', url('secret', 'nope')])
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(`touchpoint-collector: --database-url: there is no database "nope" on 127.0.0.1:${port}; create it (createdb nope) or fix the URL\n`)
    })
    it('nothing listening', async () => {
      const closed = await freePort()
      const r = await runCli(['--port', '0', '--database-url', `postgres://touchpoint:secret@127.0.0.1:${closed}/postgres`])
      expect(r.code).toBe(2)
      expect(r.stderr).toBe(`touchpoint-collector: --database-url: nothing answers at 127.0.0.1:${closed} (connection refused); start PostgreSQL there, or fix the host and port\n`)
    })
    it('the right URL starts, and /healthz says so', async () => {
      const c = await start({ databaseUrl: url() })
      try {
        const res = await fetch(c.url + '/healthz')
        expect(res.status).toBe(200)
        expect(await res.json()).toEqual({ ok: true })
      } finally {
        await c.close()
      }
    })
  })
})
