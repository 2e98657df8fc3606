// @ts-check
// The rollup: how many answers (with a comment; with each web-vitals rating) per touchpoint ×
// stage × metric × site × locale × sample × score, per UTC day in `answers_daily` and per week
// (from Monday) and month in `answers_periods`. A view without a context filter counts these rows
// instead of every answer: its whole months (or, for a weekly trend, weeks) from the periods,
// whole days from the daily rows, and the part days at either end of a range that does not start
// or end at UTC midnight from `answers` itself. The same figures to the last answer, from a few
// thousand rows for a year of a million answers.
//
// Kept by triggers on `answers`, in the transaction of whatever changes it (the upsert, a
// revision that moves a score, erasure, retention, TRUNCATE, a hand-written INSERT): each adds a
// daily row of +1 for what came and −1 for what went, never updating a row, so concurrent
// writers neither wait for one another nor deadlock on a busy cell. `compact` (the follow-ups
// loop's tick, every minute, and each start) merges the days that have such new rows into one row
// per cell and adds them to their week and month; until then a read adds the new rows to the
// periods itself. Created by the same SQL on PGlite and PostgreSQL, and filled from the answers
// stored the first time (a data folder from before the rollup), or whenever a trigger is missing.
import { dropPeriods } from './drops.js'
import { instant, whereClause } from './filters.js'

/** @typedef {import('./filters.js').Filters} Filters */
/** @typedef {import('../store/sql.js').Query} Query */
/** @typedef {'week' | 'month'} Grain */

const CELL = 'touchpoint, stage, metric, site, locale, sample, score'
/** The counts of a row, each with the condition an answer meets to count (`r`: '' or 'NEW.', 'OLD.'). */
const COUNTS = /** @type {const} */ ([
  ['n', (/** @type {string} */ _r) => 'true'],
  ['comments', (/** @type {string} */ r) => `${r}comment <> ''`],
  ['lcp_good', (/** @type {string} */ r) => `${r}lcp_rating = 'good'`],
  ['lcp_ni', (/** @type {string} */ r) => `${r}lcp_rating = 'needs-improvement'`],
  ['lcp_poor', (/** @type {string} */ r) => `${r}lcp_rating = 'poor'`],
  ['inp_good', (/** @type {string} */ r) => `${r}inp_rating = 'good'`],
  ['inp_ni', (/** @type {string} */ r) => `${r}inp_rating = 'needs-improvement'`],
  ['inp_poor', (/** @type {string} */ r) => `${r}inp_rating = 'poor'`],
])
const NAMES = COUNTS.map(([c]) => c).join(', ')
const SUMS = COUNTS.map(([c]) => `sum(${c}) AS ${c}`).join(', ')
const NONZERO = COUNTS.map(([c]) => `sum(${c}) <> 0`).join(' OR ')

/** The ratings' counts of the figures' GROUP BY over answers (../store/sql.js): the columns the rollup sums. */
export const RATING_COUNTS_SQL = COUNTS.slice(2).map(([c, cond]) => `count(*) FILTER (WHERE ${cond('')})::int AS ${c}`).join(', ')
/** A figures row's rating counts, per vital as CountRow holds them. @param {Record<string, unknown>} r @returns {{ lcp: import('../store/index.js').Ratings, inp: import('../store/index.js').Ratings }} */
export const ratingsOf = (r) => ({
  lcp: { good: Number(r.lcp_good), 'needs-improvement': Number(r.lcp_ni), poor: Number(r.lcp_poor) },
  inp: { good: Number(r.inp_good), 'needs-improvement': Number(r.inp_ni), poor: Number(r.inp_poor) },
})

/**
 * An answer's daily row, counting `sign` (1 added, −1 removed): the values of its columns (`day`,
 * CELL, COUNTS), from the columns of a row `r` ('' for a table's, 'NEW.' or 'OLD.' in a trigger).
 * @param {string} r @param {1 | -1} sign
 */
