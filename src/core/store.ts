import type { CoreStore } from '../contract'
import { DB, QUEUED } from '../shared/keys'
import { warn } from '../shared/log'
import { markQueued, outboxExists, underHint } from './hint'

const STORE = 'outbox'

/**
 * Longest an outbox call may take. WebKit keeps the transaction of a page left in the middle of
 * one open, and the site's next pages then wait for their own writes without end (README
 * "Browser support"): after this long the store counts as broken and memory holds the page's
 * answers, which the delivery engine sends as usual. A call that ends later does no harm: an
 * answer both in memory and stored is sent twice at most, and the collector keeps one per id.
 */
const LIMIT_MS = 5000

const isClosed = (e: unknown) => (e as Error)?.name == 'InvalidStateError'

/** Resolves to a request's result, or when a transaction completes; rejects with its error. */
const done = <T>(r: IDBRequest<T> | IDBTransaction): Promise<T> =>
  new Promise((ok, fail) => {
    ;(r as IDBRequest).onsuccess = (r as IDBTransaction).oncomplete = () => ok((r as IDBRequest<T>).result)
    ;(r as IDBRequest).onerror = (r as IDBTransaction).onabort = () => fail(r.error)
  })

/** Opens the outbox's database (a database of its own, one object store), creating it on first use. */
const open = (): Promise<IDBDatabase> => {
  const r = indexedDB.open(DB)
  r.onupgradeneeded = () => r.result.createObjectStore(STORE)
  return done(r)
}

/**
 * Key-value storage of the outbox: IndexedDB (a database of its own, opened by hand: idb-keyval's
 * opener cost the core 37 B more (brotli) for what these ten lines do), with an
 * in-memory map beside it for whatever IndexedDB cannot hold (missing, private mode, quota).
 * The core writes and deletes; the delivery engine reads both halves (src/delivery/store.ts).
 */
export const createOutboxStore = (report: (reason: string) => void = () => {}): CoreStore => {
  const mem = new Map<string, unknown>()
  let db: Promise<IDBDatabase> | undefined
  let broken = false

  // One transaction: `fn` makes its requests, and it resolves to whether it completed. Opened on
  // first use, never at import time. The connection is kept; when the browser closes it under us
  // (InvalidStateError) it is opened again, once per call. A full quota is said at each write; any
  // other fault (IndexedDB missing, blocked, no answer within LIMIT_MS) once, and memory is used
  // from then on.
  const tx = async (mode: IDBTransactionMode, fn: (s: IDBObjectStore) => void): Promise<boolean> => {
    for (let retry = 1; !broken; retry = 0)
      try {
        await Promise.race([
          (async () => {
            const s = (await (db ??= open())).transaction(STORE, mode).objectStore(STORE)
            fn(s)
            await done(s.transaction)
          })(),
          new Promise((_, fail) => setTimeout(fail, LIMIT_MS, { name: 'TimeoutError' })),
        ])
        return true
      } catch (e) {
        if (retry && isClosed(e)) {
          db = undefined
          continue
        }
        const name = (e as Error)?.name
        const reason = name == 'QuotaExceededError' ? 'storage full' : 'IndexedDB cannot be used (' + (name || e) + ')'
        warn(reason + '; answers kept in memory.')
        report(reason)
        broken = reason != 'storage full'
        break
      }
    return false
  }

  return {
    tx,
    mem,
    // Every write holds the hint's lock; one that queues an answer sets the hint first: a crash
    // after it, before the write, costs one needless look next time.
    set: (list) =>
      underHint(async () => {
        if (list.some(([k]) => k.startsWith(QUEUED))) markQueued()
        const stored = await tx('readwrite', (s) => list.forEach(([k, v]) => s.put(v, k)))
        for (const [k, v] of list) stored ? mem.delete(k) : mem.set(k, v)
      }),
    // Under the same lock: a delete (consent withdrawn) cannot overtake a write queued before it.
    // Erasing everything where the browser has no outbox database opens none: creating an empty
    // one would make every later page read the hint at load (src/core/hint.ts). Asked under the
    // lock, which every write holds, so no first write can be creating it meanwhile.
    del: (keys) =>
      underHint(async () => {
        keys ? keys.forEach((k) => mem.delete(k)) : mem.clear()
        if (keys || (await outboxExists())) await tx('readwrite', (s) => (keys ? keys.forEach((k) => s.delete(k)) : s.clear()))
      }),
  }
}
