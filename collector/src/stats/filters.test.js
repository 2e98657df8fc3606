// @vitest-environment node
// @ts-check
import { describe, expect, it } from 'vitest'
import { instant, parseFilters, toQuery, whereClause } from './filters.js'

/** @param {string} qs */
const parse = (qs) => parseFilters(new URLSearchParams(qs))
/** @param {string} qs */
const ok = (qs) => {
  const r = parse(qs)
  if ('error' in r) throw new Error(r.error.message)
  return r.filters
}
/** @param {string} qs */
const err = (qs) => {
  const r = parse(qs)
  if (!('error' in r)) throw new Error('expected an error for ' + qs)
  return r.error
}

describe('parseFilters', () => {
  it('has defaults and leaves sample undecided', () => {
    expect(ok('')).toEqual({ ctx: {}, period: 'week', band: 'all', page: 1, limit: 50 })
    expect(ok('').sample).toBeUndefined()
  })

  it('reads every filter', () => {
    const f = ok('from=2026-11-01&to=2026-12-01T12:00:00%2B01:00&touchpoint=checkout-pay&stage=purchase&metric=ces&site=acme&locale=en-US&ctx.plan=pro&ctx.a.b-c_1=x&sample=only&period=month&band=low&q=slow&page=3&limit=200&token=secret&utm=x')
    expect(f).toEqual({
      from: '2026-11-01', to: '2026-12-01T11:00:00.000Z', touchpoint: 'checkout-pay', stage: 'purchase', metric: 'ces',
      site: 'acme', locale: 'en-US', ctx: { plan: 'pro', 'a.b-c_1': 'x' }, sample: 'only', period: 'month', band: 'low',
      q: 'slow', page: 3, limit: 200,
    })
  })

  it('takes a parsed query object as Fastify gives it', () => {
    expect(parseFilters({ metric: 'nps', 'ctx.plan': 'pro', touchpoint: undefined })).toEqual({
      filters: { ctx: { plan: 'pro' }, metric: 'nps', period: 'week', band: 'all', page: 1, limit: 50 },
    })
    expect(parseFilters({ metric: ['nps', 'csat'] })).toEqual({ error: { param: 'metric', message: 'metric: expected one value, got 2' } })
  })

  it('reads dates as UTC midnight or an instant with a zone', () => {
    expect(instant(ok('from=2026-11-30').from ?? '').toISOString()).toBe('2026-11-30T00:00:00.000Z')
    expect(ok('from=2026-11-30T10:00Z').from).toBe('2026-11-30T10:00:00.000Z')
    expect(ok('from=2026-11-30T10:00:00.5-05:00').from).toBe('2026-11-30T15:00:00.500Z')
  })

  it('takes any context key literally, __proto__ included', () => {
    const f = ok('ctx.__proto__=x&ctx.constructor=y')
    expect(Object.keys(f.ctx)).toEqual(['__proto__', 'constructor'])
    expect(whereClause(f, { defaultSample: 'include' }).params).toEqual(['__proto__', 'x', 'constructor', 'y'])
    expect(toQuery(f)).toBe('ctx.__proto__=x&ctx.constructor=y')
  })

  it('ignores empty values, as an unselected form control sends them', () => {
    expect(ok('touchpoint=&metric=&ctx.plan=&from=')).toEqual(ok(''))
  })

  it('names the parameter and what it accepts', () => {
    expect(err('from=yesterday')).toEqual({ param: 'from', message: 'from: expected YYYY-MM-DD or an ISO date-time with a zone, got "yesterday"' })
    expect(err('metric=stars')).toEqual({ param: 'metric', message: 'metric: expected nps, csat, ces or thumbs, got "stars"' })
    expect(err('period=year')).toEqual({ param: 'period', message: 'period: expected day, week or month, got "year"' })
    expect(err('sample=yes').message).toBe('sample: expected include, exclude or only, got "yes"')
    expect(err('band=bad').message).toBe('band: expected low, mid, high or all, got "bad"')
    expect(err('limit=500').message).toBe('limit: expected a whole number from 1 to 200, got "500"')
    expect(err('limit=0').param).toBe('limit')
    expect(err('page=1.5').param).toBe('page')
    expect(err('to=2026-02-30').param).toBe('to') // not a calendar day
    expect(err('from=2026-11-30T10:00').param).toBe('from') // no zone: ambiguous
    expect(err('ctx.pl%20an=x')).toEqual({ param: 'ctx.pl an', message: 'ctx.pl an: context keys are letters, digits, _, . and -, got "pl an"' })
    expect(err('ctx.=x').param).toBe('ctx.')
    expect(err('touchpoint=' + 'x'.repeat(201)).param).toBe('touchpoint')
  })

  it('wants from before to', () => {
    expect(err('from=2026-12-01&to=2026-12-01')).toEqual({ param: 'to', message: 'to: expected a time after from (2026-12-01), got "2026-12-01"' })
    expect(err('from=2026-12-02&to=2026-12-01T23:00:00Z').param).toBe('to')
    expect(ok('from=2026-12-01&to=2026-12-01T00:00:01Z').to).toBe('2026-12-01T00:00:01.000Z')
  })
})

