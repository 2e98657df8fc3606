import { createStore, promisifyRequest as done, type UseStore } from 'idb-keyval'
import type { Store } from '../contract'
import { DB, QUEUED } from '../shared/keys'
import { warn } from '../shared/log'
import { markQueued, underHint } from './hint'

const STORE = 'outbox'

const isClosed = (e: unknown) => (e as Error)?.name == 'InvalidStateError'
const isQuota = (e: unknown) => (e as Error)?.name == 'QuotaExceededError'

/**
 * Key-value storage of the outbox: IndexedDB through idb-keyval (a database of its own), with an
 * in-memory map beside it for whatever IndexedDB cannot hold (missing, private mode, quota).
 * Reading merges both, so an answer is never lost between the two.
 */
export const createOutboxStore = (report: (reason: string) => void = () => {}): Store => {
  const mem = new Map<string, unknown>()
  let use: UseStore | null = null
  let broken = false

  // Opened on first use, never at import time. idb-keyval caches the connection; when the
  // browser closes it under us (InvalidStateError) a fresh store reopens it, once per call.
  const idb = async <T>(op: (s: UseStore) => Promise<T>): Promise<T> => {
    if (broken || typeof indexedDB == 'undefined') throw new Error('IndexedDB is not available')
    try {
      return await op((use ??= createStore(DB, STORE)))
    } catch (e) {
      if (!isClosed(e)) throw e
      use = createStore(DB, STORE)
      return op(use)
    }
  }

  const fallBack = (e: unknown) => {
    if (!broken) {
      const reason = 'IndexedDB cannot be used (' + ((e as Error)?.name || e) + ')'
      warn(reason + '; answers kept in memory.')
      report(reason)
    }
    broken = true
  }

  return {
    async all() {
      let stored: [string, unknown][] = []
      try {
        stored = await idb((use) =>
          use('readonly', (s) =>
            Promise.all([done(s.getAllKeys()), done(s.getAll())]).then(([k, v]) => k.map((key, i): [string, unknown] => [key as string, v[i]])),
          ),
        )
      } catch (e) {
        fallBack(e)
      }
      const seen = new Set(stored.map(([k]) => k))
      for (const [k, v] of mem) if (!seen.has(k)) stored.push([k, v])
      return stored
    },
    // Every write holds the hint's lock; one that queues an answer sets the hint first: a crash
    // after it, before the write, costs one needless look next time.
    set: (list) =>
      underHint(async () => {
        if (list.some(([k]) => k.startsWith(QUEUED))) markQueued()
        try {
          await idb((use) => use('readwrite', (s) => (list.forEach(([k, v]) => s.put(v, k)), done(s.transaction))))
          for (const [k] of list) mem.delete(k)
        } catch (e) {
          if (isQuota(e)) {
            report('storage full')
            warn('storage full; answer kept in memory.')
          } else fallBack(e)
          for (const [k, v] of list) mem.set(k, v)
        }
      }),
    // Under the same lock: a delete (consent withdrawn) cannot overtake a write queued before it.
    del: (keys) =>
      underHint(async () => {
        for (const k of keys) mem.delete(k)
        try {
          await idb((use) => use('readwrite', (s) => (keys.forEach((k) => s.delete(k)), done(s.transaction))))
        } catch (e) {
          fallBack(e)
        }
      }),
  }
}
