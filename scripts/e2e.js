#!/usr/bin/env node
// Runs the end-to-end suite in each engine against one build of dist/, and prints per engine how
// many tests ran, passed and were skipped (with the reasons).
//
//   node scripts/e2e.js                      all three engines: chromium, firefox, webkit
//   node scripts/e2e.js --engine webkit      one engine (repeat the flag, or a,b, for several)
//   node scripts/e2e.js --jobs 1             one browser process at a time (default: three at once)
//   node scripts/e2e.js -- e2e/spine.test.ts anything else is passed on to vitest
//
// A browser missing on this machine is named with the apt-get line that installs it, and the
// other engines run; with CI=true or TOUCHPOINT_REQUIRE_ALL_ENGINES=1 a missing engine fails.
// Chromium and Firefox run e2e/*.test.ts through playwright-core; WebKit runs e2e/webkit/ over
// WebDriver (vitest.e2e.config.ts picks by TOUCHPOINT_ENGINE). Every server and browser binds
// ephemeral ports and its own profile and display, so engines can run side by side.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { APT, ENGINES, missing } from '../e2e/engines/detect.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

// ---- arguments
/** @type {string[]} */
const wanted = []
/** @type {string[]} */
const passOn = []
let jobs = Number(process.env.TOUCHPOINT_E2E_JOBS) || 3
const argv = process.argv.slice(2)
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]
  const value = () => {
    const eq = a.indexOf('=')
    if (eq > 0) return a.slice(eq + 1)
    const v = argv[++i]
    if (v == null) fail(`${a} needs a value`)
    return v
  }
  if (a == '--') passOn.push(...argv.slice(i + 1)), (i = argv.length)
  else if (a == '--engine' || a.startsWith('--engine=')) wanted.push(...value().split(','))
  else if (a == '--jobs' || a.startsWith('--jobs=')) jobs = Math.max(1, Number(value()) || 1)
  else if (a == '--help' || a == '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 12).join('\n').replace(/^\/\/ ?/gm, ''))
    process.exit(0)
  } else passOn.push(a)
}
/** @param {string} msg @returns {never} */
function fail(msg) {
  console.error('e2e: ' + msg)
  process.exit(2)
}
for (const e of wanted) if (!ENGINES.includes(/** @type {any} */ (e))) fail(`unknown engine "${e}" (expected ${ENGINES.join(', ')})`)
const engines = /** @type {import('../e2e/engines/detect.js').Engine[]} */ (wanted.length ? [...new Set(wanted)] : ENGINES)
const requireAll = process.env.CI == 'true' || process.env.TOUCHPOINT_REQUIRE_ALL_ENGINES == '1'

