// Helpers for the tests of closing the loop: a PGlite store in a temporary folder (or a throwaway
// PostgreSQL cluster), the app with its loop (clock injectable), a webhook receiver on loopback
// whose answers a test chooses, and every table of the database as text.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../app.js'
import { openStore, type Store } from '../store/index.js'
import { pgBindir, startThrowaway } from '../store/throwaway.js'
import { createLoop } from './loop.js'

export const SECRET = 'whsec_' + Buffer.from('a test secret of 24 bytes').toString('base64')

let n = 0
export const uuid = () => `00000000-0000-4000-9000-${String(++n).padStart(12, '0')}`
export const answer = (o: Record<string, unknown> = {}) => ({
  id: uuid(),
  touchpoint: 'checkout-pay',
  metric: 'nps',
  score: 3,
  createdAt: '2026-12-04T10:00:00.000Z', // a Friday
  revision: 1,
  stage: 'purchase',
  page: { url: 'https://shop.example.com/pay' },
  ...o,
})
export const body = (answers: unknown[]) => JSON.stringify({ sdk: { name: 'touchpoint', version: '0.1.0' }, sentAt: new Date().toISOString(), answers })

const cleanups: (() => Promise<void>)[] = []
export const cleanup = async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
}

export const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-loop-'))
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  return dir
}

const TABLES = 'answers, cases, case_history, deliveries, erasures'

// Opening PGlite takes seconds on a busy machine: one store per test file, emptied between tests.
let shared: Store | null = null
let sharedDir = ''
export const pglite = async () => {
  shared ??= await openStore({ data: (sharedDir = mkdtempSync(join(tmpdir(), 'touchpoint-loop-'))) })
  await shared.query!(`TRUNCATE ${TABLES}`)
  return shared
}

/** Whether the tests can start a throwaway PostgreSQL (apt-get install -y postgresql). */
export const pgInstalled = pgBindir() != null
// The same on a throwaway PostgreSQL cluster: one per test file, emptied between tests.
let cluster: Awaited<ReturnType<typeof startThrowaway>> | null = null
let sharedPg: Store | null = null
export const postgres = async () => {
  cluster ??= await startThrowaway({ bindir: pgBindir()! })
  sharedPg ??= await openStore({ databaseUrl: cluster.url() })
  await sharedPg.query!(`TRUNCATE ${TABLES}`)
  return sharedPg
}

export const closeShared = async () => {
  await shared?.close()
  shared = null
  if (sharedDir) rmSync(sharedDir, { recursive: true, force: true })
  await sharedPg?.close()
  sharedPg = null
  cluster?.stop()
  cluster = null
}

/** A clock tests move by hand. */
export const clock = (start: number | string = '2026-12-04T10:00:00.000Z') => {
  let t = typeof start == 'string' ? Date.parse(start) : start
  return { now: () => t, set: (v: number | string) => void (t = typeof v == 'string' ? Date.parse(v) : v), add: (ms: number) => void (t += ms) }
}

export const loopApp = async (o: { store?: Store; token?: string | null } & Partial<Parameters<typeof createLoop>[0]> = {}) => {
  const store = o.store ?? (await pglite())
  const loop = createLoop({ ...o, store })
  const app = await buildApp({ store, token: o.token ?? null, loop })
  cleanups.push(async () => {
    await loop.stop()
    await app.close()
  })
  return { store, loop, app }
}

export interface Received { headers: IncomingHttpHeaders; body: string }
/** A receiver: `answer(n)` says what the n-th request gets (a status, or 'hang'). */
export const receiver = async (answer: (n: number) => number | 'hang' = () => 200, port = 0) => {
  const got: Received[] = []
  const server: Server = createServer((req, res) => {
    let b = ''
    req.on('data', (c) => (b += c))
    req.on('end', () => {
      got.push({ headers: req.headers, body: b })
      const a = answer(got.length)
      if (a != 'hang') res.writeHead(a).end()
    })
  })
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r))
  const close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())))
  cleanups.push(close)
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, got, close }
}

/** Every row of every table of every schema but the system's, as text. */
export const dump = async (store: Store) => {
  const q = store.query!
  const { rows } = await q(`SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`)
  let out = ''
  for (const { s, t } of rows) for (const r of (await q(`SELECT x::text AS v FROM "${s}"."${t}" x`)).rows) out += `${s}.${t}: ${r.v}\n`
  return { text: out, tables: rows.map((r) => `${r.s}.${r.t}`) }
}
