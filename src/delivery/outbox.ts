import type { Answer, DeliveryDeps, Outbox, Send, StoredAnswer } from '../contract'
import { ASIDE, QUEUED, WAIT } from '../shared/keys'
import { warn } from '../shared/log'
import { backoff, startJitter } from './backoff'
import { importFormat } from './formats'
import { drained } from './hint'
import { withLock } from './lock'
import { withReader } from './store'
import { post, verdict } from './transport'

export const limits = {
  /** Stored answers at most; the oldest beyond it are dropped, and reported. */
  maxAnswers: 200,
  /** Answers older than this *and* tried this often are dropped, and reported. */
  maxAgeMs: 30 * 864e5,
  minTriesToExpire: 10,
  /** Longest Retry-After honoured; a stored wait further away than this means the clock went back. */
  maxWait: 3_600_000,
  /** Bytes per POST; keepalive requests share a 64 KiB budget per page. */
  batchBytes: 60_000,
  timeout: 10_000,
}

/** What the core hands the engine, and what tests may replace: the POST, the clocks, the dice. */
export interface OutboxDeps extends DeliveryDeps {
  post?: Send
  now?: () => number
  random?: () => number
}

/** The `format` option's values: json, then those with a file of their own (src/formats/). */
const FORMATS = ['json', 'segment', 'cloudevents', 'posthog']

const isStored = (v: unknown): v is StoredAnswer => {
  const a = (v as StoredAnswer)?.answer
  return typeof a?.id == 'string' && typeof a.score == 'number' && !isNaN(Date.parse(a.createdAt))
}

/**
 * The delivery engine: sends what the core's queue has stored (src/core/queue.ts, the only
 * writer of new answers), in batches, one tab at a time, with backoff and Retry-After, and this
 * page's own answers with keepalive when the page is hidden. Removes an answer only after a 2xx.
 */
