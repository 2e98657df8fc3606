import { IDBFactory } from 'fake-indexeddb'
import { createStore, entries, set } from 'idb-keyval'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Answer, StoredAnswer } from '../contract'
import { drained } from '../delivery/hint'
import { createOutbox } from '../delivery/outbox'
import { withReader } from '../delivery/store'
import { mayBeQueued } from './hint'
import { createQueue } from './queue'
import { createOutboxStore } from './store'
import { fakeLocks } from '../shared/fake-locks'
import { testAnswer } from '../shared/test-answer'

// The hint that the outbox may hold answers (src/core/hint.ts): it lets a page with nothing
// queued skip IndexedDB at load, and must never say "empty" while an answer is queued.
const EP = 'https://collector.example.com/v1/responses'
const HINT = 'touchpoint:queued'
const answer = (id: string): Answer => testAnswer(id)
const record = (id: string): StoredAnswer => ({ answer: answer(id), endpoint: EP, tries: 0 })
const queuedIds = async () =>
  (await entries<string, unknown>(createStore('touchpoint', 'outbox'))).filter(([k]) => k.startsWith('q:')).map(([k]) => k.slice(2))

const posts: string[] = []
const delivery = async () => ({
  createOutbox: (deps: Parameters<typeof createOutbox>[0]) =>
    createOutbox({ ...deps, post: async (_ep, body) => (posts.push(body), { status: 200, retryAfter: null }), random: () => 0 }),
})
const queues: { stop(): void }[] = []
const page = () => {
  const q = createQueue({ endpoint: EP, version: '0.1.0', emit: () => {}, delivery })
  queues.push(q)
  return q
}
const until = async (what: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await what()); i++) await new Promise((r) => setTimeout(r, 10))
  expect(await what()).toBe(true)
}
const tick = () => new Promise((r) => setTimeout(r, Math.random() * 3))

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  localStorage.clear()
  posts.length = 0
  vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() })
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  queues.splice(0).forEach((q) => q.stop())
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('the "maybe queued" hint', () => {
  it('a page with nothing queued never opens IndexedDB at load', async () => {
    const open = vi.spyOn(indexedDB, 'open')
    page().start()
    await new Promise((r) => setTimeout(r, 30))
    expect(open).not.toHaveBeenCalled()
  })

  it('is set before the answer is written, and cleared once the answer is delivered', async () => {
    let hintAtWrite: string | null | undefined
    const put = IDBObjectStore.prototype.put
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...a) {
      hintAtWrite ??= localStorage.getItem(HINT)
      return put.apply(this, a)
    })
    await page().add(answer('a'))
    expect(hintAtWrite).toBeTruthy()
    await until(() => posts.length == 1)
    await until(() => !mayBeQueued())
  })

  it('a browser without the outbox database (nobody answered here yet): the hint is not even read', async () => {
    const databases = vi.spyOn(indexedDB, 'databases')
    const read = vi.spyOn(localStorage, 'getItem')
    const open = vi.spyOn(indexedDB, 'open')
    page().start()
    await until(() => databases.mock.calls.length > 0)
    await databases.mock.results[0]!.value
    await new Promise((r) => setTimeout(r, 30))
    expect(read).not.toHaveBeenCalled()
    expect(open).not.toHaveBeenCalled()
  })

  it('consent withdrawn in a browser without the outbox database creates none, so later pages still skip the hint', async () => {
    const q = page()
    const open = vi.spyOn(indexedDB, 'open')
    await q.clear()
    expect(open).not.toHaveBeenCalled()
    expect((await indexedDB.databases()).map((d) => d.name)).toEqual([])
    // With the database there (an answer an earlier page left), the same call erases what it holds.
    await set('q:left', record('left'), createStore('touchpoint', 'outbox'))
    expect(await queuedIds()).toEqual(['left'])
    await page().clear()
    expect(await queuedIds()).toEqual([])
  })

  it('where the databases cannot be listed, the hint decides', async () => {
    vi.spyOn(indexedDB, 'databases').mockRejectedValue(new Error('not here'))
    await set('q:left', record('left'), createStore('touchpoint', 'outbox'))
    localStorage.setItem(HINT, 'x')
    page().start()
    await until(() => posts.length == 1)
  })

  it('a crash between the hint and the first write: no database was created, the next page opens none', async () => {
    localStorage.setItem(HINT, 'left by a crashed tab')
    const open = vi.spyOn(indexedDB, 'open')
    page().start()
    await new Promise((r) => setTimeout(r, 30))
    expect(open).not.toHaveBeenCalled()
    expect(posts).toEqual([])
  })

  it('a crash between the hint and a later write: the engine of the next page looks, finds nothing, clears it', async () => {
    // An earlier answer, delivered: the database exists and is empty.
    await set('m:wait', 0, createStore('touchpoint', 'outbox'))
    localStorage.setItem(HINT, 'left by a crashed tab')
    page().start()
    await until(() => !mayBeQueued())
    expect(posts).toEqual([])
  })

  it('a crash after the write: the next page delivers the answer', async () => {
    localStorage.setItem(HINT, 'x')
    await set('q:left', record('left'), createStore('touchpoint', 'outbox'))
    page().start()
    await until(() => posts.length == 1)
    expect(JSON.parse(posts[0]!).answers[0].id).toBe('left')
    await until(() => !mayBeQueued())
  })

  it('two tabs racing: one drains the outbox while the other stores; every queued answer keeps the hint set', async () => {
    const writer = createOutboxStore()
    const drainer = withReader(createOutboxStore())
    const locks = navigator.locks as unknown as { request: (n: string, fn: () => Promise<unknown>) => Promise<unknown> }
    const ids = Array.from({ length: 40 }, (_, i) => 'r' + i)
    // The writer stores answers at random moments; the drainer, holding the lock as the engine
    // does, deletes what it finds (as if delivered) and then clears the hint if it is empty.
    const writing = (async () => {
      for (const id of ids) {
        await tick()
        await writer.set([['q:' + id, record(id)]])
      }
    })()
    let done = false
    void writing.then(() => (done = true))
    const delivered: string[] = []
    while (!done) {
      await tick()
      await locks.request('touchpoint-outbox', async () => {
        const found = (await drainer.all()).map(([k]) => k).filter((k) => k.startsWith('q:'))
        await tick()
        await drainer.del(found)
        delivered.push(...found)
        await drained(drainer)
      })
      // The invariant, at every step: something queued means the hint is set.
      if ((await queuedIds()).length) expect(mayBeQueued()).toBe(true)
    }
    if ((await queuedIds()).length) expect(mayBeQueued()).toBe(true)
    // A later page view delivers whatever the race left.
    page().start()
    await until(async () => (await queuedIds()).length == 0)
    const sent = posts.flatMap((p) => (JSON.parse(p) as { answers: Answer[] }).answers.map((a) => a.id))
    expect(new Set([...delivered.map((k) => k.slice(2)), ...sent])).toEqual(new Set(ids))
  })

  it('a write under way holds the hint\'s lock: the drainer leaves the hint, and never waits for it', async () => {
    const writer = createOutboxStore()
    // The writer's IndexedDB write is slow: it holds the lock all along.
    let release = () => {}
    const slow = new Promise<void>((r) => (release = r))
    const writing = navigator.locks.request(HINT, async () => {
      localStorage.setItem(HINT, 'being written')
      await slow
    })
    // The outbox looks empty, but the write is under way: the hint stays, and drained() returns.
    await drained(withReader(createOutboxStore()))
    expect(mayBeQueued()).toBe(true)
    release()
    await writing
    await writer.set([['q:late', record('late')]])
    expect(mayBeQueued()).toBe(true)
    expect(await queuedIds()).toEqual(['late'])
  })

  it('without Web Locks the hint is never cleared: every load looks into IndexedDB, and delivers', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: undefined })
    await page().add(answer('a'))
    await until(() => posts.length == 1)
    await until(async () => (await queuedIds()).length == 0)
    expect(mayBeQueued()).toBe(true)
  })

  it('storage blocked (localStorage throws): IndexedDB is opened at load as before, and nothing is lost', async () => {
    await set('q:kept', record('kept'), createStore('touchpoint', 'outbox'))
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError')
    }
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked })
    expect(mayBeQueued()).toBe(true)
    const q = page()
    q.start()
    await until(() => posts.length == 1)
    await q.add(answer('new'))
    await until(() => posts.length == 2)
    expect(await queuedIds()).toEqual([])
  })
})
