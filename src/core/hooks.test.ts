// The app's hooks (beforeSend, transport, headers) and what happens when they misbehave.
import { IDBFactory } from 'fake-indexeddb'
import { createStore, entries } from 'idb-keyval'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Answer } from '../contract'
import type { TransportResult } from '../contract'
import { createOutbox } from '../delivery/outbox'
import { fetchAhead } from './parts'
import { createQueue, type QueueDeps } from './queue'
import { testAnswer } from '../shared/test-answer'

const EP = 'https://collector.example.com/v1/responses'
const answer = (id: string, over: Partial<Answer> = {}): Answer =>
  testAnswer(id, { metric: 'nps', score: 9, scale: { min: 0, max: 10 }, ...over })
const stored = async () =>
  (await entries<string, { answer: Answer }>(createStore('touchpoint', 'outbox'))).filter(([k]) => k.startsWith('q:')).map(([, v]) => v.answer)
const until = async (what: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await what()); i++) await new Promise((r) => setTimeout(r, 10))
  expect(await what()).toBe(true)
}
const warnings = () => vi.mocked(console.warn).mock.calls.map((c) => c.map(String).join(' ')).join('\n')

const queues: { stop(): void }[] = []
const make = (o: Partial<QueueDeps>) => {
  // The engine with no jitter and no real waits, so retries come at once.
  const delivery = async () => ({ createOutbox: (d: Parameters<typeof createOutbox>[0]) => createOutbox({ ...d, random: () => 0 }) })
  const q = createQueue({ endpoint: EP, version: '0.1.0', emit: () => {}, delivery, ...o })
  queues.push(q)
  return q
}
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  queues.splice(0).forEach((q) => q.stop())
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('beforeSend', () => {
  // Its part is fetched beside the prompt, which is only shown once it is here (parts.ts).
  beforeEach(async () => {
    expect(await fetchAhead('en', true, () => {})).toBeTruthy()
  })

  it('changes an answer before it is stored, and drops one it returns null for', async () => {
    const bodies: string[] = []
    const q = make({
      beforeSend: (a) => (a.touchpoint == 'drop' ? null : { ...a, context: { ...a.context, plan: 'pro' } }),
      transport: async (b) => (bodies.push(b), { status: 200 }),
    })
    await q.add(answer('keep'))
    await q.add(answer('gone', { touchpoint: 'drop' }))
    await until(() => bodies.length == 1)
    const sent = bodies.flatMap((b) => JSON.parse(b).answers as Answer[])
    expect(sent.map((a) => [a.id, a.context])).toEqual([['keep', { plan: 'pro' }]])
    // A completed version keeps the hook's changes; a dropped answer stays dropped.
    await q.add(answer('keep', { revision: 2, comment: 'nice' }))
    await q.add(answer('gone', { touchpoint: 'drop', revision: 2, comment: 'x' }))
    await until(() => bodies.length == 2)
    expect(JSON.parse(bodies[1]!).answers).toMatchObject([{ id: 'keep', revision: 2, comment: 'nice', context: { plan: 'pro' } }])
    await q.flush()
    expect(bodies).toHaveLength(2)
  })

  it('sees the version that brings contact details again, and may change or drop them', async () => {
    const bodies: string[] = []
    const seen: Answer[] = []
    const q = make({
      beforeSend: (a) => {
        seen.push(a)
        if (!a.contact) return { ...a, context: { plan: 'pro' } }
        return a.touchpoint == 'strip' ? null : { ...a, contact: { ...a.contact, email: a.contact.email!.toLowerCase() } }
      },
      transport: async (b) => (bodies.push(b), { status: 200 }),
    })
    const at = new Date().toISOString()
    for (const id of ['kept', 'strip']) {
      const tp = { touchpoint: id, score: 2 }
      await q.add(answer(id, tp), true)
      await q.add(answer(id, { ...tp, revision: 2, comment: 'slow', contact: { consent: true, email: 'Ana@Example.com', at } }))
    }
    // Once for the score, once more for each version that brings contact details.
    expect(seen.map((a) => [a.id, a.revision, !!a.contact])).toEqual([['kept', 1, false], ['kept', 2, true], ['strip', 1, false], ['strip', 2, true]])
    // The second call sees what the first made of the answer.
    expect(seen[1]!.context).toEqual({ plan: 'pro' })
    await until(() => bodies.flatMap((b) => JSON.parse(b).answers as Answer[]).filter((a) => a.revision == 2).length == 2)
    const last = Object.fromEntries(bodies.flatMap((b) => JSON.parse(b).answers as Answer[]).filter((a) => a.revision == 2).map((a) => [a.id, a]))
    expect(last.kept).toMatchObject({ comment: 'slow', context: { plan: 'pro' }, contact: { consent: true, email: 'ana@example.com', at } })
    // null drops the contact details only: the score and the comment stay, and nothing about contact is stored.
    expect(last.strip).toMatchObject({ comment: 'slow', context: { plan: 'pro' } })
    expect('contact' in last.strip!).toBe(false)
    expect((await stored()).some((a) => 'contact' in a && a.touchpoint == 'strip')).toBe(false)
  })

  it('a hook that throws is reported and the answer kept unchanged', async () => {
    const q = make({
      beforeSend: () => {
        throw new Error('boom')
      },
      transport: () => new Promise(() => {}),
    })
    await q.add(answer('a'))
    expect((await stored()).map((a) => [a.id, a.context])).toEqual([['a', undefined]])
    expect(warnings()).toMatch(/beforeSend\(\) threw.*kept unchanged/)
  })

  it('a hook that returns something else than an answer is reported and the answer kept unchanged', async () => {
    const q = make({ beforeSend: (() => 42) as never, transport: () => new Promise(() => {}) })
    await q.add(answer('b'))
    expect((await stored()).map((a) => a.id)).toEqual(['b'])
    expect(warnings()).toMatch(/beforeSend\(\) must return the answer/)
  })
})

