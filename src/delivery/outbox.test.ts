import { IDBFactory } from 'fake-indexeddb'
import { createStore, entries, get, set } from 'idb-keyval'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createOutbox, limits } from './outbox'
import { createOutboxStore } from '../core/store'
import { toStored } from '../core/stored'
import type { Answer, CoreStore } from '../contract'
import type { PostResult } from './transport'
import { fakeLocks } from '../shared/fake-locks'
import { testAnswer } from '../shared/test-answer'

const EP = 'https://collector.example.com/v1/responses'
let n = 0
const answer = (over: Partial<Answer> = {}): Answer =>
  testAnswer('id-' + ++n, { createdAt: new Date(Date.now() + n).toISOString(), ...over })
const db = () => createStore('touchpoint', 'outbox')
const ok: PostResult = { status: 200, retryAfter: null }

type Script = (call: number, body: { answers: Answer[]; sentAt: string }) => PostResult | Promise<PostResult>
const open: { stop(): void }[] = []
const make = (script: Script = () => ok, extra: Record<string, unknown> = {}) => {
  const calls: { body: { answers: Answer[]; sentAt: string; sdk: unknown }; keepalive?: boolean }[] = []
  const events: [string, any][] = []
  const store = (extra.store as CoreStore | undefined) ?? createOutboxStore((reason) => void events.push(['failed', { answer: null, status: null, reason, permanent: false }]))
  const engine = createOutbox({
    endpoint: EP,
    version: '0.1.0',
    emit: (name, p) => void events.push([name, p]),
    post: async (_ep, body, o) => {
      const b = JSON.parse(body)
      calls.push({ body: b, keepalive: o?.keepalive })
      return script(calls.length, b)
    },
    random: () => 0.5,
    store,
    session: 'this-page',
    ...extra,
  })
  // What the core's queue does with each answer: store it first, then tell the engine.
  const add = async (a: Answer, hold = false) => {
    const stored = toStored(a, EP, hold && 'this-page', Date.now())
    await store.set([['q:' + a.id, stored]])
    engine.added(stored)
  }
  const ob = { ...engine, add }
  open.push(ob)
  const sentIds = () => calls.flatMap((c) => c.body.answers.map((a) => a.id))
  const named = (name: string) => events.filter(([e]) => e == name).map(([, p]) => p)
  return { ob, calls, events, sentIds, named }
}
const stored = async () => (await entries<string, any>(db())).filter(([k]) => k.startsWith('q:')).map(([, v]) => v.answer.id)
const aside = async () => (await entries<string, any>(db())).filter(([k]) => k.startsWith('x:')).map(([k]) => k.slice(2))

// Each test gets an empty IndexedDB, an in-page Web Locks stand-in, and quiet consoles.
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() })
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'info').mockImplementation(() => {})
})
afterEach(() => {
  open.splice(0).forEach((o) => o.stop())
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})
const timeouts = () => vi.spyOn(globalThis, 'setTimeout')
// The engine's last wait; the store's time limit on each IndexedDB call (a timer that rejects with
// a TimeoutError, src/core/store.ts) is not one.
const lastDelay = (spy: ReturnType<typeof timeouts>) =>
  spy.mock.calls.filter((c) => ((c as unknown[])[2] as Error | undefined)?.name != 'TimeoutError').at(-1)?.[1] as number

describe('outbox: the happy path', () => {
  it('stores an answer before sending it, and removes it only after a 2xx', async () => {
    let seenInStore = false
    const a = answer()
    const { ob, sentIds, named } = make(async () => {
      seenInStore = !!(await get('q:' + a.id, db()))
      return ok
    })
    await ob.add(a)
    await ob.flush()
    expect(seenInStore).toBe(true)
    expect(sentIds()).toEqual([a.id])
    expect(await stored()).toEqual([])
    expect(named('sent').map((x) => x.id)).toEqual([a.id])
  })

  it('sends the wire format: sdk, sentAt and the answers', async () => {
    const { ob, calls } = make()
    const a = answer()
    await ob.add(a)
    await ob.flush()
    expect(calls[0]!.body).toEqual({ sdk: { name: 'touchpoint', version: '0.1.0' }, sentAt: expect.any(String), answers: [a] })
  })

  it('delivers what an earlier page left in the store', async () => {
    const a = answer()
    await set('q:' + a.id, { answer: a, endpoint: EP, tries: 0 }, db())
    const { ob, sentIds } = make()
    await ob.flush()
    expect(sentIds()).toEqual([a.id])
  })

  it('leaves answers meant for another endpoint alone', async () => {
    const a = answer()
    await set('q:' + a.id, { answer: a, endpoint: 'https://other.example.com/', tries: 0 }, db())
    const { ob, calls } = make()
    await ob.flush()
    expect(calls).toEqual([])
  })

  it('holds an answer while its comment is written, then sends the final one', async () => {
    const { ob, sentIds, calls } = make()
    const a = answer()
    await ob.add(a, true)
    await ob.flush()
    expect(calls).toEqual([])
    await ob.add({ ...a, comment: 'quick' })
    await ob.flush()
    expect(sentIds()).toEqual([a.id])
    expect(calls[0]!.body.answers[0]!.comment).toBe('quick')
  })
  it('an answer added while a flush checks whether the outbox drained is still sent by that flush', async () => {
    // The start's flush found nothing and is checking, under the hint's lock, whether to clear
    // the hint, when the visitor's answer is stored and handed over: its flush() must not be lost
    // in the one that is ending (it was once: the answer waited for the next page).
    const locks = navigator.locks as unknown as { request: (...a: unknown[]) => Promise<unknown> }
    const request = locks.request.bind(locks)
    const a = answer()
    let late: Promise<void> | undefined
    const { ob, sentIds } = make()
    locks.request = (name, o, fn) => {
      if (fn && !late) late = ob.add(a) // the check is asked for: the answer arrives now
      return fn ? (late ?? Promise.resolve()).then(() => request(name, o, fn)) : request(name, o)
    }
    await ob.flush()
    await vi.waitFor(() => expect(sentIds()).toEqual([a.id]))
    expect(await stored()).toEqual([])
  })
})

