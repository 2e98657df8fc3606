import { createStore, promisifyRequest as done, type UseStore } from 'idb-keyval'
import type { CoreStore } from '../contract'
import { DB, QUEUED } from '../shared/keys'
import { warn } from '../shared/log'
import { markQueued, underHint } from './hint'

const STORE = 'outbox'

const isClosed = (e: unknown) => (e as Error)?.name == 'InvalidStateError'

/**
 * Key-value storage of the outbox: IndexedDB through idb-keyval (a database of its own), with an
 * in-memory map beside it for whatever IndexedDB cannot hold (missing, private mode, quota).
 * The core writes and deletes; the delivery engine reads both halves (src/delivery/store.ts).
 */
export const createOutboxStore = (report: (reason: string) => void = () => {}): CoreStore => {
  const mem = new Map<string, unknown>()
  let use: UseStore | undefined
  let broken = false

  // One transaction: `fn` makes its requests, and it resolves to whether it completed. Opened on
  // first use, never at import time. idb-keyval caches the connection; when the browser closes it
  // under us (InvalidStateError) a fresh store reopens it, once per call. A full quota is said at
  // each write; any other fault (IndexedDB missing, blocked) once, and memory is used from then on.
  const tx = async (mode: IDBTransactionMode, fn: (s: IDBObjectStore) => void): Promise<boolean> => {
    for (let retry = 1; !broken; retry = 0)
      try {
        await (use ??= createStore(DB, STORE))(mode, (s) => (fn(s), done(s.transaction)))
        return true
      } catch (e) {
        if (retry && isClosed(e)) {
          use = undefined
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
    del: (keys) =>
      underHint(async () => {
        keys ? keys.forEach((k) => mem.delete(k)) : mem.clear()
        await tx('readwrite', (s) => (keys ? keys.forEach((k) => s.delete(k)) : s.clear()))
      }),
  }
}
