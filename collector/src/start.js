// @ts-check
// Starting and stopping the collector: check the port and the data folder before creating
// anything, take the folder's lock, open the database, listen. Every failure is one line naming
// the flag or path (a problem(), see flags.js). Stopping waits for the requests in flight, then
// closes the database, so nothing acknowledged is lost.
import { rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { ENDPOINT, buildApp } from './app.js'
import { isLoopback } from './access.js'
import { checkFolder, createLevels, lockFolder } from './folder.js'
import { isProblem, problem } from './flags.js'
import { createLoop } from './followups/loop.js'
import { openStore } from './store/index.js'

/**
 * @typedef {object} StartOptions
 * @property {string} [data] PGlite folder (when no databaseUrl)
 * @property {string} [databaseUrl]
 * @property {string} [databaseLabel] how the user named the database URL (--database-url or DATABASE_URL)
 * @property {string} host
 * @property {number} port
 * @property {string} [portLabel] how the user names the port (--port; the demo says --collector-port)
 * @property {'*' | string[]} [allowedOrigins]
 * @property {string | null} [token] required for reading when set
 * @property {number} [rateLimit] POSTs per minute per client address
 * @property {boolean} [sharedPort] in a cluster worker (--workers): the primary holds the port, so it is not checked here
 * @property {boolean} [debug]
 * @property {boolean | object} [logger]
 * @property {(store: import('./store/index.js').Store) => Promise<void>} [beforeListen] e.g. add sample answers
 * @property {import('./webhooks/config.js').Hook[]} [hooks] webhook destinations (--config, --webhook)
 * @property {number | null} [followUpHours] a case's time to answer (default 2 business days)
 * @property {number | null} [retentionDays] answers, cases and deliveries older than this are deleted daily
 */

/** @param {unknown} e */
const code = (e) => /** @type {any} */ (e)?.code

/**
 * Binds and releases the port, so that a busy port is reported before anything is created.
 * @param {string} host @param {number} port @param {string} label
 */
export const checkPort = (host, port, label = '--port') =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', (e) => {
      const c = code(e)
      if (c == 'EADDRINUSE') reject(problem(`${label} ${port}: the port is in use on ${host} (another collector?); give a free one with ${label} N`))
      else if (c == 'EACCES') reject(problem(`${label} ${port}: not allowed to listen on this port; give one above 1023 with ${label} N`))
      else if (c == 'EADDRNOTAVAIL' || c == 'ENOTFOUND' || c == 'EAI_AGAIN') reject(problem(`--host ${host}: not an address of this machine (${c}); give one of its addresses, e.g. 127.0.0.1 or 0.0.0.0`))
      else reject(problem(`${label} ${port} on --host ${host}: cannot listen (${c ?? e}); give another --host or ${label}`))
    })
    s.listen({ host, port, exclusive: true }, () => s.close(() => resolve(undefined)))
  })

/**
 * What went wrong reaching PostgreSQL, in one line, without the URL's password.
 * @param {unknown} e @param {string} url @param {string} label
 */
const databaseProblem = (e, url, label) => {
  let where = 'the server'
  let user = ''
  let db = ''
  try {
    const u = new URL(url)
    where = `${u.hostname}:${u.port || 5432}`
    user = decodeURIComponent(u.username)
    db = decodeURIComponent(u.pathname.slice(1))
  } catch {
    return problem(`${label}: not a URL; give postgres://user:password@host:5432/database`)
  }
  const c = code(e)
  const msg = String(/** @type {any} */ (e)?.message ?? e)
  if (c == 'ECONNREFUSED') return problem(`${label}: nothing answers at ${where} (connection refused); start PostgreSQL there, or fix the host and port`)
  if (c == 'ENOTFOUND' || c == 'EAI_AGAIN') return problem(`${label}: cannot find the host of ${where}; fix the host in the URL`)
  if (c == '28P01' || c == '28000') return problem(`${label}: ${where} refused user "${user}" (${msg}); check the user and password in the URL`)
  if (c == '3D000') return problem(`${label}: there is no database "${db}" on ${where}; create it (createdb ${db}) or fix the URL`)
  if (/timeout/i.test(msg)) return problem(`${label}: ${where} did not answer within 1 s; check the host, the port and any firewall`)
  return problem(`${label}: cannot use the database at ${where} (${c ? c + ': ' : ''}${msg.split('\n')[0]})`)
}

