import { IDBDatabase as FakeDatabase, IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOutboxStore } from './store'
// Read as the delivery engine reads it.
import { withReader } from '../delivery/store'

// IndexedDB as fake-indexeddb has it, with faults that a test can switch on for the next write or
// read: the next transaction of that kind throws, as a browser's does on a closing connection.
const fault: { set?: Error; all?: Error } = {}
// Switched on by a test: the next write's transaction never completes, as WebKit's do when an
// earlier page was left in the middle of one.
let hang = false
const transaction = FakeDatabase.prototype.transaction

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  vi.spyOn(FakeDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, names, mode) {
    const which = mode == 'readonly' ? 'all' : mode == 'readwrite' ? 'set' : undefined
    const e = which && fault[which]
    if (e) throw ((fault[which] = undefined), e)
    if (hang && which == 'set') {
      hang = false
      const silent = { transaction: {}, put() {}, delete() {}, clear() {} }
      return { objectStore: () => silent } as unknown as IDBTransaction
    }
    return transaction.call(this, names, mode)
  })
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

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

  it('counts a write that gets no answer within 5 s as a fault: the answer is kept in memory, once said', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const report = vi.fn()
    const store = withReader(createOutboxStore(report))
    await store.set([['q:1', 1]])
    hang = true
    let stored = false
    const write = store.set([['q:2', 2]]).then(() => (stored = true))
    await vi.advanceTimersByTimeAsync(4900)
    expect(stored).toBe(false)
    await vi.advanceTimersByTimeAsync(100)
    await write
    expect(report).toHaveBeenCalledWith('IndexedDB cannot be used (TimeoutError)')
    expect(console.warn).toHaveBeenCalledTimes(1)
    // Memory holds the page's answers from then on; what IndexedDB held stays there for a later page.
    expect(await store.all()).toEqual([['q:2', 2]])
    await store.set([['q:3', 3]])
    expect((await store.all()).map(([k]) => k)).toEqual(['q:2', 'q:3'])
  })
})
