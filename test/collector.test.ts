// @vitest-environment node
// The reference collector end to end over HTTP: validation, storage in PGlite (and in a real
// PostgreSQL server when one is installed), dedup keeping the highest revision, the summary,
// and a restart on the same data.
import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCollector } from '../demo/server.js'
import { ANSWERS, COMMENT, EXPECTED, REVISED, body, postFixture } from './collector.fixture'

type Options = Parameters<typeof startCollector>[0]

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
const suite = (name: string, options: () => Options, persistent = true) =>
  describe(name, () => {
    it(`validates, stores, keeps the highest revision, summarizes${persistent ? ', and gives the same figures after a restart' : ''}`, async () => {
      let c = await startCollector(options())
      try {
        expect(await get(c.url + '/summary.json')).toEqual({ count: 0, metrics: {}, touchpoints: {}, stages: [] })
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

        // CORS: any origin; the requested headers (an auth header) are allowed; Retry-After exposed.
        const pre = await fetch(c.endpoint, { method: 'OPTIONS', headers: { Origin: 'https://shop.example.com', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' } })
        expect(pre.status).toBe(204)
        expect(pre.headers.get('access-control-allow-origin')).toBe('*')
        expect(pre.headers.get('access-control-allow-headers')).toBe('Content-Type, authorization')
        expect(pre.headers.get('access-control-expose-headers')).toBe('Retry-After')

        checkSummary(await get(c.url + '/summary.json'))
        // The collector's own list: one per id, the highest revision, with its comment.
        expect(c.answers).toHaveLength(22)
        expect(c.answers.find((a) => a.id == REVISED.id)).toMatchObject({ revision: 2, comment: COMMENT })
        expect(c.attempts.map((a) => a.status).filter((s) => s == 400)).toHaveLength(3)
        const stored = (await get(c.url + '/answers.json')) as any[]
        expect(stored).toHaveLength(22)
        expect(stored.find((a) => a.id == REVISED.id)).toMatchObject({ revision: 2, comment: COMMENT })
        const dash = await get(c.url + '/dashboard.json')
        expect(dash.comments.map((x: any) => x.comment)).toEqual([COMMENT])
        expect(dash.distributions.nps.find((d: any) => d.score == 9).n).toBe(3)
        expect(dash.byRating.find((r: any) => r.vital == 'LCP' && r.rating == 'poor' && r.metric == 'ces')).toMatchObject({ count: 1, score: 4 })

        if (!persistent) return
        await c.close()
        c = await startCollector(options())
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
suite('collector in memory (no data folder: what the e2e suite uses; nothing survives a restart)', () => ({}), false)

// A throwaway PostgreSQL cluster: Debian's postgresql package (`.ci/run` installs it).
const bindir = (() => {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
    return existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')) ? dir : null
  } catch {
    return null
  }
})()
const root = process.getuid?.() === 0
const asUser = (cmd: string, args: string[]) => (root ? ['runuser', ['-u', 'nobody', '--', cmd, ...args]] : [cmd, args]) as [string, string[]]
const run = (cmd: string, args: string[]) => {
  const [c, a] = asUser(cmd, args)
  const r = spawnSync(c, a, { encoding: 'utf8' })
  if (r.status != 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`)
}
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as any).port
      s.close(() => resolve(port))
    })
  })

describe.skipIf(!bindir)(bindir ? 'collector on a PostgreSQL server (DATABASE_URL)' : 'collector on a PostgreSQL server: skipped, PostgreSQL is not installed (apt-get install -y postgresql)', () => {
  let cluster = ''
  let url = ''
  beforeAll(async () => {
    cluster = mkdtempSync(join(tmpdir(), 'touchpoint-pg-'))
    if (root) {
      const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }))
      const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }))
      chownSync(cluster, uid, gid)
    }
    const port = await freePort()
    run(join(bindir!, 'initdb'), ['-D', join(cluster, 'db'), '-U', 'touchpoint', '--auth=trust', '-E', 'UTF8', '--no-sync'])
    run(join(bindir!, 'pg_ctl'), ['-D', join(cluster, 'db'), '-l', join(cluster, 'log'), '-w', '-o', `-p ${port} -k ${cluster} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start'])
    url = `postgres://touchpoint@127.0.0.1:${port}/postgres`
  }, 60_000)
  afterAll(() => {
    if (!cluster) return
    try {
      run(join(bindir!, 'pg_ctl'), ['-D', join(cluster, 'db'), '-m', 'immediate', '-w', 'stop'])
    } finally {
      rmSync(cluster, { recursive: true, force: true })
    }
  })
  suite('the same SQL', () => ({ databaseUrl: url }))
})
