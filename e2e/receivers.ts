// Local stand-ins for the receivers of the delivery formats (README "Delivery formats"): Segment's
// (and RudderStack's) POST /v1/batch, PostHog's POST /batch/ and a CloudEvents HTTP receiver
// (POST /events, read and validated by the cloudevents library). Each answers 200 to a body in its
// documented shape and 400 to anything else, dedupes on its own key as the real one does, answers
// CORS preflights allowing only Content-Type and Idempotency-Key (and counts them), and lets a
// test script a status. Bound to 127.0.0.1 only.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import { HTTP, type CloudEvent } from 'cloudevents'

export type Protocol = 'segment' | 'posthog' | 'cloudevents'
export const PATHS: Record<Protocol, string> = { segment: '/v1/batch', posthog: '/batch/', cloudevents: '/events' }
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/
const ISO = (v: unknown) => typeof v == 'string' && !isNaN(Date.parse(v))
const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v == 'object' && !Array.isArray(v)

export interface Received {
  status: number
  headers: IncomingHttpHeaders
  /** The receiver's dedup keys in this request (messageId, uuid, source + id). */
  keys: string[]
  /** The answers inside, as the SDK made them. */
  answers: any[]
  problem?: string
}

/** Why `body` is not what `protocol`'s receiver takes, or null when it is; `keys`/`answers` filled in. */
const check = (protocol: Protocol, key: string, headers: IncomingHttpHeaders, raw: string, out: Received): string | null => {
  // Segment's own browser library sends text/plain (no preflight): so does the segment format, and
  // a text/plain body carries no Idempotency-Key. The other two send JSON types, and the key.
  if (protocol != 'segment' && !headers['idempotency-key']) return 'no Idempotency-Key'
  if (protocol == 'cloudevents') {
    try {
      const events = [HTTP.toEvent({ headers: headers as Record<string, string>, body: raw })].flat() as CloudEvent<unknown>[]
      for (const e of events) {
        e.validate()
        if (e.type != 'dev.touchpoint.answer' || !isObject(e.data)) return 'not a touchpoint answer event'
        out.keys.push(e.source + ' ' + e.id)
        out.answers.push(e.data)
      }
      return events.length ? null : 'no event'
    } catch (e) {
      return 'not a CloudEvent: ' + String(e)
    }
  }
  const type = protocol == 'segment' ? /^(text\/plain|application\/json)/ : /^application\/json/
  if (!type.test(headers['content-type'] ?? '')) return 'Content-Type is ' + headers['content-type']
  let body: any
  try {
    body = JSON.parse(raw)
  } catch {
    return 'not JSON'
  }
  if (!Array.isArray(body?.batch) || !body.batch.length) return 'no batch'
  if (protocol == 'segment') {
    if (body.writeKey != key) return 'wrong writeKey'
    if (!ISO(body.sentAt)) return 'no sentAt'
    for (const e of body.batch) {
      if (e.type != 'track' || typeof e.event != 'string' || !e.event) return 'not a track call with an event'
      if (typeof e.messageId != 'string' || !e.messageId) return 'no messageId'
      if (typeof e.userId != 'string' && typeof e.anonymousId != 'string') return 'no userId or anonymousId'
      if (!ISO(e.timestamp) || !isObject(e.properties) || !isObject(e.context)) return 'no timestamp, properties or context'
      out.keys.push(e.messageId)
      out.answers.push(e.properties)
    }
    return null
  }
  if (body.api_key != key) return 'wrong api_key'
  for (const e of body.batch) {
    if (e.event != 'survey sent' || !UUID.test(e.uuid) || !ISO(e.timestamp)) return 'not a survey sent event with a uuid'
    if (!e.distinct_id && !e.properties?.distinct_id) return 'no distinct_id'
    if (typeof e.properties?.$survey_id != 'string' || e.properties.$survey_response == null) return 'no $survey_id or $survey_response'
    out.keys.push(e.uuid)
    out.answers.push(e.properties)
  }
  return null
}

/** Starts one receiver; `respond` may script a status for an attempt (1, 2, …). */
export const startReceiver = async (protocol: Protocol, key: string, respond?: (attempt: number) => number | undefined) => {
  const received: Received[] = []
  /** CORS preflights (OPTIONS) answered. */
  const preflights = { count: 0 }
  /** Dedup key → the answer as first accepted (what the real receiver keeps). */
  const events = new Map<string, any>()
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  }
  const server = createServer((req, res) => {
    if (req.method == 'OPTIONS') return preflights.count++, res.writeHead(204, cors).end()
    if (req.method != 'POST' || req.url != PATHS[protocol]) return res.writeHead(404, cors).end()
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const out: Received = { status: 0, headers: req.headers, keys: [], answers: [] }
      received.push(out)
      const scripted = respond?.(received.length)
      const problem = scripted ? null : check(protocol, key, req.headers, Buffer.concat(chunks).toString('utf8'), out)
      out.status = scripted ?? (problem ? 400 : 200)
      if (problem) out.problem = problem
      if (out.status == 200) out.keys.forEach((k, i) => events.has(k) || events.set(k, out.answers[i]))
      res.writeHead(out.status, { ...cors, 'Content-Type': 'application/json' }).end(problem ? JSON.stringify({ error: problem }) : '{}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  return {
    endpoint: 'http://127.0.0.1:' + port + PATHS[protocol],
    received,
    events,
    preflights,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  }
}
