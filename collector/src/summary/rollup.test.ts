// @vitest-environment node
// The rollup on PGlite: after revisions, an erasure, the retention, sample answers and
// hand-written SQL, every figure of /summary.json and /dashboard.json counted from the rollup is
// the one counted from every answer, merged or not; its days, weeks and months hold what the
// answers hold; and a data folder from before the rollup gets it filled when the collector opens
// it. (load.pg.test.ts runs the same comparison on PostgreSQL.)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import { pgliteStore } from '../store/pglite.js'
import type { Store } from '../store/index.js'
import { body } from '../fixture'
import { NOW, VIEWS, expectBothWaysEqual, fillMixed, filtersOf } from './rollup.testing'
import { loadSummary } from './load.js'

let dir = ''
let store: Store
let answers = 0

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'touchpoint-rollup-'))
  store = await pgliteStore(dir)
  answers = (await fillMixed(store)).answers
}, 180_000)
afterAll(async () => {
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
})

const CELL = 'touchpoint, stage, metric, site, locale, sample, score'
// Each count of the rollup, and which answers it counts.
const COUNTS: Record<string, string> = {
  n: 'true', comments: "comment <> ''", lcp_good: "lcp_rating = 'good'", lcp_ni: "lcp_rating = 'needs-improvement'", lcp_poor: "lcp_rating = 'poor'",
  inp_good: "inp_rating = 'good'", inp_ni: "inp_rating = 'needs-improvement'", inp_poor: "inp_rating = 'poor'",
}
const NAMES = Object.keys(COUNTS).join(', ')
const sums = Object.keys(COUNTS).map((c) => `sum(${c})::int AS ${c}`).join(', ')
const fromAnswers = `SELECT (created_at AT TIME ZONE 'UTC')::date AS day, touchpoint, stage, metric, answer->>'site' AS site, answer->>'locale' AS locale, sample, score,
  ${Object.entries(COUNTS).map(([c, cond]) => `CASE WHEN ${cond} THEN 1 ELSE 0 END AS ${c}`).join(', ')} FROM answers`

/**
 * Per day, week and month and cell, the rollup's counts against the same counted from the
 * answers. The periods hold their merged days; the days not yet merged are added, as a read does.
 */
const cells = async () => {
  const grouped = async (unit: string, from: string) =>
    (await store.query(`SELECT ${unit} AS start, ${CELL}, ${sums} FROM (${from}) x GROUP BY 1, ${CELL} HAVING sum(n) <> 0 ORDER BY 1, ${CELL}`)).rows
  const out: Record<string, { rollup: unknown[]; raw: unknown[] }> = {}
  out.day = { rollup: await grouped('day', `SELECT day, ${CELL}, ${NAMES} FROM answers_daily`), raw: await grouped('day', fromAnswers) }
  for (const p of ['week', 'month'])
    out[p] = {
      rollup: await grouped('day', `SELECT start AS day, ${CELL}, ${NAMES} FROM answers_periods WHERE period = '${p}'
        UNION ALL SELECT date_trunc('${p}', day::timestamp)::date, ${CELL}, ${NAMES} FROM answers_daily WHERE NOT merged`),
      raw: await grouped(`date_trunc('${p}', day::timestamp)::date`, fromAnswers),
    }
  return out
}
const expectCellsEqual = (c: Awaited<ReturnType<typeof cells>>) => {
  for (const [unit, { rollup, raw }] of Object.entries(c)) {
    expect(rollup, unit).toEqual(raw)
    expect(raw.length, unit).toBeGreaterThan(unit == 'month' ? 30 : 100)
  }
}

describe('the rollup', { timeout: 120_000 }, () => {
  it('holds, per cell, what the answers hold, unmerged rows and all', async () => {
    expect((await store.query('SELECT count(*)::int AS n FROM answers_daily WHERE NOT merged')).rows[0].n).toBeGreaterThan(0)
    expect((await store.query('SELECT count(*)::int AS n FROM answers_periods')).rows[0].n).toBeGreaterThan(0)
    expectCellsEqual(await cells())
  })

  it('gives every view the figures counted from every answer', async () => {
    const counts = await expectBothWaysEqual(store)
    expect(counts['sample=include']).toBe(answers)
    for (const qs of VIEWS) if (!qs.startsWith('to=2026-10-15')) expect(counts[qs], qs).toBeGreaterThan(0)
    const s = await loadSummary(store, filtersOf(''), NOW)
    // The planted drop, the own stages after the standard ones, an erased site in its own cell.
    expect(s.drops.map((d: any) => [d.touchpoint, d.metric])).toContainEqual(['checkout-pay', 'csat'])
    expect(s.stages.map((x: any) => x.stage).slice(-2).sort()).toEqual(['trial', 'win-back'])
    expect((await store.query(`SELECT count(*)::int AS n FROM answers_daily WHERE site = 'shop-of-[erased]' AND n > 0`)).rows[0].n).toBe(1)
  })

  it('merges its rows without changing a figure', async () => {
    const before = await cells()
    expect(await store.compact()).toBeGreaterThan(0)
    expect((await store.query('SELECT count(*)::int AS n FROM answers_daily WHERE NOT merged')).rows[0].n).toBe(0)
    expect((await store.query('SELECT count(*)::int AS n FROM answers_daily WHERE n = 0')).rows[0].n).toBe(0)
    expect((await store.query('SELECT count(*)::int AS n FROM answers_periods WHERE n = 0')).rows[0].n).toBe(0)
    const after = await cells()
    expect(after).toEqual(before)
    expectCellsEqual(after)
    await expectBothWaysEqual(store, ['', 'period=day&sample=include', 'from=2026-10-03T13:30:00Z&to=2026-11-20T08:15:00%2B02:00'])
  })

  it('is filled from the answers of a data folder made before it, when the collector opens it', async () => {
    const expected = await cells()
    // The layout of a database from before the rollup: answers, no rollup, no triggers.
    await store.query('DROP TABLE answers_daily, answers_periods')
    await store.query('DROP FUNCTION answers_rollup_row, answers_rollup_emptied CASCADE')
    expect((await store.query(`SELECT count(*)::int AS n FROM pg_trigger WHERE tgrelid = 'answers'::regclass AND NOT tgisinternal`)).rows[0].n).toBe(0)
    await store.close()
    store = await pgliteStore(dir)
    expect(await cells()).toEqual(expected)
    expect((await store.query('SELECT count(*)::int AS n FROM answers_daily WHERE NOT merged')).rows[0].n).toBe(0)
    await expectBothWaysEqual(store, ['', 'site=acme-web&period=month', 'from=2026-11-20T01:00:00Z&to=2026-11-20T23:00:00Z'])
    // And it is kept from then on: over HTTP, a new answer counts at once.
    const app = await buildApp({ store })
    try {
      const a = { id: '40000000-0000-4000-8000-000000000001', revision: 1, touchpoint: 'late', metric: 'thumbs', score: 1, createdAt: NOW.toISOString(), page: { url: 'https://shop.example.com/' } }
      const r = await app.inject({ method: 'POST', url: '/v1/responses', payload: body([a]), headers: { 'content-type': 'text/plain' } })
      expect(r.statusCode, r.body).toBe(200)
      expect((await app.inject({ url: '/summary.json?touchpoint=late' })).json().count).toBe(1)
      expectCellsEqual(await cells())
    } finally {
      await app.close()
    }
  })
})
