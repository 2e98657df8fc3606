// @ts-check
// The follow-up queue: every low-score answer is a case (open → in_progress → closed) with an
// assignee, notes and a due time, and `recovered` once the same contact (e-mail without case, or
// context.userId) later gives a non-low score on the same touchpoint. Cases and the answer's
// webhook deliveries are written in the transaction that stores the answer (store.upsert's
// onStored). Every change to a case is a row of case_history: who, when, what.
import { LOW_SQL, isLow } from '../metrics.js'

export const STATUSES = ['open', 'in_progress', 'closed']
const DAY = 86_400_000

/** @typedef {import('../store/sql.js').Query} Query */

/**
 * When a case is due: `hours` after the answer, or by default 2 business days (Monday–Friday,
 * UTC): the same time of day on the second weekday after it.
 * @param {number} t ms @param {number | null} [hours]
 */
export const dueAfter = (t, hours) => {
  if (hours) return t + hours * 3_600_000
  let d = t
  for (let n = 0; n < 2; ) {
    d += DAY
    const wd = new Date(d).getUTCDay()
    if (wd != 0 && wd != 6) n++
  }
  return d
}

/** @param {any} v */
const iso = (v) => (v == null ? null : new Date(v).toISOString())
/** @param {any} a */
const emailOf = (a) => (typeof a?.contact?.email == 'string' ? a.contact.email.toLowerCase() : null)
/** @param {any} a */
const userOf = (a) => (a?.context?.userId != null && a.context.userId !== '' ? String(a.context.userId) : null)

const CASE_SQL = `SELECT c.id, c.status, c.assignee, c.due, c.recovered_by, a.answer, a.received_at FROM cases c JOIN answers a ON a.id = c.id`

/** The JSON of a case. @param {any} r @param {any[]} history @param {number} now */
const toCase = (r, history, now) => ({
  id: r.id,
  status: r.status,
  assignee: r.assignee ?? null,
  due: iso(r.due),
  overdue: r.status != 'closed' && new Date(r.due).getTime() < now,
  recovered: r.recovered_by != null,
  answer: { ...r.answer, receivedAt: iso(r.received_at) },
  history: history.map((h) => ({ at: iso(h.at), by: h.actor, ...(h.status ? { status: h.status } : {}), ...(h.assignee != null ? { assignee: h.assignee } : {}), ...(h.note != null ? { note: h.note } : {}) })),
})

/**
 * @param {object} o
 * @param {import('../store/index.js').Store} o.store
 * @param {import('../webhooks/dispatch.js').Dispatcher | null} [o.webhooks]
 * @param {number | null} [o.followUpHours]
 * @param {() => number} [o.now]
 */
