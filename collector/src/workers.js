// @ts-check
// --workers N on PostgreSQL: N collector processes behind one port, with Node's cluster module.
// The primary process only forks, prints and stops: it binds the port and hands connections to the
// workers in turn; each worker is a whole collector (its own pool of connections, its own rate-limit
// counts) running this same command. A worker reports back by message, so that a start prints one
// block and a bad start one line, however many workers there are. PGlite is refused before this
// (one writer per data folder).
import cluster from 'node:cluster'

/** @typedef {{ type: 'ready', lines: string[] } | { type: 'failed', message: string, code: number }} WorkerMessage */

/** In a worker: tells the primary, and resolves once the message is sent. @param {WorkerMessage} m */
export const tellPrimary = (m) => new Promise((resolve) => /** @type {NonNullable<typeof process.send>} */ (process.send)(m, undefined, {}, () => resolve(undefined)))

/**
 * In the primary: forks `n` workers and keeps them running until SIGTERM / SIGINT, which it passes
 * on (each worker finishes its requests in flight and closes its database), then exits.
 * @param {number} n @param {string} name the command's name, for its lines
 */
export const runWorkers = (n, name) => {
  /** @type {Set<number>} */
  const ready = new Set()
  let printed = false
  let stopping = false
  let exitCode = 0

  const stopAll = (/** @type {number} */ code) => {
    stopping = true
    exitCode = Math.max(exitCode, code)
    const running = Object.values(cluster.workers ?? {})
    if (!running.length) process.exit(exitCode)
    for (const w of running) w?.process.kill('SIGTERM')
  }

  const fork = () => {
    const w = cluster.fork()
    w.on('message', (/** @type {WorkerMessage} */ m) => {
      if (m.type == 'ready') {
        ready.add(w.id)
        if (!printed && ready.size == n) {
          printed = true
          process.stdout.write([...m.lines, `  Workers:    ${n} processes on one port (--workers; primary ${process.pid})`].join('\n') + '\n')
        }
      } else if (m.type == 'failed' && !stopping) {
        // Every worker would say the same: one line, and the others are stopped.
        process.stderr.write(`${name}: ${m.message}\n`)
        stopAll(m.code)
      }
    })
  }

  cluster.on('exit', (w, code, signal) => {
    const wasReady = ready.delete(w.id)
    if (stopping) {
      if (code) exitCode = Math.max(exitCode, 1)
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(exitCode)
    } else if (!wasReady) {
      process.stderr.write(`${name}: a worker exited before listening (${signal ?? code}); --debug shows more\n`)
      stopAll(1)
    } else {
      // The other workers went on serving; a new one takes the dead one's place.
      process.stderr.write(`${name}: worker ${w.process.pid} exited (${signal ?? code}); starting another\n`)
      fork()
    }
  })

  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    if (stopping) {
      process.stderr.write(`${name}: ${signal} again: stopping now\n`)
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL')
      process.exit(1)
    }
    process.stdout.write(`${name}: ${signal}: the ${n} workers finish the requests in flight, then close the database\n`)
    stopAll(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  for (let i = 0; i < n; i++) fork()
}
