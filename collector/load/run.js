// @ts-check
// npm run load: the collector under load, for PGlite, PostgreSQL with one collector process, and
// PostgreSQL with four (--workers 4, one port). Each run posts for LOAD_SECONDS (default 60)
// from LOAD_CONNECTIONS (default 32) connections with autocannon, then counts in the database:
// every answer id acknowledged with a 2xx must be stored exactly once at its highest acknowledged
// revision. The rate limit is raised out of the way (--rate-limit 1000000000): all the load comes
// from one address. Only servers this script starts, on loopback; all of them are stopped and
// their folders removed at the end, on an error, and on Ctrl+C.
// LOAD_SETUPS=pglite,pg1,pg4 picks setups; e.g. LOAD_SECONDS=5 for a smoke run.
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { pgBindir, startThrowaway } from '../src/store/throwaway.js'
import { body, compare, newLedger } from './answers.js'
import { cpuSeconds, machine, treeTicks } from './measure.js'

const BIN = fileURLToPath(new URL('../bin.js', import.meta.url))
const SECONDS = Number(process.env.LOAD_SECONDS || 60)
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS || 32)
const SETUPS = (process.env.LOAD_SETUPS || 'pglite,pg1,pg4').split(',')

/** @typedef {(ctrlC?: boolean) => void | Promise<void>} Undo */
/** Undo steps, latest first: run once, on any exit. @type {Undo[]} */
const cleanups = []
const cleanUp = async (ctrlC = false) => {
  while (cleanups.length) await /** @type {Undo} */ (cleanups.pop())(ctrlC)
}
for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => {
    process.stderr.write(`load: ${signal}: stopping the collectors and PostgreSQL\n`)
    // Ctrl+C reaches the whole process group: the collector got it too, and is stopping.
    cleanUp(signal == 'SIGINT').finally(() => process.exit(130))
  })

/** Starts bin.js; resolves once it listens. @param {string[]} args */
const startCollector = (args) =>
  /** @type {Promise<{ url: string, pid: number, stop: (ctrlC?: boolean) => Promise<void> }>} */ (
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, '--port', '0', '--rate-limit', '1000000000', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      const exited = new Promise((r) => child.once('exit', r))
      const stop = async (ctrlC = false) => {
        if (child.exitCode != null || child.signalCode != null) return
        if (!ctrlC) child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
        await exited
        clearTimeout(timer)
      }
      cleanups.push(stop)
      const done = /** @type {RegExp} */ (args.includes('--workers') ? /Workers: / : /Database: /)
      child.stdout.on('data', (c) => {
        out += c
        const url = out.match(/listening on (http:\/\/\S+)/)?.[1]
        if (url && done.test(out)) resolve({ url, pid: /** @type {number} */ (child.pid), stop })
      })
      child.stderr.on('data', (c) => process.stderr.write(c))
      child.once('exit', (code) => reject(new Error(`the collector exited (${code}) before listening:\n${out}`)))
    })
  )