/**
 * Starts a collector. Resolves once it listens; rejects with a problem() (one line) when it cannot.
 * @param {StartOptions} o
 */
export const startCollector = async (o) => {
  const portLabel = o.portLabel ?? '--port'
  // 1. Checks that create nothing.
  const missing = o.databaseUrl ? [] : checkFolder(/** @type {string} */ (o.data), '--data')
  // A worker's exclusive check would find the port its primary holds for all workers.
  if (!o.sharedPort) await checkPort(o.host, o.port, portLabel)
  // 2. The folder and its lock; from here on, a failure undoes what was made.
  /** @type {() => void} */
  let undoFolder = () => {}
  /** @type {() => void} */
  let unlock = () => {}
  if (!o.databaseUrl) {
    const data = /** @type {string} */ (o.data)
    undoFolder = createLevels(missing, data, '--data')
    try {
      unlock = lockFolder(data, '--data')
    } catch (e) {
      undoFolder()
      throw e
    }
  }
  const fail = (/** @type {unknown} */ e) => {
    unlock()
    if (missing.length) rmSync(/** @type {string} */ (missing[0]), { recursive: true, force: true })
    return e
  }
  /** @type {import('./store/index.js').Store} */
  let store
  try {
    store = await openStore({ data: o.data, databaseUrl: o.databaseUrl })
  } catch (e) {
    if (o.databaseUrl) throw fail(databaseProblem(e, o.databaseUrl, o.databaseLabel ?? '--database-url'))
    throw fail(Object.assign(problem(`--data ${o.data}: cannot open the database in this folder (${String(/** @type {any} */ (e)?.message ?? e).split('\n')[0].slice(0, 200)}); give an empty folder or one a collector made`), { cause: e }))
  }
  const token = o.token ?? null
  const loop = createLoop({ store, hooks: o.hooks, followUpHours: o.followUpHours, retentionDays: o.retentionDays, log: (m) => process.stderr.write(m + '\n') })
  const app = await buildApp({
    loop,
    store,
    token,
    origins: o.allowedOrigins ?? '*',
    rateLimit: { max: o.rateLimit ?? 300, timeWindow: 60_000 },
    logger: o.logger ?? false,
    debug: o.debug,
  })
  try {
    await o.beforeListen?.(store)
    await app.listen({ host: o.host, port: o.port })
    // Deliveries a previous run left pending go out now.
    await loop.start()
  } catch (e) {
    await loop.stop().catch(() => {})
    await app.close().catch(() => {})
    await store.close().catch(() => {})
    unlock()
    if (isProblem(e)) throw e
    if (code(e) == 'EADDRINUSE') throw problem(`${portLabel} ${o.port}: the port is in use on ${o.host} (another collector?); give a free one with ${portLabel} N`)
    throw e
  }
  const address = /** @type {import('node:net').AddressInfo} */ (app.server.address())
  const host = address.family == 'IPv6' ? `[${address.address}]` : address.address
  const url = `http://${host}:${address.port}`
  let closing = /** @type {Promise<void> | null} */ (null)
  return {
    url,
    endpoint: url + ENDPOINT,
    port: address.port,
    token,
    store,
    loop,
    /** Stops accepting, answers the requests in flight, closes the database, releases the folder. */
    close: () =>
      (closing ??= (async () => {
        await app.close()
        await Promise.allSettled(/** @type {Set<Promise<unknown>>} */ (/** @type {any} */ (app).pending))
        await loop.stop()
        await store.close()
        unlock()
      })()),
  }
}

/** Whether reads need a token: on any address but loopback, or whenever one is given. @param {string} host @param {string | undefined} token */
export const needsToken = (host, token) => !!token || !isLoopback(host)
