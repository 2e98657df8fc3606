#!/usr/bin/env node
// @ts-check
// touchpoint-collector: parse the flags, check them, start, and stop cleanly on SIGTERM / SIGINT.
// A bad start is one line on stderr and a non-zero exit; a stack trace only with --debug.
import cluster from 'node:cluster'
import { resolve } from 'node:path'
import { AFTER, FLAGS, USAGE } from './src/cli.js'
import { helpText, isProblem, parseFlags, problem } from './src/flags.js'

const NAME = 'touchpoint-collector'
const argv = process.argv.slice(2)
const debug = argv.includes('--debug')
// A worker of --workers N (src/workers.js) reports to its primary instead of printing.
const worker = cluster.isWorker

/** @param {unknown} e */
const fail = async (e) => {
  const message = isProblem(e) ? e.message : `could not start: ${String(/** @type {any} */ (e)?.message ?? e).split('\n')[0]} (--debug shows more)`
  if (debug) console.error(e)
  if (worker) await (await import('./src/workers.js')).tellPrimary({ type: 'failed', message, code: isProblem(e) ? 2 : 1 })
  else process.stderr.write(`${NAME}: ${message}\n`)
  process.exit(isProblem(e) ? 2 : 1)
}

try {
  const flags = parseFlags(FLAGS, argv, process.env)
  if (flags.help) {
    process.stdout.write(helpText(USAGE, FLAGS, AFTER))
    process.exit(0)
  }
  if (flags.databaseUrl && flags.given.has('data'))
    throw problem('--data and --database-url (or DATABASE_URL) both given: keep answers in one place, give one of them')
  if (flags.workers > 1 && !flags.databaseUrl)
    throw problem(`--workers ${flags.workers}: PGlite allows one writer per data folder, so it runs in one process; give --database-url for more workers, or leave --workers out`)
  if (flags.workers > 1 && cluster.isPrimary) {
    // The token is made once, here, so that every worker asks for the same one.
    const { newToken } = await import('./src/access.js')
    const { needsToken } = await import('./src/start.js')
    if (needsToken(flags.host, flags.token) && !flags.token) process.env.TOUCHPOINT_WORKERS_TOKEN = newToken()
    // Likewise the webhook secret of --webhook, so every worker signs with the one printed.
    const { SECRET_ENV, newSecret } = await import('./src/webhooks/config.js')
    if (flags.webhook && !process.env[SECRET_ENV]) process.env[SECRET_ENV] = newSecret()
    ;(await import('./src/workers.js')).runWorkers(flags.workers, NAME)
  } else await serve(flags)
} catch (e) {
  await fail(e)
}

/** Starts one collector in this process (alone, or as one worker of --workers N). @param {Record<string, any>} flags */
async function serve(flags) {
  // Loaded only now, so that --help and flag errors answer at once.
  const { startCollector, needsToken } = await import('./src/start.js')
  const { newToken } = await import('./src/access.js')
  const { resolveHooks } = await import('./src/webhooks/config.js')
  const { hooks, generated } = resolveHooks({ config: flags.config || [], webhook: flags.webhook || undefined, env: process.env })
  // Named as the user gave it: the flag, or the environment variable.
  const databaseLabel = argv.some((a) => a == '--database-url' || a.startsWith('--database-url=')) ? '--database-url' : 'DATABASE_URL'
  const token = needsToken(flags.host, flags.token) ? (flags.token ?? process.env.TOUCHPOINT_WORKERS_TOKEN ?? newToken()) : null
  const running = await startCollector({
    data: flags.databaseUrl ? undefined : resolve(flags.data),
    databaseUrl: flags.databaseUrl,
    databaseLabel,
    host: flags.host,
    port: flags.port,
    allowedOrigins: flags.allowedOrigins,
    token,
    rateLimit: flags.rateLimit,
    sharedPort: worker,
    hooks,
    followUpHours: flags.followUpHours || null,
    retentionDays: flags.retentionDays || null,
    debug,
    logger: { level: debug ? 'debug' : 'warn' },
  })
  const where = flags.databaseUrl ? 'PostgreSQL at ' + databaseLabel : 'PGlite in ' + resolve(flags.data)
  const lines = [
    `${NAME} listening on ${running.url}`,
    `  Endpoint:   ${running.endpoint}   (origins: ${flags.allowedOrigins == '*' ? 'any' : flags.allowedOrigins.join(', ')})`,
    `  Dashboard:  ${running.url}/`,
    `  Database:   ${where}`,
  ]
  if (token)
    lines.push(
      `  Reading needs the token${flags.token ? ' given' : ` ${token}  (generated; give your own with --token or TOUCHPOINT_TOKEN)`}:`,
      `    Authorization: Bearer <token>, or open ${running.url}/?token=<token> once`,
    )
  else lines.push('  Reading is open: loopback only (put it behind your reverse proxy, or give --token)')
  lines.push(`  Follow-ups: ${running.url}/follow-ups${token ? '' : '   (changing cases needs --token)'}`)
  if (hooks.length) lines.push(`  Webhooks:   ${hooks.length} destination(s)`)
  if (generated) lines.push(`  Webhook secret (generated; set TOUCHPOINT_WEBHOOK_SECRET to keep one): ${generated}`)
  if (worker) await (await import('./src/workers.js')).tellPrimary({ type: 'ready', lines })
  else process.stdout.write(lines.join('\n') + '\n')

  let stopping = false
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    if (stopping) {
      process.stderr.write(`${NAME}: ${signal} again: stopping now\n`)
      process.exit(1)
    }
    stopping = true
    if (!worker) process.stdout.write(`${NAME}: ${signal}: finishing the requests in flight, then closing the database\n`)
    running.close().then(
      () => process.exit(0),
      (e) => {
        process.stderr.write(`${NAME}: could not close cleanly: ${String(e?.message ?? e)}\n`)
        if (debug) console.error(e)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  // A worker stops when its primary says so (Ctrl+C reaches the whole group: the primary passes
  // it on once), or when the primary is gone.
  if (worker) {
    process.on('SIGINT', () => {})
    process.on('disconnect', () => stop('SIGTERM'))
  } else process.on('SIGINT', stop)
}
