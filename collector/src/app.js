// @ts-check
// The collector as a Fastify app: POST /v1/responses validated by schema/answer.schema.json and
// stored before the 2xx, the dashboard and its JSON, /healthz. Routing, CORS, body limits, rate
// limits, security headers and logs come from Fastify and its plugins. Tests call
// `buildApp(options)` and use `app.inject`, or listen on port 0; the CLI (start.js) listens.
import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import Fastify, { LogController } from 'fastify'
import { Readable } from 'node:stream'
import { requireToken, withoutToken } from './access.js'
import { ASSET_PATHS, CSP_DIRECTIVES, dashboardAsset } from './dashboard/assets.js'
import { loopRoutes } from './followups/routes.js'
import { parseFilters } from './stats/filters.js'
import { answersCsv } from './summary/csv.js'
import { defaultSample, loadComments, loadDashboard, loadSummary } from './summary/load.js'
import { check, describe, schema } from './validate.js'

export const ENDPOINT = '/v1/responses'
export const MAX_BODY = 1 << 20 // 1 MiB; the SDK's batches stay under 64 KiB

/**
 * @typedef {object} AppOptions
 * @property {import('./store/index.js').Store} store
 * @property {string | null} [token] when set, every read (everything but the POST, its preflight and /healthz) needs it
 * @property {'*' | string[]} [origins] origins whose pages may POST answers (default any)
 * @property {{ max: number, timeWindow: number }} [rateLimit] POSTs per client address per window (ms); default 300 a minute
 * @property {boolean | object} [logger] pino options (default: no logs, as tests want)
 * @property {boolean} [debug] log every request
 * @property {import('./followups/loop.js').Loop} [loop] follow-up cases, webhooks, erasure (followups/loop.js)
 */

const ERROR = { type: 'object', properties: { error: { type: 'string' } } }

/** @param {number} statusCode @param {string} message */
const httpError = (statusCode, message) => Object.assign(new Error(message), { statusCode })