const values = (r, sign) => [
  `(${r}created_at AT TIME ZONE 'UTC')::date`, `${r}touchpoint`, `${r}stage`, `${r}metric`, `${r}answer->>'site'`, `${r}answer->>'locale'`, `${r}sample`, `${r}score`,
  ...COUNTS.map(([, cond]) => (cond(r) == 'true' ? String(sign) : `CASE WHEN ${cond(r)} THEN ${sign} ELSE 0 END`)),
]
const COLUMNS = ['day', ...CELL.split(', '), ...COUNTS.map(([c]) => c)]
/** The answers of a table as daily rows, one per answer. @param {string} table */
const asRows = (table) => `SELECT ${values('', 1).map((v, i) => `${v} AS ${COLUMNS[i]}`).join(', ')} FROM ${table}`

/** @param {string} name @param {string} body */
const fn = (name, body) => `CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${body}
  RETURN NULL;
END $$`

const INSERT = `INSERT INTO answers_daily (${COLUMNS.join(', ')}) VALUES`
/** What the rollup counts of an answer, to compare before and after an update. @param {string} r */
const counted = (r) => `((${r}.created_at AT TIME ZONE 'UTC')::date, ${r}.touchpoint, ${r}.stage, ${r}.metric, ${r}.answer->>'site', ${r}.answer->>'locale',
  ${r}.sample, ${r}.score, coalesce(${r}.comment, '') <> '', ${r}.lcp_rating, ${r}.inp_rating)`

const COUNT_COLUMNS = COUNTS.map(([c]) => `${c} integer NOT NULL`).join(',\n  ')
// The columns both tables share: a cell (CELL) and its counts.
const CELL_COLUMNS = `touchpoint text NOT NULL,
  stage      text,
  metric     text NOT NULL,
  site       text,
  locale     text,
  sample     boolean NOT NULL,
  score      integer NOT NULL,
  ${COUNT_COLUMNS}`
// Statements, not one text split on ';': the function's body holds semicolons.
const ROLLUP_SQL = [
  `CREATE TABLE IF NOT EXISTS answers_daily (
  day        date NOT NULL,
  ${CELL_COLUMNS},
  merged     boolean NOT NULL DEFAULT false
)`,
  'CREATE INDEX IF NOT EXISTS answers_daily_day ON answers_daily (day)',
  'CREATE INDEX IF NOT EXISTS answers_daily_new ON answers_daily (day) WHERE NOT merged',
  `CREATE TABLE IF NOT EXISTS answers_periods (
  period     text NOT NULL,
  start      date NOT NULL,
  ${CELL_COLUMNS}
)`,
  'CREATE INDEX IF NOT EXISTS answers_periods_start ON answers_periods (period, start)',
  // Row triggers: a plain INSERT per answer costs a writer less than a statement trigger's
  // transition tables, which every upsert would build, inserting or not.
  fn(
    'answers_rollup_row',
    `IF TG_OP = 'INSERT' THEN
    ${INSERT} (${values('NEW.', 1).join(', ')});
  ELSIF TG_OP = 'UPDATE' THEN
    ${INSERT} (${values('OLD.', -1).join(', ')}), (${values('NEW.', 1).join(', ')});
  ELSE
    ${INSERT} (${values('OLD.', -1).join(', ')});
  END IF;`,
  ),
  fn('answers_rollup_emptied', 'TRUNCATE answers_daily, answers_periods;'),
]

const TRIGGERS = [
  { name: 'answers_rollup_insert', sql: 'AFTER INSERT ON answers FOR EACH ROW EXECUTE FUNCTION answers_rollup_row()' },
  // Only a change the rollup counts: a revision that adds a page title, or an erasure that leaves
  // the site alone, adds no rows.
  { name: 'answers_rollup_update', sql: `AFTER UPDATE ON answers FOR EACH ROW WHEN (${counted('OLD')} IS DISTINCT FROM ${counted('NEW')}) EXECUTE FUNCTION answers_rollup_row()` },
  { name: 'answers_rollup_delete', sql: 'AFTER DELETE ON answers FOR EACH ROW EXECUTE FUNCTION answers_rollup_row()' },
  { name: 'answers_rollup_truncate', sql: 'AFTER TRUNCATE ON answers FOR EACH STATEMENT EXECUTE FUNCTION answers_rollup_emptied()' },
]

