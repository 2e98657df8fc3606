import { IDBFactory } from 'fake-indexeddb'
import { createStore, entries, set } from 'idb-keyval'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Answer } from '../contract'
import { createOutbox } from '../delivery/outbox'
import { createQueue } from './queue'
import { testAnswer } from '../shared/test-answer'

const EP = 'https://collector.example.com/v1/responses'
const answer = (id: string): Answer => testAnswer(id)
const stored = async () =>
  (await entries<string, { answer: Answer }>(createStore('touchpoint', 'outbox'))).filter(([k]) => k.startsWith('q:')).map(([, v]) => v.answer.id)

// The delivery engine as the core fetches it: counted, failing on demand, posting to a fake.
const posts: string[] = []
const keepalives: string[] = []
let engineMissing = false
let loads = 0
const delivery = async () => {
  loads++
  if (engineMissing) throw new Error('Failed to fetch dynamically imported module')
  return {
    createOutbox: (deps: Parameters<typeof createOutbox>[0]) =>
      createOutbox({
        ...deps,
        post: async (_ep, body, o) => (posts.push(body), o?.keepalive && keepalives.push(body), { status: 200, retryAfter: null }),
        random: () => 0,
      }),
  }
}
const queues: { stop(): void }[] = []
const make = () => {
  const q = createQueue({ endpoint: EP, version: '0.1.0', emit: () => {}, delivery })
  queues.push(q)
  return q
}
const until = async (what: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await what()); i++) await new Promise((r) => setTimeout(r, 10))
  expect(await what()).toBe(true)
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  localStorage.clear()
  posts.length = keepalives.length = loads = 0
  engineMissing = false
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  queues.splice(0).forEach((q) => q.stop())
  vi.restoreAllMocks()
})

describe('queue: the core part of the outbox', () => {
  it('a page with nothing queued never fetches the delivery engine', async () => {
    const q = make()
    q.start()
    await q.flush()
    await new Promise((r) => setTimeout(r, 50))
    expect(loads).toBe(0)
  })

  it('an answer an earlier visit left queued makes it fetch the engine, which delivers it', async () => {
    // As the earlier visit did: the hint first, then the answer.
    localStorage.setItem('touchpoint:queued', '1')
    await set('q:old', { answer: answer('old'), endpoint: EP, tries: 1 }, createStore('touchpoint', 'outbox'))
    make().start()
    await until(() => posts.length == 1)
    expect(JSON.parse(posts[0]!).answers[0].id).toBe('old')
    await until(async () => (await stored()).length == 0)
  })

  it('stores an answer even when the engine cannot be fetched, says which file, and sends it on the next try', async () => {
    engineMissing = true
    const q = make()
    await q.add(answer('a1'))
    expect(await stored()).toEqual(['a1'])
    expect(posts).toEqual([])
    expect(vi.mocked(console.warn).mock.calls.map((c) => c.join(' ')).join('\n')).toMatch(/could not load .*delivery.*stay stored/)
    engineMissing = false
    await q.flush()
    await until(() => posts.length == 1)
    await until(async () => (await stored()).length == 0)
  })

  it('an answer stored while the engine could not be fetched (offline) is sent when the page comes online', async () => {
    engineMissing = true
    const q = make()
    q.start()
    await q.add(answer('a3'))
    engineMissing = false
    dispatchEvent(new Event('online'))
    await until(() => posts.length == 1)
    expect(JSON.parse(posts[0]!).answers[0].id).toBe('a3')
  })

  it('clear() erases what is queued, with or without the engine', async () => {
    engineMissing = true
    const q = make()
    await q.add(answer('a2'))
    await q.clear()
    expect(await stored()).toEqual([])
  })

  it('a page hidden while the answer is still being written sends it with keepalive', async () => {
    const q = make()
    q.start()
    q.prepare()
    await until(() => loads == 1)
    await new Promise((r) => setTimeout(r, 0)) // the engine is made and running
    // The page goes in the same moment: the write to IndexedDB has only begun.
    const adding = q.add(answer('closing'))
    dispatchEvent(new Event('pagehide'))
    expect(keepalives.map((b) => JSON.parse(b).answers[0].id)).toEqual(['closing'])
    await adding
    // The collector's 2xx, once the write has landed, removes it.
    await until(async () => (await stored()).length == 0)
  })

  it('writes each answer once: the queue stores it, the engine only hears of it', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put')
    const q = make()
    q.start()
    await q.add(answer('once'))
    await until(() => posts.length == 1)
    expect(put.mock.calls.filter(([, key]) => key == 'q:once')).toHaveLength(1)
  })

  it('listens for online once, with the engine running too', async () => {
    const add = vi.spyOn(window, 'addEventListener')
    const q = make()
    q.start()
    await q.add(answer('a4'))
    await until(() => posts.length == 1)
    expect(add.mock.calls.filter(([type]) => type == 'online')).toHaveLength(1)
  })
})
