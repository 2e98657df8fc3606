import { describe, expect, it, vi, afterEach } from 'vitest'
import { parseRetryAfter, post, verdict } from './transport'

afterEach(() => vi.unstubAllGlobals())

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000)
    const now = Date.parse('2026-11-22T10:00:00Z')
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0)
  })
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeNull()
    expect(parseRetryAfter('soon')).toBeNull()
  })
})

describe('verdict', () => {
  it.each([
    [200, null, 'sent'],
    [204, null, 'sent'],
    [500, null, 'retry'],
    [503, null, 'retry'],
    [503, 5000, 'wait'],
    [429, 5000, 'wait'],
    [429, null, 'retry'],
    [408, null, 'retry'],
    [0, null, 'retry'],
    [400, null, 'reject'],
    [404, null, 'reject'],
    [413, null, 'reject'],
  ])('HTTP %i (Retry-After %s) → %s', (status, retryAfter, v) => {
    expect(verdict({ status, retryAfter })).toBe(v)
  })
})

describe('post', () => {
  it('sends JSON as a CORS simple request, without cookies, and reads Retry-After', async () => {
    const f = vi.fn(async () => new Response(null, { status: 429, headers: { 'Retry-After': '7' } }))
    vi.stubGlobal('fetch', f)
    expect(await post('https://c.example.com', '{"a":1}', { keepalive: true })).toEqual({ status: 429, retryAfter: 7000 })
    const init = (f.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}', credentials: 'omit', keepalive: true })
    expect((init.headers as Record<string, string>)['Content-Type']).toMatch(/^text\/plain/)
  })

  it('turns a network error into status 0, never a throw', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch')
    })
    expect(await post('https://c.example.com', '{}')).toEqual({ status: 0, retryAfter: null })
  })

  it('aborts a request the collector never answers', async () => {
    vi.stubGlobal('fetch', (_: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
    )
    expect(await post('https://c.example.com', '{}', { timeout: 20 })).toEqual({ status: 0, retryAfter: null })
  })
})