describe('outbox: consent withdrawn', () => {
  it('clear() while a pass is reading the queue: the answer it read is never sent', async () => {
    const real = createOutboxStore()
    let release = () => {}
    let paused = false
    // The store's first read of the pass (its one read-only transaction) waits until the test lets it go.
    const store: CoreStore = {
      ...real,
      tx: async (mode, fn) => {
        const done = await real.tx(mode, fn)
        if (mode == 'readonly' && !paused) {
          paused = true
          await new Promise<void>((r) => (release = r))
        }
        return done
      },
    }
    const { ob, sentIds } = make(() => ok, { store })
    const a = answer()
    await ob.add(a)
    const pass = ob.flush()
    await vi.waitFor(() => expect(paused).toBe(true))
    await ob.clear()
    release()
    await pass
    await ob.flush()
    expect(sentIds()).toEqual([])
    expect(await stored()).toEqual([])
  })
})

describe('outbox: failures', () => {
  it('keeps the answer on 5xx and network errors, with growing waits, until a 2xx', async () => {
    const st = timeouts()
    const statuses = [500, 0, 503, 200]
    const { ob, sentIds, named } = make((i) => ({ status: statuses[i - 1]!, retryAfter: null }))
    const a = answer()
    await ob.add(a)
    const waits: number[] = []
    for (let i = 0; i < 3; i++) {
      await ob.flush()
      expect(await stored()).toEqual([a.id])
      waits.push(lastDelay(st))
    }
    expect(waits).toEqual([875, 1750, 3500]) // random() = 0.5 → 0.875 of each window
    expect(named('failed').every((f) => !f.permanent)).toBe(true)
    await ob.flush()
    expect(sentIds()).toEqual([a.id, a.id, a.id, a.id])
    expect(await stored()).toEqual([])
    expect(named('sent')).toHaveLength(1)
  })

  it('sets a rejected answer aside (4xx): reported, never sent again, not even after a reload', async () => {
    const { ob, named, calls } = make(() => ({ status: 400, retryAfter: null }))
    const a = answer()
    await ob.add(a)
    await ob.flush()
    expect(named('failed')).toEqual([{ answer: a, status: 400, reason: expect.stringContaining('400'), permanent: true }])
    expect(await stored()).toEqual([])
    expect(await aside()).toEqual([a.id])
    await ob.flush()
    const reloaded = make()
    await reloaded.ob.flush()
    expect(calls).toHaveLength(1)
    expect(reloaded.calls).toHaveLength(0)
  })

  it('finds the one rejected answer in a batch and delivers the others', async () => {
    const bad = answer({ touchpoint: 'bad' })
    const good = [answer(), answer()]
    const { ob, named } = make((_, b) =>
      b.answers.some((x) => x.touchpoint == 'bad') ? { status: 422, retryAfter: null } : ok,
    )
    for (const a of [good[0]!, bad, good[1]!]) await set('q:' + a.id, { answer: a, endpoint: EP, tries: 0 }, db())
    await ob.flush()
    expect(named('sent').map((x) => x.id).sort()).toEqual(good.map((x) => x.id).sort())
    expect(named('failed').map((f) => f.answer.id)).toEqual([bad.id])
    expect(await aside()).toEqual([bad.id])
  })

  it('honours Retry-After on 429: the whole outbox waits, also after a reload', async () => {
    const st = timeouts()
    const { ob, calls } = make(() => ({ status: 429, retryAfter: 3000 }))
    await ob.add(answer())
    await ob.flush()
    expect(lastDelay(st)).toBe(3000)
    const reloaded = make()
    await reloaded.ob.add(answer())
    await reloaded.ob.flush()
    expect(reloaded.calls).toHaveLength(0)
    expect(lastDelay(st)).toBeGreaterThan(2500)
    expect(calls).toHaveLength(1)
  })

  it('caps a huge Retry-After', async () => {
    const st = timeouts()
    const { ob } = make(() => ({ status: 503, retryAfter: 30 * 864e5 }))
    await ob.add(answer())
    await ob.flush()
    expect(lastDelay(st)).toBe(limits.maxWait)
  })

  it('does not stall on a stored wait when the clock went back', async () => {
    await set('m:wait', Date.now() + 10 * limits.maxWait, db())
    const { ob, sentIds } = make()
    const a = answer()
    await ob.add(a)
    await ob.flush()
    expect(sentIds()).toEqual([a.id])
  })
})

