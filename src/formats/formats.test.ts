// Each delivery format's request, checked against its receiver's documented shape (the CloudEvents
// ones read and validated by the cloudevents library), through a POST that records what it is given.
import { CloudEvent, HTTP } from 'cloudevents'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Answer, DeliveryDeps, FormatPart, Send } from '../contract'
import * as cloudeventsPart from './cloudevents'
import { batchKey, eventKey } from './common'
import * as posthogPart from './posthog'
import * as segmentPart from './segment'

const answer = (over: Partial<Answer> = {}): Answer => ({
  id: '0b6a3f0e-6c1e-4b8e-9d2a-3c4f5e6a7b8c',
  touchpoint: 'checkout-pay',
  metric: 'ces',
  score: 6,
  scale: { min: 1, max: 7 },
  question: 'How easy was it to pay today?',
  createdAt: '2026-11-22T09:59:58.120Z',
  revision: 1,
  site: 'acme-web',
  locale: 'en-US',
  page: { url: 'https://shop.example.com/checkout', title: 'Checkout', referrer: '' },
  ...over,
})
const other = answer({ id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479', touchpoint: 'help', metric: 'thumbs', score: 1, scale: { min: 0, max: 1 } })
const wire = (...answers: Answer[]) => JSON.stringify({ sdk: { name: 'touchpoint', version: '0.1.0' }, sentAt: '2026-11-22T10:00:00.000Z', answers })

/**
 * A format made with `formatKey` and the `headers` option: null when it refuses (no key), else a
 * function from answers to the request it POSTs (its body and headers as given to the engine's POST).
 */
const make = (part: FormatPart) => (formatKey?: unknown, headers?: Record<string, string>) => {
  let last = { endpoint: '', body: '', headers: {} as Record<string, string> }
  const post: Send = async (endpoint, body, o) => ((last = { endpoint, body, headers: o?.headers ?? {} }), { status: 200, retryAfter: null })
  const send = part.createFormat({ endpoint: 'https://receiver.example.com/', formatKey, headers } as DeliveryDeps, post)
  return (
    send &&
    (async (...answers: Answer[]) => {
      // The engine hands every send the `headers` option's headers.
      await send('https://receiver.example.com/', wire(...answers), { headers })
      return last
    })
  )
}
const segment = make(segmentPart)
const posthog = make(posthogPart)
const cloudevents = make(cloudeventsPart)
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/
afterEach(() => vi.restoreAllMocks())

describe('dedup keys', () => {
  it('revision 1 is keyed by the answer id; a later revision gets a UUID of its own, the same every time', () => {
    const a = answer()
    expect(eventKey(a)).toBe(a.id)
    const r2 = eventKey({ ...a, revision: 2 })
    expect(r2).toMatch(UUID)
    expect(r2).not.toBe(a.id)
    expect(eventKey({ ...a, revision: 2 })).toBe(r2)
    expect(eventKey({ ...a, revision: 3 })).not.toBe(r2)
  })
  it('the Idempotency-Key of several answers does not depend on their order', () => {
    const k = batchKey([answer().id, other.id])
    expect(k).toBe(batchKey([other.id, answer().id]))
    expect(k).toMatch(/^[\da-f-]{36}$/)
    expect(k).not.toBe(answer().id)
    expect(batchKey([other.id])).toBe(other.id)
  })
})

describe('segment', () => {
  it('makes a documented batch of track calls: messageId = the answer id, the write key in the body, text/plain', async () => {
    const req = await segment(' WRITE ', { 'X-A': '1' })!(answer(), { ...other, context: { userId: 'u-42', plan: 'pro' } })
    // The headers option's only: the engine's POST adds text/plain, so no preflight and no Idempotency-Key.
    expect(req.headers).toEqual({ 'X-A': '1' })
    const body = JSON.parse(req.body)
    expect(body).toMatchObject({ writeKey: 'WRITE', sentAt: '2026-11-22T10:00:00.000Z' })
    expect(body.batch).toHaveLength(2)
    const [a, b] = body.batch
    expect(a).toEqual({
      type: 'track',
      event: 'Touchpoint Answer',
      messageId: answer().id,
      anonymousId: answer().id,
      timestamp: answer().createdAt,
      properties: answer(),
      context: {
        page: { url: 'https://shop.example.com/checkout', title: 'Checkout', referrer: '', path: '/checkout' },
        locale: 'en-US',
        library: { name: 'touchpoint', version: '0.1.0' },
      },
    })
    // The site's own user id, when it set one; then no anonymousId.
    expect(b.userId).toBe('u-42')
    expect(b).not.toHaveProperty('anonymousId')
    // Segment's documented limits: 32 KB a call, 500 KB a batch.
    expect(JSON.stringify(a).length).toBeLessThan(32_000)
  })
  it('without a write key: one console error naming data-format-key, and no format', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(segment('')).toBeNull()
    expect(segment(42)).toBeNull()
    expect(error).toHaveBeenCalledTimes(2)
    error.mockClear()
    expect(segment(undefined)).toBeNull()
    expect(error).toHaveBeenCalledOnce()
    expect(String(error.mock.calls[0])).toMatch(/data-format="segment" needs data-format-key \(formatKey in init\(\)\).*answers stay stored/)
  })
})

describe('posthog', () => {
  it('makes a /batch/ body of survey sent events: uuid = the answer id, $survey_* properties', async () => {
    const req = await posthog('phc_KEY', { 'X-A': '1' })!(answer({ comment: 'quick' }), { ...other, context: { userId: 7 } })
    expect(req.headers).toEqual({ 'X-A': '1', 'Content-Type': 'application/json', 'Idempotency-Key': batchKey([answer().id, other.id]) })
    const body = JSON.parse(req.body)
    expect(body.api_key).toBe('phc_KEY')
    const [a, b] = body.batch
    expect(a).toMatchObject({ event: 'survey sent', uuid: answer().id, distinct_id: answer().id, timestamp: answer().createdAt })
    expect(a.properties).toMatchObject({
      $survey_id: 'checkout-pay',
      $survey_name: 'checkout-pay',
      $survey_response: 6,
      $survey_response_1: 'quick',
      $survey_submission_id: answer().id,
      $survey_completed: true,
      $survey_language: 'en-US',
      $current_url: 'https://shop.example.com/checkout',
      $process_person_profile: false,
      distinct_id: answer().id,
      metric: 'ces',
      score: 6,
    })
    expect(b.distinct_id).toBe('7')
    expect(b.properties).not.toHaveProperty('$process_person_profile')
    expect(b.properties).not.toHaveProperty('$survey_response_1')
    for (const e of body.batch) expect(e.uuid).toMatch(UUID)
  })
  it('a revision 2 (the comment) is its own event of the same submission, with an Idempotency-Key of its own', async () => {
    const req = await posthog('phc_KEY')!(answer({ revision: 2, comment: 'x' }))
    const body = JSON.parse(req.body)
    expect(body.batch[0].uuid).not.toBe(answer().id)
    expect(req.headers['Idempotency-Key']).toBe(body.batch[0].uuid)
    expect(body.batch[0].properties.$survey_submission_id).toBe(answer().id)
  })
  it('without a project key: one console error naming data-format-key, and no format', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(posthog(undefined)).toBeNull()
    expect(error).toHaveBeenCalledOnce()
    expect(String(error.mock.calls[0])).toContain('data-format="posthog" needs data-format-key')
  })
})

