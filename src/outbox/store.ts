import { createStore, entries, setMany, delMany, type UseStore } from 'idb-keyval'
import { warn } from '../log'

/**
 * Key-value storage of the outbox: IndexedDB through idb-keyval (a database of its own), with an
 * in-memory map beside it for whatever IndexedDB cannot hold (missing, private mode, quota).
 * Reading merges both, so an answer is never lost between the two.
 */
export interface Store {
  all(): Promise<[string, unknown][]>
  set(entries: [string, unknown][]): Promise<void>
  del(keys: string[]): Promise<void>
  /** True once IndexedDB has failed and everything lives in memory. */
  readonly memoryOnly: boolean
}

const DB = 'touchpoint'
const STORE = 'outbox'

const isClosed = (e: unknown) => (e as Error)?.name == 'InvalidStateError'
const isQuota = (e: unknown) => (e as Error)?.name == 'QuotaExceededError'

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
      warn(reason + '; answers are kept in memory and still sent.')
      report(reason)
    }
    broken = true
  }

  return {
    get memoryOnly() {
      return broken
    },
    async all() {
      let stored: [string, unknown][] = []
      try {
        stored = (await idb((s) => entries<string, unknown>(s))) as [string, unknown][]
      } catch (e) {
        fallBack(e)
      }
      const seen = new Set(stored.map(([k]) => k))
      for (const [k, v] of mem) if (!seen.has(k)) stored.push([k, v])
      return stored
    },
    async set(list) {
      try {
        await idb((s) => setMany(list, s))
        for (const [k] of list) mem.delete(k)
      } catch (e) {
        if (isQuota(e)) {
          warn('storage full; answer kept in memory and still sent.')
          report('storage quota exceeded')
        } else fallBack(e)
        for (const [k, v] of list) mem.set(k, v)
      }
    },
    async del(keys) {
      for (const k of keys) mem.delete(k)
      try {
        await idb((s) => delMany(keys, s))
      } catch (e) {
        fallBack(e)
      }
    },
  }
}
