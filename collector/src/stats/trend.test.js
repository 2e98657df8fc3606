// @vitest-environment node
// @ts-check
import { describe, expect, it } from 'vitest'
import { parseFilters } from './filters.js'
import { nextStart, trendFromRows, trendQuery } from './trend.js'

describe('nextStart', () => {
  it('steps days, weeks and calendar months in UTC', () => {
    expect(nextStart('2026-12-31', 'day')).toBe('2027-01-01')
    expect(nextStart('2026-11-30', 'week')).toBe('2026-12-07')
    expect(nextStart('2026-01-01', 'month')).toBe('2026-02-01')
    expect(nextStart('2026-12-01', 'month')).toBe('2027-01-01')
  })
})

describe('trendFromRows', () => {
  const rows = [
    { start: '2026-11-16', metric: 'nps', score: 10, n: 20 },
    { start: '2026-11-16', metric: 'nps', score: 3, n: 10 },
    { start: '2026-11-30', metric: 'nps', score: 9, n: '1' }, // pg can return counts as text
    { start: '2026-11-30', metric: 'csat', score: 5, n: 3 },
    { start: '2026-11-30', metric: 'csat', score: 2, n: 1 },
    { start: '2026-11-30', metric: 'stars', score: 5, n: 1 }, // not a metric: ignored
  ]
  const trend = trendFromRows(rows, 'week')

  it('scores each bucket with its interval and marks small ones', () => {
    const nps = trend.metrics.nps ?? []
    expect(nps[0]).toMatchObject({ start: '2026-11-16', count: 30, score: (100 * (20 - 10)) / 30, small: false })
    expect(nps[0]?.interval?.[0]).toBeLessThan(nps[0]?.score ?? 0)
    expect(nps[2]).toEqual({ start: '2026-11-30', count: 1, score: 100, small: true }) // no interval below 2 answers
    expect(trend.metrics.csat).toEqual([{ start: '2026-11-30', count: 4, score: 75, interval: expect.any(Array), small: true }])
  })

  it('keeps empty buckets between the first and last as gaps (count 0, score null)', () => {
    expect(trend.metrics.nps?.map((p) => p.start)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30'])
    expect(trend.metrics.nps?.[1]).toEqual({ start: '2026-11-23', count: 0, score: null, small: true })
  })

  it('leaves out metrics without answers and keeps the period', () => {
    expect(Object.keys(trend.metrics)).toEqual(['nps', 'csat'])
    expect(trend.period).toBe('week')
    expect(trendFromRows([], 'day')).toEqual({ period: 'day', metrics: {} })
  })
})

describe('trendQuery', () => {
  it('passes the period as $1 and the filters after it', () => {
    const r = parseFilters(new URLSearchParams('period=month&touchpoint=x&sample=include'))
    if ('error' in r) throw new Error(r.error.message)
    const q = trendQuery(r.filters)
    expect(q.params).toEqual(['month', 'x'])
    expect(q.sql).toContain('date_trunc($1, created_at AT TIME ZONE \'UTC\')')
    expect(q.sql).toContain('WHERE touchpoint = $2')
  })
})