describe('outbox: batching', () => {
  it('sends queued answers together, each POST within the keepalive budget', async () => {
    const { ob, calls } = make()
    const many = Array.from({ length: 40 }, () => answer({ comment: 'x'.repeat(3000) }))
    for (const a of many) await set('q:' + a.id, { answer: a, endpoint: EP, tries: 0 }, db())
    await ob.flush()
    expect(calls.length).toBeGreaterThan(1)
    expect(calls.length).toBeLessThan(10)
    for (const c of calls) expect(JSON.stringify(c.body).length).toBeLessThanOrEqual(limits.batchBytes)
    expect(new Set(calls.flatMap((c) => c.body.answers.map((a) => a.id))).size).toBe(40)
    expect(await stored()).toEqual([])
  })
})

describe('outbox: limits and clock', () => {
  it('drops the oldest answers beyond the cap, reporting each', async () => {
    const { ob, named } = make(() => ({ status: 500, retryAfter: null }))
    const all = Array.from({ length: limits.maxAnswers + 3 }, () => answer())
    await Promise.all(all.map((a) => set('q:' + a.id, { answer: a, endpoint: EP, tries: 0 }, db())))
    await ob.flush()
    const dropped = named('failed').filter((f) => f.permanent)
    expect(dropped.map((f) => f.answer.id)).toEqual(all.slice(0, 3).map((a) => a.id))
    expect((await stored()).length).toBe(limits.maxAnswers)
  })

  it('drops an answer past the age limit only after many failed tries, reporting it', async () => {
    const old = new Date(Date.now() - limits.maxAgeMs - 864e5).toISOString()
    const triedOften = answer({ createdAt: old })
    const clockJumped = answer({ createdAt: old })
    await set('q:' + triedOften.id, { answer: triedOften, endpoint: EP, tries: limits.minTriesToExpire }, db())
    await set('q:' + clockJumped.id, { answer: clockJumped, endpoint: EP, tries: 0 }, db())
    const { ob, named, sentIds } = make()
    await ob.flush()
    expect(named('failed').map((f) => [f.answer.id, f.permanent])).toEqual([[triedOften.id, true]])
    expect(sentIds()).toEqual([clockJumped.id])
  })

  it('schedules retries on the monotonic clock: a wall-clock jump does not stall them', async () => {
    const st = timeouts()
    const { ob } = make(() => ({ status: 500, retryAfter: null }))
    await ob.add(answer())
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 365 * 864e5)
    await ob.flush()
    expect(lastDelay(st)).toBeLessThanOrEqual(1000)
  })

  it('each POST carries sentAt beside each createdAt', async () => {
    const { ob, calls } = make()
    const a = answer({ createdAt: '2026-01-01T00:00:00.000Z' })
    await ob.add(a)
    await ob.flush()
    expect(Date.parse(calls[0]!.body.sentAt)).toBeGreaterThan(Date.parse(a.createdAt))
  })
})

describe('outbox: storage faults', () => {
  it('skips and reports a corrupt record and delivers the rest', async () => {
    const a = answer()
    await set('q:broken', { a: { nonsense: true } }, db())
    await set('q:' + a.id, { answer: a, endpoint: EP, tries: 0 }, db())
    const { ob, named, sentIds } = make()
    await ob.flush()
    expect(sentIds()).toEqual([a.id])
    expect(named('failed')).toEqual([{ answer: null, status: null, reason: 'corrupt record', permanent: true }])
    expect(await aside()).toEqual(['broken'])
  })

  it('keeps answers in memory and still sends them when IndexedDB is missing', async () => {
    // @ts-expect-error: a browser without IndexedDB
    delete globalThis.indexedDB
    const { ob, sentIds } = make(() => ({ status: 500, retryAfter: null }))
    const a = answer()
    await ob.add(a)
    await ob.flush()
    expect(console.warn).toHaveBeenCalledTimes(1)
    expect(String(vi.mocked(console.warn).mock.calls[0])).toContain('kept in memory')
    expect(sentIds()).toEqual([a.id])
  })

  it('keeps answers in memory when IndexedDB throws on open (SecurityError)', async () => {
    globalThis.indexedDB = {
      open() {
        throw new DOMException('denied', 'SecurityError')
      },
    } as unknown as IDBFactory
    const { ob, sentIds, named } = make()
    const a = answer()
    await ob.add(a)
    await ob.flush()
    expect(sentIds()).toEqual([a.id])
    expect(named('sent')).toHaveLength(1)
  })
})
