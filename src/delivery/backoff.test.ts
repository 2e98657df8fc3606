import { describe, expect, it } from 'vitest'
import { BASE, CAP, backoff, startJitter } from './backoff'

describe('backoff', () => {
  it('grows exponentially within [0.75, 1] of its window', () => {
    for (let n = 1; n <= 8; n++) {
      const top = Math.min(CAP, BASE * 2 ** (n - 1))
      expect(backoff(n, () => 0)).toBe(Math.round(top * 0.75))
      expect(backoff(n, () => 0.999999)).toBe(Math.round(top * 0.99999975))
    }
  })

  it('always waits longer after one more failure, whatever the draw (until the cap)', () => {
    for (let n = 1; n < 8; n++) expect(backoff(n + 1, () => 0)).toBeGreaterThan(backoff(n, () => 0.999999))
  })

  it('is capped', () => {
    expect(backoff(50, () => 0.999999)).toBeLessThanOrEqual(CAP)
    expect(backoff(1e6)).toBeLessThanOrEqual(CAP)
  })

  it('is jittered: draws spread over the window', () => {
    const seen = new Set(Array.from({ length: 50 }, () => backoff(5)))
    expect(seen.size).toBeGreaterThan(20)
    for (const v of seen) expect(v).toBeGreaterThanOrEqual(BASE * 16 * 0.75 - 1)
  })

  it('spreads the first flush over [0, 1 s]', () => {
    expect(startJitter(() => 0)).toBe(0)
    expect(startJitter(() => 0.5)).toBe(500)
    expect(startJitter(() => 0.9999)).toBeLessThanOrEqual(1000)
  })
})
