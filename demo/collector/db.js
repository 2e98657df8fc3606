// Where the collector keeps answers: an embedded PostgreSQL (PGlite) in a data folder, a
// PostgreSQL server (DATABASE_URL, through `pg`), or, for tests, memory. The SQL is the same for
// both databases; the memory store keeps the same rule (highest revision of an id wins).
import { mkdirSync } from 'node:fs'
import { isLow, rating } from './summary.js'

/**
 * @typedef {{ touchpoint: string, stage: string | null, metric: string, score: number, day: string,
 *   lcp: string | null, inp: string | null, sample: boolean, n: number, first: string | null }} CountRow
 * @typedef {{ upsert(answers: any[], receivedAt: string): Promise<number>, counts(): Promise<CountRow[]>,
 *   lowComments(limit: number): Promise<any[]>, latest(limit: number): Promise<any[]>, close(): Promise<void>, kind: string }} Store
 */

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS answers (
  id          text PRIMARY KEY,
  revision    integer NOT NULL CHECK (revision >= 1),
  touchpoint  text NOT NULL,
  metric      text NOT NULL,
  score       integer NOT NULL,
  stage       text,
  created_at  timestamptz NOT NULL,
  day         text NOT NULL,
  received_at timestamptz NOT NULL,
  comment     text,
  lcp         double precision,
  inp         double precision,
  lcp_rating  text,
  inp_rating  text,
  sample      boolean NOT NULL DEFAULT false,
  answer      jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_created_at ON answers (created_at);
`

const COLUMNS = ['id', 'revision', 'touchpoint', 'metric', 'score', 'stage', 'created_at', 'day', 'received_at', 'comment', 'lcp', 'inp', 'lcp_rating', 'inp_rating', 'sample', 'answer']

// An older revision arriving late never overwrites a newer one; an identical retry changes nothing.
export const UPSERT_SQL = `INSERT INTO answers (${COLUMNS.join(', ')})
VALUES (${COLUMNS.map((c, i) => '$' + (i + 1) + (c == 'answer' ? '::jsonb' : '')).join(', ')})
ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}
WHERE excluded.revision > answers.revision`

const COUNTS_SQL = `SELECT touchpoint, stage, metric, score, day, lcp_rating AS lcp, inp_rating AS inp, sample,
  count(*)::int AS n, min(created_at) AS first
FROM answers GROUP BY touchpoint, stage, metric, score, day, lcp_rating, inp_rating, sample`

const LOW_SQL = `SELECT answer, received_at FROM answers
WHERE comment IS NOT NULL AND comment <> ''
  AND ((metric = 'nps' AND score <= 6) OR (metric = 'csat' AND score <= 3) OR (metric = 'ces' AND score <= 4) OR (metric = 'thumbs' AND score = 0))