describe('toQuery', () => {
  it('is canonical: fixed order, defaults left out, never the token', () => {
    expect(toQuery(ok('token=t&limit=50&page=1&period=week&band=all'))).toBe('')
    expect(toQuery(ok('ctx.z=1&metric=nps&ctx.a=2&from=2026-11-01&token=t&period=day&q=a b&sample=include'))).toBe(
      'from=2026-11-01&metric=nps&ctx.a=2&ctx.z=1&sample=include&period=day&q=a+b',
    )
  })

  it('round-trips through parseFilters', () => {
    const qs = 'from=2026-11-01T10:00:00+02:00&to=2026-12-01&touchpoint=a%26b&stage=s&metric=thumbs&site=x y&locale=fr&ctx.plan=pro&ctx.k=%3D%26&sample=exclude&period=month&band=high&q=%C3%A9t%C3%A9&page=2&limit=10'
    const f = ok(qs.replace('+', '%2B'))
    expect(ok(toQuery(f))).toEqual(f)
  })
})

describe('whereClause', () => {
  it('is empty without filters once sample is decided', () => {
    expect(whereClause(ok(''), { defaultSample: 'include' })).toEqual({ sql: '', params: [] })
  })

  it('puts every value in a parameter, numbered from startIndex', () => {
    const f = ok('from=2026-11-01&to=2026-12-01&touchpoint=tp&stage=st&metric=nps&site=si&locale=lo&ctx.plan=pro&sample=exclude')
    expect(whereClause(f, { startIndex: 3 })).toEqual({
      sql: "WHERE created_at >= $3::timestamptz AND created_at < $4::timestamptz AND touchpoint = $5 AND stage = $6 AND metric = $7 AND answer->>'site' = $8 AND answer->>'locale' = $9 AND answer->'context'->>$10::text = $11 AND NOT sample",
      params: ['2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'tp', 'st', 'nps', 'si', 'lo', 'plan', 'pro'],
    })
  })

  it('never interpolates a value', () => {
    const evil = "'; DROP TABLE answers; --"
    const f = ok(new URLSearchParams({ touchpoint: evil, site: evil, 'ctx.plan': evil, q: evil }).toString())
    const w = whereClause(f)
    expect(w.sql).not.toContain('DROP')
    expect(w.sql).not.toContain("';")
    expect(w.params.filter((p) => p == evil)).toHaveLength(3)
  })

  it('applies the sample rule: given, defaulted by the caller, or decided in SQL', () => {
    expect(whereClause(ok('sample=include')).sql).toBe('')
    expect(whereClause(ok('sample=only'), { defaultSample: 'exclude' }).sql).toBe('WHERE sample')
    expect(whereClause(ok(''), { defaultSample: 'exclude' }).sql).toBe('WHERE NOT sample')
    expect(whereClause(ok('')).sql).toBe('WHERE (NOT sample OR NOT EXISTS (SELECT 1 FROM answers r WHERE NOT r.sample))')
  })

  it('can leave out the dates', () => {
    expect(whereClause(ok('from=2026-11-01&metric=csat&sample=include'), { dates: false })).toEqual({ sql: 'WHERE metric = $1', params: ['csat'] })
  })
})
