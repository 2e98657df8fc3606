// @vitest-environment node
// How long the dashboard's JSON takes on many answers in a real PostgreSQL: generated in SQL
// (INSERT … SELECT generate_series, a year of answers over 12 touchpoints, 4 stages, 3 plans, 5%
// with a comment; the rollup's triggers count them as they go in), the rollup merged as the
// follow-ups loop does every minute, then GET /dashboard.json (summary + trend + drops + the first
// comments page + the filter choices) and /summary.json, cold and warm, for each filter the rollup
// serves and one context filter (counted over the answers). The times are printed, not asserted
// (a shared CI machine's timing proves nothing); the counts are asserted, and so is every figure
// against the same view counted from every answer. Before that, the mixed answers of
// rollup.testing.ts (revisions, erasure, retention, sample answers) in a cluster of their own:
// the rollup gives every view what the answers give, as on PGlite (rollup.test.ts).
// 100 000 answers in `npm test`; a million: npm run bench:dashboard (TOUCHPOINT_LOAD_ANSWERS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../app.js'
import type { Store } from '../store/index.js'
import { postgresStore } from '../store/postgres.js'
import { pgBindir, startThrowaway } from '../store/throwaway.js'
import { expectBothWaysEqual, fillMixed, filtersOf } from './rollup.testing'
import { loadDashboard, loadSummary } from './load.js'

const bindir = pgBindir()

const COUNT = Number(process.env.TOUCHPOINT_LOAD_ANSWERS ?? 100_000)

const GENERATE = `INSERT INTO answers (id, revision, touchpoint, metric, score, stage, created_at, day, received_at, comment, lcp, inp, lcp_rating, inp_rating, sample, answer)
SELECT id, 1, tp, metric, score, stage, ts, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD'), ts, comment, lcp, NULL, CASE WHEN lcp <= 2500 THEN 'good' WHEN lcp <= 4000 THEN 'needs-improvement' ELSE 'poor' END, NULL, false,
  jsonb_strip_nulls(jsonb_build_object('id', id, 'revision', 1, 'touchpoint', tp, 'metric', metric, 'score', score, 'stage', stage, 'createdAt', to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'comment', comment, 'site', 'site-' || (i % 3), 'locale', 'en-US', 'vitals', jsonb_build_object('LCP', lcp), 'context', jsonb_build_object('plan', (ARRAY['free', 'pro', 'team'])[1 + i % 3])))
FROM (
  SELECT i, 'gen-' || i AS id, 'tp-' || (i % 12) AS tp, m.metric, (ARRAY['awareness', 'purchase', 'usage', 'support'])[1 + (i / 12) % 4] AS stage,
    now() - (i::double precision / $1 * interval '365 days') AS ts,
    CASE m.metric WHEN 'nps' THEN floor(random() * 11) WHEN 'csat' THEN 1 + floor(random() * 5) WHEN 'ces' THEN 1 + floor(random() * 7) ELSE floor(random() * 2) END::int AS score,
    CASE WHEN i % 20 = 0 THEN 'generated comment ' || i END AS comment, 800 + (i % 50) * 100 AS lcp
  FROM generate_series(1, $1::int) i, LATERAL (SELECT (ARRAY['nps', 'csat', 'ces', 'thumbs'])[1 + (i / 48) % 4] AS metric) m
) g`

const skipped = 'skipped, PostgreSQL is not installed (apt-get install -y postgresql)'

