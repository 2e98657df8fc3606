// npm run demo [-- --data DIR --port N --collector-port M --sample]: serves the demo shop (which
// loads dist/touchpoint.js by script tag) and the reference collector it posts to, with its
// dashboard. Answers live in an embedded PostgreSQL (PGlite) in --data (default demo/data), or on
// the PostgreSQL server given by DATABASE_URL. --sample first adds a few hundred sample answers.
import { fileURLToPath } from 'node:url'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { sampleAnswers } from './collector/sample.js'
import { validateBody } from './collector/validate.js'
import { startCollector, startStatic } from './server.js'

const here = dirname(fileURLToPath(import.meta.url))
const { values: args } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string' },
    'collector-port': { type: 'string' },
    sample: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})
if (args.help) {
  console.log('npm run demo -- [--data DIR] [--port 5173] [--collector-port 5174] [--sample]   (DATABASE_URL: use a PostgreSQL server)')
  process.exit(0)
}
const data = resolve(args.data ?? join(here, 'data'))
const databaseUrl = process.env.DATABASE_URL || undefined
const collector = await startCollector({
  port: Number(args['collector-port'] ?? (process.env.COLLECTOR_PORT || 5174)),
  data,
  databaseUrl,
})
if (args.sample) {
  const answers = sampleAnswers()
  const check = validateBody({ sdk: { name: 'touchpoint', version: 'sample' }, sentAt: new Date().toISOString(), answers })
  if (check.error) throw new Error('sample data does not match the schema: ' + check.error)
  const stored = await collector.store.upsert(answers, new Date().toISOString())
  console.log(`  Added ${stored} sample answers (context.sample = true; ${answers.length - stored} were there already).`)
}
const site = await startStatic({
  port: Number(args.port ?? (process.env.DEMO_PORT || 5173)),
  routes: { '/': join(here, 'site'), '/dist/': join(here, '..', 'dist') },
})
console.log(`
  Demo shop:  ${site.url}/
  Dashboard:  ${collector.url}/   (figures at ${collector.url}/summary.json)
  Endpoint:   ${collector.endpoint}
  Database:   ${databaseUrl ? 'PostgreSQL at DATABASE_URL' : 'PGlite in ' + data}

  Press Ctrl+C to stop.
`)
const stop = async () => {
  await Promise.all([site.close(), collector.close()])
  process.exit(0)
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