describe('cloudevents', () => {
  it('one answer: a structured CloudEvent that the cloudevents library reads and validates', async () => {
    const req = await cloudevents(undefined)!(answer())
    expect(req.headers).toEqual({ 'Content-Type': 'application/cloudevents+json', 'Idempotency-Key': answer().id })
    const [event] = [HTTP.toEvent({ headers: { 'content-type': req.headers['Content-Type']! }, body: req.body })].flat() as CloudEvent<unknown>[]
    expect(event!.validate()).toBe(true)
    expect(event).toMatchObject({ specversion: '1.0', id: answer().id, source: 'acme-web', type: 'dev.touchpoint.answer', subject: 'checkout-pay' })
    expect(event!.time).toBe(answer().createdAt)
    expect(event!.data).toEqual(answer())
  })
  it('several: batched mode, an array of valid events; without a site the source is the page origin', async () => {
    const req = await cloudevents('')!(answer({ site: undefined }), other)
    expect(req.headers['Content-Type']).toBe('application/cloudevents-batch+json')
    const events = HTTP.toEvent({ headers: { 'content-type': req.headers['Content-Type']! }, body: req.body }) as CloudEvent[]
    expect(events).toHaveLength(2)
    for (const e of events) expect(new CloudEvent(e, true).validate()).toBe(true)
    expect(events.map((e) => [e.source, e.id])).toEqual([
      ['https://shop.example.com', answer().id],
      ['acme-web', other.id],
    ])
  })
})