describe('transport', () => {
  it('503 once, then 200: delivered once, every POST through the transport and none by fetch', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const calls: string[] = []
    const q = make({ transport: async (b: string): Promise<TransportResult> => (calls.push(b), { status: calls.length == 1 ? 503 : 200 }) })
    await q.add(answer('t1'))
    await until(() => calls.length == 2)
    await until(async () => (await stored()).length == 0)
    expect(calls.map((b) => JSON.parse(b).answers[0].id)).toEqual(['t1', 't1'])
    expect(fetchSpy).not.toHaveBeenCalled()
  })

  it('a transport that throws counts as a network error: reported, kept, and retried', async () => {
    let n = 0
    const q = make({
      transport: async () => {
        if (++n == 1) throw new Error('offline client')
        return { status: 200 }
      },
    })
    await q.add(answer('t2'))
    await until(() => n == 1)
    expect(warnings()).toMatch(/transport\(\) threw; counted as a network error/)
    await until(async () => n == 2 && (await stored()).length == 0)
  })

  it('a transport that resolves to nonsense counts as a network error, and the console says what it must return', async () => {
    let n = 0
    const q = make({ transport: async () => (++n == 1 ? ('ok' as never) : { status: 204 }) })
    await q.add(answer('t3'))
    await until(() => n >= 1)
    await until(() => /transport\(\) must resolve to \{ status, retryAfter\? \}/.test(warnings()))
    await until(async () => n == 2 && (await stored()).length == 0)
  })

  it('retryAfter (seconds) from a transport is honoured like a Retry-After header', async () => {
    const at: number[] = []
    const q = make({ transport: async () => (at.push(Date.now()), at.length == 1 ? { status: 429, retryAfter: 1 } : { status: 200 }) })
    await q.add(answer('t4'))
    await until(() => at.length == 2)
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(990)
  })
})

describe('headers', () => {
  it('are added to the built-in POST', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 200 }))
    const q = make({ headers: { Authorization: 'Bearer k' } })
    await q.add(answer('h1'))
    await until(() => fetchSpy.mock.calls.length == 1)
    const init = fetchSpy.mock.calls[0]![1]!
    expect(init.headers).toMatchObject({ Authorization: 'Bearer k', 'Content-Type': 'text/plain;charset=UTF-8' })
    expect(init.credentials).toBe('omit')
  })
})