export const createCases = (o) => {
  const { store, webhooks = null } = o
  const now = o.now ?? Date.now
  const query = /** @type {Query} */ (store.query)
  const tx = /** @type {NonNullable<typeof store.tx>} */ (store.tx)

  /** store.upsert's onStored: inside the answer's transaction. @param {Query} q @param {any} a @param {string} receivedAt */
  const onStored = async (q, a, receivedAt) => {
    const data = { ...a, receivedAt }
    const idBase = `${a.id}.${a.revision}`
    await webhooks?.enqueueIn(q, 'answer.created', data, idBase)
    if (isLow(a.metric, a.score)) {
      await webhooks?.enqueueIn(q, 'answer.low', data, idBase)
      const created = new Date(a.createdAt).getTime()
      // A revision (a comment, a contact arriving later) updates the case; its due time stays.
      await q(
        `INSERT INTO cases (id, touchpoint, stage, created_at, due, contact_email, contact_user) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET touchpoint = excluded.touchpoint, stage = excluded.stage,
           contact_email = coalesce(excluded.contact_email, cases.contact_email), contact_user = coalesce(excluded.contact_user, cases.contact_user)`,
        [a.id, a.touchpoint, a.stage ?? null, iso(created), iso(dueAfter(created, o.followUpHours)), emailOf(a), userOf(a)],
      )
    } else {
      const email = emailOf(a)
      const user = userOf(a)
      if (email || user)
        await q(
          `UPDATE cases SET recovered_by = $1 WHERE recovered_by IS NULL AND touchpoint = $2 AND created_at < $3
           AND ((contact_email IS NOT NULL AND contact_email = $4) OR (contact_user IS NOT NULL AND contact_user = $5))`,
          [a.id, a.touchpoint, iso(a.createdAt), email, user],
        )
    }
  }

  /** @param {{ status?: string, touchpoint?: string, stage?: string }} f */
  const list = async (f = {}) => {
    const t = now()
    const where = `WHERE ($1::text IS NULL OR c.status = $1) AND ($2::text IS NULL OR c.touchpoint = $2) AND ($3::text IS NULL OR c.stage = $3)`
    const params = [f.status || null, f.touchpoint || null, f.stage || null]
    const { rows } = await query(`${CASE_SQL} ${where} ORDER BY (c.status <> 'closed' AND c.due < $4) DESC, c.due ASC, c.id LIMIT 1000`, [...params, iso(t)])
    const hist = await query(`SELECT h.* FROM case_history h WHERE h.case_id IN (SELECT c.id FROM cases c ${where}) ORDER BY h.seq`, params)
    /** @type {Map<string, any[]>} */
    const byCase = new Map()
    for (const h of hist.rows) byCase.set(h.case_id, [...(byCase.get(h.case_id) ?? []), h])
    return rows.map((r) => toCase(r, byCase.get(r.id) ?? [], t))
  }

  /** @param {string} id */
  const get = async (id) => {
    const { rows } = await query(`${CASE_SQL} WHERE c.id = $1`, [id])
    if (!rows[0]) return null
    const hist = await query(`SELECT * FROM case_history WHERE case_id = $1 ORDER BY seq`, [id])
    return toCase(rows[0], hist.rows, now())
  }

  /**
   * A change by a person: status, assignee (empty: nobody), a note. Null when there is no such case.
   * @param {string} id @param {{ status?: string, assignee?: string, note?: string, by: string }} c
   */
  const update = async (id, c) => {
    const found = await tx(async (q) => {
      const { rows } = await q(`UPDATE cases SET status = coalesce($2, status), assignee = CASE WHEN $3::text IS NULL THEN assignee ELSE nullif($3, '') END WHERE id = $1 RETURNING id`, [id, c.status ?? null, c.assignee ?? null])
      if (!rows.length) return false
      await q(`INSERT INTO case_history (case_id, at, actor, status, assignee, note) VALUES ($1, $2, $3, $4, $5, $6)`, [id, iso(now()), c.by, c.status ?? null, c.assignee ?? null, c.note ?? null])
      return true
    })
    return found ? get(id) : null
  }

  /** Sends `followup.overdue` once for each case past its due time. */
  const checkOverdue = async () =>
    tx(async (q) => {
      const t = now()
      const { rows } = await q(`UPDATE cases SET overdue_sent = true WHERE NOT overdue_sent AND status <> 'closed' AND due <= $1 RETURNING id`, [iso(t)])
      for (const { id } of rows) {
        const r = (await q(`${CASE_SQL} WHERE c.id = $1`, [id])).rows[0]
        const h = (await q(`SELECT * FROM case_history WHERE case_id = $1 ORDER BY seq`, [id])).rows
        if (r) await webhooks?.enqueueIn(q, 'followup.overdue', toCase(r, h, t), id)
      }
      return rows.length
    }).then((n) => (n && webhooks?.drain(), n))

  /** The figures of `digest.daily`: the 24 h before `t`. @param {number} [t] */
  const digest = async (t = now()) => {
    const from = iso(t - DAY)
    const to = iso(t)
    const counts = await query(
      `SELECT touchpoint, count(*)::int AS answers, count(*) FILTER (WHERE ${LOW_SQL})::int AS low FROM answers
       WHERE received_at >= $1 AND received_at < $2 AND NOT sample GROUP BY touchpoint ORDER BY touchpoint`,
      [from, to],
    )
    const overdue = await query(`SELECT touchpoint, count(*)::int AS n FROM cases WHERE status <> 'closed' AND due <= $1 GROUP BY touchpoint`, [to])
    /** @type {Record<string, { answers: number, low: number, overdue: number }>} */
    const touchpoints = {}
    for (const r of counts.rows) touchpoints[r.touchpoint] = { answers: Number(r.answers), low: Number(r.low), overdue: 0 }
    for (const r of overdue.rows) (touchpoints[r.touchpoint] ??= { answers: 0, low: 0, overdue: 0 }).overdue = Number(r.n)
    const sum = (/** @type {'answers' | 'low' | 'overdue'} */ k) => Object.values(touchpoints).reduce((s, c) => s + c[k], 0)
    return { from, to, answers: sum('answers'), low: sum('low'), overdue: sum('overdue'), touchpoints }
  }

  /** Queues `digest.daily`; `idBase` names the day, so a restart does not send one day twice. @param {number} [t] @param {string} [idBase] */
  const sendDigest = async (t = now(), idBase) => {
    const data = await digest(t)
    const queued = (await webhooks?.enqueue('digest.daily', data, idBase ?? `digest.${iso(t)}`)) ?? 0
    return { ...data, queued }
  }

  return { onStored, list, get, update, checkOverdue, digest, sendDigest }
}

/** @typedef {ReturnType<typeof createCases>} Cases */