export const createOutbox = (deps: OutboxDeps): Outbox => {
  const { endpoint, emit, session, format: name = 'json' } = deps
  const store = withReader(deps.store)
  const now = deps.now ?? Date.now
  // How answers are sent (README "Delivery formats"): json, the wire format itself, through the
  // engine's own POST; or through a file of their own, fetched beside the engine as it starts (so
  // that page hide finds it): a format that shapes each POST for its receiver, or the app's
  // `transport` (which gets the wire format). Until it is here (false) nothing is sent, nor ever
  // when it cannot send (null: its key is missing), and answers stay stored.
  const known = FORMATS.indexOf(name as string)
  if (known < 0) warn('data-format is ' + JSON.stringify(name) + ', expected one of ' + FORMATS + '; using json.')
  const file = deps.transport ? 'transport' : known > 0 && (name as string)
  let send: Send | null | false = deps.post ?? (!file && post)
  const ready = file && importFormat(file).then((m) => void (send = m.createFormat(deps, post)))
  const fail = (answer: Answer | null, status: number | null, reason: string, permanent: boolean) =>
    emit('failed', { answer, status, reason, permanent })
  const mine = new Map<string, StoredAnswer>() // answers this page created and has not seen confirmed
  const inflight = new Set<string>()
  let failures = 0
  let waitUntil = 0 // the collector's Retry-After, on the monotonic clock
  let timer: ReturnType<typeof setTimeout> | undefined
  let timerAt = Infinity
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  // Bumped by clear(): a send that was under way when the visitor withdrew consent must not
  // write its answers back (as a retry) once it ends.
  let cleared = 0

  const body = (list: StoredAnswer[]) =>
    JSON.stringify({ sdk: { name: 'touchpoint', version: deps.version }, sentAt: new Date(now()).toISOString(), answers: list.map((e) => e.answer) })

  // Groups answers into POSTs of at most batchBytes each (an oversized answer travels alone).
  const batches = (list: StoredAnswer[]): StoredAnswer[][] => {
    const out: StoredAnswer[][] = []
    let size = 1e9
    for (const e of list) {
      const n = JSON.stringify(e.answer).length + 1
      if ((size += n) > limits.batchBytes - 200) {
        out.push([])
        size = n
      }
      out[out.length - 1]!.push(e)
    }
    return out
  }

  // One timer: the earliest requested wake-up wins. setTimeout runs on a monotonic clock,
  // so a wall-clock jump cannot stall a retry.
  const schedule = (ms: number) => {
    const at = performance.now() + ms
    if (stopped || at >= timerAt) return
    clearTimeout(timer)
    timerAt = at
    timer = setTimeout(() => {
      timerAt = Infinity
      void flush()
    }, ms)
  }

  const forget = async (list: StoredAnswer[]) => {
    await store.del(list.map((e) => QUEUED + e.answer.id))
    list.forEach((e) => mine.delete(e.answer.id))
  }

  const confirmed = async (list: StoredAnswer[]) => {
    await forget(list)
    failures = 0
    list.forEach((e) => emit('sent', e.answer))
  }

  // Permanently failed: reported; kept under x: (never sent again) unless a limit dropped it.
  const giveUp = async (list: StoredAnswer[], status: number | null, reason: string, keep = true) => {
    if (!list.length) return
    if (keep) await store.set(list.map((e) => [ASIDE + e.answer.id, e]))
    await forget(list)
    warn(list.length + ' answer(s) ' + reason + '; not sent again.')
    list.forEach((e) => fail(e.answer, status, reason, true))
  }

  // One pass over the outbox, run while holding the cross-tab lock. Resolves false when the
  // collector cannot take more now (a retry is scheduled), so no second pass hurries after it.
  const pass = async (): Promise<boolean> => {
    // Noted before the queue is read: a clear() (consent withdrawn) at any moment of this pass
    // stops it before its next send.
    const generation = cleared
    const t = now()
    let wait = 0
    let queued: StoredAnswer[] = []
    for (const [k, v] of await store.all()) {
      if (k == WAIT) wait = Number(v) || 0
      else if (k.startsWith(QUEUED)) {
        if (isStored(v)) v.endpoint == endpoint && queued.push(v)
        else {
          await store.set([[ASIDE + k.slice(2), v]])
          await store.del([k])
          warn('corrupt record ' + k + ' skipped.')
          fail(null, null, 'corrupt record', true)
        }
      }
    }
    // A wait further away than we ever set means the clock went back: do not stall on it.
    if (wait > t && wait - t <= limits.maxWait) return schedule(wait - t), false

    queued.sort((x, y) => (x.answer.createdAt < y.answer.createdAt ? -1 : 1))
    // Age needs enough failed tries too, so a wall-clock jump forward expires nothing early.
    const old = queued.filter((e) => t - Date.parse(e.answer.createdAt) > limits.maxAgeMs && e.tries >= limits.minTriesToExpire)
    queued = queued.filter((e) => !old.includes(e))
    const over = queued.splice(0, Math.max(0, queued.length - limits.maxAnswers))
    await giveUp(old, null, 'dropped: older than ' + limits.maxAgeMs / 864e5 + ' days', false)
    await giveUp(over, null, 'dropped: outbox over ' + limits.maxAnswers + ' answers', false)

    const todo = batches(queued.filter((e) => !e.hold || (e.hold != session && e.holdUntil! <= t)))
    while (todo.length && !stopped) {
      const batch = todo.shift()!
      // Still stored? Another tab may have erased them (consent withdrawn there) since we read.
      const stored = new Set((await store.all()).map(([k]) => k))
      if (generation != cleared || !batch.every((e) => stored.has(QUEUED + e.answer.id))) return true
      batch.forEach((e) => inflight.add(e.answer.id))
      const res = await (send as Send)(endpoint, body(batch), { timeout: limits.timeout, headers: deps.headers })
      batch.forEach((e) => inflight.delete(e.answer.id))
      if (generation != cleared) return true // consent withdrawn meanwhile: these answers are gone
      const v = verdict(res)
      if (v == 'sent') await confirmed(batch)
      // Which answer did the collector refuse? Send them one by one to find out.
      else if (v == 'reject')
        batch[1] ? todo.unshift(...batch.map((e) => [e])) : await giveUp(batch, res.status, 'rejected with HTTP ' + res.status)
      else {
        let ms: number
        if (v == 'wait') {
          waitUntil = performance.now() + (ms = Math.min(res.retryAfter!, limits.maxWait))
          await store.set([[WAIT, now() + ms]]) // survives a reload
        } else {
          ms = backoff(++failures, deps.random)
          await store.set(batch.map((e) => [QUEUED + e.answer.id, { ...e, tries: e.tries + 1 }]))
        }
        const reason = res.status ? 'HTTP ' + res.status : 'no response'
        batch.forEach((e) => fail(e.answer, res.status || null, reason, false))
        return schedule(ms), false
      }
    }
    return true
  }

  const flush = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    if (running) return (again = true), running
    clearTimeout(timer)
    timerAt = Infinity
    return (running = (async () => {
      try {
        // A format that could not be fetched is a delivery error (retried with backoff; the next
        // page fetches it again); one that cannot send stops the engine.
        await ready
        if (!send) stopped = true
        for (let more = true; more && !stopped; ) {
          again = false
          more = await withLock('touchpoint-outbox', pass)
          // An outbox found empty clears the core's hint (its own lock keeps writers out).
          await drained(store)
          // Asked again during the pass or that check (an answer just stored: its flush() found
          // this one running): one more pass, unless the collector asked to wait. Checked after
          // the last await, so no flush() can slip in between this and the end of this one.
          more &&= again
        }
      } catch (e) {
        warn('delivery error:', e)
        schedule(backoff(++failures, deps.random))
      } finally {
        running = null
      }
    })())
  }

  /**
   * The page is going away (or may be): send this page's own answers with keepalive, at once and
   * without waiting for the lock, within the 64 KiB keepalive budget. They stay stored until a
   * 2xx is seen; if the page is gone first, the next visit sends them again with the same id.
   */
  const sendNow = (includeHeld: boolean) => {
    let budget = limits.batchBytes
    // Rate limited, or no format (yet): the next visit sends them.
    if (performance.now() < waitUntil || !send) return
    for (const batch of batches([...mine.values()].filter((e) => !inflight.has(e.answer.id) && (includeHeld || !e.hold)))) {
      const b = body(batch)
      if ((budget -= b.length) < 0) break
      batch.forEach((e) => inflight.add(e.answer.id))
      void (send as Send)(endpoint, b, { keepalive: true, timeout: limits.timeout, headers: deps.headers }).then((res) => {
        batch.forEach((e) => inflight.delete(e.answer.id))
        if (verdict(res) == 'sent') return confirmed(batch)
      })
    }
  }

  const listeners: [EventTarget, string, () => void][] = [
    [window, 'pagehide', () => sendNow(true)],
    [document, 'visibilitychange', () => (document.visibilityState == 'hidden' ? sendNow(false) : schedule(0))],
  ]

  return {
    added(stored: StoredAnswer, storing?: boolean): void {
      mine.set(stored.answer.id, stored)
      // Held: the final version (the comment step over) comes later, under the same id.
      if (!stored.hold && !storing) void flush()
    },
    flush,
    /**
     * Forgets every answer this visitor has queued or set aside (consent withdrawn): nothing
     * stored before this call is ever sent, and nothing of it stays in IndexedDB.
     */
    async clear(): Promise<void> {
      mine.clear()
      cleared++
      // The hint stays set until the next pass finds the outbox empty.
      await store.del()
    },
    online(): void {
      failures = 0
      schedule(startJitter(deps.random))
    },
    start(): void {
      listeners.forEach(([t, type, fn]) => t.addEventListener(type, fn))
      schedule(startJitter(deps.random))
    },
    stop(): void {
      stopped = true
      clearTimeout(timer)
      listeners.forEach(([t, type, fn]) => t.removeEventListener(type, fn))
    },
  }
}