/** Daily rows as week and month rows (`day::timestamp`: date_trunc on a date would follow the session's zone). @param {string} from */
const toPeriods = (from) => `SELECT 'week' AS period, date_trunc('week', day::timestamp)::date AS start, ${CELL}, ${NAMES} FROM ${from}
  UNION ALL SELECT 'month', date_trunc('month', day::timestamp)::date, ${CELL}, ${NAMES} FROM ${from}`

const BACKFILL_SQL = [
  `INSERT INTO answers_daily (day, ${CELL}, ${NAMES}, merged)
SELECT day, ${CELL}, ${SUMS}, true FROM (${asRows('answers')}) d GROUP BY day, ${CELL}`,
  `INSERT INTO answers_periods (period, start, ${CELL}, ${NAMES})
SELECT period, start, ${CELL}, ${SUMS} FROM (${toPeriods('answers_daily')}) p GROUP BY period, start, ${CELL}`,
]

/**
 * Creates the rollup, its functions and triggers, in the schema's transaction (after `answers`).
 * When a table is new or a trigger was missing, fills it from the answers stored: under a lock
 * that lets no writer in between the triggers and the count, so no answer is missed or counted twice.
 * @param {Query} q @returns {Promise<boolean>} whether it was (re)filled
 */
export const setupRollup = async (q) => {
  const had = (await q(`SELECT to_regclass('answers_daily') IS NOT NULL AND to_regclass('answers_periods') IS NOT NULL AS had`)).rows[0]?.had
  for (const stmt of ROLLUP_SQL) await q(stmt)
  const present = new Set((await q(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'answers'::regclass`)).rows.map((r) => r.tgname))
  const missing = TRIGGERS.filter((t) => !present.has(t.name))
  if (had && !missing.length) return false
  await q('LOCK TABLE answers IN SHARE ROW EXCLUSIVE MODE')
  for (const t of missing) await q(`CREATE TRIGGER ${t.name} ${t.sql}`)
  await q('TRUNCATE answers_daily, answers_periods')
  for (const stmt of BACKFILL_SQL) await q(stmt)
  return true
}

/**
 * One statement (one snapshot): the days that have new rows become one merged row per cell, and
 * those new rows are added to their weeks and months, so that a period always holds exactly its
 * merged daily rows. Beside writers, whose rows not yet committed wait for the next time.
 */
const COMPACT_SQL = `WITH days AS (SELECT DISTINCT day FROM answers_daily WHERE NOT merged),
gone AS (DELETE FROM answers_daily WHERE day IN (SELECT day FROM days) RETURNING *),
kept AS (INSERT INTO answers_daily (day, ${CELL}, ${NAMES}, merged)
  SELECT day, ${CELL}, ${SUMS}, true FROM gone GROUP BY day, ${CELL} HAVING ${NONZERO}),
new AS (SELECT * FROM gone WHERE NOT merged),
fresh AS (${toPeriods('new')}),
units AS (SELECT DISTINCT period, start FROM fresh),
old AS (DELETE FROM answers_periods p USING units u WHERE p.period = u.period AND p.start = u.start
  RETURNING p.period, p.start, ${CELL.split(', ').map((c) => 'p.' + c).join(', ')}, ${COUNTS.map(([c]) => 'p.' + c).join(', ')})
INSERT INTO answers_periods (period, start, ${CELL}, ${NAMES})
SELECT period, start, ${CELL}, ${SUMS} FROM (SELECT * FROM old UNION ALL SELECT * FROM fresh) x
GROUP BY period, start, ${CELL} HAVING ${NONZERO}`
const COMPACT_LOCK = 7416

/**
 * Merges the rollup's new rows in the caller's transaction, one collector at a time (a
 * transaction-scoped advisory lock): `wait` waits for the lock, else a collector that finds it
 * taken skips (another is merging). Resolves to the period rows written.
 * @param {Query} q @param {{ wait?: boolean }} [options]
 */
export const compactIn = async (q, { wait = false } = {}) => {
  if (wait) await q('SELECT pg_advisory_xact_lock($1)', [COMPACT_LOCK])
  else if (!(await q('SELECT pg_try_advisory_xact_lock($1) AS ok', [COMPACT_LOCK])).rows[0]?.ok) return 0
  const r = await q(COMPACT_SQL)
  return r.affectedRows ?? r.rowCount ?? 0
}

/** Whether the rollup can count these filters: it has no context. @param {Filters} f */
export const rollupFits = (f) => Object.keys(f.ctx).length == 0

const DAY_MS = 24 * 3600 * 1000
/** @param {Date} d @param {Grain} grain the start of d's week (Monday) or month, UTC */
const unitStart = (d, grain) =>
  grain == 'week' ? new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS) : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
/** @param {Date} d @param {Grain} grain the first week or month start on or after d */
const nextUnit = (d, grain) => {
  const s = unitStart(d, grain)
  if (s.getTime() == d.getTime()) return s
  return grain == 'week' ? new Date(s.getTime() + 7 * DAY_MS) : new Date(Date.UTC(s.getUTCFullYear(), s.getUTCMonth() + 1, 1))
}
/** @param {Date} d */
const date = (d) => d.toISOString().slice(0, 10)

/** The filters' [from, to) as instants (null: unbounded). @param {Filters} f @returns {[Date | null, Date | null]} */
const range = (f) => [f.from ? instant(f.from) : null, f.to ? instant(f.to) : null]

/**
 * SQL rows `{ day, touchpoint, stage, metric, site, locale, sample, score, n, comments, lcp_good,
 * …, inp_poor }` of the answers in [lo, hi) (null: unbounded; by default the filters' from and
 * to) that the filters keep. Whole weeks or months (`grain`) come from the periods (plus the daily
 * rows not yet merged into them), with `day` their start; whole days from the daily rows; the
 * part days at either end from `answers`. Parameters are appended to `params`.
 * @param {Filters} f @param {unknown[]} params @param {'include' | 'exclude' | undefined} defaultSample
 * @param {{ bounds?: [Date | null, Date | null], grain?: Grain | null }} [options]
 */
export const rollupSource = (f, params, defaultSample, { bounds: [lo, hi] = range(f), grain = 'month' } = {}) => {
  /** @param {unknown} v */
  const $ = (v) => '$' + params.push(v)
  /** The conditions and the filters', numbered after the parameters so far. @param {string[]} conds @param {boolean} rollup */
  const where = (conds, rollup) => {
    const w = whereClause(f, { startIndex: params.length + 1, defaultSample, dates: false, rollup })
    params.push(...w.params)
    const all = [...conds, ...(w.sql ? [w.sql.slice('WHERE '.length)] : [])]
    return all.length ? ' WHERE ' + all.join(' AND ') : ''
  }
  /** @param {string} column @param {Date | null} a @param {Date | null} b */
  const between = (column, a, b) => [...(a ? [`${column} >= ${$(date(a))}::date`] : []), ...(b ? [`${column} < ${$(date(b))}::date`] : [])]
  /** @param {Date} a @param {Date} b */
  const raw = (a, b) => asRows('answers') + where([`created_at >= ${$(a.toISOString())}::timestamptz`, `created_at < ${$(b.toISOString())}::timestamptz`], false)
  /** @param {Date | null} a @param {Date | null} b @param {boolean} [onlyNew] */
  const days = (a, b, onlyNew = false) => `SELECT day, ${CELL}, ${NAMES} FROM answers_daily` + where([...between('day', a, b), ...(onlyNew ? ['NOT merged'] : [])], true)
  /** @param {Grain} g @param {Date | null} a @param {Date | null} b */
  const units = (g, a, b) =>
    `SELECT start AS day, ${CELL}, ${NAMES} FROM answers_periods` + where([`period = '${g}'`, ...between('start', a, b)], true) + '\nUNION ALL\n' + days(a, b, true)

  const first = lo && new Date(Math.ceil(lo.getTime() / DAY_MS) * DAY_MS)
  const last = hi && new Date(Math.floor(hi.getTime() / DAY_MS) * DAY_MS)
  if (lo && hi && first && last && first >= last) return raw(lo, hi)
  const parts = []
  if (lo && first && lo < first) parts.push(raw(lo, first))
  const u1 = first && grain && nextUnit(first, grain)
  const u2 = last && grain && unitStart(last, grain)
  if (!grain || (u1 && u2 && u1 >= u2)) parts.push(days(first, last))
  else {
    if (first && u1 && first < u1) parts.push(days(first, u1))
    parts.push(units(grain, u1, u2))
    if (last && u2 && u2 < last) parts.push(days(u2, last))
  }
  if (hi && last && last < hi) parts.push(raw(last, hi))
  return parts.join('\nUNION ALL\n')
}

/**
 * The figures' GROUP BY (../store/sql.js countsSql) over the rollup: the same rows but `first`.
 * @param {Filters} f @param {{ defaultSample?: 'include' | 'exclude' }} [options]
 */
export const rollupCountsQuery = (f, { defaultSample } = {}) => {
  /** @type {unknown[]} */
  const params = []
  const src = rollupSource(f, params, defaultSample)
  return {
    sql: `SELECT touchpoint, stage, metric, score, sample, ${COUNTS.map(([c]) => `sum(${c})::int AS ${c}`).join(', ')}
FROM (${src}) s GROUP BY touchpoint, stage, metric, score, sample HAVING sum(n) > 0`,
    params,
  }
}

/**
 * When each of these stages was first answered among the answers the filters keep (the order of
 * a site's own stages), from the index on (stage, created_at): one probe per stage.
 * @param {Filters} f @param {string[]} stages @param {{ defaultSample?: 'include' | 'exclude' }} [options]
 */
export const stageFirstsQuery = (f, stages, { defaultSample } = {}) => {
  const w = whereClause(f, { startIndex: 2, defaultSample })
  const rest = w.sql ? ' AND ' + w.sql.slice('WHERE '.length) : ''
  return {
    sql: `SELECT s.stage, (SELECT min(created_at) FROM answers WHERE answers.stage = s.stage${rest}) AS first FROM unnest($1::text[]) AS s(stage)`,
    params: [stages, ...w.params],
  }
}

/**
 * The trend's rows (./trend.js trendQuery) over the rollup: weekly and monthly buckets from the
 * periods, daily ones from the days, all by the same date_trunc on the UTC day.
 * @param {Filters} f @param {{ defaultSample?: 'include' | 'exclude' }} [options]
 */
export const rollupTrendQuery = (f, { defaultSample } = {}) => {
  /** @type {unknown[]} */
  const params = [f.period]
  const src = rollupSource(f, params, defaultSample, { grain: f.period == 'day' ? null : f.period })
  return {
    sql: `SELECT to_char(date_trunc($1, day::timestamp), 'YYYY-MM-DD') AS start, metric, score, sum(n)::int AS n FROM (
  SELECT day, metric, score, sum(n) AS n FROM (${src}) s GROUP BY day, metric, score) d
GROUP BY 1, 2, 3 HAVING sum(n) > 0
ORDER BY 1, 2, 3`,
    params,
  }
}

/**
 * The drop test's rows (./drops.js dropsQuery) over the rollup, each period on its own.
 * @param {Filters} f @param {Date} now @param {{ defaultSample?: 'include' | 'exclude' }} [options]
 */
export const rollupDropsQuery = (f, now, { defaultSample } = {}) => {
  const p = dropPeriods(f, now)
  /** @type {unknown[]} */
  const params = []
  const before = rollupSource(f, params, defaultSample, { bounds: [new Date(p.beforeStart), new Date(p.afterStart)] })
  const after = rollupSource(f, params, defaultSample, { bounds: [new Date(p.afterStart), new Date(p.afterEnd)] })
  return {
    sql: `SELECT touchpoint, stage, metric, score, half, sum(n)::int AS n FROM (
  SELECT 'before' AS half, b.* FROM (${before}) b
  UNION ALL
  SELECT 'after' AS half, a.* FROM (${after}) a) s
GROUP BY touchpoint, stage, metric, score, half HAVING sum(n) > 0`,
    params,
  }
}
