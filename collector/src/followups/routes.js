// @ts-check
// The routes of closing the loop. Reading (`/follow-ups`, `/follow-ups.json`, `/webhooks.json`)
// follows the dashboard's access rules. Changing anything (`POST /follow-ups/<id>`,
// `DELETE /contacts/<e-mail>`, `POST /digest`) always needs the token, even on loopback: with
// `Authorization: Bearer <token>`, or the page's cookie on a request whose Origin is this
// collector's own (so a page of another origin, even of the same site, cannot act: no CSRF).
// A collector started without a token refuses every change, saying to start it with --token.
import { createHash, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { COOKIE } from '../access.js'
import { STATUSES } from './cases.js'

const here = (/** @type {string} */ f) => join(dirname(fileURLToPath(import.meta.url)), 'page', f)
const PAGE = {
  '/follow-ups': { file: 'follow-ups.html', type: 'text/html; charset=utf-8' },
  '/follow-ups.css': { file: 'follow-ups.css', type: 'text/css; charset=utf-8' },
  '/follow-ups.client.js': { file: 'follow-ups.client.js', type: 'text/javascript; charset=utf-8' },
}
// Stricter than the dashboard's (no chart writes inline styles here): nothing inline at all.
const PAGE_CSP = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'], // the empty favicon
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

/** @param {string} a @param {string} b */
const same = (a, b) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())
/** @param {string | undefined} header */
const cookieToken = (header) => {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() == COOKIE) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

export const NO_TOKEN = 'changing follow-ups, erasing contacts and sending digests need a token, and this collector has none: start it with --token TOKEN (or TOUCHPOINT_TOKEN), then send Authorization: Bearer <token>'

/** @param {string | null} token */
const mustAct = (token) => async (/** @type {import('fastify').FastifyRequest} */ req, /** @type {import('fastify').FastifyReply} */ reply) => {
  if (!token) return reply.code(403).send({ error: NO_TOKEN })
  const auth = req.headers.authorization
  if (auth?.startsWith('Bearer ') && same(auth.slice(7).trim(), token)) return
  const c = cookieToken(req.headers.cookie)
  if (c != null && same(c, token)) {
    if (req.headers.origin == `${req.protocol}://${req.headers.host}`) return
    return reply.code(403).send({ error: 'a change with the cookie must come from this collector\'s own page (Origin); other clients send Authorization: Bearer <token>' })
  }
  return reply.code(401).header('WWW-Authenticate', 'Bearer').send({ error: 'this change needs the token: send Authorization: Bearer <token>' })
}

/** @param {unknown} v */
const str = (v) => (typeof v == 'string' ? v : undefined)

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {import('./loop.js').Loop} loop
 * @param {string | null} token
 */
export const loopRoutes = async (app, loop, token) => {
  const act = mustAct(token)
  /** @param {any} q */
  const filters = (q) => ({ status: str(q.status), touchpoint: str(q.touchpoint), stage: str(q.stage) })

  app.get('/follow-ups.json', async (req) => ({ cases: await loop.cases.list(filters(req.query)) }))

  app.post('/follow-ups/:id', { preHandler: act }, async (req, reply) => {
    const id = /** @type {any} */ (req.params).id
    const b = /** @type {any} */ (req.body)
    if (b == null || typeof b != 'object' || Array.isArray(b)) return reply.code(400).send({ error: 'send a JSON object: { "status"?, "assignee"?, "note"?, "by"? }' })
    const unknown = Object.keys(b).find((k) => !['status', 'assignee', 'note', 'by'].includes(k))
    if (unknown) return reply.code(400).send({ error: `unknown field "${unknown}": give status, assignee, note or by` })
    if (b.status != null && !STATUSES.includes(b.status)) return reply.code(400).send({ error: `status must be one of ${STATUSES.join(', ')}` })
    for (const k of ['assignee', 'note', 'by'])
      if (b[k] != null && (typeof b[k] != 'string' || b[k].length > 2000)) return reply.code(400).send({ error: `${k} must be text of at most 2000 characters` })
    if (b.status == null && b.assignee == null && !b.note) return reply.code(400).send({ error: 'nothing to change: give status, assignee or note' })
    const by = (b.by ?? '').trim() || 'token'
    const c = await loop.cases.update(id, { status: b.status ?? undefined, assignee: b.assignee ?? undefined, note: b.note || undefined, by })
    if (!c) return reply.code(404).send({ error: `no follow-up case for answer ${id}` })
    return c
  })

  app.delete('/contacts/:email', { preHandler: act }, async (req, reply) => {
    const email = String(/** @type {any} */ (req.params).email ?? '').trim()
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) return reply.code(400).send({ error: 'give an e-mail address: DELETE /contacts/<e-mail>' })
    return { erased: true, rows: await loop.erase(email) }
  })

  app.post('/digest', { preHandler: act }, async () => loop.cases.sendDigest())

  app.get('/webhooks.json', async () => ({
    destinations: loop.webhooks.hooks.map((h) => ({ destination: new URL(h.url).origin + '/…', events: h.events, format: h.format })),
    ...(await loop.webhooks.status()),
  }))

  for (const [path, { file, type }] of Object.entries(PAGE)) {
    const body = readFileSync(here(file))
    app.get(path, { helmet: { contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP } } }, async (_req, reply) => reply.type(type).send(body))
  }
}
