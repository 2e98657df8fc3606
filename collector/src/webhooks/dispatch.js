// @ts-check
// Webhook deliveries: one row per event and destination in the table `deliveries`, inserted in
// the transaction that stores what the event is about (so an acknowledged answer never loses its
// event), tried at once, retried about 2 s, 10 s, 30 s, 2 min, 10 min, 1 h, 6 h and 24 h later
// (±20 %), then dead-lettered. A 4xx other than 408 and 429 is final: the receiver refused that
// message. Pending rows survive a restart: `start()` resumes them.
import { createHmac } from 'node:crypto'
import { slackText } from './slack.js'

/** Seconds between attempts after the first: the retry schedule of DESIGN §10. */
export const RETRIES = [2, 10, 30, 120, 600, 3600, 6 * 3600, 24 * 3600]
/** A receiver that has not answered within this is cut off: a failed attempt. */
export const TIMEOUT_MS = 10_000

/** @typedef {import('../store/sql.js').Query} Query */

/**
 * Takes up to 50 due deliveries for this dispatcher: their next_at moves to the lease's end, so no
 * other pass sends them meanwhile. Every collector process runs a dispatcher over the same table
 * (--workers, several machines): the rows are locked as they are picked and rows another claim
 * holds are passed by (SKIP LOCKED), so two claims at the same moment take different rows. Without
 * the lock the second would wait for the first's rows and then, the subquery's answer standing,
 * take them again: the same webhook POSTed twice. $1 now, $2 the lease's end.
 */
export const CLAIM_SQL = `UPDATE deliveries SET next_at = $2
WHERE id IN (SELECT id FROM deliveries WHERE state = 'pending' AND next_at <= $1 ORDER BY next_at LIMIT 50 FOR UPDATE SKIP LOCKED)
RETURNING id, msg_id, url, body, attempts`
/** @typedef {import('./config.js').Hook} Hook */

/** `v1,<base64 HMAC-SHA256 of id.timestamp.body>` keyed by the bytes the `whsec_` secret encodes. @param {string} secret @param {string} id @param {number} ts @param {string} body */
export const sign = (secret, id, ts, body) => 'v1,' + createHmac('sha256', Buffer.from(secret.slice(6), 'base64')).update(`${id}.${ts}.${body}`).digest('base64')

/**
 * @param {object} o
 * @param {import('../store/index.js').Store} o.store
 * @param {Hook[]} o.hooks
 * @param {() => number} [o.now] ms since the epoch (tests move it)
 * @param {() => number} [o.random] 0–1, for the jitter
 * @param {number} [o.timeoutMs]
 * @param {typeof fetch} [o.fetch]
 * @param {(msg: string) => void} [o.log]
 */
