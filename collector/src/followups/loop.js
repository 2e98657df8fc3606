// @ts-check
// Closing the loop, put together: the case queue, the webhook dispatcher, and the periodic work
// (overdue cases and merging the daily rollup's new rows every minute; once a UTC day the digest,
// the drop check and the retention). The clock and the tick are injectable so tests move time
// instead of waiting for it.
import { erase, retain } from '../privacy/erase.js'
import { createDispatcher } from '../webhooks/dispatch.js'
import { createCases } from './cases.js'
import { checkDrops, dropKey } from '../summary/load.js'

/**
 * @param {object} o
 * @param {import('../store/index.js').Store} o.store
 * @param {import('../webhooks/config.js').Hook[]} [o.hooks]
 * @param {number | null} [o.followUpHours]
 * @param {number | null} [o.retentionDays]
 * @param {() => number} [o.now]
 * @param {number} [o.tickMs] how often to look for overdue cases (default a minute)
 * @param {number} [o.timeoutMs] a receiver's time to answer (default 10 s)
 * @param {typeof fetch} [o.fetch]
 * @param {(msg: string) => void} [o.log]
 */
export const createLoop = (o) => {
  const now = o.now ?? Date.now
  const webhooks = createDispatcher({ store: o.store, hooks: o.hooks ?? [], now, timeoutMs: o.timeoutMs, fetch: o.fetch, log: o.log })
  const cases = createCases({ store: o.store, webhooks, followUpHours: o.followUpHours, now })
  /** @type {NodeJS.Timeout | null} */
  let timer = null
  let day = new Date(now()).toISOString().slice(0, 10)
  /** @type {Promise<unknown>} */
  let ticking = Promise.resolve()

  const retention = async () => (o.retentionDays ? retain(o.store, o.retentionDays, now()) : 0)

  // The drop test the dashboard draws, once a day: the id names the cell and its week (Monday), so
  // the database sends a drop once a week however often it is found, restarts included.
  const drops = async () => {
    if (!o.hooks?.length) return
    const at = new Date(now())
    for (const d of await checkDrops(o.store, at))
      await webhooks.enqueue('score.dropped', d, 'drop.' + dropKey(d, at).split('\u0000').map(encodeURIComponent).join('.'))
  }

  /** One round of periodic work; a new UTC day sends yesterday's digest (once: its id names the day). */
  const tick = async () => {
    await o.store.compact()
    await cases.checkOverdue()
    const today = new Date(now()).toISOString().slice(0, 10)
    if (today != day) {
      day = today
      await cases.sendDigest(now(), `digest.${today}`)
      await drops()
      await retention()
    }
  }

  return {
    cases,
    webhooks,
    tick,
    /** @param {string} email */
    erase: (email) => erase(o.store, email, now()),
    retention,
    drops,
    /** Resumes pending deliveries, applies the retention, and starts the periodic work. */
    start: async () => {
      await retention()
      void webhooks.start()
      timer = setInterval(() => {
        ticking = tick().catch((e) => o.log?.(`follow-ups: ${String(e?.message ?? e)}`))
      }, o.tickMs ?? 60_000)
      timer.unref()
    },
    stop: async () => {
      if (timer) clearInterval(timer)
      await ticking
      await webhooks.stop()
    },
  }
}

/** @typedef {ReturnType<typeof createLoop>} Loop */