ORDER BY created_at DESC LIMIT $1`

const LATEST_SQL = `SELECT answer, received_at FROM answers ORDER BY received_at DESC, created_at DESC LIMIT $1`

/** The stored record of an answer: its columns, computed the same way for every store. @param {any} a @param {string} receivedAt */
export const record = (a, receivedAt) => {
  const lcp = typeof a.vitals?.LCP == 'number' ? a.vitals.LCP : null
  const inp = typeof a.vitals?.INP == 'number' ? a.vitals.INP : null
  const created = new Date(a.createdAt)
  return {
    id: a.id, revision: a.revision, touchpoint: a.touchpoint, metric: a.metric, score: a.score, stage: a.stage ?? null,
    created_at: created.toISOString(), day: created.toISOString().slice(0, 10), received_at: receivedAt,
    comment: a.comment ?? null, lcp, inp, lcp_rating: rating('LCP', lcp), inp_rating: rating('INP', inp),
    sample: a.context?.sample === true, answer: a,
  }
}

/** @param {any} v */
const iso = (v) => (v == null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString())
/** @param {any} r */
const withReceived = (r) => ({ ...r.answer, receivedAt: iso(r.received_at) })

/**
 * A store over an SQL client: `query(sql, params)` and `tx(fn)` running fn(query) in a transaction.
 * @param {string} kind
 * @param {(sql: string, params?: any[]) => Promise<{ rows: any[] }>} query
 * @param {(fn: (q: typeof query) => Promise<number>) => Promise<number>} tx
 * @param {() => Promise<void>} close
 * @returns {Promise<Store>}
 */
const sqlStore = async (kind, query, tx, close) => {
  for (const stmt of SCHEMA_SQL.split(';').map((s) => s.trim()).filter(Boolean)) await query(stmt)
  return {
    kind,
    upsert: (answers, receivedAt) =>
      tx(async (q) => {
        let changed = 0
        for (const a of answers) {
          const r = /** @type {Record<string, any>} */ (record(a, receivedAt))
          const res = /** @type {any} */ (await q(UPSERT_SQL, COLUMNS.map((c) => (c == 'answer' ? JSON.stringify(r[c]) : r[c]))))
          changed += res.affectedRows ?? res.rowCount ?? 0
        }
        return changed
      }),
    counts: async () => (await query(COUNTS_SQL)).rows.map((r) => ({ ...r, n: Number(r.n), first: iso(r.first) })),
    lowComments: async (limit) => (await query(LOW_SQL, [limit])).rows.map(withReceived),
    latest: async (limit) => (await query(LATEST_SQL, [limit])).rows.map(withReceived),
    close,
  }
}

/** PGlite (embedded PostgreSQL, WebAssembly) persisting in the folder `dir`. @param {string} dir */
export const pgliteStore = async (dir) => {
  mkdirSync(dir, { recursive: true })
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create({ dataDir: dir })
  return sqlStore(
    'pglite',
    (sql, params) => db.query(sql, params),
    (fn) => db.transaction((t) => fn((sql, params) => t.query(sql, params))),
    () => db.close(),
  )
}

/** A PostgreSQL server, e.g. DATABASE_URL=postgres://user@host:5432/db. @param {string} url */
export const postgresStore = async (url) => {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  return sqlStore(
    'postgres',
    (sql, params) => pool.query(sql, params),
    async (fn) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const n = await fn((sql, params) => client.query(sql, params))
        await client.query('COMMIT')
        return n
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {})
        throw e
      } finally {
        client.release()
      }
    },
    () => pool.end(),
  )
}

/**
 * Memory, for tests and throwaway runs: starting an in-memory PGlite costs about 2 s and 500 MB
 * a collector, too much for a test suite that starts dozens. Same rules as the SQL above.
 * @returns {Store}
 */
export const memoryStore = () => {
  /** @type {Map<string, ReturnType<typeof record>>} */
  const rows = new Map()
  const byNewest = () => [...rows.values()].sort((a, b) => b.created_at.localeCompare(a.created_at))
  return {
    kind: 'memory',
    upsert: async (answers, receivedAt) => {
      let changed = 0
      for (const a of answers) {
        const old = rows.get(a.id)
        if (old && !(a.revision > old.revision)) continue
        rows.set(a.id, record(a, receivedAt))
        changed++
      }
      return changed
    },
    counts: async () => {
      /** @type {Map<string, CountRow>} */
      const groups = new Map()
      for (const r of rows.values()) {
        const key = JSON.stringify([r.touchpoint, r.stage, r.metric, r.score, r.day, r.lcp_rating, r.inp_rating, r.sample])
        const g = groups.get(key)
        if (g) {
          g.n++
          if (r.created_at < /** @type {string} */ (g.first)) g.first = r.created_at
        } else
          groups.set(key, { touchpoint: r.touchpoint, stage: r.stage, metric: r.metric, score: r.score, day: r.day, lcp: r.lcp_rating, inp: r.inp_rating, sample: r.sample, n: 1, first: r.created_at })
      }
      return [...groups.values()]
    },
    lowComments: async (limit) =>
      byNewest().filter((r) => r.comment && isLow(r.metric, r.score)).slice(0, limit).map(withReceived),
    latest: async (limit) =>
      [...rows.values()].sort((a, b) => b.received_at.localeCompare(a.received_at)).slice(0, limit).map(withReceived),
    close: async () => {},
  }
}

/**
 * @param {{ data?: string, databaseUrl?: string }} o
 * @returns {Promise<Store>}
 */
export const openStore = ({ data, databaseUrl }) =>
  databaseUrl ? postgresStore(databaseUrl) : data ? pgliteStore(data) : Promise.resolve(memoryStore())
