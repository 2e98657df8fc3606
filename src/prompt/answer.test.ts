import { describe, expect, it } from 'vitest'
import { buildAnswer, cleanUrl, uuid } from './answer'

const input = {
  touchpoint: 'checkout-pay',
  metric: 'ces' as const,
  score: 6,
  scale: { min: 1, max: 7 },
  question: 'How easy was it to pay today?',
  site: 'acme-web',
  locale: 'en-US',
  vitals: {},
  context: {},
  urlParams: [],
}

describe('buildAnswer', () => {
  it('has every always-present field of the wire format', () => {
    document.title = 'Checkout'
    const a = buildAnswer(input)
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a).toMatchObject({ touchpoint: 'checkout-pay', metric: 'ces', score: 6, scale: { min: 1, max: 7 }, site: 'acme-web', locale: 'en-US' })
    expect(new Date(a.createdAt).toISOString()).toBe(a.createdAt)
    expect(a.page).toEqual({ url: location.href.replace(/[?#].*/, ''), title: 'Checkout', referrer: document.referrer })
  })

  it('leaves out empty optional parts and keeps given ones', () => {
    const bare = buildAnswer({ ...input, site: '', locale: '' })
    expect(bare).not.toHaveProperty('site')
    expect(bare).not.toHaveProperty('vitals')
    expect(bare).not.toHaveProperty('context')
    const full = buildAnswer({ ...input, vitals: { LCP: 1200 }, context: { plan: 'pro' } })
    expect(full.vitals).toEqual({ LCP: 1200 })
    expect(full.context).toEqual({ plan: 'pro' })
  })

  it('keeps no fragment and no query parameter but those listed in urlParams', () => {
    history.replaceState(null, '', '/reset?token=secret&utm_source=x&utm_source=y&email=a%40b.c#frag')
    const url = (keep: string[]) => buildAnswer({ ...input, urlParams: keep }).page.url
    expect(url([])).toBe(location.origin + '/reset')
    expect(url(['utm_source', 'utm_campaign'])).toBe(location.origin + '/reset?utm_source=x&utm_source=y')
    expect(url(['*'])).toBe(location.origin + '/reset?token=secret&utm_source=x&utm_source=y&email=a%40b.c')
    expect(cleanUrl('', [])).toBe('')
  })

  it('starts at revision 1 and carries the stage when there is one', () => {
    expect(buildAnswer(input)).not.toHaveProperty('stage')
    expect(buildAnswer({ ...input, stage: 'purchase' })).toMatchObject({ revision: 1, stage: 'purchase' })
  })

  it('gives every answer its own id', () => {
    const ids = new Set(Array.from({ length: 200 }, () => buildAnswer(input).id))
    expect(ids.size).toBe(200)
  })
})

describe('uuid', () => {
  it('makes a v4 UUID without crypto.randomUUID (plain-http pages)', () => {
    const orig = crypto.randomUUID
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true })
    try {
      expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: orig, configurable: true })
    }
  })
})
