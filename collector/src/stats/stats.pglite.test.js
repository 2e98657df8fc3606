// @vitest-environment node
// @ts-check
// The SQL of this folder against a real PostgreSQL (PGlite in memory): a few hundred known answers,
// every count checked against the same filter written in JavaScript.
import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bandOf, commentsQuery } from './comments.js'
import { detectDrops, dropPeriods, dropsQuery } from './drops.js'
import { HAS_REAL_SQL, STATS_INDEXES_SQL, instant, parseFilters, whereClause } from './filters.js'
import { trendFromRows, trendQuery } from './trend.js'
import { mulberry32 } from './testing.js'

/** @typedef {import('./filters.js').Filters} Filters */
/**
 * @typedef {{ id: string, touchpoint: string, stage: string | null, metric: string, score: number, created_at: string,
 *   sample: boolean, comment?: string, answer: { site?: string, locale?: string, context: Record<string, unknown> } }} Row
 */

// The columns of the collector's `answers` table (../store/sql.js), for this test only.
const SCHEMA = `CREATE TABLE answers (id text PRIMARY KEY, revision integer NOT NULL, touchpoint text NOT NULL, metric text NOT NULL,
  score integer NOT NULL, stage text, created_at timestamptz NOT NULL, day text NOT NULL, received_at timestamptz NOT NULL,
  comment text, lcp double precision, inp double precision, lcp_rating text, inp_rating text, sample boolean NOT NULL DEFAULT false,
  answer jsonb NOT NULL)`

const NOW = new Date('2026-12-06T12:00:00Z')
const DAY = 24 * 3600 * 1000
const SCALE = { nps: [0, 10], csat: [1, 5], ces: [1, 7], thumbs: [0, 1] }

/** 400 answers spread over 2026-11-01 … NOW, a planted NPS drop, and the week boundary edge cases. @returns {Row[]} */
const makeRows = () => {
  const rnd = mulberry32(5)
  /** @param {number} k @template T @param {T[]} xs @returns {T} */
  const pick = (xs, k = Math.floor(rnd() * xs.length)) => /** @type {T} */ (xs[k])
  /** @type {Row[]} */
  const rows = []
  const start = Date.parse('2026-11-01T00:00:00Z')
  for (let i = 0; i < 400; i++) {
    const metric = pick(['nps', 'csat', 'ces', 'thumbs'])
    const [lo, hi] = SCALE[/** @type {'nps'} */ (metric)] ?? [0, 1]
    const sample = rnd() < 0.15
    /** @type {Record<string, unknown>} */
    const context = { plan: pick(['pro', 'free', 'team']) }
    if (rnd() < 0.5) context.segment = pick(['smb', 'enterprise'])
    if (rnd() < 0.3) context.seats = pick([1, 3, 10]) // a number: ctx.seats=3 must still match
    if (sample) context.sample = true
    rows.push({
      id: `r${i}`, touchpoint: pick(['home', 'search', 'help-article']), stage: pick(['awareness', 'support', null]), metric,
      score: lo + Math.floor(rnd() * (hi - lo + 1)), created_at: new Date(start + rnd() * (NOW.getTime() - start)).toISOString(), sample,
      answer: { ...(rnd() < 0.8 ? { site: pick(['acme-web', 'acme-app']) } : {}), locale: pick(['en-US', 'de-DE']), context },
      ...(rnd() < 0.5 ? { comment: pick(['Slow page', 'slow_checkout', 'slowXcheckout', 'Paid 100% fine', 'Paid 100 fine', 'great', '']) } : {}),
    })
  }
  // A planted drop: checkout-pay/purchase NPS, 40 answers in each of the last two weeks, NPS 50 → −40.
  for (let i = 0; i < 80; i++) {
    const after = i >= 40
    const t = NOW.getTime() - (after ? 6 : 13) * DAY + (i % 40) * 3 * 3600 * 1000 // inside each 7 × 24 h
    const score = after ? (i % 10 < 2 ? 10 : i % 10 < 4 ? 8 : 3) : i % 10 < 7 ? 9 : i % 10 < 8 ? 7 : 2
    rows.push({ id: `d${i}`, touchpoint: 'checkout-pay', stage: 'purchase', metric: 'nps', score, created_at: new Date(t).toISOString(), sample: false, answer: { context: {} } })
  }
  // Sunday just before midnight and Monday midnight UTC: different weeks.
  rows.push({ id: 'sun', touchpoint: 'edge', stage: null, metric: 'csat', score: 5, created_at: '2026-11-29T23:59:59.999Z', sample: false, answer: { context: {} } })
  rows.push({ id: 'mon', touchpoint: 'edge', stage: null, metric: 'csat', score: 1, created_at: '2026-11-30T00:00:00.000Z', sample: false, answer: { context: {} } })
  return rows
}
const ROWS = makeRows()

