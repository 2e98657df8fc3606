import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// idb-keyval as it is, with faults that a test can switch on for the next write or read.
const fault: { set?: Error; all?: Error } = {}
vi.mock('idb-keyval', async (orig) => {
  const real = await orig<typeof import('idb-keyval')>()
  return {
    ...real,
    createStore: (db: string, name: string) => {
      const use = real.createStore(db, name)
      return ((mode: IDBTransactionMode, fn: (s: IDBObjectStore) => unknown) => {
        const which = mode == 'readonly' ? 'all' : 'set'
        const e = fault[which]
        fault[which] = undefined
        return e ? Promise.reject(e) : use(mode, fn as never)
      }) as typeof use
    },
  }
})
const { createOutboxStore } = await import('./store')
// Read as the delivery engine reads it.
const { withReader } = await import('../delivery/store')

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => vi.restoreAllMocks())

describe('outbox store', () => {
  it('keeps an answer in memory when the quota is exceeded, and reports it', async () => {
    const report = vi.fn()
    const store = withReader(createOutboxStore(report))
    fault.set = new DOMException('full', 'QuotaExceededError')
    await store.set([['q:1', { v: 1 }]])
    expect(await store.all()).toEqual([['q:1', { v: 1 }]])
    expect(report).toHaveBeenCalledWith('storage full')
    
    await store.set([['q:2', { v: 2 }]])
    expect((await store.all()).map(([k]) => k).sort()).toEqual(['q:1', 'q:2'])
    await store.del(['q:1', 'q:2'])
    expect(await store.all()).toEqual([])
  })

  it('reopens a connection the browser closed', async () => {
    const store = withReader(createOutboxStore())
    await store.set([['q:1', 1]])
    fault.all = new DOMException('The database connection is closing.', 'InvalidStateError')
    expect(await store.all()).toEqual([['q:1', 1]])

    expect(console.warn).not.toHaveBeenCalled()
  })

  it('falls back to memory for good on any other fault, warning once', async () => {
    const report = vi.fn()
    const store = withReader(createOutboxStore(report))
    fault.set = new DOMException('nope', 'UnknownError')
    await store.set([['q:1', 1]])
    await store.set([['q:2', 2]])

    expect((await store.all()).map(([k]) => k)).toEqual(['q:1', 'q:2'])
    expect(console.warn).toHaveBeenCalledTimes(1)
    expect(report).toHaveBeenCalledTimes(1)
  })
})
