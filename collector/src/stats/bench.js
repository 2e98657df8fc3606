// @ts-check
// How long the dashboard's queries take on many answers: node collector/src/stats/bench.js [count]
// Generates `count` answers (default a million, 15 s apart) in an in-memory PGlite, adds
// STATS_INDEXES_SQL, then times the filter count, trend and drop queries, each twice (cold, warm).
import { PGlite } from '@electric-sql/pglite'
import { detectDrops, dropsQuery } from './drops.js'
import { STATS_INDEXES_SQL, parseFilters, whereClause } from './filters.js'
import { trendFromRows, trendQuery } from './trend.js'

const count = Number(process.argv[2] ?? 1_000_000)
const db = new PGlite()
await db.exec(`CREATE TABLE answers (id text PRIMARY KEY, revision integer NOT NULL, touchpoint text NOT NULL, metric text NOT NULL,
  score integer NOT NULL, stage text, created_at timestamptz NOT NULL, day text NOT NULL, received_at timestamptz NOT NULL,
  comment text, lcp double precision, inp double precision, lcp_rating text, inp_rating text, sample boolean NOT NULL DEFAULT false,
  answer jsonb NOT NULL)`)
/** @param {string} label @template T @param {() => Promise<T>} fn @returns {Promise<T>} */
const time = async (label, fn) => {
  const t = performance.now()
  const r = await fn()
  console.log(`${label.padEnd(60)} ${Math.round(performance.now() - t)} ms`)
  return r
}
await time(`insert ${count} answers`, () =>
  db.query(`INSERT INTO answers (id, revision, touchpoint, metric, score, stage, created_at, day, received_at, sample, answer)
SELECT 'a' || i, 1, 'tp' || (i % 12), (ARRAY['nps', 'csat', 'ces', 'thumbs'])[1 + i % 4], floor(random() * 5)::int + 1,
  (ARRAY['purchase', 'support', 'usage'])[1 + i % 3], ts, to_char(ts, 'YYYY-MM-DD'), ts, i % 50 = 0,
  jsonb_build_object('site', 'site' || (i % 3), 'locale', 'en', 'context', jsonb_build_object('plan', (ARRAY['pro', 'free'])[1 + i % 2]))
FROM (SELECT i, now() - (i * interval '15 seconds') AS ts FROM generate_series(1, $1::int) i) s`, [count]))
await time('indexes and ANALYZE', () => db.exec(STATS_INDEXES_SQL + ';ANALYZE answers'))

const now = new Date()
const month = new Date(now.getTime() - 30 * 24 * 3600 * 1000).toISOString().slice(0, 10)
for (const qs of ['', `from=${month}`, `touchpoint=tp3&from=${month}`, 'ctx.plan=pro&site=site1', 'period=day&metric=nps']) {
  const r = parseFilters(new URLSearchParams(qs))
  if ('error' in r) throw new Error(r.error.message)
  const f = r.filters
  for (const run of ['cold', 'warm']) {
    const w = whereClause(f)
    await time(`count   ${qs || '(all)'} ${run}`, () => db.query(`SELECT count(*) FROM answers ${w.sql}`, w.params))
    const t = trendQuery(f)
    const rows = await time(`trend   ${qs || '(all)'} ${run}`, () => db.query(t.sql, t.params))
    trendFromRows(/** @type {any[]} */ (rows.rows), f.period)
    const d = dropsQuery(f, now)
    const drops = await time(`drops   ${qs || '(all)'} ${run}`, () => db.query(d.sql, d.params))
    detectDrops(/** @type {any[]} */ (drops.rows))
  }
}
await db.close()
