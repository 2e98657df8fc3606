// npm run bench:steps: what each step of the core's work at load costs on its own, measured the
// way npm run bench measures "script at load" (CDP ScriptDuration once the network has been idle
// for 500 ms, minus a blank page of the same round), in Debian's Chromium. It explains the floor
// (bench/floor/touchpoint.js): each script below is one line longer than the one before it, so
// the difference between two rows is the browser's price for that one step. Then other ways to ask
// "may an earlier visit have left answers?" in place of listing the databases, and the core against
// the floor. Prints a table; asserts nothing. STEPS_RUNS (default 30) rounds of fresh pages.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../e2e/engines/detect.js'
import { startStatic } from '../e2e/servers.js'

const RUNS = Number(process.env.STEPS_RUNS || 30)
const idle = (body) => `requestIdleCallback(() => { ${body} }, { timeout: 1000 })`
const scan = `if (!document.querySelector('[data-touchpoint]')) new MutationObserver(() => {}).observe(document.documentElement, { childList: true, subtree: true })`
const options = 'const o = { ...tag.dataset }'
const endpoint = 'new URL(o.endpoint, document.baseURI)'
const global = 'window.Touchpoint = {}'
const at = (...steps) => steps.join('; ')
const databases = "indexedDB.databases().then((a) => a.some((d) => d.name == 'touchpoint'))"
// [label, what the script runs after reading its tag, the row it is compared with]: each row of
// the ladder adds one step to the row above it.
const ladder = [
  ['reads document.currentScript (its own tag)', '', -1],
  ['+ copies its data-* options', options, 0],
  ['+ checks the endpoint with new URL', at(options, endpoint), 1],
  ['+ defines its global', at(options, endpoint, global), 2],
  ['+ an idle callback (1 s deadline) that does nothing', at(options, endpoint, global, idle('')), 3],
  ['+ in it, lists the databases (the outbox look)', at(options, endpoint, global, idle(databases)), 4],
  ['+ in it, looks for data-touchpoint now and later (= the floor)', at(options, endpoint, global, idle(databases + '; ' + scan)), 5],
]
// Other ways to ask "may an earlier visit have left answers?", each in place of listing the
// databases (compared with the idle callback that does nothing).
const looks = [
  ['the outbox look with navigator.storage.estimate() instead', 'navigator.storage.estimate().then((e) => e.usage)'],
  ['the outbox look with caches.has() instead', "caches.has('touchpoint').then(Boolean)"],
  ['the outbox look with sessionStorage.getItem() instead', "sessionStorage.getItem('touchpoint:queued')"],
  ['the outbox look with localStorage.getItem() instead', "localStorage.getItem('touchpoint:queued')"],
].map(([label, look]) => [label, at(options, endpoint, global, idle(look)), 4])
const rows = [...ladder, ...looks].map(([label, body, base], i) => ({ label, base, file: `s${i}.js`, src: `;(() => { const tag = document.currentScript; ${body} })()` }))
// The core is compared with the floor.
rows.push({ label: 'the core, dist/touchpoint.js (nobody asked), against the floor', base: 6, url: '/dist/touchpoint.js' })

const dir = mkdtempSync(join(tmpdir(), 'touchpoint-steps-'))
for (const r of rows) if (r.file) writeFileSync(join(dir, r.file), r.src)
// The page npm run bench uses, with its harness's at-load work (a global, a long-task observer).
const page = (head) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>window.bench = { longTasks: [] }; new PerformanceObserver((l) => l.getEntries().forEach((e) => bench.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true })</script>
${head}</head><body><h1>Bench</h1><button id="pay">Pay</button><p>${'Some page content. '.repeat(200)}</p></body></html>`
const tag = (src) => `<script async src="${src}" data-endpoint="http://127.0.0.1:9/v1/responses" data-site="bench"></script>`
const pages = { '/blank': page('') }
rows.forEach((r, i) => (pages[`/row${i}`] = page(tag(r.url ?? `/steps/${r.file}`))))
const web = await startStatic({ pages, routes: { '/steps/': dir, '/dist/': join(import.meta.dirname, '..', 'dist') } })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })
try {
  const paths = ['/blank', ...rows.map((_, i) => `/row${i}`)]
  const ms = Object.fromEntries(paths.map((p) => [p, []]))
  for (let round = 0; round < RUNS; round++) {
    // Every page of a round, back to back, forwards then backwards the next round: a row and the
    // one it is compared with load close together, so the machine's slow drifts cancel out.
    for (const path of round % 2 ? [...paths].reverse() : paths) {
      const ctx = await browser.newContext()
      const p = await ctx.newPage()
      const cdp = await ctx.newCDPSession(p)
      await cdp.send('Performance.enable')
      await p.goto(web.url + path)
      await p.waitForLoadState('networkidle')
      const { metrics } = await cdp.send('Performance.getMetrics')
      ms[path].push(metrics.find((m) => m.name == 'ScriptDuration').value * 1000)
      await ctx.close()
    }
    process.stderr.write(`round ${round + 1}/${RUNS}\r`)
  }
  const median = (a) => {
    const s = [...a].sort((x, y) => x - y)
    return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2
  }
  // Medians of the differences of each round (paired), not differences of medians.
  const minus = (path, other) => median(ms[path].map((v, round) => v - ms[other][round]))
  console.log(`\nScript at load (CDP ScriptDuration), median over ${RUNS} rounds of fresh Chromium pages:\n`)
  console.log('| script | above the blank page, ms | above the row it adds to, ms |\n| --- | --- | --- |')
  rows.forEach((r, i) => {
    const base = r.base < 0 ? '/blank' : `/row${r.base}`
    console.log(`| ${r.label} | ${minus(`/row${i}`, '/blank').toFixed(2)} | ${r.base < 0 ? '—' : `${minus(`/row${i}`, base).toFixed(2)} (row ${r.base + 1})`} |`)
  })
  console.log('\nOn a 2-core machine a step below 0.3 ms is within the noise of a 30-round run.')
} finally {
  await browser.close()
  await web.close()
  rmSync(dir, { recursive: true, force: true })
}
