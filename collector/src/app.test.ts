// @vitest-environment node
// The Fastify app through `inject` (no port): CORS, allowed origins, the token for reading,
// per-address rate limits, validation, body limit, security headers, /healthz. The store is a
// stand-in that records what it is given (store/store.test.ts runs the real ones).
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from './app.js'
import type { Store } from './store/index.js'
import { ANSWERS, body } from './fixture'

const fakeStore = (over: Partial<Store> = {}) => {
  const stored: any[] = []
  const store: Store = {
    kind: 'fake',
    upsert: async (answers) => (stored.push(...answers), answers.length),
    counts: async () => [],
    compact: async () => 0,
    query: async () => ({ rows: [] }),
    lowComments: async () => [],
    latest: async () => stored,
    ping: async () => {},
    close: async () => {},
    ...over,
  }
  return { store, stored }
}
type App = Awaited<ReturnType<typeof buildApp>>
const apps: App[] = []
const app = async (o: Omit<Parameters<typeof buildApp>[0], 'store'> & { store?: Store } = {}) => {
  const a = await buildApp({ store: o.store ?? fakeStore().store, ...o })
  apps.push(a)
  return a
}
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close()
})
const post = (a: App, payload: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  a.inject({ method: 'POST', url: '/v1/responses', payload, headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers }, remoteAddress })
const one = (i: number) => body([{ ...ANSWERS[i % ANSWERS.length], id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}` }])

describe('POST /v1/responses', () => {
  it('stores a valid body and says how many; refuses a bad one naming the JSON pointer', async () => {
    const { store, stored } = fakeStore()
    const a = await app({ store })
    const ok = await post(a, body(ANSWERS.slice(0, 3)))
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toEqual({ accepted: 3, stored: 3 })
    expect(stored).toHaveLength(3)
    const bad = await post(a, body([{ ...ANSWERS[0], score: 11 }]))
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toEqual({ error: '/answers/0/score must be <= 10' })
    const extra = await post(a, body([{ ...ANSWERS[0], colour: 'red' }]))
    expect(extra.json().error).toBe('/answers/0 must NOT have additional properties (colour)')
    for (const [payload, headers] of [['{"answers": [', {}], ['', {}], ['{"answers": [', { 'content-type': 'application/json' }]] as const) {
      const notJson = await post(a, payload, headers)
      expect(notJson.statusCode).toBe(400)
      expect(notJson.json()).toEqual({ error: 'body is not JSON' })
    }
    const big = await post(a, 'x'.repeat((1 << 20) + 1))
    expect(big.statusCode).toBe(413)
    expect(big.json()).toEqual({ error: 'body is larger than 1 MiB' })
    expect(stored).toHaveLength(3)
  })

  it('answers 500, never 2xx, when the database cannot store', async () => {
    const a = await app({ store: fakeStore({ upsert: async () => Promise.reject(new Error('disk full')) }).store })
    const res = await post(a, one(1))
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ error: 'could not store the answers; send them again' })
  })

  it('CORS: any origin by default; the requested headers are allowed; Retry-After is exposed', async () => {
    const a = await app()
    const pre = await a.inject({ method: 'OPTIONS', url: '/v1/responses', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } })
    expect(pre.statusCode).toBe(204)
    expect(pre.headers['access-control-allow-origin']).toBe('*')
    expect(pre.headers['access-control-allow-headers']).toBe('authorization, content-type')
    expect(pre.headers['access-control-expose-headers']).toBe('Retry-After')
    const res = await post(a, one(2), { origin: 'https://shop.example.com' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-expose-headers']).toBe('Retry-After')
  })

  it('with allowed origins: those may post; a page of another origin gets 403 and nothing is stored', async () => {
    const { store, stored } = fakeStore()
    const a = await app({ store, origins: ['https://shop.example.com'] })
    const ok = await post(a, one(3), { origin: 'https://shop.example.com' })
    expect(ok.statusCode).toBe(200)
    expect(ok.headers['access-control-allow-origin']).toBe('https://shop.example.com')
    const other = await post(a, one(4), { origin: 'https://evil.example' })
    expect(other.statusCode).toBe(403)
    expect(other.json().error).toMatch(/^origin https:\/\/evil.example may not post answers here/)
    expect(other.headers['access-control-allow-origin']).toBeUndefined()
    expect((await post(a, one(5))).statusCode).toBe(200) // no Origin: not a browser page
    expect(stored.map((x) => x.id)).toEqual([JSON.parse(one(3)).answers[0].id, JSON.parse(one(5)).answers[0].id])
  })

  it('rate limit per client address: a flood from one gets 429 with Retry-After, answers from others are all stored', async () => {
    const { store, stored } = fakeStore()
    const a = await app({ store, rateLimit: { max: 3, timeWindow: 60_000 } })
    const flood: number[] = []
    const others: number[] = []
    for (let i = 0; i < 10; i++) {
      const [f, o] = await Promise.all([post(a, one(100 + i), {}, '10.0.0.1'), post(a, one(200 + i), {}, i % 2 ? '10.0.1.' + i : '2001:db8:' + i + '::1')])
      flood.push(f.statusCode)
      others.push(o.statusCode)
      if (f.statusCode == 429) {
        expect(Number(f.headers['retry-after'])).toBeGreaterThan(0)
        expect(f.headers['access-control-expose-headers']).toBe('Retry-After')
        expect(f.json().error).toMatch(/^too many requests from this address; retry in \d+ s$/)
      }
    }
    expect(flood).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429])
    expect(others.every((s) => s == 200)).toBe(true)
    // The flood's first 3 and every other client's answer.
    expect(stored).toHaveLength(13)
  })
})

describe('reading', () => {
  const READS = ['/', '/index.html', '/summary.json', '/dashboard.json', '/answers.json', '/answers.csv', '/comments.json', '/dashboard.client.js', '/dashboard.css', '/vendor/d3.min.js', '/vendor/plot.umd.min.js']

  it('without a token (loopback): open', async () => {
    const a = await app()
    for (const url of READS) expect((await a.inject({ url })).statusCode, url).toBe(200)
  })

  it('with a token: no token → 401, wrong token → 401, right token → 200; the POST, its preflight and /healthz stay open', async () => {
    const a = await app({ token: 'right-token' })
    for (const url of READS) {
      const none = await a.inject({ url })
      expect(none.statusCode, url).toBe(401)
      expect(none.headers['www-authenticate']).toBe('Bearer')
      expect(none.body).not.toContain('<html')
      expect((await a.inject({ url, headers: { authorization: 'Bearer wrong-token' } })).statusCode, url).toBe(401)
      expect((await a.inject({ url, headers: { cookie: 'touchpoint_token=wrong-token' } })).statusCode, url).toBe(401)
      expect((await a.inject({ url, headers: { authorization: 'Bearer right-token' } })).statusCode, url).toBe(200)
      expect((await a.inject({ url, headers: { cookie: 'other=1; touchpoint_token=right-token' } })).statusCode, url).toBe(200)
    }
    expect((await post(a, one(7))).statusCode).toBe(200)
    expect((await a.inject({ method: 'OPTIONS', url: '/v1/responses', headers: { origin: 'https://a.example', 'access-control-request-method': 'POST' } })).statusCode).toBe(204)
    expect((await a.inject({ url: '/healthz' })).statusCode).toBe(200)
    expect((await a.inject({ url: '/nope' })).statusCode).toBe(401)
  })

  it('/?token= once: a cookie of this origin (HttpOnly, SameSite=Strict) and a redirect without the token', async () => {
    const a = await app({ token: 'right-token' })
    const res = await a.inject({ url: '/?token=right-token&touchpoint=checkout-pay' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/?touchpoint=checkout-pay')
    expect(res.headers['set-cookie']).toBe('touchpoint_token=right-token; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000')
    expect((await a.inject({ url: '/?token=wrong' })).statusCode).toBe(401)
    // Only the page takes it from the URL: the JSON wants the header or the cookie.
    expect((await a.inject({ url: '/summary.json?token=right-token' })).statusCode).toBe(401)
  })

  it('the dashboard: scripts from its own origin only, and the usual security headers', async () => {
    const a = await app()
    const res = await a.inject({ url: '/' })
    expect(res.headers['content-security-policy']).toContain("script-src 'self'")
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
  })
})

describe('GET /healthz', () => {
  it('200 {ok: true} when the database answers, 503 when it does not', async () => {
    expect((await (await app()).inject({ url: '/healthz' })).json()).toEqual({ ok: true })
    const down = await (await app({ store: fakeStore({ ping: async () => Promise.reject(new Error('connection terminated')) }).store })).inject({ url: '/healthz' })
    expect(down.statusCode).toBe(503)
    expect(down.json()).toEqual({ ok: false, error: 'the database does not answer: connection terminated' })
  })
})
