// Test servers for the end-to-end suite and the benchmark: a static file server, and a test
// collector that follows the reference collector's rules (the same schema check, store before
// 2xx, an id keeps its highest revision) but keeps answers in memory and lets a test script its
// replies (`respond`: a status, headers, a delay, or no answer at all) and read every attempt.
// The real collector (collector/) has none of this. Plain Node (bench/run.js imports it too),
// bound to 127.0.0.1 only.
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { parseBody } from '../collector/src/validate.js'

/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}

/** @param {import('node:http').Server} server @param {number} port */
const listen = (server, port) =>
  new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const addr = /** @type {import('node:net').AddressInfo} */ (server.address())
      resolve({ port: addr.port, url: 'http://127.0.0.1:' + addr.port, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r(undefined)) }) })
    })
  })

/**
 * Serves files: `routes` maps a URL prefix to a folder, e.g. { '/': 'demo/site', '/dist/': 'dist' }.
 * `pages` maps a path to HTML text served as is (the tests build their pages in code).
 * @param {{ routes?: Record<string, string>, pages?: Record<string, string>, port?: number }} o
 */
export const startStatic = async ({ routes = {}, pages = {}, port = 0 }) => {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (pages[path] != null) {
      res.writeHead(200, { 'Content-Type': types['.html'], 'Cache-Control': 'no-store' })
      return res.end(pages[path])
    }
    const prefix = Object.keys(routes).sort((a, b) => b.length - a.length).find((p) => path.startsWith(p))
    if (prefix != null) {
      const root = routes[prefix]
      let file = normalize(join(root, path.slice(prefix.length)))
      if (file.startsWith(normalize(root)) && existsSync(file)) {
        if (statSync(file).isDirectory()) file = join(file, 'index.html')
        if (existsSync(file)) {
          res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
          return res.end(readFileSync(file))
        }
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' })
    res.end('not found')
  })
  return listen(server, port)
}

/**
 * @typedef {{ at: number, status: number, ids: string[], body: string, headers: import('node:http').IncomingHttpHeaders }} Attempt
 * @typedef {(info: { attempt: number, body: any }) => ({ status?: number, headers?: Record<string, string>, hang?: boolean, delay?: number } | void)} Responder
 */

/** Content-Type and whatever headers the page asks to send (each once). @param {string | undefined} requested */
const allowHeaders = (requested) => {
  const seen = new Map([['content-type', 'Content-Type']])
  for (const h of (requested ?? '').split(',').map((x) => x.trim()).filter(Boolean)) if (!seen.has(h.toLowerCase())) seen.set(h.toLowerCase(), h)
  return [...seen.values()].join(', ')
}

const MAX_BODY = 1 << 20 // 1 MiB; the SDK's batches stay under 64 KiB

/**
 * The test collector. POST {path} with the wire format's JSON body: the body is validated against
 * schema/answer.schema.json (400 naming the problem), and each answer is kept in `answers` (one
 * per id, its highest revision); `file` also appends each accepted answer to a JSON-lines log.
 * `respond` lets a test script failures; `attempts` records every POST and its status.
 * @param {{ port?: number, path?: string, file?: string, respond?: Responder }} o
 */
export const startCollector = async ({ port = 0, path = '/v1/responses', file, respond } = {}) => {
  /** Answers this collector received, one per id (its highest revision), in order of arrival. @type {any[]} */
  const answers = []
  /** @type {Map<string, number>} */
  const index = new Map()
  /** @type {Attempt[]} */
  const attempts = []
  /** @param {import('node:http').IncomingMessage} req */
  const cors = (req) => ({
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
    // Content-Type, and whatever the page asks for (an app may send an auth header).
    'Access-Control-Allow-Headers': allowHeaders(req.headers['access-control-request-headers']),
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '86400',
  })
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} value @param {Record<string, string>} headers */
  const json = (res, status, value, headers = {}) =>
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(value))

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const h = cors(req)
    if (req.method == 'OPTIONS') return res.writeHead(204, h).end()
    if (req.method != 'POST' || url.pathname != path) return res.writeHead(404, h).end()
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    req.on('data', (c) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let body = null
      try {
        body = JSON.parse(raw)
      } catch {}
      const attempt = { at: Date.now(), status: 0, ids: (Array.isArray(body?.answers) ? body.answers : []).map((/** @type {any} */ a) => a?.id), body: raw, headers: req.headers }
      attempts.push(attempt)
      const scripted = respond?.({ attempt: attempts.length, body })
      if (scripted?.hang) return // never answers: the client must time out
      setTimeout(() => void reply(res, h, attempt, raw, size, scripted), scripted?.delay ?? 0) // delay: a slow collector
    })
  })

  /**
   * @param {import('node:http').ServerResponse} res @param {Record<string, string>} h @param {Attempt} attempt
   * @param {string} raw @param {number} size @param {any} scripted
   */
  const reply = async (res, h, attempt, raw, size, scripted) => {
    if (scripted?.status) {
      attempt.status = scripted.status
      return res.writeHead(scripted.status, { ...h, ...scripted.headers }).end()
    }
    const done = (/** @type {number} */ status, /** @type {unknown} */ value) => ((attempt.status = status), json(res, status, value, h))
    if (size > MAX_BODY) return done(413, { error: 'body is larger than 1 MiB' })
    const parsed = parseBody(raw)
    if (parsed.error != null) return done(400, { error: parsed.error })
    const body = parsed.body
    const receivedAt = new Date().toISOString()
    let stored = 0
    for (const a of body.answers) {
      const at = index.get(a.id)
      if (at != null && !(a.revision > answers[at].revision)) continue // a retry, or an older revision arriving late
      const kept = { ...a, receivedAt, sentAt: body.sentAt }
      if (at == null) index.set(a.id, answers.push(kept) - 1)
      else answers[at] = kept
      stored++
      if (file) appendFileSync(file, JSON.stringify(kept) + '\n')
    }
    done(200, { accepted: body.answers.length, stored })
  }
  const s = await listen(server, port)
  return {
    ...s,
    endpoint: s.url + path,
    answers,
    attempts,
  }
}
