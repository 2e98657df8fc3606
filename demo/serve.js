// npm run demo [-- --data DIR --port N --collector-port M --sample --no-build]: the demo shop
// (which loads dist/touchpoint.js by script tag) and the reference collector it posts to, with its
// dashboard. Flags and ports are checked first, so a mistake answers at once; then dist/ is built;
// then both start. The shop's pages are served with their endpoint set to the collector started.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { probeFolder } from '../collector/src/folder.js'
import { helpText, isProblem, parseFlags, port, problem } from '../collector/src/flags.js'

const root = join(import.meta.dirname, '..')
/** @type {import('../collector/src/flags.js').Flag[]} */
const FLAGS = [
  { name: 'data', value: 'DIR', default: 'demo/data', help: "the collector's data folder (PGlite); DATABASE_URL: a PostgreSQL server instead" },
  { name: 'port', value: 'PORT', default: 5173, parse: port, help: 'port of the demo shop' },
  { name: 'collector-port', value: 'PORT', default: 5174, parse: port, help: 'port of the collector and its dashboard' },
  { name: 'sample', help: 'first add 360 sample answers (marked as samples; a second run adds nothing)' },
  { name: 'no-build', help: 'serve dist/ as it is, without building it first' },
  { name: 'debug', help: 'log every request, and print stack traces of errors' },
  { name: 'help', help: 'print this and exit' },
]
const argv = process.argv.slice(2)
const debug = argv.includes('--debug')
/** @param {unknown} e @returns {never} */
const fail = (e) => {
  process.stderr.write(`demo: ${isProblem(e) ? e.message : 'could not start: ' + String(/** @type {any} */ (e)?.message ?? e).split('\n')[0]}\n`)
  if (debug) console.error(e)
  process.exit(isProblem(e) ? 2 : 1)
}

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.css': 'text/css', '.json': 'application/json' }

/**
 * The shop: demo/site/ at /, dist/ at /dist/. Each page's data-endpoint becomes `endpoint`, so
 * the pages post to the collector this run started, whatever its port.
 * @param {number} port @param {string} endpoint
 */
const startShop = (port, endpoint) =>
  new Promise((resolveShop, reject) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const [base, rel] = path.startsWith('/dist/') ? [join(root, 'dist'), path.slice(6)] : [join(root, 'demo', 'site'), path.slice(1)]
      let file = normalize(join(base, rel))
      if (file.startsWith(base) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
      if (!file.startsWith(base) || !existsSync(file)) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
      let body = readFileSync(file)
      if (extname(file) == '.html') body = Buffer.from(body.toString('utf8').replace(/data-endpoint="[^"]*"/g, `data-endpoint="${endpoint}"`))
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body)
    })
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolveShop({ server, url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}` }))
  })

try {
  const flags = parseFlags(FLAGS, argv, process.env)
  if (flags.help) {
    process.stdout.write(helpText('npm run demo -- [flags]: the demo shop and a collector with its dashboard', FLAGS, '\nThe collector alone, with all of its flags: npm run collector -- --help\n'))
    process.exit(0)
  }
  const databaseUrl = process.env.DATABASE_URL || undefined
  const data = resolve(root, flags.data)
  if (flags.port == flags.collectorPort && flags.port != 0) throw problem(`--port and --collector-port are both ${flags.port}: give two different ports`)
  // Everything that can be checked without creating anything, before the build.
  const { checkPort, startCollector } = await import('../collector/src/start.js')
  if (!databaseUrl) probeFolder(data, '--data')
  await checkPort('127.0.0.1', flags.port, '--port')
  await checkPort('127.0.0.1', flags.collectorPort, '--collector-port')

  if (!flags.noBuild) {
    const build = spawnSync(process.platform == 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
    if (build.status != 0) throw problem('the build failed (see above); fix it, or serve the dist/ there is with --no-build')
  } else if (!existsSync(join(root, 'dist', 'touchpoint.js'))) throw problem('--no-build: dist/touchpoint.js is missing; run npm run build first, or leave out --no-build')

  const collector = await startCollector({
    data: databaseUrl ? undefined : data,
    databaseUrl,
    databaseLabel: 'DATABASE_URL',
    host: '127.0.0.1',
    port: flags.collectorPort,
    portLabel: '--collector-port',
    debug,
    logger: { level: debug ? 'debug' : 'warn' },
    beforeListen: async (store) => {
      if (!flags.sample) return
      const { sampleAnswers } = await import('../collector/src/sample.js')
      const { validateBody } = await import('../collector/src/validate.js')
      const answers = sampleAnswers()
      const check = validateBody({ sdk: { name: 'touchpoint', version: 'sample' }, sentAt: new Date().toISOString(), answers })
      if (check.error) throw new Error('sample data does not match the schema: ' + check.error)
      const stored = await store.upsert(answers, new Date().toISOString())
      console.log(`  Added ${stored} sample answers (context.sample = true; ${answers.length - stored} were there already).`)
    },
  })
  const shop = /** @type {{ server: import('node:http').Server, url: string }} */ (await startShop(flags.port, collector.endpoint).catch(async (e) => {
    await collector.close()
    throw /** @type {any} */ (e)?.code == 'EADDRINUSE' ? problem(`--port ${flags.port}: the port is in use on 127.0.0.1; give a free one with --port N`) : e
  }))
  console.log(`
  Demo shop:  ${shop.url}/
  Dashboard:  ${collector.url}/   (figures at ${collector.url}/summary.json)
  Endpoint:   ${collector.endpoint}
  Database:   ${databaseUrl ? 'PostgreSQL at DATABASE_URL' : 'PGlite in ' + data}

  Press Ctrl+C to stop.
`)
  let stopping = false
  const stop = () => {
    if (stopping) process.exit(1)
    stopping = true
    shop.server.closeAllConnections()
    shop.server.close()
    collector.close().then(() => process.exit(0), fail)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (e) {
  fail(e)
}
