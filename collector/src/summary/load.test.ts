// @vitest-environment node
// The filtered reads over HTTP on a real PGlite store: /summary.json, /dashboard.json,
// /comments.json and /answers.csv take the same filters, a bad value is a 400 naming the
// parameter on each, the trend and a planted drop show in /summary.json, and the CSV is RFC 4180.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import { ANSWERS } from '../fixture'
import { pgliteStore } from '../store/pglite.js'
import type { Store } from '../store/index.js'
import { checkDrops, dropKey } from './load.js'

let dir = ''
let store: Store
let app: Awaited<ReturnType<typeof buildApp>>
const NOW = Date.now()
const DAY = 24 * 3600 * 1000
let n = 0
const id = () => `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
// A planted drop: checkout CSAT 90% happy the week before, 50% the last week (60 answers each).
const planted = [
  ...Array.from({ length: 60 }, (_, i) => ({ score: i % 10 == 0 ? 2 : 5, at: NOW - 10 * DAY + i * 60_000 })),
  ...Array.from({ length: 60 }, (_, i) => ({ score: i % 2 ? 2 : 5, at: NOW - 3 * DAY + i * 60_000 })),
].map(({ score, at }) => ({
  id: id(), touchpoint: 'checkout', metric: 'csat', score, scale: { min: 1, max: 5 }, createdAt: new Date(at).toISOString(), revision: 1, stage: 'purchase',
  site: 'acme-app', locale: 'de-DE', context: { plan: score == 2 ? 'free' : 'pro' }, ...(score == 2 ? { comment: 'Too slow, "really", slow\nagain' } : {}),
}))
const thumbsDown = { ...ANSWERS.find((a) => a.metric == 'thumbs' && a.score == 0)!, id: id(), comment: 'Not helpful' }

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'touchpoint-load-'))
  store = await pgliteStore(dir)
  await store.upsert([...ANSWERS, ...planted, thumbsDown], new Date().toISOString())
  app = await buildApp({ store })
}, 120_000)
afterAll(async () => {
  await app?.close()
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})
const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url })
  return { status: r.statusCode, body: r.headers['content-type']?.toString().startsWith('application/json') ? r.json() : r.body, headers: r.headers }
}

describe('filters on every read', () => {
  it('/summary.json counts only what the filters keep', async () => {
    const all = (await get('/summary.json')).body
    expect(all.count).toBe(ANSWERS.length + planted.length + 1)
    const tp = (await get('/summary.json?touchpoint=app-nps')).body
    expect(tp.count).toBe(10)
    expect(Object.keys(tp.touchpoints)).toEqual(['app-nps'])
    expect((await get('/summary.json?site=acme-app&ctx.plan=free')).body.count).toBe(planted.filter((a) => a.context.plan == 'free').length)
    expect((await get('/summary.json?from=2026-11-03&to=2026-11-04')).body.count).toBe(ANSWERS.filter((a) => a.createdAt.startsWith('2026-11-03')).length)
    expect((await get('/summary.json?metric=nps&stage=usage')).body.metrics.nps.score).toBe(20)
  })

  it('answers a bad value with a 400 naming the parameter and what it accepts, on every endpoint', async () => {
    for (const path of ['/summary.json', '/dashboard.json', '/comments.json', '/answers.csv'])
      for (const [qs, msg] of [['from=yesterday', /^from: expected YYYY-MM-DD/], ['metric=stars', /^metric: expected nps, csat, ces or thumbs, got "stars"/], ['period=year', /^period: expected day, week or month/]] as const) {
        const r = await app.inject({ method: 'GET', url: `${path}?${qs}` })
        expect(r.statusCode, path + '?' + qs).toBe(400)
        expect(r.json().error).toMatch(msg)
      }
  })

  it('/summary.json carries a weekly trend with small buckets marked, and the planted drop', async () => {
    const s = (await get('/summary.json?touchpoint=checkout')).body
    expect(s.trend.period).toBe('week')
    const points = s.trend.metrics.csat
    expect(points.length).toBeGreaterThanOrEqual(2)
    for (const p of points) expect(p.small).toBe(p.count < 30)
    expect((await get('/summary.json?period=month')).body.trend.period).toBe('month')
    expect(s.drops).toHaveLength(1)
    expect(s.drops[0]).toMatchObject({ touchpoint: 'checkout', stage: 'purchase', metric: 'csat', before: { count: 60 }, after: { count: 60 } })
    expect(s.drops[0].change).toBeCloseTo(-40, 5)
    expect(s.drops[0].q).toBeLessThan(0.05)
    const drops = await checkDrops(store)
    expect(drops.map((d) => d.text)).toEqual([expect.stringMatching(/^CSAT fell 40 ± \d+ points, n = 60 vs 60$/)])
    // The webhook's key: the same cell all week long, a new key the next Monday.
    const mon = new Date('2026-11-30T08:00:00Z')
    expect(dropKey(drops[0]!, mon)).toBe(dropKey(drops[0]!, new Date('2026-12-06T23:59:00Z')))
    expect(dropKey(drops[0]!, mon)).not.toBe(dropKey(drops[0]!, new Date('2026-12-07T00:00:00Z')))
    const d = (await get('/dashboard.json')).body
    expect(d.drops[0].text).toBe(drops[0]!.text)
    expect(d.options.touchpoint).toContain('checkout')
    expect(d.options['ctx.plan']).toEqual(expect.arrayContaining(['pro', 'free']))
  })

  it('/comments.json pages all comments newest first, searches, filters by band; thumbs down says so', async () => {
    const first = (await get('/comments.json?limit=10')).body
    const withComment = planted.filter((a) => a.comment).length + 1 + ANSWERS.filter((a: any) => a.comment).length
    expect(first.total).toBe(withComment)
    expect(first.comments).toHaveLength(10)
    const times = first.comments.map((c: any) => c.createdAt)
    expect(times).toEqual(times.slice().sort().reverse())
    const last = (await get(`/comments.json?limit=10&page=${first.pages}`)).body
    expect(last.comments.length).toBe(withComment - 10 * (first.pages - 1))
    const help = (await get('/comments.json?q=helpful')).body
    expect(help.comments.map((c: any) => c.label)).toEqual(['thumbs down'])
    expect((await get('/comments.json?band=high')).body.total).toBe(0)
    expect((await get('/comments.json?band=low&touchpoint=checkout')).body.total).toBe(planted.filter((a) => a.comment).length)
  })

  it('/answers.csv: every field flattened with dots, RFC 4180 quoting, the filters applied', async () => {
    const r = await get('/answers.csv?touchpoint=checkout&ctx.plan=free')
    expect(r.status).toBe(200)
    expect(String(r.headers['content-type'])).toMatch(/^text\/csv/)
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment; filename="touchpoint-answers-/)
    const text = r.body as string
    const header = text.slice(0, text.indexOf('\r\n')).split(',')
    expect(header.slice(0, 4)).toEqual(['id', 'revision', 'createdAt', 'receivedAt'])
    expect(header).toEqual(expect.arrayContaining(['page.url', 'vitals.LCP', 'context.plan', 'scale.min']))
    // A comment with a comma, quotes and a line break is one quoted field.
    expect(text).toContain('"Too slow, ""really"", slow\nagain"')
    const rows = text.split('\r\n').filter(Boolean)
    expect(rows).toHaveLength(1 + planted.filter((a) => a.context.plan == 'free').length)
    const all = (await get('/answers.csv')).body as string
    expect(all.split('\r\n').filter(Boolean)).toHaveLength(1 + ANSWERS.length + planted.length + 1)
  })
})