/** @param {AppOptions} o */
export const buildApp = async (o) => {
  const { store, token = null, origins = '*', rateLimit: limit = { max: 300, timeWindow: 60_000 } } = o
  // The token may come once in the dashboard's URL: never write it to a log.
  const serializers = { req: (/** @type {any} */ r) => ({ method: r.method, url: withoutToken(r.url), remoteAddress: r.ip }) }
  const app = Fastify({
    logger: o.logger ? { ...(typeof o.logger == 'object' ? o.logger : {}), serializers } : false,
    logController: new LogController({ disableRequestLogging: !o.debug }),
    bodyLimit: MAX_BODY,
  })

  // Requests still being answered, so that a shutdown closes the database only after them.
  /** @type {Set<Promise<unknown>>} */
  const pending = new Set()
  app.decorate('pending', pending)

  await app.register(cors, {
    origin: origins == '*' ? '*' : origins,
    methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    // Allowed request headers: whatever the page asks for (an app may send an auth header).
    exposedHeaders: ['Retry-After'],
    maxAge: 86400,
  })
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Plain HTTP behind the site's own TLS proxy: HSTS is the proxy's to send.
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
  })
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => httpError(429, `too many requests from this address; retry in ${Math.ceil(ctx.ttl / 1000)} s`),
  })

  // Browsers send the body as text/plain (no preflight); whatever the type, it must be JSON.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(/** @type {string} */ (body)))
    } catch {
      done(httpError(400, 'body is not JSON'), undefined)
    }
  })
  // The answer schema is draft 2020-12, compiled once by our own ajv (validate.js).
  app.setValidatorCompiler(({ schema: s }) => (s === schema ? check : () => true))

  app.setErrorHandler((err, req, reply) => {
    const e = /** @type {any} */ (err)
    if (e.validation) return reply.code(400).send({ error: describe(e.validation[0]) })
    if (e.code == 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: 'body is larger than 1 MiB' })
    const status = Number(e.statusCode) || 500
    if (status >= 500) {
      req.log.error({ err }, 'request failed')
      return reply.code(status).send({ error: req.method == 'POST' ? 'could not store the answers; send them again' : 'the database did not answer' })
    }
    return reply.code(status).send({ error: e.message })
  })
  app.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'not found' }))

  if (token) {
    const guard = requireToken(token)
    app.addHook('onRequest', async (req, reply) => {
      if (req.method == 'OPTIONS' || req.routeOptions.url == '/healthz' || (req.method == 'POST' && req.routeOptions.url == ENDPOINT)) return
      return guard(req, reply)
    })
  }
  // Every reply is current: no cache may keep figures (or a visitor's comment).
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Cache-Control', 'no-store')
  })

  const allowed = origins == '*' ? null : new Set(origins)
  app.post(
    ENDPOINT,
    {
      schema: {
        body: schema,
        response: { 200: { type: 'object', properties: { accepted: { type: 'integer' }, stored: { type: 'integer' } }, required: ['accepted', 'stored'] }, '4xx': ERROR },
      },
      config: { rateLimit: limit },
      // The answers' own page may be embedded anywhere: the response is read cross-origin.
      helmet: { crossOriginResourcePolicy: { policy: 'cross-origin' } },
      // A page of another origin is refused before its body is even parsed: CORS alone only
      // hides the response from that page, the answer would still be stored.
      onRequest: async (req, reply) => {
        const origin = req.headers.origin
        if (allowed && origin != null && !allowed.has(origin))
          return reply.code(403).send({ error: `origin ${origin} may not post answers here (--allowed-origins)` })
      },
    },
    async (req) => {
      const body = /** @type {{ answers: any[] }} */ (req.body)
      // Stored before the 2xx, with the answer's follow-up case and webhook deliveries.
      const work = store.upsert(body.answers, new Date().toISOString(), o.loop?.cases.onStored)
      if (o.loop) void work.then(() => o.loop?.webhooks.drain(), () => {})
      pending.add(work)
      try {
        return { accepted: body.answers.length, stored: await work }
      } finally {
        pending.delete(work)
      }
    },
  )

  app.get('/healthz', { schema: { response: { 200: { type: 'object', properties: { ok: { const: true } } }, 503: { type: 'object', properties: { ok: { const: false }, error: { type: 'string' } } } } } }, async (_req, reply) => {
    try {
      await store.ping()
      return { ok: true }
    } catch (e) {
      return reply.code(503).send({ ok: false, error: 'the database does not answer: ' + String(/** @type {any} */ (e)?.message ?? e) })
    }
  })
  // The same filters (stats/filters.js) on every read; a bad value is a 400 naming the parameter.
  /** @param {any} req */
  const filtersOf = (req) => {
    const r = parseFilters(req.query ?? {})
    if ('error' in r) throw httpError(400, r.error.message)
    return r.filters
  }
  app.get('/summary.json', async (req) => loadSummary(store, filtersOf(req)))
  app.get('/dashboard.json', async (req) => loadDashboard(store, filtersOf(req)))
  app.get('/comments.json', async (req) => loadComments(store, filtersOf(req)))
  app.get('/answers.csv', async (req, reply) => {
    const f = filtersOf(req)
    const stream = Readable.from(answersCsv(store, f, f.sample ? 'include' : await defaultSample(store)))
    return reply
      .type('text/csv; charset=utf-8; header=present')
      .header('Content-Disposition', `attachment; filename="touchpoint-answers-${new Date().toISOString().slice(0, 10)}.csv"`)
      .send(stream)
  })
  app.get('/answers.json', async () => store.latest(1000))
  for (const path of [...ASSET_PATHS, '/index.html'])
    app.get(path, async (_req, reply) => {
      const asset = /** @type {{ body: Buffer, type: string }} */ (dashboardAsset(path == '/index.html' ? '/' : path))
      return reply.type(asset.type).send(asset.body)
    })
  if (o.loop) await loopRoutes(app, o.loop, token)
  return app
}