/** The filters of a query string. @param {string} qs @returns {Filters} */
const filters = (qs) => {
  const r = parseFilters(new URLSearchParams(qs))
  if ('error' in r) throw new Error(r.error.message)
  return r.filters
}

/** The same filters in JavaScript. @param {Filters} f @param {boolean} hasReal @param {boolean} [dates] */
const matches = (f, hasReal, dates = true) => (/** @type {Row} */ r) =>
  (!dates || !f.from || Date.parse(r.created_at) >= instant(f.from).getTime()) &&
  (!dates || !f.to || Date.parse(r.created_at) < instant(f.to).getTime()) &&
  (!f.touchpoint || r.touchpoint == f.touchpoint) && (!f.stage || r.stage == f.stage) && (!f.metric || r.metric == f.metric) &&
  (!f.site || r.answer.site == f.site) && (!f.locale || r.answer.locale == f.locale) &&
  Object.entries(f.ctx).every(([k, v]) => r.answer.context[k] != null && String(r.answer.context[k]) == v) &&
  ((f.sample ?? (hasReal ? 'exclude' : 'include')) == 'include' ? true : f.sample == 'only' ? r.sample : !r.sample)

/** Monday 00:00 UTC of an instant's week, as YYYY-MM-DD. @param {string} iso */
const monday = (iso) => {
  const d = new Date(iso.slice(0, 10) + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  return d.toISOString().slice(0, 10)
}

/** @type {PGlite} */
let db
/** @param {string} sql @param {unknown[]} [params] @param {PGlite} [on] */
const q = async (sql, params, on = db) => /** @type {any[]} */ ((await on.query(sql, params)).rows)
/** @param {Row[]} rows @param {PGlite} [on] */
const insert = (rows, on = db) =>
  on.query(
    `INSERT INTO answers (id, revision, touchpoint, metric, score, stage, created_at, day, received_at, sample, comment, answer)
     SELECT id, 1, touchpoint, metric, score, stage, created_at, left(created_at::text, 10), now(), sample, comment, answer
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, touchpoint text, metric text, score int, stage text, created_at timestamptz,
       sample boolean, comment text, answer jsonb)`,
    [JSON.stringify(rows)],
  )

beforeAll(async () => {
  db = new PGlite()
  await db.exec(SCHEMA)
  await db.exec(STATS_INDEXES_SQL)
  // A zone far from UTC: buckets and ranges must not depend on it.
  await db.exec("SET TIME ZONE 'America/Los_Angeles'")
  await insert(ROWS)
}, 120_000) // PGlite's first start compiles its WebAssembly: slow on a busy 2-core machine
afterAll(() => db?.close())

describe('whereClause in PostgreSQL', () => {
  const cases = [
    '', 'sample=include', 'sample=only', 'sample=exclude', 'from=2026-11-15', 'to=2026-11-20T12:00:00%2B01:00&sample=include',
    'from=2026-11-10&to=2026-11-30&touchpoint=home', 'stage=support&metric=nps', 'site=acme-app', 'locale=de-DE&sample=only',
    'ctx.plan=pro', 'ctx.plan=pro&ctx.segment=smb', 'ctx.seats=3&sample=include', 'ctx.sample=true&sample=include', 'ctx.missing=x',
  ]
  for (const qs of cases)
    it(`counts the same answers as JavaScript: ${qs || '(no filters)'}`, async () => {
      const f = filters(qs)
      const w = whereClause(f, { startIndex: 1 })
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM answers ${w.sql}`, w.params)
      const want = ROWS.filter(matches(f, true)).length
      expect(n).toBe(want)
      if (!['ctx.missing=x', 'sample=only', 'locale=de-DE&sample=only'].includes(qs)) expect(want).toBeGreaterThan(0)
    })

  it('decides the default sample rule alike in SQL and through HAS_REAL_SQL', async () => {
    expect(await q(HAS_REAL_SQL)).toEqual([{ has_real: true }])
    const w = whereClause(filters(''), { defaultSample: 'exclude' })
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM answers ${w.sql}`, w.params)
    expect(n).toBe(ROWS.filter((r) => !r.sample).length)
  })

  it('includes sample answers by default while there is no real one', async () => {
    const other = new PGlite()
    try {
      await other.exec(SCHEMA)
      await insert(ROWS.filter((r) => r.sample), other)
      expect(await q(HAS_REAL_SQL, [], other)).toEqual([{ has_real: false }])
      const w = whereClause(filters(''))
      const [{ n }] = await q(`SELECT count(*)::int AS n FROM answers ${w.sql}`, w.params, other)
      expect(n).toBe(ROWS.filter((r) => r.sample).length)
    } finally {
      await other.close()
    }
  }, 60_000) // a second PGlite: its start is slow on a busy machine

  it('treats a hostile value as a value', async () => {
    const f = filters(new URLSearchParams({ touchpoint: "'; DROP TABLE answers; --", 'ctx.plan': "x' OR '1'='1", sample: 'include' }).toString())
    const w = whereClause(f)
    expect(await q(`SELECT count(*)::int AS n FROM answers ${w.sql}`, w.params)).toEqual([{ n: 0 }])
    expect((await q('SELECT count(*)::int AS n FROM answers'))[0].n).toBe(ROWS.length)
  })
})

