// The delivery engine with a delivery format (the `format` option's file, fetched beside it): the
// real POST carries the format's body and headers; a format missing its key sends nothing until a
// page has it; an unknown format is said once and json is sent.
import { IDBFactory } from 'fake-indexeddb'
import { createStore, entries } from 'idb-keyval'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Answer } from '../contract'
import { createOutboxStore } from '../core/store'
import { toStored } from '../core/stored'
import { createOutbox } from './outbox'
import { fakeLocks } from '../shared/fake-locks'
import { testAnswer } from '../shared/test-answer'

const EP = 'https://receiver.example.com/batch'
const answer = (): Answer => testAnswer(crypto.randomUUID())
const queued = async () => (await entries<string, unknown>(createStore('touchpoint', 'outbox'))).filter(([k]) => String(k).startsWith('q:')).length

interface Call {
  body: string
  headers: Record<string, string>
  keepalive: boolean
}
let calls: Call[] = []
/** fetch as the receiver answers it: 200 unless `hang`, which never answers (the answer must stay stored). */
const receiver = (hang = false) =>
  vi.stubGlobal('fetch', async (_ep: string, init: RequestInit) => {
    calls.push({ body: init.body as string, headers: init.headers as Record<string, string>, keepalive: !!init.keepalive })
    return hang ? new Promise<Response>(() => {}) : new Response('{}', { status: 200 })
  })

const open: { stop(): void }[] = []
const make = (format: unknown, formatKey?: unknown, random = () => 0) => {
  const store = createOutboxStore(() => {})
  const ob = createOutbox({ endpoint: EP, version: '0.1.0', emit: () => {}, store, session: 's', format, formatKey, headers: { 'X-Site': 'a' }, random })
  open.push(ob)
  ob.start()
  const add = async (a: Answer) => {
    const s = toStored(a, EP, false, Date.now())
    await store.set([['q:' + a.id, s]])
    ob.added(s)
  }
  return { ob, add }
}

beforeEach(() => {
  calls = []
  globalThis.indexedDB = new IDBFactory()
  vi.stubGlobal('navigator', { ...navigator, locks: fakeLocks() })
})
afterEach(() => {
  open.splice(0).forEach((o) => o.stop())
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('delivery formats in the engine', () => {
  it('segment: the format body as text/plain with the headers option, and no Idempotency-Key', async () => {
    receiver()
    const { ob, add } = make('segment', 'WRITE')
    const a = answer()
    await add(a)
    await ob.flush()
    expect(calls).toHaveLength(1)
    expect(calls[0]!.headers).toEqual({ 'Content-Type': 'text/plain;charset=UTF-8', 'X-Site': 'a' })
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ writeKey: 'WRITE', batch: [{ messageId: a.id }] })
    expect(await queued()).toBe(0)
  })

  it('posthog: JSON with the headers option and Idempotency-Key = the answer id', async () => {
    receiver()
    const { ob, add } = make('posthog', 'phc_K')
    const a = answer()
    await add(a)
    await ob.flush()
    expect(calls[0]!.headers).toEqual({ 'Content-Type': 'application/json', 'X-Site': 'a', 'Idempotency-Key': a.id })
    expect(JSON.parse(calls[0]!.body).batch[0].uuid).toBe(a.id)
  })

  it('on page hide too (keepalive), in the format', async () => {
    receiver(true)
    const { add } = make('cloudevents')
    const a = answer()
    await add(a)
    await vi.waitFor(() => expect(calls.length).toBeGreaterThan(0))
    dispatchEvent(new Event('pagehide'))
    expect(calls.filter((c) => c.keepalive)).toHaveLength(0) // already in flight: not sent twice
    const b = answer()
    await add(b)
    dispatchEvent(new Event('pagehide'))
    const hidden = calls.filter((c) => c.keepalive)
    expect(hidden).toHaveLength(1)
    expect(hidden[0]!.headers).toMatchObject({ 'Content-Type': 'application/cloudevents+json', 'Idempotency-Key': b.id })
    expect(await queued()).toBe(2)
  })

  it('page hide before the format file is here: nothing is sent, the answer stays stored', async () => {
    receiver()
    const { ob } = make('posthog', 'phc_K')
    const a = answer()
    ob.added(toStored(a, EP, false, Date.now()), true) // heard of before its write ends, the format still on its way
    dispatchEvent(new Event('pagehide'))
    expect(calls).toEqual([])
  })

  it('the format file is fetched as the engine starts, before its first delivery attempt: page hide finds it', async () => {
    receiver(true)
    // A start jitter of a whole second: no delivery attempt before it.
    const { ob } = make('posthog', 'phc_K', () => 1)
    const a = answer()
    ob.added(toStored(a, EP, 's', Date.now())) // held: the visitor is writing a comment
    await vi.waitFor(
      () => {
        dispatchEvent(new Event('pagehide'))
        expect(calls).toHaveLength(1)
      },
      { timeout: 500 },
    )
    expect(calls[0]).toMatchObject({ keepalive: true, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': a.id } })
  })

  it('a format without its key: one console error, nothing sent (not even on page hide); the next page with the key sends it', async () => {
    receiver()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { ob, add } = make('segment', '')
    const a = answer()
    await add(a)
    await ob.flush()
    await ob.flush()
    dispatchEvent(new Event('pagehide'))
    expect(calls).toEqual([])
    expect(await queued()).toBe(1)
    expect(error).toHaveBeenCalledOnce()
    expect(String(error.mock.calls[0])).toContain('data-format="segment" needs data-format-key')
    // The page is fixed: the next one has the key and sends what was kept.
    const fixed = make('segment', 'WRITE')
    await fixed.ob.flush()
    expect(calls).toHaveLength(1)
    expect(JSON.parse(calls[0]!.body).batch[0].messageId).toBe(a.id)
    expect(await queued()).toBe(0)
  })

  it('an unknown format: one warning naming data-format and the formats it accepts; json is sent', async () => {
    receiver()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { ob, add } = make('kafka')
    const a = answer()
    await add(a)
    await ob.flush()
    expect(warn).toHaveBeenCalledOnce()
    expect(String(warn.mock.calls[0])).toContain('data-format is "kafka", expected one of json,segment,cloudevents,posthog; using json.')
    expect(calls[0]!.headers).toEqual({ 'Content-Type': 'text/plain;charset=UTF-8', 'X-Site': 'a' })
    expect(JSON.parse(calls[0]!.body).answers[0].id).toBe(a.id)
  })

  it('json, named or not: no warning, no file, the wire format', async () => {
    receiver()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const format of ['json', undefined]) {
      const { ob, add } = make(format)
      await add(answer())
      await ob.flush()
    }
    expect(warn).not.toHaveBeenCalled()
    expect(calls.map((c) => JSON.parse(c.body).answers.length)).toEqual([1, 1])
  })
})
