import type { Answer } from '../answer'
import type { Emitter } from '../events'
import { debug, warn } from '../log'
import { backoff, startJitter } from './backoff'
import { withLock } from './lock'
import { createOutboxStore, type Store } from './store'
import { post, verdict, type PostResult } from './transport'

/** One stored answer. `hold` keeps it back while its visitor is still writing a comment. */
export interface Entry {
  a: Answer
  ep: string
  tries: number
  hold?: string
  holdUntil?: number
}

// Keys: queued answers, answers set aside (rejected or corrupt), and the collector's Retry-After.
const Q = 'q:'
const X = 'x:'
const WAIT = 'm:wait'

export const limits = {
  /** Stored answers at most; the oldest beyond it are dropped, and reported. */
  maxAnswers: 200,
  /** Answers older than this *and* tried this often are dropped, and reported. */
  maxAgeMs: 30 * 864e5,
  minTriesToExpire: 10,
  /** Longest Retry-After honoured; a stored wait further away than this means the clock went back. */
  maxWait: 3_600_000,
  /** How long other tabs leave an answer alone while its comment is being written. */
  holdMs: 120_000,
  /** Bytes per POST; keepalive requests share a 64 KiB budget per page. */
  batchBytes: 60_000,
  timeout: 10_000,
}

export interface OutboxDeps {
  endpoint: string
  version: string
  emit: Emitter['emit']
  store?: Store
  post?: (endpoint: string, body: string, o?: { keepalive?: boolean; timeout?: number }) => Promise<PostResult>
  now?: () => number
  random?: () => number
}

const isEntry = (v: unknown): v is Entry => {
  const a = (v as Entry)?.a
  return !!a && typeof a.id == 'string' && typeof a.touchpoint == 'string' && typeof a.score == 'number' && typeof a.createdAt == 'string'
}

