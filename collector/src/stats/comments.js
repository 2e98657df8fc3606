// @ts-check
// The comments list (/comments.json): every answer with a comment, newest first, paged, searchable
// and filtered by score band as well as by the dashboard's filters.
import { rollupFits, rollupSource } from './rollup.js'
import { whereClause } from './filters.js'

/** @typedef {import('./filters.js').Filters} Filters */
/** @typedef {import('./filters.js').Band} Band */

/**
 * Per metric, scores up to lowUpTo are low, from highFrom high, between them mid (NPS passives,
 * CES 5; CSAT and thumbs have no mid). The low band is isLow of ../metrics.js.
 */
export const BANDS = {
  nps: { lowUpTo: 6, highFrom: 9 },
  csat: { lowUpTo: 3, highFrom: 4 },
  ces: { lowUpTo: 4, highFrom: 6 },
  thumbs: { lowUpTo: 0, highFrom: 1 },
}

/** The band of a score. @param {keyof typeof BANDS} metric @param {number} score @returns {Exclude<Band, 'all'>} */
export const bandOf = (metric, score) => (score <= BANDS[metric].lowUpTo ? 'low' : score >= BANDS[metric].highFrom ? 'high' : 'mid')

/** At most this many comments kept by the filters: their page is read with `fewPage`. */
export const FEW = 1000

/** SQL condition for a band (its numbers are constants of this file, not user input). @param {Band} band */
const bandSql = (band) => {
  if (band == 'all') return ''
  const per = Object.entries(BANDS).map(([m, b]) => {
    const cond = band == 'low' ? `score <= ${b.lowUpTo}` : band == 'high' ? `score >= ${b.highFrom}` : `score > ${b.lowUpTo} AND score < ${b.highFrom}`
    return `(metric = '${m}' AND ${cond})`
  })
  return `(${per.join(' OR ')})`
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. @param {string} text */
export const containsPattern = (text) => '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'

/**
 * SQL for one page of comments and for their total, over the same conditions: rows
 * `{ answer, received_at }` (the stored answer, as ../store/sql.js returns it) and `{ n }`.
 * Ordered by created_at then id, both descending, so pages do not overlap when times tie.
 * `rollup`: the total from the rollup (./rollup.js) when it can tell (no ctx filter, no search
 * text), not by counting every answer with a comment.
 * The page walks the index of answers with a comment back from the newest until it has a page:
 * quick while the filters keep many of them, a walk through all comments when they keep few.
 * `fewPage` is the same page planned for few (the filters' own indexes, then a sort): for a
 * total the count says is small (FEW).
 * @param {Filters} f
 * @param {{ defaultSample?: 'include' | 'exclude', rollup?: boolean }} [options]
 * @returns {{ page: { sql: string, params: unknown[] }, fewPage: { sql: string, params: unknown[] }, count: { sql: string, params: unknown[] } }}
 */
export const commentsQuery = (f, { defaultSample, rollup = false } = {}) => {
  const where = whereClause(f, { defaultSample })
  const conds = [where.sql ? where.sql.slice('WHERE '.length) : '', "comment IS NOT NULL AND comment <> ''", bandSql(f.band)]
  const params = [...where.params]
  if (f.q != null) {
    params.push(containsPattern(f.q))
    conds.push(`comment ILIKE $${params.length} ESCAPE '\\'`)
  }
  const sql = 'WHERE ' + conds.filter(Boolean).join(' AND ')
  const n = params.length
  return {
    page: {
      sql: `SELECT answer, received_at FROM answers ${sql} ORDER BY created_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      params: [...params, f.limit, (f.page - 1) * f.limit],
    },
    // OFFSET 0 keeps the planner from pulling the LIMIT into the scan.
    fewPage: {
      sql: `SELECT answer, received_at FROM (SELECT answer, received_at, created_at, id FROM answers ${sql} OFFSET 0) c
ORDER BY created_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      params: [...params, f.limit, (f.page - 1) * f.limit],
    },
    count: rollup && f.q == null && rollupFits(f) ? rollupCount(f, defaultSample) : { sql: `SELECT count(*)::int AS n FROM answers ${sql}`, params },
  }
}

/** The comments' total from the rollup's per-cell count of answers with a comment. @param {Filters} f @param {'include' | 'exclude' | undefined} defaultSample */
const rollupCount = (f, defaultSample) => {
  /** @type {unknown[]} */
  const params = []
  const src = rollupSource(f, params, defaultSample)
  const band = bandSql(f.band)
  return { sql: `SELECT coalesce(sum(comments), 0)::int AS n FROM (${src}) s${band ? ' WHERE ' + band : ''}`, params }
}

/** What a comment's score reads as in the list: a thumbs-down says "thumbs down". @param {string} metric @param {number} score */
export const scoreLabel = (metric, score) => (metric == 'thumbs' ? (score == 1 ? 'thumbs up' : 'thumbs down') : `${metric.toUpperCase()} ${score}`)
