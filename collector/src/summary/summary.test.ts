// @vitest-environment node
// The arithmetic of /summary.json: NPS, CSAT, CES, thumbs and their 95% intervals.
import { describe, expect, it } from 'vitest'
import { ces, csat, histogram, nps, rating, stageOrder, summarize, tQuantile, thumbs, weakestStages, wilson } from './summary.js'

const h = histogram
const Z = 1.959963984540054

describe('NPS', () => {
  it('is 100 × (promoters − detractors) / count, with the three groups', () => {
    expect(nps(h([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]))).toMatchObject({ count: 10, score: 20, promoters: 5, passives: 2, detractors: 3 })
    expect(nps(h([9, 10])).score).toBe(100)
    expect(nps(h([0, 6])).score).toBe(-100)
    expect(nps(h([7, 8])).score).toBe(0)
  })
  it('empty: count 0, no score, no interval', () => {
    expect(nps({})).toEqual({ count: 0, score: null, promoters: 0, passives: 0, detractors: 0 })
  })
  it('one answer: a score but no interval', () => {
    const f = nps(h([9]))
    expect(f).toMatchObject({ count: 1, score: 100, promoters: 1 })
    expect(f.interval).toBeUndefined()
  })
  it('interval: adjusted Wald for the difference of two multinomial proportions', () => {
    const f = nps(h([10, 10, 9, 9, 9, 8, 7, 6, 3, 0]))
    const n = 13, pp = 5.75 / n, pd = 3.75 / n, d = pp - pd
    const se = Math.sqrt((pp + pd - d * d) / n)
    expect(f.interval![0]).toBeCloseTo(100 * (d - Z * se), 10)
    expect(f.interval![1]).toBeCloseTo(100 * (d + Z * se), 10)
    expect(f.interval![0]).toBeLessThan(20)
    expect(f.interval![1]).toBeGreaterThan(20)
  })
  it('interval stays within −100…100 and does not collapse when all answers agree', () => {
    const f = nps(h([10, 10]))
    expect(f.interval![1]).toBeLessThanOrEqual(100)
    expect(f.interval![0]).toBeLessThan(100)
    expect(nps(h(Array(400).fill(10))).interval![0]).toBeGreaterThan(95)
  })
})

describe('CSAT and thumbs: shares with Wilson intervals', () => {
  it('CSAT is the % of 4–5; thumbs the % of up', () => {
    expect(csat(h([5, 4, 4, 3, 2]))).toMatchObject({ count: 5, score: 60 })
    expect(thumbs(h([1, 1, 0])).score).toBeCloseTo(66.667, 3)
  })
  it('empty and one answer', () => {
    expect(csat({})).toEqual({ count: 0, score: null })
    expect(thumbs({})).toEqual({ count: 0, score: null })
    expect(csat(h([5]))).toEqual({ count: 1, score: 100 })
    expect(thumbs(h([0]))).toEqual({ count: 1, score: 0 })
  })
  it('Wilson interval: known values', () => {
    const [lo, hi] = wilson(2, 3)
    expect(lo).toBeCloseTo(20.766, 2)
    expect(hi).toBeCloseTo(93.851, 2)
    expect(csat(h([5, 4, 4, 3, 2])).interval).toEqual(wilson(3, 5))
    const [l0, h0] = wilson(0, 10)
    expect(l0).toBe(0)
    expect(h0).toBeCloseTo(27.753, 2)
    expect(wilson(10, 10)[1]).toBe(100)
  })
})

describe('CES: the mean with a t interval', () => {
  it('is the mean score', () => {
    expect(ces(h([7, 5, 4, 4]))).toMatchObject({ count: 4, score: 5 })
  })
  it('empty and one answer', () => {
    expect(ces({})).toEqual({ count: 0, score: null })
    expect(ces(h([6]))).toEqual({ count: 1, score: 6 })
  })
  it('t quantiles', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706, 3)
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.182, 3)
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262, 3)
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.045, 3)
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3)
  })
  it('mean ± t(0.975, n−1)·s/√n, clamped to 1–7', () => {
    const [lo, hi] = ces(h([4, 6, 5, 5])).interval!
    const half = (3.182446305284263 * Math.sqrt(2 / 3)) / 2
    expect(lo).toBeCloseTo(5 - half, 6)
    expect(hi).toBeCloseTo(5 + half, 6)
    expect(ces(h([7, 1])).interval).toEqual([1, 7])
    expect(ces(h([5, 5])).interval).toEqual([5, 5])
  })
})

describe('summarize', () => {
  it('empty', () => {
    expect(summarize([])).toEqual({ count: 0, metrics: {}, touchpoints: {}, stages: [] })
  })
  it('one answer: its figures without intervals, under its touchpoint and stage', () => {
    const s = summarize([{ touchpoint: 'kb', stage: 'support', metric: 'csat', score: 4, n: 1, first: '2026-01-01T00:00:00.000Z' }])
    expect(s).toEqual({
      count: 1,
      metrics: { csat: { count: 1, score: 100 } },
      touchpoints: { kb: { count: 1, metrics: { csat: { count: 1, score: 100 } } } },
      stages: [{ stage: 'support', count: 1, metrics: { csat: { count: 1, score: 100 } } }],
    })
  })
  it('stages: the journey order, then the site’s own by first appearance; no stage, no entry', () => {
    const row = (stage: string | null, first: string) => ({ touchpoint: 't', stage, metric: 'thumbs', score: 1, n: 1, first })
    expect(stageOrder([row('zeta', '2026-01-03'), row('renewal', '2026-01-01'), row('alpha', '2026-01-04'), row('awareness', '2026-01-09'), row(null, '2026-01-01'), row('zeta', '2026-01-02')]))
      .toEqual(['awareness', 'renewal', 'zeta', 'alpha'])
  })
})

describe('weakest stage', () => {
  const st = (stage: string, score: number, interval: [number, number]) => ({ stage, metrics: { csat: { count: 50, score, interval } } })
  it('is marked when its interval lies below every other stage’s', () => {
    expect(weakestStages([st('a', 80, [70, 88]), st('b', 40, [30, 52]), st('c', 75, [65, 84])])).toEqual({ csat: 'b' })
  })
  it('is not marked when the intervals overlap', () => {
    expect(weakestStages([st('a', 80, [70, 88]), st('b', 60, [45, 72]), st('c', 75, [65, 84])])).toEqual({})
    expect(weakestStages([st('a', 80, [70, 88])])).toEqual({})
  })
})

describe('web-vitals ratings (web.dev thresholds)', () => {
  it('LCP 2500 / 4000 ms, INP 200 / 500 ms', () => {
    expect([2500, 2501, 4000, 4001].map((v) => rating('LCP', v))).toEqual(['good', 'needs-improvement', 'needs-improvement', 'poor'])
    expect([200, 201, 500, 501].map((v) => rating('INP', v))).toEqual(['good', 'needs-improvement', 'needs-improvement', 'poor'])
    expect(rating('LCP', undefined)).toBeNull()
  })
})
