// @ts-check
// Erasure and retention. `erase(email)` removes an e-mail address from every answer (the stored
// JSON and its columns, and the rollup's counts by site and locale), case, note and webhook
// delivery body, in one transaction, and records only that an erasure happened and how many rows
// it changed: never the address, nor a hash of it (a hash of an e-mail is personal data too).
// `retain(days)` deletes what is older.
import { compactIn } from '../stats/rollup.js'

/** @typedef {import('../store/sql.js').Query} Query */

const ERASED = '[erased]'

/** @param {string} s */
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The value with `contact` removed where its e-mail is this one, and the address replaced in every
 * string (a comment or a note may quote it).
 * @param {unknown} v @param {string} email lower case @param {RegExp} re
 * @returns {unknown}
 */
export const scrub = (v, email, re) => {
  if (typeof v == 'string') return v.replace(re, ERASED)
  if (Array.isArray(v)) return v.map((x) => scrub(x, email, re))
  if (v && typeof v == 'object') {
    /** @type {Record<string, unknown>} */
    const out = {}
    for (const [k, x] of Object.entries(v)) {
      if (k == 'contact' && x && typeof x == 'object' && String(/** @type {any} */ (x).email ?? '').toLowerCase() == email) continue
      out[k] = scrub(x, email, re)
    }
    return out
  }
  return v
}

/**
 * @param {import('../store/index.js').Store} store @param {string} address @param {number} [now]
 * @returns {Promise<number>} how many rows changed
 */
export const erase = (store, address, now = Date.now()) => {
  const email = address.trim().toLowerCase()
  const re = new RegExp(escapeRe(email), 'gi')
  const like = '%' + email.replace(/[\\%_]/g, '\\$&') + '%'
  const tx = /** @type {NonNullable<typeof store.tx>} */ (store.tx)
  return tx(async (q) => {
    let rows = 0
    const answers = await q(`SELECT id, answer FROM answers WHERE lower(answer::text) LIKE $1 OR lower(comment) LIKE $1`, [like])
    for (const r of answers.rows) {
      const a = /** @type {any} */ (scrub(typeof r.answer == 'string' ? JSON.parse(r.answer) : r.answer, email, re))
      await q(`UPDATE answers SET answer = $2::jsonb, comment = $3 WHERE id = $1`, [r.id, JSON.stringify(a), a.comment ?? null])
      rows++
    }
    rows += count(await q(`UPDATE cases SET contact_email = NULL WHERE contact_email = $1`, [email]))
    const notes = await q(`SELECT seq, note, assignee, actor FROM case_history WHERE lower(note) LIKE $1 OR lower(assignee) LIKE $1 OR lower(actor) LIKE $1`, [like])
    for (const h of notes.rows) {
      await q(`UPDATE case_history SET note = $2, assignee = $3, actor = $4 WHERE seq = $1`, [h.seq, h.note?.replace(re, ERASED) ?? null, h.assignee?.replace(re, ERASED) ?? null, h.actor.replace(re, ERASED)])
      rows++
    }
    rows += count(await q(`UPDATE cases SET assignee = regexp_replace(assignee, $2, $3, 'gi') WHERE lower(assignee) LIKE $1`, [like, escapeRe(email), ERASED]))
    // Every delivery body, sent or not: a delivered one still holds the address.
    const bodies = await q(`SELECT id, body FROM deliveries WHERE lower(body) LIKE $1`, [like])
    for (const d of bodies.rows) {
      await q(`UPDATE deliveries SET body = $2 WHERE id = $1`, [d.id, JSON.stringify(scrub(JSON.parse(d.body), email, re))])
      rows++
    }
    // The rollup counts answers by site and locale, which may hold the address: the rows counting
    // the old values and the −1 rows its triggers just added cancel out once merged, so merge now.
    await compactIn(q, { wait: true })
    await q(`INSERT INTO erasures (at, rows) VALUES ($1, $2)`, [new Date(now).toISOString(), rows])
    return rows
  })
}

/** @param {{ affectedRows?: number, rowCount?: number | null }} r */
const count = (r) => r.affectedRows ?? r.rowCount ?? 0

/**
 * Deletes answers, cases, their history and deliveries older than `days` days.
 * @param {import('../store/index.js').Store} store @param {number} days @param {number} [now]
 */
export const retain = (store, days, now = Date.now()) => {
  const cut = new Date(now - days * 86_400_000).toISOString()
  const tx = /** @type {NonNullable<typeof store.tx>} */ (store.tx)
  return tx(async (q) => {
    let n = 0
    n += count(await q(`DELETE FROM case_history WHERE case_id IN (SELECT id FROM cases WHERE created_at < $1)`, [cut]))
    n += count(await q(`DELETE FROM cases WHERE created_at < $1`, [cut]))
    n += count(await q(`DELETE FROM answers WHERE received_at < $1`, [cut]))
    n += count(await q(`DELETE FROM deliveries WHERE created_at < $1`, [cut]))
    return n
  })
}