describe.skipIf(!bindir)(bindir ? `the dashboard on ${COUNT.toLocaleString('en-US')} answers in PostgreSQL` : `the dashboard on many answers: ${skipped}`, () => {
  let cluster: Awaited<ReturnType<typeof startThrowaway>> | null = null
  let store: Store
  let app: Awaited<ReturnType<typeof buildApp>>
  beforeAll(async () => {
    cluster = await startThrowaway({ bindir: bindir!, settings: ['shared_buffers=256MB', 'work_mem=32MB', 'max_wal_size=2GB'] })
    store = await postgresStore(cluster.url())
    let t = performance.now()
    await store.query(GENERATE, [COUNT])
    const generated = performance.now() - t
    t = performance.now()
    await store.compact()
    const merged = performance.now() - t
    await store.query('ANALYZE answers')
    await store.query('ANALYZE answers_daily')
    await store.query('ANALYZE answers_periods')
    const rows = (await store.query(`SELECT (SELECT count(*) FROM answers_daily)::int AS days, (SELECT count(*) FROM answers_periods WHERE period = 'week')::int AS weeks,
      (SELECT count(*) FROM answers_periods WHERE period = 'month')::int AS months`)).rows[0]
    console.log(`generated ${COUNT} answers in ${(generated / 1000).toFixed(1)} s; merged the rollup in ${(merged / 1000).toFixed(1)} s: ${rows.days} daily rows, ${rows.weeks} weekly, ${rows.months} monthly`)
    app = await buildApp({ store })
  }, 900_000)
  afterAll(async () => {
    await app?.close()
    await store?.close()
    cluster?.stop()
  })

  const time = async (url: string) => {
    const t = performance.now()
    const r = await app.inject({ method: 'GET', url })
    const ms = performance.now() - t
    expect(r.statusCode, r.body.slice(0, 200)).toBe(200)
    return { ms, body: r.json() }
  }
  const month = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString().slice(0, 10)
  // Every filter the rollup serves, then one it does not (a context key: over the answers).
  const VIEWS = ['', `from=${month}`, 'period=day', 'period=month', 'touchpoint=tp-3', 'stage=usage', 'period=day&metric=nps', 'site=site-1',
    'locale=en-US', 'sample=include', 'sample=only', 'touchpoint=tp-3&ctx.plan=pro']

  it('loads the dashboard JSON (summary, trend, drops, first comments page) and prints how long it took', async () => {
    const lines: string[] = []
    for (const qs of VIEWS) {
      const times: string[] = []
      for (const run of ['cold', 'warm']) {
        const d = await time('/dashboard.json?' + qs)
        const s = await time('/summary.json?' + qs)
        if (!qs) {
          expect(d.body.summary.count).toBe(COUNT)
          expect(s.body.count).toBe(COUNT)
          expect(d.body.comments.total).toBe(Math.floor(COUNT / 20))
          expect(d.body.comments.comments).toHaveLength(20)
        }
        times.push(`${run}: /dashboard.json ${Math.round(d.ms)} ms, /summary.json ${Math.round(s.ms)} ms`)
      }
      lines.push(`${(qs || '(all answers)').padEnd(32)} ${times.join('; ')}`)
    }
    console.log(`dashboard on ${COUNT} answers in PostgreSQL:\n  ` + lines.join('\n  '))
  }, 600_000)

  it('gives every view the figures counted from every answer', async () => {
    const now = new Date()
    for (const qs of VIEWS.slice(0, -1)) {
      const f = filtersOf(qs)
      expect(await loadSummary(store, f, now), qs).toEqual(await loadSummary(store, f, now, { rollup: false }))
      const { generatedAt: _a, ...rollup } = await loadDashboard(store, f, now)
      const { generatedAt: _b, ...raw } = await loadDashboard(store, f, now, { rollup: false })
      expect(rollup, qs).toEqual(raw)
    }
  }, 600_000)
})

describe.skipIf(!bindir)(bindir ? 'the rollup in PostgreSQL' : `the rollup in PostgreSQL: ${skipped}`, () => {
  let cluster: Awaited<ReturnType<typeof startThrowaway>> | null = null
  let store: Store
  beforeAll(async () => {
    cluster = await startThrowaway({ bindir: bindir! })
    store = await postgresStore(cluster.url())
    await fillMixed(store)
  }, 300_000)
  afterAll(async () => {
    await store?.close()
    cluster?.stop()
  })

  it('gives every view what the answers give after revisions, erasure, retention and sample answers, merged or not', async () => {
    await expectBothWaysEqual(store)
    await store.compact()
    await expectBothWaysEqual(store, ['', 'period=day&sample=include', 'from=2026-10-03T13:30:00Z&to=2026-11-20T08:15:00%2B02:00'])
  }, 300_000)
})