// ---- the build: one snapshot of dist/ for every engine (a rebuild meanwhile changes nothing)
const dist = join(root, 'dist')
if (!existsSync(join(dist, 'touchpoint.js'))) fail('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
const work = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-run-'))
const snapshot = join(work, 'dist')
cpSync(dist, snapshot, { recursive: true })

// ---- which engines can run here
/** @type {{ engine: string, what: string }[]} */
const absent = []
const runnable = engines.filter((e) => {
  const what = missing(e)
  if (what) absent.push({ engine: e, what })
  return !what
})
for (const { engine, what } of absent)
  console.error(`e2e: ${engine}: ${what} is missing on this machine. Install it with (as root):\n    ${APT[/** @type {keyof typeof APT} */ (engine)]}\n` +
    (requireAll ? '  (a missing engine fails this run: CI=true or TOUCHPOINT_REQUIRE_ALL_ENGINES=1)' : '  The other engines run; ' + engine + ' is not tested.'))

// ---- run
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set()
// One unit of work: an engine's whole suite, or one file of it. Firefox's suite takes about 1.6
// times Chromium's and 6 times WebKit's: its files are handed out one by one to whichever job is
// free (largest first), so the job that ends WebKit's suite takes a share and all end together.
/** @typedef {{ engine: import('../e2e/engines/detect.js').Engine, files: string[] }} Unit */
/** @type {Unit[]} */
const units = []
// Files named on the command line (or any other vitest argument) keep one run per engine.
const byFile = passOn.length ? [] : ['firefox']
for (const engine of runnable) {
  if (!byFile.includes(engine)) units.unshift({ engine, files: [] })
  else
    for (const f of readdirSync('e2e')
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => 'e2e/' + f)
      // A file's size stands in for its duration: the short ones fill the gaps at the end.
      .sort((a, b) => statSync(b).size - statSync(a).size))
      units.push({ engine, files: [f] })
}
let reports = 0
/** @param {Unit} unit */
const run = ({ engine, files }) =>
  new Promise((resolve) => {
    const report = join(work, `${engine}-${++reports}.json`)
    const started = Date.now()
    const child = spawn(
      process.execPath,
      [vitest, 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=' + report, ...passOn, ...files],
      { env: { ...process.env, TOUCHPOINT_ENGINE: engine, TOUCHPOINT_DIST: snapshot, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    children.add(child)
    const tag = `[${engine}] `.padEnd(11)
    /** @param {NodeJS.WritableStream} out */
    const lines = (out) => {
      let rest = ''
      return /** @param {Buffer} c */ (c) => {
        const parts = (rest + c).split('\n')
        rest = parts.pop() ?? ''
        for (const l of parts) out.write(tag + l + '\n')
      }
    }
    child.stdout.on('data', lines(process.stdout))
    child.stderr.on('data', lines(process.stderr))
    child.on('close', (code, signal) => {
      children.delete(child)
      /** @type {any} */
      let json = null
      try {
        json = JSON.parse(readFileSync(report, 'utf8'))
      } catch {}
      resolve({ engine, code: code ?? (signal ? 1 : 0), json, started, ended: Date.now() })
    })
  })

const stopAll = () => {
  for (const c of children) c.kill('SIGTERM')
}
process.on('SIGINT', () => (stopAll(), process.exit(130)))
process.on('SIGTERM', () => (stopAll(), process.exit(143)))

const t0 = Date.now()
/** @type {any[]} */
const results = []
const queue = [...units]
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    for (let u; (u = queue.shift()); ) results.push(await run(u))
  }),
)
rmSync(work, { recursive: true, force: true })

/**
 * An engine's runs as one: counts added up, files side by side, its time from first start to last end.
 * @param {string} engine
 */
const merged = (engine) => {
  const runs = results.filter((x) => x.engine == engine)
  if (!runs.length) return null
  const code = Math.max(...runs.map((r) => r.code))
  const seconds = (Math.max(...runs.map((r) => r.ended)) - Math.min(...runs.map((r) => r.started))) / 1000
  // One run without a report makes the engine's report missing: its failure is said, not hidden.
  if (runs.some((r) => !r.json)) return { engine, code: code || 1, json: null, seconds }
  /** @type {any} */
  const json = { numTotalTests: 0, numPendingTests: 0, numTodoTests: 0, numPassedTests: 0, numFailedTests: 0, testResults: [] }
  for (const { json: j } of runs) {
    for (const k of ['numTotalTests', 'numPendingTests', 'numTodoTests', 'numPassedTests', 'numFailedTests']) json[k] += j[k]
    json.testResults.push(...j.testResults)
  }
  return { engine, code, json, seconds }
}

// ---- summary
const rel = (/** @type {string} */ f) => relative(root, f)
let ok = results.length > 0
console.log('\nEnd-to-end tests per engine (one build: dist/ as of the start of this run)')
for (const e of engines) {
  const r = merged(e)
  if (!r) {
    console.log(`  ${e.padEnd(9)} not run: ${absent.find((a) => a.engine == e)?.what} missing (${APT[e]})`)
    if (requireAll) ok = false
    continue
  }
  const j = r.json
  if (!j) {
    console.log(`  ${e.padEnd(9)} FAILED: vitest exited with ${r.code} and wrote no report`)
    ok = false
    continue
  }
  const skipped = j.numPendingTests + j.numTodoTests
  const ran = j.numTotalTests - skipped
  // A file that could not run at all (an import or a hook failed) has an error message of its own.
  const broken = j.testResults.filter((/** @type {any} */ f) => f.status == 'failed' && f.message)
  const good = r.code == 0 && j.numFailedTests == 0 && broken.length == 0 && j.numTotalTests > 0
  if (!good) ok = false
  console.log(
    `  ${e.padEnd(9)} ${good ? 'ok    ' : 'FAILED'} ran ${ran}, passed ${j.numPassedTests}, failed ${j.numFailedTests}, skipped ${skipped}` +
      (broken.length ? `, ${broken.length} file(s) failed outside a test` : '') +
      ` (${j.testResults.length} file${j.testResults.length == 1 ? '' : 's'}, ${r.seconds.toFixed(0)} s)`,
  )
  for (const file of j.testResults) {
    for (const t of file.assertionResults) {
      if (t.status == 'failed') console.log(`      failed:  ${rel(file.name)} › ${t.fullName}`)
      if (t.status == 'pending' || t.status == 'skipped' || t.status == 'todo')
        console.log(`      skipped: ${rel(file.name)} › ${t.title} — ${t.meta?.skip ?? 'no reason given'}`)
    }
    if (file.status == 'failed' && file.message) console.log(`      failed:  ${rel(file.name)}: ${String(file.message).split('\n')[0]}`)
  }
}
console.log(`  wall time ${((Date.now() - t0) / 1000).toFixed(0)} s` + (absent.length && !requireAll ? `; not tested here: ${absent.map((a) => a.engine).join(', ')}` : ''))
process.exit(ok ? 0 : 1)