export const createOutbox = (deps: OutboxDeps) => {
  const { endpoint, emit } = deps
  const now = deps.now ?? Date.now
  const send = deps.post ?? post
  const store = deps.store ?? createOutboxStore((reason) => emit('failed', { answer: null, status: null, reason, permanent: false }))
  // Identifies this page, so the comment hold is released at once when this page goes away.
  const session = Math.random().toString(36).slice(2)
  const mine = new Map<string, Entry>() // answers this page created and has not seen confirmed
  const inflight = new Set<string>()
  let failures = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let timerAt = Infinity
  let running: Promise<void> | null = null
  let again = false
  let stopped = false

  const body = (list: Entry[]) =>
    JSON.stringify({
      sdk: { name: 'touchpoint', version: deps.version },
      sentAt: new Date(now()).toISOString(),
      answers: list.map((e) => e.a),
    })

  // Groups answers into POSTs of at most batchBytes each (an oversized answer travels alone).
  const batches = (list: Entry[]): Entry[][] => {
    const out: Entry[][] = []
    let cur: Entry[] = []
    let size = 0
    for (const e of list) {
      const n = JSON.stringify(e.a).length + 1
      if (cur.length && size + n > limits.batchBytes - 200) {
        out.push(cur)
        cur = []
        size = 0
      }
      cur.push(e)
      size += n
    }
    if (cur.length) out.push(cur)
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

  const confirmed = async (list: Entry[]) => {
    await store.del(list.map((e) => Q + e.a.id))
    failures = 0
    for (const e of list) {
      mine.delete(e.a.id)
      debug('delivered', e.a.id)
      emit('sent', e.a)
    }
  }

  const setAside = async (e: Entry | unknown, key: string, status: number | null, reason: string) => {
    await store.set([[X + key, e]])
    await store.del([Q + key])
    const answer = isEntry(e) ? e.a : null
    if (answer) mine.delete(answer.id)
    warn('answer ' + key + ' was ' + reason + '; kept aside, not sent again.')
    emit('failed', { answer, status, reason, permanent: true })
  }

  const drop = async (list: Entry[], reason: string) => {
    if (!list.length) return
    await store.del(list.map((e) => Q + e.a.id))
    warn(list.length + ' answer(s) dropped: ' + reason + '.')
    for (const e of list) emit('failed', { answer: e.a, status: null, reason, permanent: true })
  }

  // One pass over the outbox, run while holding the cross-tab lock. Resolves false when the
  // collector cannot take more now (a retry is scheduled), so no second pass hurries after it.
  const pass = async (): Promise<boolean> => {
    const t = now()
    let wait = 0
    const queued: Entry[] = []
    for (const [k, v] of await store.all()) {
      if (k == WAIT) wait = Number(v) || 0
      else if (k.startsWith(Q)) {
        if (!isEntry(v)) await setAside(v, k.slice(Q.length), null, 'a corrupt record')
        else if (v.ep == endpoint) queued.push(v)
      }
    }
    // A wait further away than we ever set means the clock went back: do not stall on it.
    if (wait > t && wait - t <= limits.maxWait) return schedule(wait - t), false

    queued.sort((x, y) => (x.a.createdAt < y.a.createdAt ? -1 : 1))
    // Age needs enough failed tries too, so a wall-clock jump forward expires nothing early.
    const old = queued.filter(
      (e) => t - Date.parse(e.a.createdAt) > limits.maxAgeMs && e.tries >= limits.minTriesToExpire,
    )
    let kept = queued.filter((e) => !old.includes(e))
    const over = kept.slice(0, Math.max(0, kept.length - limits.maxAnswers))
    kept = kept.slice(over.length)
    await drop(old, 'too old (' + limits.maxAgeMs / 864e5 + ' days)')
    await drop(over, 'outbox full (' + limits.maxAnswers + ' answers)')

    const ready = kept.filter((e) => !e.hold || (e.hold != session && (e.holdUntil ?? 0) <= t))
    const todo = batches(ready)
    while (todo.length && !stopped) {
      const batch = todo.shift()!
      batch.forEach((e) => inflight.add(e.a.id))
      const res = await send(endpoint, body(batch), { timeout: limits.timeout })
      batch.forEach((e) => inflight.delete(e.a.id))
      const v = verdict(res)
      debug('POST', batch.length, 'answer(s):', res.status || 'no response', v)
      if (v == 'sent') await confirmed(batch)
      else if (v == 'reject') {
        // Which answer did the collector refuse? Send them one by one to find out.
        if (batch.length > 1) todo.unshift(...batch.map((e) => [e]))
        else await setAside(batch[0], batch[0]!.a.id, res.status, 'rejected with HTTP ' + res.status)
      } else {
        let ms: number
        if (v == 'wait') {
          ms = Math.min(res.retryAfter!, limits.maxWait)
          await store.set([[WAIT, now() + ms]]) // survives a reload
        } else {
          ms = backoff(++failures, deps.random)
          await store.set(batch.map((e) => [Q + e.a.id, { ...e, tries: e.tries + 1 }]))
        }
        const reason = res.status ? 'HTTP ' + res.status : 'no response (offline, CORS or timeout)'
        debug('next try in', ms, 'ms:', reason)
        for (const e of batch) emit('failed', { answer: e.a, status: res.status || null, reason, permanent: false })
        return schedule(ms), false
      }
    }
    return true
  }

  const flush = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    if (running) {
      again = true
      return running
    }
    clearTimeout(timer)
    timerAt = Infinity
    running = (async () => {
      try {
        let more = true
        while (more && !stopped) {
          again = false
          more = (await withLock('touchpoint-outbox', pass)) && again
        }
      } catch (e) {
        warn('delivery error:', e)
        schedule(backoff(++failures, deps.random))
      } finally {
        running = null
      }
    })()
    return running
  }

  /**
   * The page is going away (or may be): send this page's own answers with keepalive, at once and
   * without waiting for the lock, within the 64 KiB keepalive budget. They stay stored until a
   * 2xx is seen; if the page is gone first, the next visit sends them again with the same id.
   */
  const sendNow = (includeHeld: boolean) => {
    let budget = limits.batchBytes
    const list = [...mine.values()].filter((e) => !inflight.has(e.a.id) && (includeHeld || !e.hold))
    for (const batch of batches(list)) {
      const b = body(batch)
      if (b.length > budget) break
      budget -= b.length
      batch.forEach((e) => inflight.add(e.a.id))
      void send(endpoint, b, { keepalive: true, timeout: limits.timeout }).then(async (res) => {
        batch.forEach((e) => inflight.delete(e.a.id))
        if (verdict(res) == 'sent') await confirmed(batch)
      })
    }
  }

  const onOnline = () => {
    failures = 0
    schedule(startJitter(deps.random))
  }
  const onVisibility = () => {
    if (document.visibilityState == 'hidden') sendNow(false)
  }
  const onPageHide = () => sendNow(true)

  return {
    /** Stores the answer, then sends it (unless held for a comment). Resolves once stored. */
    async add(a: Answer, hold = false): Promise<void> {
      const e: Entry = { a, ep: endpoint, tries: 0 }
      if (hold) {
        e.hold = session
        e.holdUntil = now() + limits.holdMs
      }
      mine.set(a.id, e)
      await store.set([[Q + a.id, e]])
      if (!hold) void flush()
    },
    /** Ends the hold of an answer, with its final fields, and sends it. */
    async release(a: Answer): Promise<void> {
      const e: Entry = { a, ep: endpoint, tries: 0 }
      mine.set(a.id, e)
      await store.set([[Q + a.id, e]])
      void flush()
    },
    flush,
    start(): void {
      addEventListener('online', onOnline)
      addEventListener('pagehide', onPageHide)
      document.addEventListener('visibilitychange', onVisibility)
      schedule(startJitter(deps.random))
    },
    stop(): void {
      stopped = true
      clearTimeout(timer)
      removeEventListener('online', onOnline)
      removeEventListener('pagehide', onPageHide)
      document.removeEventListener('visibilitychange', onVisibility)
    },
  }
}
export type Outbox = ReturnType<typeof createOutbox>