describe('trend in PostgreSQL', () => {
  /** Counts per start|metric|score in JavaScript. @param {Row[]} rows @param {(iso: string) => string} bucket */
  const countsOf = (rows, bucket) => {
    /** @type {Record<string, number>} */
    const c = {}
    for (const r of rows) {
      const k = `${bucket(r.created_at)}|${r.metric}|${r.score}`
      c[k] = (c[k] ?? 0) + 1
    }
    return c
  }
  /** @param {any[]} rows */
  const countsOfSql = (rows) => Object.fromEntries(rows.map((r) => [`${r.start}|${r.metric}|${r.score}`, r.n]))

  it('buckets weeks from Monday 00:00 UTC, whatever the session zone', async () => {
    const f = filters('touchpoint=edge')
    const { sql, params } = trendQuery(f)
    expect(await q(sql, params)).toEqual([
      { start: '2026-11-23', metric: 'csat', score: 5, n: 1 },
      { start: '2026-11-30', metric: 'csat', score: 1, n: 1 },
    ])
    // 2026-11-30 is a Monday.
    expect(new Date('2026-11-30T00:00:00Z').getUTCDay()).toBe(1)
  })

  for (const [period, bucket] of /** @type {const} */ ([
    ['week', monday],
    ['day', (/** @type {string} */ iso) => iso.slice(0, 10)],
    ['month', (/** @type {string} */ iso) => iso.slice(0, 7) + '-01'],
  ]))
    it(`counts per ${period} as JavaScript does, with filters`, async () => {
      const f = filters(`period=${period}&from=2026-11-03&ctx.plan=pro`)
      const { sql, params } = trendQuery(f)
      const rows = await q(sql, params)
      expect(countsOfSql(rows)).toEqual(countsOf(ROWS.filter(matches(f, true)), bucket))
      const trend = trendFromRows(rows, period)
      const all = Object.values(trend.metrics).flat()
      expect(all.reduce((s, p) => s + p.count, 0)).toBe(ROWS.filter(matches(f, true)).length)
      if (period == 'week') for (const p of all) expect(new Date(p.start + 'T00:00:00Z').getUTCDay()).toBe(1)
    })
})

