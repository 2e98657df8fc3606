// npm run bench: what Touchpoint costs a page, measured in Debian's Chromium against dist/.
// Prints figures (median and p95 over several fresh pages); it asserts nothing, so a noisy
// machine can never turn it red. Timings come from the page's own performance clock.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { startCollector, startStatic } from '../demo/server.js'

const RUNS = Number(process.env.BENCH_RUNS || 15)
const root = join(import.meta.dirname, '..')
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']

const collector = await startCollector()
const page = (file) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>
<h1>Bench</h1><p>${'Some page content. '.repeat(200)}</p>
<script>
  window.longTasks = []
  new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true })
  window.loadTouchpoint = () => new Promise((done) => {
    const s = document.createElement('script')
    s.src = '/dist/${file}'
    s.dataset.endpoint = '${collector.endpoint}'
    const t0 = performance.now()
    s.onload = () => done(performance.now() - t0) // onload fires after the file has run
    document.head.append(s)
  })
</script></body></html>`
const web = await startStatic({ pages: { '/base': page('touchpoint.js'), '/vitals': page('touchpoint.vitals.js') }, routes: { '/dist/': join(root, 'dist') } })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args, headless: true })

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { median: q(0.5), p95: q(0.95) }
}
const fmt = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1))

const measure = async (path) => {
  const rows = { load: [], show: [], store: [], deliver: [], longTasks: [] }
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext()
    const p = await ctx.newPage()
    await p.goto(web.url + path)
    rows.load.push(await p.evaluate(() => window.loadTouchpoint()))
    // ask() → the prompt is in the page and painted.
    rows.show.push(await p.evaluate(() => new Promise((done) => {
      const t0 = performance.now()
      Touchpoint.ask('nps', { touchpoint: 'bench', force: true })
      requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)))
    })))
    // A click on a score → the answer is in IndexedDB → the collector has confirmed it.
    const [store, deliver] = await p.evaluate(() => new Promise((done) => {
      const t0 = performance.now()
      let stored = 0
      const poll = () => {
        const req = indexedDB.open('touchpoint')
        req.onsuccess = () => {
          const db = req.result
          const keys = db.objectStoreNames.contains('outbox') ? db.transaction('outbox').objectStore('outbox').getAllKeys() : null
          if (!keys) return db.close(), setTimeout(poll, 1)
          keys.onsuccess = () => {
            db.close()
            if (keys.result.length && !stored) stored = performance.now() - t0
            if (!stored) setTimeout(poll, 1)
          }
        }
      }
      Touchpoint.on('sent', () => done([stored || NaN, performance.now() - t0]))
      document.querySelector('touchpoint-prompt').shadowRoot.querySelector('[data-score="9"]').click()
      poll()
    }))
    rows.store.push(store)
    rows.deliver.push(deliver)
    rows.longTasks.push(await p.evaluate(() => window.longTasks.length))
    await ctx.close()
  }
  return rows
}

const sizes = ['touchpoint.js', 'touchpoint.vitals.js'].map((f) => {
  const b = readFileSync(join(root, 'dist', f))
  return [f, b.length, gzipSync(b, { level: 9 }).length, brotliCompressSync(b).length]
})
console.log('\nBundle sizes (bytes)\n')
console.log('file'.padEnd(24), 'raw'.padStart(8), 'gzip'.padStart(8), 'brotli'.padStart(8))
for (const [f, r, g, b] of sizes) console.log(f.padEnd(24), String(r).padStart(8), String(g).padStart(8), String(b).padStart(8))

for (const [name, path] of [['dist/touchpoint.js', '/base'], ['dist/touchpoint.vitals.js', '/vitals']]) {
  const r = await measure(path)
  console.log(`\n${name}: ${RUNS} fresh pages (ms; median / p95)\n`)
  for (const [label, key] of [
    ['load + run the script (localhost)', 'load'],
    ['ask() → prompt painted', 'show'],
    ['click → answer in IndexedDB', 'store'],
    ['click → collector confirmed (sent)', 'deliver'],
  ]) {
    const s = stats(r[key])
    console.log(label.padEnd(38), fmt(s.median).padStart(7), '/', fmt(s.p95).padStart(7))
  }
  console.log('long tasks (> 50 ms) per page'.padEnd(38), String(Math.max(...r.longTasks)).padStart(7), '(max)')
}
await browser.close()
await web.close()
await collector.close()