export const createDispatcher = (o) => {
  const { store, hooks } = o
  const now = o.now ?? Date.now
  const random = o.random ?? Math.random
  const timeoutMs = o.timeoutMs ?? TIMEOUT_MS
  const doFetch = o.fetch ?? fetch
  const query = /** @type {Query} */ (store.query)
  /** @type {NodeJS.Timeout | null} */
  let timer = null
  let stopped = true
  /** @type {Promise<void> | null} */
  let draining = null
  let again = false

  /**
   * Queues an event inside a transaction: one row per destination that wants it. The same
   * message id to the same destination is queued once (a retried POST changes nothing).
   * @param {Query} q @param {string} type @param {unknown} data @param {string} idBase e.g. `<answer id>.<revision>`
   */
  const enqueueIn = async (q, type, data, idBase) => {
    const targets = hooks.filter((h) => h.events.includes(type))
    if (!targets.length) return 0
    const at = new Date(now()).toISOString()
    const body = JSON.stringify({ type, timestamp: at, data })
    for (const h of targets)
      await q(`INSERT INTO deliveries (msg_id, type, url, body, created_at, next_at) VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (msg_id, url) DO NOTHING`, [`${idBase}.${type}`, type, h.url, body, at])
    return targets.length
  }

  /** @param {number} at ms */
  const schedule = (at) => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void drain(), Math.max(0, at - now()))
    timer.unref()
  }

  /** One attempt: 'ok', 'final' (a 4xx but 408/429) or an error text. @param {any} row @param {Hook} hook */
  const attempt = async (row, hook) => {
    const ts = Math.floor(now() / 1000)
    const body = hook.format == 'slack' ? JSON.stringify({ text: slackText(JSON.parse(row.body)) }) : row.body
    try {
      const res = await doFetch(hook.url, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'webhook-id': row.msg_id, 'webhook-timestamp': String(ts), 'webhook-signature': sign(hook.secret, row.msg_id, ts, body) },
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      })
      await res.body?.cancel().catch(() => {})
      if (res.status >= 200 && res.status < 300) return { ok: true, final: false, error: null }
      const final = res.status >= 400 && res.status < 500 && res.status != 408 && res.status != 429
      return { ok: false, final, error: `HTTP ${res.status}` }
    } catch (e) {
      const err = /** @type {any} */ (e)
      const error = err?.name == 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : String(err?.cause?.code ?? err?.cause?.errors?.[0]?.code ?? err?.message ?? e)
      return { ok: false, final: false, error }
    }
  }

  /** Tries every delivery that is due, then sleeps until the next one. */
  const drainOnce = async () => {
    const t = now()
    // Claimed for longer than an attempt can take, so no other pass (or collector) sends it meanwhile.
    const lease = new Date(t + timeoutMs + 5000).toISOString()
    const { rows } = await query(CLAIM_SQL, [new Date(t).toISOString(), lease])
    await Promise.all(
      rows.map(async (row) => {
        const hook = hooks.find((h) => h.url == row.url)
        const r = hook ? await attempt(row, hook) : { ok: false, final: true, error: 'no longer configured' }
        const attempts = row.attempts + 1
        if (r.ok) return query(`UPDATE deliveries SET state = 'delivered', attempts = $2, last_error = NULL WHERE id = $1`, [row.id, attempts])
        const wait = RETRIES[attempts - 1]
        if (r.final || wait == null) return query(`UPDATE deliveries SET state = 'dead', attempts = $2, last_error = $3 WHERE id = $1`, [row.id, attempts, r.error])
        const next = new Date(now() + wait * 1000 * (0.8 + 0.4 * random())).toISOString()
        return query(`UPDATE deliveries SET attempts = $2, last_error = $3, next_at = $4 WHERE id = $1`, [row.id, attempts, r.error, next])
      }),
    )
    return rows.length
  }

  const drain = () => {
    if (draining) {
      again = true
      return draining
    }
    draining = (async () => {
      try {
        do {
          again = false
          while ((await drainOnce()) > 0 && !stopped);
        } while (again)
        const { rows } = await query(`SELECT min(next_at) AS at FROM deliveries WHERE state = 'pending'`)
        if (rows[0]?.at) schedule(new Date(rows[0].at).getTime())
      } catch (e) {
        if (!stopped) o.log?.(`webhooks: ${String(/** @type {any} */ (e)?.message ?? e)}`)
        schedule(now() + 5000)
      } finally {
        draining = null
      }
    })()
    return draining
  }

  return {
    hooks,
    enqueueIn,
    /** Queues an event on its own transaction and tries it at once. @param {string} type @param {unknown} data @param {string} idBase */
    enqueue: async (type, data, idBase) => {
      const n = await /** @type {NonNullable<typeof store.tx>} */ (store.tx)((q) => enqueueIn(q, type, data, idBase))
      if (n) void drain()
      return n
    },
    drain,
    /** Resumes what a previous run left pending, and keeps sending. */
    start: () => {
      stopped = false
      return drain()
    },
    stop: async () => {
      stopped = true
      if (timer) clearTimeout(timer)
      await draining
    },
    /** The dead letters, newest first, and how many wait. */
    status: async () => {
      const dead = await query(`SELECT id, msg_id, type, url, attempts, last_error, created_at FROM deliveries WHERE state = 'dead' ORDER BY created_at DESC LIMIT 200`)
      const pending = await query(`SELECT count(*)::int AS n FROM deliveries WHERE state = 'pending'`)
      return {
        pending: Number(pending.rows[0]?.n ?? 0),
        dead: dead.rows.map((r) => ({ id: Number(r.id), webhookId: r.msg_id, type: r.type, destination: safeUrl(r.url), attempts: r.attempts, error: r.last_error, at: new Date(r.created_at).toISOString() })),
      }
    },
  }
}

/** A destination as it may be shown: its origin (a Slack URL's path is its secret). @param {string} url */
export const safeUrl = (url) => {
  try {
    return new URL(url).origin + '/…'
  } catch {
    return '…'
  }
}

/** @typedef {ReturnType<typeof createDispatcher>} Dispatcher */