/** Posts for SECONDS; records every acknowledged body in the ledger. @param {string} url @param {ReturnType<typeof newLedger>} ledger */
const hammer = (url, ledger) =>
  /** @type {Promise<import('autocannon').Result>} */ (
    new Promise((resolve, reject) => {
      const run = autocannon(
        {
          url: url + '/v1/responses',
          method: 'POST',
          connections: CONNECTIONS,
          duration: SECONDS,
          headers: { 'content-type': 'text/plain' },
          requests: [
            {
              // One request in flight per connection (no pipelining): the context of a response is
              // that of the request it answers.
              setupRequest: (req, context) => {
                context.sent = ledger.next()
                return { ...req, body: body(context.sent) }
              },
              onResponse: (status, _body, context) => {
                if (status >= 200 && status < 300) ledger.acked(context.sent)
              },
            },
          ],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      )
      cleanups.push(() => run.stop())
    })
  )

/** id and revision of every stored row, from a PostgreSQL server. @param {string} url */
const rowsOnServer = async (url) => {
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  try {
    return (await pool.query('SELECT id, revision FROM answers')).rows
  } finally {
    await pool.end()
  }
}
/** The same from a PGlite folder (its collector stopped: one writer). @param {string} dir */
const rowsInFolder = async (dir) => {
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create({ dataDir: dir })
  try {
    return /** @type {{ rows: { id: string, revision: number }[] }} */ (await db.query('SELECT id, revision FROM answers')).rows
  } finally {
    await db.close()
  }
}

/**
 * One setup: start, load, stop the collector (its requests in flight finish), count.
 * @param {string} name @param {string[]} args @param {number[]} dbPids processes of the database, for CPU
 * @param {() => Promise<{ id: string, revision: number }[]>} rows
 */
const measure = async (name, args, dbPids, rows) => {
  const m = machine()
  const collector = await startCollector(args)
  const ledger = newLedger()
  const before = { collector: treeTicks([collector.pid]), db: treeTicks(dbPids), self: process.cpuUsage() }
  const loadBefore = m.load()
  const started = Date.now()
  const result = await hammer(collector.url, ledger)
  const seconds = (Date.now() - started) / 1000
  const cpu = {
    collector: cpuSeconds(before.collector, treeTicks([collector.pid])),
    db: dbPids.length ? cpuSeconds(before.db, treeTicks(dbPids)) : null,
    self: (() => {
      const u = process.cpuUsage(before.self)
      return (u.user + u.system) / 1e6
    })(),
  }
  const loadAfter = m.load()
  await collector.stop()
  cleanups.pop()
  const counts = compare(ledger.expected, await rows())
  return { name, seconds, result, ledger: ledger.counts(), counts, cpu, loadBefore, loadAfter }
}

/** @param {Awaited<ReturnType<typeof measure>>[]} runs */
const table = (runs) => {
  const rows = runs.map((r) => {
    const per = (/** @type {number | null} */ s) => (s == null ? 'n/a' : (s / r.seconds).toFixed(2))
    // CPU per acknowledged answer: what a core buys, whatever share of the machine the run got.
    const ms = (/** @type {number | null} */ s) => (s == null ? 'n/a' : ((s * 1000) / r.ledger.answers).toFixed(2))
    return [
      r.name,
      Math.round(r.ledger.answers / r.seconds),
      Math.round(r.result['2xx'] / r.seconds),
      r.result.latency.p50,
      r.result.latency.p99,
      r.ledger.answers,
      r.counts.lost,
      r.counts.duplicated,
      r.counts.older,
      r.result.non2xx,
      r.result.errors,
      per(r.cpu.collector) + ' / ' + ms(r.cpu.collector),
      per(r.cpu.db) + ' / ' + ms(r.cpu.db),
      per(r.cpu.self),
      r.loadBefore.split(' ')[0] + ' → ' + r.loadAfter.split(' ')[0],
    ].map(String)
  })
  const head = ['setup', 'answers/s', 'POSTs/s', 'p50 ms', 'p99 ms', 'answers acked', 'lost', 'duplicated', 'older revision', 'non-2xx', 'errors (timeouts)', 'CPU collector: cores / ms per answer', 'CPU PostgreSQL: cores / ms per answer', 'CPU autocannon: cores', 'load avg (1 min)']
  return [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n')
}

const main = async () => {
  const m = machine()
  const bindir = pgBindir()
  const wantPg = SETUPS.some((s) => s.startsWith('pg'))
  if (wantPg && !bindir) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql), or LOAD_SETUPS=pglite')
  console.log(`load: ${SECONDS} s per setup, ${CONNECTIONS} connections; ${m.cores} cores (${m.cpu}), ${m.ramGiB} GiB, Node ${m.node}; load average ${m.load()}`)
  const runs = []
  if (SETUPS.includes('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'touchpoint-load-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const data = join(dir, 'data')
    runs.push(await measure('PGlite, 1 process', ['--data', data], [], () => rowsInFolder(data)))
    console.log(table(runs.slice(-1)))
  }
  for (const workers of [1, 4]) {
    if (!SETUPS.includes('pg' + workers)) continue
    // A fresh server per setup, so that one run's table does not slow the next. max_connections
    // 100 is plenty: each collector process keeps a pool of 4.
    const cluster = await startThrowaway({ bindir: /** @type {string} */ (bindir) })
    cleanups.push(cluster.stop)
    if (workers == 1) console.log(`load: ${cluster.version()}`)
    const args = ['--database-url', cluster.url(), ...(workers > 1 ? ['--workers', String(workers)] : [])]
    runs.push(await measure(`PostgreSQL, ${workers} process${workers > 1 ? 'es (--workers ' + workers + ')' : ''}`, args, [cluster.pid()], () => rowsOnServer(cluster.url())))
    cleanups.pop()
    cluster.stop()
    console.log(table(runs.slice(-1)))
  }
  console.log('\n' + table(runs) + '\n')
  console.log(`CPU: cores busy on average (CPU seconds / wall seconds; this machine has ${m.cores}), and CPU milliseconds per acknowledged answer.`)
  console.log(`load average now: ${m.load()}`)
  for (const r of runs)
    console.log(`${r.name}: ${r.counts.acknowledgedIds} ids acknowledged (${r.ledger.revisions} revision-2 answers, ${r.ledger.stale} late revision-1 retries), ${r.counts.storedRows} rows stored (${r.counts.unacknowledged} stored but not acknowledged: in flight when the run ended)`)
  const bad = runs.filter((r) => r.counts.lost || r.counts.duplicated || r.counts.older)
  if (bad.length) throw new Error('answers lost, duplicated or at an older revision in: ' + bad.map((r) => r.name).join(', '))
}

main()
  .catch((e) => {
    process.stderr.write(`load: ${e?.message ?? e}\n`)
    process.exitCode = 1
  })
  .finally(cleanUp)
