#!/usr/bin/env node
// @ts-check
// touchpoint-collector: parse the flags, check them, start, and stop cleanly on SIGTERM / SIGINT.
// A bad start is one line on stderr and a non-zero exit; a stack trace only with --debug.
import { resolve } from 'node:path'
import { AFTER, FLAGS, USAGE } from './src/cli.js'
import { helpText, isProblem, parseFlags, problem } from './src/flags.js'

const NAME = 'touchpoint-collector'
const argv = process.argv.slice(2)
const debug = argv.includes('--debug')

/** @param {unknown} e @returns {never} */
const fail = (e) => {
  const message = isProblem(e) ? e.message : `could not start: ${String(/** @type {any} */ (e)?.message ?? e).split('\n')[0]} (--debug shows more)`
  process.stderr.write(`${NAME}: ${message}\n`)
  if (debug) console.error(e)
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
  // Loaded only now, so that --help and flag errors answer at once.
  const { startCollector, needsToken } = await import('./src/start.js')
  const { newToken } = await import('./src/access.js')
  const { resolveHooks } = await import('./src/webhooks/config.js')
  const { hooks, generated } = resolveHooks({ config: flags.config || [], webhook: flags.webhook || undefined, env: process.env })
  // Named as the user gave it: the flag, or the environment variable.
  const databaseLabel = argv.some((a) => a == '--database-url' || a.startsWith('--database-url=')) ? '--database-url' : 'DATABASE_URL'
  const token = needsToken(flags.host, flags.token) ? (flags.token ?? newToken()) : null
  const running = await startCollector({
    data: flags.databaseUrl ? undefined : resolve(flags.data),
    databaseUrl: flags.databaseUrl,
    databaseLabel,
    host: flags.host,
    port: flags.port,
    allowedOrigins: flags.allowedOrigins,
    token,
    rateLimit: flags.rateLimit,
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
  process.stdout.write(lines.join('\n') + '\n')

  let stopping = false
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    if (stopping) {
      process.stderr.write(`${NAME}: ${signal} again: stopping now\n`)
      process.exit(1)
    }
    stopping = true
    process.stdout.write(`${NAME}: ${signal}: finishing the requests in flight, then closing the database\n`)
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
  process.on('SIGINT', stop)
} catch (e) {
  fail(e)
}
