// @ts-check
// The SQL both databases run (PGlite in a data folder, a PostgreSQL server through `pg`): the
// `answers` table, the upsert that keeps an id's highest revision, and the reads behind the
// dashboard. One store over any client that can run a query and a transaction.
import { LOOP_SCHEMA_SQL } from '../followups/schema.js'
import { LOW_SQL } from '../metrics.js'
import { RATING_COUNTS_SQL, compactIn, ratingsOf, setupRollup } from '../stats/rollup.js'
import { STATS_INDEXES_SQL } from '../stats/filters.js'
import { rating } from '../summary/summary.js'

/** @typedef {import('./index.js').Store} Store */
/** @typedef {import('./index.js').CountRow} CountRow */
/** @typedef {(sql: string, params?: any[]) => Promise<{ rows: any[], affectedRows?: number, rowCount?: number | null }>} Query */

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
${STATS_INDEXES_SQL}`

const COLUMNS = ['id', 'revision', 'touchpoint', 'metric', 'score', 'stage', 'created_at', 'day', 'received_at', 'comment', 'lcp', 'inp', 'lcp_rating', 'inp_rating', 'sample', 'answer']

// An older revision arriving late never overwrites a newer one; an identical retry changes nothing.
export const UPSERT_SQL = `INSERT INTO answers (${COLUMNS.join(', ')})
VALUES (${COLUMNS.map((c, i) => '$' + (i + 1) + (c == 'answer' ? '::jsonb' : '')).join(', ')})
ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}
WHERE excluded.revision > answers.revision`

/** The GROUP BY behind the figures, over the answers a WHERE clause (stats/filters.js) keeps. @param {string} where */
export const countsSql = (where) => `SELECT touchpoint, stage, metric, score, sample, count(*)::int AS n, ${RATING_COUNTS_SQL}, min(created_at) AS first
FROM answers ${where} GROUP BY touchpoint, stage, metric, score, sample`

const LOW_COMMENTS_SQL = `SELECT answer, received_at FROM answers
WHERE comment IS NOT NULL AND comment <> '' AND ${LOW_SQL}
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
 * A store over an SQL client: `query(sql, params)`, and `tx(fn)` running fn(query) in one
 * transaction (a body's answers are stored all or none, before the 2xx).
 * @param {string} kind
 * @param {Query} query
 * @param {(fn: (q: Query) => Promise<number>) => Promise<number>} tx
 * @param {() => Promise<void>} close
 * @returns {Promise<Store>}
 */
export const sqlStore = async (kind, query, tx, close) => {
  // Collectors starting together on one server (--workers, or several machines) would race on
  // CREATE TABLE IF NOT EXISTS (a unique violation in the catalog): one at a time, under a lock.
  await tx(async (q) => {
    await q('SELECT pg_advisory_xact_lock(7415)')
    for (const stmt of (SCHEMA_SQL + LOOP_SCHEMA_SQL).split(';').map((s) => s.trim()).filter(Boolean)) await q(stmt)
    await setupRollup(q)
    return 0
  })
  /** @type {() => Promise<number>} */
  const compact = () => tx((q) => compactIn(q))
  await compact()
  return {
    kind,
    upsert: (answers, receivedAt, onStored) =>
      tx(async (q) => {
        let changed = 0
        for (const a of answers) {
          const r = /** @type {Record<string, any>} */ (record(a, receivedAt))
          const res = await q(UPSERT_SQL, COLUMNS.map((c) => (c == 'answer' ? JSON.stringify(r[c]) : r[c])))
          const n = res.affectedRows ?? res.rowCount ?? 0
          changed += n
          // In the same transaction: the follow-up case and the webhook deliveries of a stored revision.
          if (n && onStored) await onStored(q, a, receivedAt)
        }
        return changed
      }),
    query,
    tx: /** @type {any} */ (tx),
    counts: async (where = { sql: '', params: [] }) =>
      (await query(countsSql(where.sql), where.params)).rows.map((r) => ({
        touchpoint: r.touchpoint, stage: r.stage, metric: r.metric, score: r.score, sample: r.sample, n: Number(r.n), first: iso(r.first), ...ratingsOf(r),
      })),
    compact,
    lowComments: async (limit) => (await query(LOW_COMMENTS_SQL, [limit])).rows.map(withReceived),
    latest: async (limit) => (await query(LATEST_SQL, [limit])).rows.map(withReceived),
    ping: async () => void (await query('SELECT 1')),
    close,
  }
}