describe('drop query in PostgreSQL', () => {
  it('histograms both periods in one query, as JavaScript does', async () => {
    for (const qs of ['', 'from=2026-11-15&to=2026-11-29', 'site=acme-web&sample=include', 'ctx.plan=free']) {
      const f = filters(qs)
      const { sql, params } = dropsQuery(f, NOW)
      const got = await q(sql, params)
      const p = dropPeriods(f, NOW)
      /** @type {Record<string, number>} */
      const want = {}
      for (const r of ROWS.filter(matches(f, true, false))) {
        const t = Date.parse(r.created_at)
        if (t < Date.parse(p.beforeStart) || t >= Date.parse(p.afterEnd)) continue
        const k = [r.touchpoint, r.stage, r.metric, r.score, t >= Date.parse(p.afterStart) ? 'after' : 'before'].join('|')
        want[k] = (want[k] ?? 0) + 1
      }
      expect(Object.fromEntries(got.map((r) => [[r.touchpoint, r.stage, r.metric, r.score, r.half].join('|'), r.n])), qs).toEqual(want)
    }
  })

  it('finds the planted drop and only it', async () => {
    const { sql, params } = dropsQuery(filters(''), NOW)
    const drops = detectDrops(await q(sql, params))
    expect(drops).toEqual([
      {
        touchpoint: 'checkout-pay', stage: 'purchase', metric: 'nps',
        before: { count: 40, score: 50 }, after: { count: 40, score: -40 }, change: expect.closeTo(-90, 9),
        interval: [expect.any(Number), expect.any(Number)], q: expect.any(Number),
      },
    ])
    expect(drops[0]?.q).toBeLessThan(1e-6)
  })
})

describe('comments in PostgreSQL', () => {
  /** The expected ids, newest first, in JavaScript. @param {Filters} f */
  const expected = (f) =>
    ROWS.filter(matches(f, true))
      .filter((r) => r.comment && (f.band == 'all' || bandOf(/** @type {'nps'} */ (r.metric), r.score) == f.band))
      .filter((r) => f.q == null || (r.comment ?? '').toLowerCase().includes(f.q.toLowerCase()))
      .sort((a, b) => b.created_at.localeCompare(a.created_at) || (b.id < a.id ? -1 : 1))
      .map((r) => r.id)

  /** The page's ids: the same query, selecting id. @param {{ sql: string, params: unknown[] }} page */
  const ids = async (page) => (await q(page.sql.replace('SELECT answer, received_at', 'SELECT id'), page.params)).map((r) => r.id)

  for (const qs of ['', 'band=low', 'band=mid&sample=include', 'band=high&ctx.plan=pro', 'q=SLOW', 'q=slow_', 'q=100%25', 'q=zzz', 'band=low&limit=7&page=2', 'limit=5&page=999'])
    it(`pages, bands and searches as JavaScript does: ${qs || '(no filters)'}`, async () => {
      const f = filters(qs)
      const { page, fewPage, count } = commentsQuery(f)
      const all = expected(f)
      expect((await q(count.sql, count.params))[0].n).toBe(all.length)
      expect(await ids(page)).toEqual(all.slice((f.page - 1) * f.limit, f.page * f.limit))
      expect(await ids(fewPage)).toEqual(all.slice((f.page - 1) * f.limit, f.page * f.limit))
      if (['q=slow_', 'q=100%25', 'band=mid&sample=include'].includes(qs)) expect(all.length).toBeGreaterThan(0)
    })

  it('returns the stored answer and when it arrived', async () => {
    const { page } = commentsQuery(filters('limit=1'))
    const [row] = await q(page.sql, page.params)
    expect(Object.keys(row)).toEqual(['answer', 'received_at'])
    expect(row.answer.context).toBeTypeOf('object')
  })
})
