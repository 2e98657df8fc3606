// Local servers for the demo and the end-to-end tests: a static file server and a collector.
// Plain Node (no build step), bound to 127.0.0.1 only.
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'

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

/**
 * The reference collector. POST {path} with the wire format's JSON body: every answer is stored
 * (appended to `file` when given) before the 2xx goes out, and deduplicated by id. GET / lists
 * the answers as a page, GET /answers.json as JSON. `respond` lets a test script failures.
 * @param {{ port?: number, path?: string, file?: string, respond?: Responder }} o
 */
export const startCollector = async ({ port = 0, path = '/v1/responses', file, respond } = {}) => {
  /** @type {any[]} */
  const answers = []
  /** @type {Attempt[]} */
  const attempts = []
  const ids = new Set()
  if (file && existsSync(file))
    for (const line of readFileSync(file, 'utf8').split('\n'))
      if (line.trim()) {
        try {
          const a = JSON.parse(line)
          if (!ids.has(a.id)) ids.add(a.id), answers.push(a)
        } catch {}
      }
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Expose-Headers': 'Retry-After',
    'Access-Control-Max-Age': '86400',
  }
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    if (req.method == 'OPTIONS') return res.writeHead(204, cors).end()
    if (req.method == 'GET' && url.pathname == '/answers.json') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
      return res.end(JSON.stringify(answers, null, 2))
    }
    if (req.method == 'GET' && url.pathname == '/') {
      res.writeHead(200, { 'Content-Type': types['.html'], 'Cache-Control': 'no-store' })
      return res.end(page(answers))
    }
    if (req.method != 'POST' || url.pathname != path) return res.writeHead(404, cors).end()
    let raw = ''
    req.setEncoding('utf8')
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      let body = null
      try {
        body = JSON.parse(raw)
      } catch {}
      const attempt = { at: Date.now(), status: 0, ids: (body?.answers ?? []).map((a) => a?.id), body: raw, headers: req.headers }
      attempts.push(attempt)
      const scripted = respond?.({ attempt: attempts.length, body })
      if (scripted?.hang) return // never answers: the client must time out
      setTimeout(() => reply(res, attempt, body, scripted), scripted?.delay ?? 0) // delay: a slow collector
    })
  })

  /** @param {import('node:http').ServerResponse} res @param {Attempt} attempt @param {any} body @param {any} scripted */
  const reply = (res, attempt, body, scripted) => {
    if (scripted?.status) {
      attempt.status = scripted.status
      return res.writeHead(scripted.status, { ...cors, ...scripted.headers }).end()
    }
    if (!body || !Array.isArray(body.answers) || body.answers.some((a) => !valid(a))) {
      attempt.status = 400
      return res.writeHead(400, { ...cors, 'Content-Type': 'text/plain' }).end('expected { answers: [...] } with id, touchpoint, metric, score, createdAt, page.url')
    }
    let added = 0
    for (const a of body.answers) {
      if (ids.has(a.id)) continue // the same answer sent again: stored once
      ids.add(a.id)
      const stored = { ...a, receivedAt: new Date().toISOString(), sentAt: body.sentAt }
      if (file) appendFileSync(file, JSON.stringify(stored) + '\n') // stored before the 2xx
      answers.push(stored)
      added++
    }
    attempt.status = 200
    res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify({ accepted: added }))
  }
  const s = await listen(server, port)
  return { ...s, endpoint: s.url + path, answers, attempts }
}

/** @param {any} a */
const valid = (a) =>
  a && typeof a.id == 'string' && typeof a.touchpoint == 'string' && typeof a.metric == 'string' &&
  typeof a.score == 'number' && typeof a.createdAt == 'string' && typeof a.page?.url == 'string'

/** @param {unknown} v */
const esc = (v) => String(v ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)

/** @param {any[]} answers */
const page = (answers) => `<!doctype html><html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="3">
<title>Touchpoint collector</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;color:#1f2328}table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}</style>
<h1>Touchpoint collector</h1><p>${answers.length} answer(s) received. This page refreshes every 3 seconds; JSON at <a href="/answers.json">/answers.json</a>.</p>
<table><thead><tr><th>Received</th><th>Touchpoint</th><th>Metric</th><th>Score</th><th>Question</th><th>Comment</th><th>Page</th><th>Id</th></tr></thead><tbody>
${answers.slice().reverse().map((a) => `<tr><td>${esc(a.receivedAt)}</td><td>${esc(a.touchpoint)}</td><td>${esc(a.metric)}</td><td>${esc(a.score)}</td><td>${esc(a.question)}</td><td>${esc(a.comment)}</td><td>${esc(a.page?.url)}</td><td><code>${esc(a.id)}</code></td></tr>`).join('')}
</tbody></table></html>`
