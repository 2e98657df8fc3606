// @ts-check
// GET /answers.csv: every stored answer the filters keep (its highest revision: the table holds
// no other), one row each, RFC 4180 (CRLF, fields quoted when they hold a comma, quote or line
// break), nested fields flattened with dots (page.url, context.plan, vitals.LCP, contact.email).
// Streamed: the columns come from one grouped query, then the rows in pages of PAGE by keyset
// (created_at, id), so a million answers never sit in memory at once.
import { whereClause } from '../stats/filters.js'

/** @typedef {import('../store/index.js').Store} Store */
/** @typedef {import('../stats/filters.js').Filters} Filters */

const PAGE = 1000
// The schema's fields in its own order; any other field (a newer SDK's) follows, sorted.
const KNOWN = ['id', 'revision', 'createdAt', 'receivedAt', 'touchpoint', 'stage', 'metric', 'score', 'scale.min', 'scale.max', 'question', 'comment',
  'site', 'locale', 'page.url', 'page.title', 'page.referrer', 'vitals.LCP', 'vitals.INP', 'vitals.CLS', 'vitals.FCP', 'vitals.TTFB']

/** The text of one field, quoted when RFC 4180 asks for it. @param {unknown} v */
export const csvField = (v) => {
  if (v == null) return ''
  const s = typeof v == 'object' ? JSON.stringify(v) : String(v)
  // A cell starting with = + - @ would run as a formula in a spreadsheet: a visitor's comment must not.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? "'" + s : s
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe
}

/** One answer as { 'page.url': …, 'context.plan': … }: objects one level deep become dotted columns. @param {Record<string, unknown>} a */
export const flatten = (a) => {
  /** @type {Record<string, unknown>} */
  const out = {}
  for (const [k, v] of Object.entries(a)) {
    if (v != null && typeof v == 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) out[k + '.' + k2] = v2
    else out[k] = v
  }
  return out
}

/** @param {string[]} found the dotted names present in the data @returns {string[]} */
export const columnsOf = (found) => [...KNOWN, ...found.filter((c) => !KNOWN.includes(c)).sort()]

/**
 * The CSV, header first, as an async iterable of text chunks (one per page of answers).
 * @param {Store} store @param {Filters} f @param {'include' | 'exclude'} defaultSample
 */
export async function* answersCsv(store, f, defaultSample) {
  const where = whereClause(f, { defaultSample })
  const cond = where.sql ? where.sql.slice('WHERE '.length) : 'true'
  // Every dotted name present, from the database: top-level keys, and the keys of object fields.
  const keys = await store.query(
    `SELECT DISTINCT CASE WHEN jsonb_typeof(k.value) = 'object' THEN k.key || '.' || sub.key ELSE k.key END AS name
FROM answers, jsonb_each(answer) k
LEFT JOIN LATERAL jsonb_object_keys(CASE WHEN jsonb_typeof(k.value) = 'object' THEN k.value ELSE '{}'::jsonb END) sub(key) ON true
WHERE ${cond} AND (jsonb_typeof(k.value) <> 'object' OR sub.key IS NOT NULL)`,
    where.params,
  )
  const columns = columnsOf(keys.rows.map((r) => String(r.name)))
  yield columns.map(csvField).join(',') + '\r\n'
  const n = where.params.length
  /** @type {[string, string] | null} */
  let after = null
  for (;;) {
    const page = await store.query(
      `SELECT answer, received_at, created_at::text AS cur, id FROM answers WHERE ${cond}` +
        (after ? ` AND (created_at, id) > ($${n + 1}::timestamptz, $${n + 2})` : '') +
        ` ORDER BY created_at, id LIMIT ${PAGE}`,
      after ? [...where.params, ...after] : where.params,
    )
    if (!page.rows.length) return
    let chunk = ''
    for (const r of page.rows) {
      const received = r.received_at instanceof Date ? r.received_at.toISOString() : new Date(r.received_at).toISOString()
      const flat = flatten({ ...r.answer, receivedAt: received })
      chunk += columns.map((c) => csvField(flat[c])).join(',') + '\r\n'
    }
    yield chunk
    const last = page.rows[page.rows.length - 1]
    after = [last.cur, last.id]
    if (page.rows.length < PAGE) return
  }
}
