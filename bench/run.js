// npm run bench: what Touchpoint costs a page since the split (issue 8), measured in Debian's
// Chromium against the built dist/. Prints a side-by-side table (median / p95 over BENCH_RUNS fresh
// pages) and writes it to bench/results.md. It asserts nothing, so a noisy machine can never turn
// it red; the target (script time at load ≤ 2 ms median) is printed beside the figure.
//
// Each round opens, in rotated order, each in a fresh browser context (empty storage and cache):
//   blank     the same page without Touchpoint (the baseline every script time is taken against);
//   floor     bench/floor/touchpoint.js, not shipped: the least script that does what the core must
//             do at load when nobody is asked (its tag's options, one global, then at idle the look
//             for an earlier visit's answers and for data-touchpoint elements), so the core's own
//             cost shows above what the browser charges for that work;
//   core      the script tag, no touchpoint declared: first "nobody asked" (load, then a quiet
//             wait), then ask() from JS (prompt not fetched yet), answer 9, and once the first has
//             gone, a second ask() on the same page (prompt already fetched);
//   declared  the script tag and one <button data-touchpoint … data-touchpoint-trigger="click">,
//             clicked the way a visitor does (hover first, so fetch-ahead gets its chance).
//   sentry    Sentry's feedback widget (@sentry/browser, feedbackAsyncIntegration, the CDN way):
//             load, then its form opened from JS (its UI files fetched now), closed, opened again;
//   posthog   PostHog surveys (snippet, array.js, surveys extension, one NPS survey): load, then
//             the survey shown from JS. Both are built by bench/peers.js into bench/.build/ and
//             served, with their APIs stubbed, by a second local server (127.0.0.1 only).
//   feelback  Feelback (@feelback/js browser-auto.js, the smallest widget a site would pick
//             instead): its script as its guide pastes it (defer) and one thumbs button group;
//             an inline widget, drawn with the page, so only its load is measured.
// After the rounds, the core's start is profiled (CDP Profiler, 50 µs sampling) on fresh pages
// with nobody asked: the top five functions of dist/touchpoint.js by self time, mapped to src/
// through touchpoint.js.map, so the next person sees where the time goes.
//             BENCH_DEBUG=1 prints the pages' console and the stub's requests.
//
// How each column is measured:
//   brotli    the files the page actually requested from dist/ (Playwright request log), each
//             compressed with Node's brotli at quality 11 as a CDN would serve it (the local server
//             sends them uncompressed); the collector's POST is not counted.
//   script    main-thread JavaScript time from CDP Performance.getMetrics `ScriptDuration` (V8
//             compile + run on the page's main thread, cumulative), read once the page is loaded
//             and the network has been idle for 500 ms, minus the blank page's figure of the
//             same round. "asking" is the ScriptDuration spent from just before ask() until the
//             answer was delivered (fetching the prompt, web-vitals and delivery code, rendering,
//             storing, sending; it includes the bench's own few lines that drive the page).
//   painted   from ask() (or the click event's timestamp) to the end of the first rendering
//             update whose frame holds the prompt's choices: a requestAnimationFrame loop sees
//             them, then a message posted from that frame runs after it is drawn.
//   stored    from the click on "9" to the completion of the IndexedDB readwrite transaction that
//             stores the answer (the page wraps IDBDatabase#transaction; only the outbox uses IDB).
//   delivered from the click to Touchpoint's 'sent' event (the local collector confirmed it).
//   long      long tasks (> 50 ms, PerformanceObserver 'longtask') per page, the most in any round.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { cpus, loadavg, platform, release } from 'node:os'
import { join, normalize } from 'node:path'
import { brotliCompressSync, constants } from 'node:zlib'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../e2e/engines/detect.js'
import { startCollector, startStatic } from '../e2e/servers.js'
import { buildPeers, SENTRY_VERSION, versions as peerVersions } from './peers.js'

const RUNS = Number(process.env.BENCH_RUNS || 15)
const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')
// Before the split (issue 8's own text): one file, 12 KB brotli, about 4 ms script time, median.
const BEFORE = { kb: 12, scriptMs: 4 }
const TARGET_MS = 2
// Optional: BENCH_BEFORE=<a dist/ folder built from the last single-file commit> measures that
// file in the same rounds, e.g.  git archive 31a1d24 | tar -x -C /tmp/old; cd /tmp/old;
// ln -s "$OLDPWD/node_modules"; npm run build;  then  BENCH_BEFORE=/tmp/old/dist npm run bench
const BEFORE_DIR = process.env.BENCH_BEFORE || ''

const collector = await startCollector()

// ---- the peers: Sentry's feedback widget and PostHog surveys (bench/peers.js builds them) ----
// One local stub on 127.0.0.1 plays their CDNs and their ingest APIs (a second origin, as their
// hosts are for a real site): it serves the built files and answers the APIs with minimal JSON.
const PEERS = await buildPeers()
const POSTHOG_TOKEN = 'phc_bench'
// One PostHog survey, an NPS question (0–10) like Touchpoint's, shown only on an event the page
// never sends (so it does not pop up at load): the bench shows it with displaySurvey().
const SURVEY = {
  id: 'bench-nps', name: 'Bench NPS', description: '', type: 'popover',
  questions: [{ id: 'q1', type: 'rating', display: 'number', scale: 10, question: 'How likely are you to recommend us to a friend?', lowerBoundLabel: 'Not likely', upperBoundLabel: 'Very likely' }],
  appearance: null, conditions: { events: { values: [{ name: 'bench_never_sent' }] } },
  start_date: '2026-01-01T00:00:00Z', end_date: null, current_iteration: null, current_iteration_start_date: null,
  linked_flag_key: null, targeting_flag_key: null, internal_targeting_flag_key: null, feature_flag_keys: [], schedule: null,
}
// PostHog's remote config for a project with surveys on and every other product off (no replay,
// heatmaps, web vitals, exception or dead-click capture): the least PostHog loads with surveys.
const REMOTE_CONFIG = {
  token: POSTHOG_TOKEN, supportedCompression: ['gzip', 'gzip-js'], hasFeatureFlags: false, captureDeadClicks: false,
  capturePerformance: false, autocapture_opt_out: false, autocaptureExceptions: false, analytics: { endpoint: '/i/v0/e/' },
  elementsChainAsString: true, sessionRecording: false, heatmaps: false, surveys: true, productTours: false, conversations: false,
  defaultIdentifiedOnly: true, siteApps: [],
}
const peerUnexpected = new Set()
const peerBytes = new Map() // pathname → brotli bytes of what the stub served there
const brotli11 = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
const peerServer = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x')
  const path = url.pathname
  const cors = { 'Access-Control-Allow-Origin': req.headers.origin || '*', 'Access-Control-Allow-Credentials': 'true', 'Cache-Control': 'no-store' }
  const send = (status, type, body) => {
    res.writeHead(status, { ...cors, 'Content-Type': type })
    res.end(body)
  }
  if (req.method == 'OPTIONS') {
    res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] || 'Content-Type', 'Access-Control-Max-Age': '600' })
    return res.end()
  }
  req.resume()
  req.on('end', () => {
    const file = (root, rel) => {
      const f = normalize(join(root, rel))
      if (!f.startsWith(root) || !existsSync(f) || !statSync(f).isFile()) return send(404, 'text/plain', 'not found')
      const b = readFileSync(f)
      if (!peerBytes.has(path)) peerBytes.set(path, brotli11(b))
      send(200, 'text/javascript; charset=utf-8', b)
    }
    if (path.startsWith('/sentry/')) return file(join(PEERS, 'sentry'), path.slice(8))
    if (path.startsWith('/feelback/')) return file(join(PEERS, 'feelback'), path.slice(10))
    if (path.startsWith(`/${SENTRY_VERSION}/`)) return file(join(PEERS, 'sentry'), path.slice(1))
    // array.js asks for /static/<its version>/surveys.js first (as PostHog's CDN serves it).
    if (path.startsWith('/static/')) return file(join(PEERS, 'posthog', 'static'), path.slice(8).replace(/^\d+\.\d+\.\d+\//, ''))
    if (path == `/array/${POSTHOG_TOKEN}/config.js`) {
      const js = `(function(){window._POSTHOG_REMOTE_CONFIG=window._POSTHOG_REMOTE_CONFIG||{};window._POSTHOG_REMOTE_CONFIG[${JSON.stringify(POSTHOG_TOKEN)}]={config:${JSON.stringify(REMOTE_CONFIG)},siteApps:[]}})();`
      if (!peerBytes.has(path)) peerBytes.set(path, brotli11(Buffer.from(js)))
      return send(200, 'text/javascript; charset=utf-8', js)
    }
    if (path == `/array/${POSTHOG_TOKEN}/config`) return send(200, 'application/json', JSON.stringify(REMOTE_CONFIG))
    if (path.startsWith('/flags')) return send(200, 'application/json', JSON.stringify({ flags: {}, featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false, requestId: 'bench' }))
    if (path.startsWith('/api/surveys')) return send(200, 'application/json', JSON.stringify({ surveys: [SURVEY] }))
    // Sentry's envelopes (session, feedback) and PostHog's events: accepted, nothing kept.
    if (/^\/api\/\d+\/envelope\/?$/.test(path)) return send(200, 'application/json', '{}')
    if (/^\/(e|i\/v0\/e|batch|capture|engage|s)\/?$/.test(path)) return send(200, 'application/json', '{"status":1}')
    peerUnexpected.add(`${req.method} ${path}`)
    send(200, 'application/json', '{}')
  })
})
await new Promise((r) => peerServer.listen(0, '127.0.0.1', r))
const peersUrl = `http://127.0.0.1:${peerServer.address().port}`
const SENTRY_DSN = `http://bench@127.0.0.1:${peerServer.address().port}/1`
// As Sentry's docs put its CDN bundle on a page: a script tag, then Sentry.init inline.
const SENTRY_TAG = `<script src="${peersUrl}/sentry/sentry.min.js" crossorigin="anonymous"></script>
<script>Sentry.init({ dsn: ${JSON.stringify(SENTRY_DSN)}, cdnBaseUrl: ${JSON.stringify(peersUrl)}, integrations: [Sentry.feedbackAsyncIntegration()] })</script>`
// PostHog's snippet as its docs give it (it queues calls until /static/array.js has loaded), with
// the latest `defaults`. opt_out_useragent_filter: headless Chromium's user agent says
// "HeadlessChrome", which PostHog would treat as a bot and send nothing for; a visitor is no bot.
const POSTHOG_TAG = `<script>
!function(t,e){var o,n,p,r;e.__SV||(window.posthog&&window.posthog.__loaded)||(window.posthog=e,e._i=[],e.init=function(i,s,a){function g(t,e){var o=e.split(".");2==o.length&&(t=t[o[0]],e=o[1]),t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}}(p=t.createElement("script")).type="text/javascript",p.crossOrigin="anonymous",p.async=!0,p.src=s.api_host.replace(".i.posthog.com","-assets.i.posthog.com")+"/static/array.js",(r=t.getElementsByTagName("script")[0]).parentNode.insertBefore(p,r);var u=e;for(void 0!==a?u=e[a]=[]:a="posthog",u.people=u.people||[],u.toString=function(t){var e="posthog";return"posthog"!==a&&(e+="."+a),t||(e+=" (stub)"),e},u.people.toString=function(){return u.toString(1)+".people (stub)"},o="init capture register register_once register_for_session unregister unregister_for_session getFeatureFlag getFeatureFlagPayload isFeatureEnabled reloadFeatureFlags updateEarlyAccessFeatureEnrollment getEarlyAccessFeatures on onFeatureFlags onSurveysLoaded onSessionId getSurveys getActiveMatchingSurveys renderSurvey displaySurvey canRenderSurvey canRenderSurveyAsync identify setPersonProperties group resetGroups setPersonPropertiesForFlags resetPersonPropertiesForFlags setGroupPropertiesForFlags resetGroupPropertiesForFlags reset get_distinct_id getGroups get_session_id get_session_replay_url alias set_config startSessionRecording stopSessionRecording sessionRecordingStarted captureException loadToolbar get_property getSessionProperty createPersonProfile opt_in_capturing opt_out_capturing has_opted_in_capturing has_opted_out_capturing get_explicit_consent_status is_capturing clear_opt_in_out_capturing debug".split(" "),n=0;n<o.length;n++)g(u,o[n]);e._i.push([i,s,a])},e.__SV=1)}(document,window.posthog||[]);
posthog.init(${JSON.stringify(POSTHOG_TOKEN)}, { api_host: ${JSON.stringify(peersUrl)}, defaults: '2026-08-30', opt_out_useragent_filter: true })
</script>`

// Feelback as its HTML guide puts it: the browser-auto script (it sets up on DOMContentLoaded, so
// deferred, not async) and a like / dislike button group for the page.
const FEELBACK_TAG = `<script src="${peersUrl}/feelback/browser-auto.js" defer></script>`
const FEELBACK_WIDGET = `<div class="feelback-container" data-feelback-set="bench-set" data-feelback-key="$path">
<button data-feelback-value="+1">Helpful</button><button data-feelback-value="-1">Not helpful</button></div>`

const HARNESS = `<script>
  window.bench = { longTasks: [], stored: [] }
  new PerformanceObserver((l) => l.getEntries().forEach((e) => bench.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true })
  // When the outbox has stored something: the completion of a readwrite IndexedDB transaction.
  const transaction = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
    const tx = transaction.call(this, names, mode, ...rest)
    if (mode == 'readwrite') tx.addEventListener('complete', () => bench.stored.push(performance.now()))
    return tx
  }
  const hosts = () => [...document.querySelectorAll('touchpoint-prompt')]
  // Resolves to ms from t0 until a frame holding a new prompt's choices has been drawn.
  bench.painted = (t0, before = hosts()) => new Promise((done) => {
    const frame = () => {
      const host = hosts().find((h) => !before.includes(h))
      if (!host?.shadowRoot?.querySelector('[data-score]')) return requestAnimationFrame(frame)
      const c = new MessageChannel()
      c.port1.onmessage = () => done(performance.now() - t0)
      c.port2.postMessage(0)
    }
    requestAnimationFrame(frame)
  })
  bench.ask = (touchpoint) => {
    const before = hosts()
    const t0 = performance.now()
    Touchpoint.ask('nps', { touchpoint, force: true })
    return bench.painted(t0, before)
  }
  // Clicks 9 in the newest prompt; resolves to [ms to stored, ms to delivered].
  bench.answer = () => new Promise((done) => {
    const host = hosts().pop()
    const t0 = performance.now()
    const stored = () => (bench.stored.find((t) => t >= t0) ?? NaN) - t0
    const offs = [
      Touchpoint.on('sent', () => (offs.forEach((f) => f()), done([stored(), performance.now() - t0]))),
      // Not delivered (e.g. an older build's answer that today's collector schema rejects).
      // The time is kept (the collector did reply) and the page counts it in bench.rejected.
      Touchpoint.on('failed', () => (offs.forEach((f) => f()), (bench.rejected = (bench.rejected || 0) + 1), done([stored(), performance.now() - t0]))),
    ]
    setTimeout(() => done([stored(), NaN]), 20000)
    host.shadowRoot.querySelector('[data-score="9"]').click()
  })
  bench.gone = () => new Promise((done) => { const t = setInterval(() => hosts().length || (clearInterval(t), done()), 20) })
  addEventListener('click', (e) => { if (e.target.id == 'pay') bench.declared = bench.painted(e.timeStamp, []) }, true)
  // The peers: resolves to ms from t0 until a frame in which find() sees their widget is drawn.
  bench.paintedWhen = (t0, find) => new Promise((done) => {
    const end = t0 + 20000
    const frame = () => {
      if (performance.now() > end) return done(NaN)
      if (!find()) return requestAnimationFrame(frame)
      const c = new MessageChannel()
      c.port1.onmessage = () => done(performance.now() - t0)
      c.port2.postMessage(0)
    }
    requestAnimationFrame(frame)
  })
  // Sentry: the form the "Report a Bug" button opens, opened from JS (createForm → open).
  bench.sentryOpen = () => {
    const t0 = performance.now()
    const painted = bench.paintedWhen(t0, () => document.getElementById('sentry-feedback')?.shadowRoot?.querySelector('dialog[open] form textarea'))
    Sentry.getFeedback().createForm().then((form) => { bench.sentryForm = form; form.appendToDom(); form.open() })
    return painted
  }
  // PostHog: the survey shown from JS, ignoring its display conditions and delay.
  bench.posthogShow = () => {
    const t0 = performance.now()
    const painted = bench.paintedWhen(t0, () => document.querySelector('.PostHogSurvey-bench-nps')?.shadowRoot?.querySelector('.ratings-number'))
    posthog.displaySurvey('bench-nps', { displayType: 'popover', ignoreConditions: true, ignoreDelay: true })
    return painted
  }
</script>`
const tag = (dir) => `<script async src="/${dir}/touchpoint.js" data-endpoint="${collector.endpoint}" data-site="bench"></script>`
const TAG = tag('dist')
const page = (head, body = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
${HARNESS}${head}</head><body><h1>Bench</h1>${body}<p>${'Some page content. '.repeat(200)}</p></body></html>`
const PAY = '<button id="pay" data-touchpoint="bench-pay" data-touchpoint-ask="nps" data-touchpoint-trigger="click">Pay</button>'
const pages = { '/blank': page('', PAY.replace(/ data-touchpoint[^ >]*/g, '')), '/sentry': page(SENTRY_TAG), '/posthog': page(POSTHOG_TAG), '/feelback': page(FEELBACK_TAG, FEELBACK_WIDGET), '/core': page(TAG), '/floor': page(tag('floor')), '/declared': page(TAG, PAY), '/before': page(tag('before')) }
const dirs = { dist, floor: join(root, 'bench', 'floor'), ...(BEFORE_DIR ? { before: BEFORE_DIR } : {}) }
const web = await startStatic({ pages, routes: Object.fromEntries(Object.entries(dirs).map(([k, d]) => [`/${k}/`, d])) })
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })

const floorBytes = brotliCompressSync(readFileSync(join(root, 'bench', 'floor', 'touchpoint.js')), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
const brotliOf = new Map()
/** Brotli bytes of a fetched file: 'touchpoint.js' (dist/) or 'before/touchpoint.js'. */
const brotli = (file) => {
  file = file.replace(/\?.*/, '')
  if (!brotliOf.has(file)) {
    const [dir, name] = file.startsWith('before/') ? [BEFORE_DIR, file.slice(7)] : [dist, file]
    const b = readFileSync(join(dir, name))
    brotliOf.set(file, brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)
  }
  return brotliOf.get(file)
}

/** A fresh context and page with a CDP session and a log of what it fetched from our origin. */
const open = async () => {
  const ctx = await browser.newContext({ locale: 'en-US' })
  const p = await ctx.newPage()
  const cdp = await ctx.newCDPSession(p)
  await cdp.send('Performance.enable')
  const fetched = []
  const peerFiles = [] // scripts fetched from the peers' stub (their CDN), by pathname
  if (process.env.BENCH_DEBUG) {
    p.on('console', (m) => console.error('[console]', m.type(), m.text().slice(0, 300)))
    p.on('pageerror', (e) => console.error('[pageerror]', String(e).slice(0, 300)))
    p.on('request', (r) => r.url().startsWith(peersUrl) && console.error('[peer]', r.method(), r.url().slice(peersUrl.length, peersUrl.length + 120)))
  }
  p.on('request', (r) => {
    const u = new URL(r.url())
    if (u.origin == peersUrl && r.resourceType() == 'script') peerFiles.push(u.pathname)
    if (u.origin != web.url) return
    if (u.pathname.startsWith('/dist/')) fetched.push(u.pathname.slice(6))
    else if (u.pathname.startsWith('/before/')) fetched.push(u.pathname.slice(1))
  })
  const scriptMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return metrics.find((m) => m.name == 'ScriptDuration').value * 1000
  }
  return { ctx, p, cdp, fetched, peerFiles, scriptMs }
}
/** Loads a path and waits until the page is quiet: loaded, Touchpoint up (if any), network idle. */
// Nothing runs in the page before the figure is read (no evaluate, no waitForFunction: both
// would be script time of their own), so the blank page and the others are treated alike. The
// async script delays the load event, so Touchpoint has run by then; it is checked after.
const load = async (o, path, withTouchpoint, quietMs) => {
  await o.p.goto(web.url + path)
  await o.p.waitForLoadState('networkidle')
  if (quietMs) await o.p.waitForTimeout(quietMs)
  const ms = await o.scriptMs()
  if (withTouchpoint && !(await o.p.evaluate(() => window.Touchpoint?.version))) throw new Error('Touchpoint did not load on ' + path)
  return ms
}
const longTasks = (o) => o.p.evaluate(() => bench.longTasks.length)

const rows = {
  nobody: { load: [], long: [], files: new Set() },
  floor: { load: [] },
  first: { asking: [], painted: [], stored: [], delivered: [], long: [], files: new Set() },
  again: { painted: [], stored: [], delivered: [] },
  declared: { load: [], asking: [], painted: [], stored: [], delivered: [], long: [], files: new Set(), loadFiles: new Set() },
  before: { load: [], asking: [], painted: [], stored: [], delivered: [], long: [], files: new Set(), rejected: 0 },
  sentry: { load: [], painted: [], again: [], long: [], loadFiles: new Set(), files: new Set() },
  posthog: { load: [], painted: [], again: [], long: [], loadFiles: new Set(), files: new Set(), notLoaded: 0 },
  feelback: { load: [], painted: [], again: [], long: [], loadFiles: new Set(), files: new Set(), notLoaded: 0 },
}
const extraFetch = []

for (let round = 0; round < RUNS; round++) {
  const blank = {}
  const results = {}
  const scenarios = {
    blank: async () => {
      const o = await open()
      blank.ms = await load(o, '/blank', false)
      await o.ctx.close()
    },
    core: async () => {
      const o = await open()
      // Round 0 stays quiet for 3 s: a page that never asks must fetch nothing but the core.
      const atLoad = await load(o, '/core', true, round == 0 ? 3000 : 0)
      const nobody = [...o.fetched]
      if (round == 0 && nobody.join() != 'touchpoint.js') extraFetch.push(nobody)
      const longAtLoad = await longTasks(o)
      const painted = await o.p.evaluate(() => bench.ask('bench-first'))
      const [stored, delivered] = await o.p.evaluate(() => bench.answer())
      const asking = (await o.scriptMs()) - atLoad
      const files = [...o.fetched]
      await o.p.evaluate(() => bench.gone())
      const again = await o.p.evaluate(() => bench.ask('bench-again'))
      const [stored2, delivered2] = await o.p.evaluate(() => bench.answer())
      results.core = { atLoad, nobody, longAtLoad, painted, stored, delivered, asking, files, again, stored2, delivered2, long: await longTasks(o) }
      await o.ctx.close()
    },
    floor: async () => {
      const o = await open()
      results.floor = { atLoad: await load(o, '/floor', true) }
      await o.ctx.close()
    },
    declared: async () => {
      const o = await open()
      const atLoad = await load(o, '/declared', true)
      const loadFiles = [...o.fetched]
      await o.p.click('#pay')
      const painted = await o.p.evaluate(() => bench.declared)
      const [stored, delivered] = await o.p.evaluate(() => bench.answer())
      results.declared = { atLoad, loadFiles, painted, stored, delivered, asking: (await o.scriptMs()) - atLoad, files: [...o.fetched], long: await longTasks(o) }
      await o.ctx.close()
    },
    sentry: async () => {
      const o = await open()
      const atLoad = await load(o, '/sentry', false)
      const loadFiles = [...o.peerFiles]
      const longAtLoad = await longTasks(o)
      // First open: the modal and screenshot files are fetched now. Then closed and opened again.
      const painted = await o.p.evaluate(() => bench.sentryOpen())
      await o.p.evaluate(() => { bench.sentryForm.close(); bench.sentryForm.removeFromDom() })
      const again = await o.p.evaluate(() => bench.sentryOpen())
      results.sentry = { atLoad, loadFiles, longAtLoad, painted, again, files: [...o.peerFiles], long: await longTasks(o) }
      await o.ctx.close()
    },
    posthog: async () => {
      const o = await open()
      const atLoad = await load(o, '/posthog', false)
      const loadFiles = [...o.peerFiles]
      const longAtLoad = await longTasks(o)
      // Surveys loaded at load (config.js said surveys are on): the survey is shown from JS.
      const loaded = await o.p.evaluate(() => new Promise((done) => { setTimeout(() => done(false), 10000); posthog.onSurveysLoaded(() => done(true)) }))
      const painted = loaded ? await o.p.evaluate(() => bench.posthogShow()) : NaN
      results.posthog = { atLoad, loadFiles, longAtLoad, painted, loaded, files: [...o.peerFiles], long: await longTasks(o) }
      await o.ctx.close()
    },
    feelback: async () => {
      const o = await open()
      const atLoad = await load(o, '/feelback', false)
      const loaded = await o.p.evaluate(() => !!window.feelback)
      results.feelback = { atLoad, loadFiles: [...o.peerFiles], painted: NaN, loaded, files: [...o.peerFiles], long: await longTasks(o) }
      await o.ctx.close()
    },
    ...(BEFORE_DIR && {
      before: async () => {
        const o = await open()
        const atLoad = await load(o, '/before', true)
        const painted = await o.p.evaluate(() => bench.ask('bench-before'))
        const [stored, delivered] = await o.p.evaluate(() => bench.answer())
        const rejected = await o.p.evaluate(() => bench.rejected || 0)
        results.before = { atLoad, painted, stored, delivered, rejected, asking: (await o.scriptMs()) - atLoad, files: [...o.fetched], long: await longTasks(o) }
        await o.ctx.close()
      },
    }),
  }
  const order = Object.keys(scenarios)
  for (let i = 0; i < order.length; i++) await scenarios[order[(i + round) % order.length]]()

  const c = results.core
  rows.nobody.load.push(c.atLoad - blank.ms)
  rows.nobody.long.push(c.longAtLoad)
  rows.floor.load.push(results.floor.atLoad - blank.ms)
  c.nobody.forEach((f) => rows.nobody.files.add(f))
  for (const k of ['asking', 'painted', 'stored', 'delivered']) rows.first[k].push(c[k])
  rows.first.long.push(c.long)
  c.files.forEach((f) => rows.first.files.add(f))
  rows.again.painted.push(c.again)
  rows.again.stored.push(c.stored2)
  rows.again.delivered.push(c.delivered2)
  const d = results.declared
  rows.declared.load.push(d.atLoad - blank.ms)
  for (const k of ['asking', 'painted', 'stored', 'delivered']) rows.declared[k].push(d[k])
  rows.declared.long.push(d.long)
  d.files.forEach((f) => rows.declared.files.add(f))
  d.loadFiles.forEach((f) => rows.declared.loadFiles.add(f))
  for (const name of ['sentry', 'posthog', 'feelback']) {
    const r = results[name]
    const row = rows[name]
    row.load.push(r.atLoad - blank.ms)
    row.painted.push(r.painted)
    if (r.again != null) row.again.push(r.again)
    row.long.push(r.long)
    r.loadFiles.forEach((f) => row.loadFiles.add(f))
    r.files.forEach((f) => row.files.add(f))
    if (r.loaded === false) row.notLoaded++
  }
  const b = results.before
  if (b) {
    rows.before.load.push(b.atLoad - blank.ms)
    for (const k of ['asking', 'painted', 'stored', 'delivered']) rows.before[k].push(b[k])
    rows.before.long.push(b.long)
    rows.before.rejected += b.rejected
    b.files.forEach((f) => rows.before.files.add(f))
  }
  process.stderr.write(`round ${round + 1}/${RUNS}\r`)
}
process.stderr.write('\n')

// ---- where the core's start spends its time: CDP Profiler on fresh pages, nobody asked ----
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** A source map's mappings as [generated column, source, line, column, name] per generated line. */
const decodeMap = (map) =>
  map.mappings.split(';').reduce(
    (acc, line) => {
      const segs = []
      let col = 0
      for (const seg of line.split(',').filter(Boolean)) {
        const v = []
        let shift = 0
        let value = 0
        for (const ch of seg) {
          const d = B64.indexOf(ch)
          value += (d & 31) << shift
          if (d & 32) shift += 5
          else v.push(value & 1 ? -(value >>> 1) : value >>> 1), (value = shift = 0)
        }
        col += v[0]
        if (v.length > 3) {
          acc.s += v[1], acc.l += v[2], acc.c += v[3]
          if (v.length > 4) acc.n += v[4]
          segs.push([col, acc.s, acc.l, acc.c, v.length > 4 ? acc.n : -1])
        }
      }
      acc.lines.push(segs)
      return acc
    },
    { lines: [], s: 0, l: 0, c: 0, n: 0 },
  ).lines
const coreMap = JSON.parse(readFileSync(join(dist, 'touchpoint.js.map'), 'utf8'))
const coreLines = decodeMap(coreMap)
/** `src/core/x.ts:12 name` for a 0-based position in dist/touchpoint.js. */
const where = (line, col, fallback) => {
  let best
  for (const seg of coreLines[line] ?? []) if (seg[0] <= col) best = seg
  if (!best) return fallback
  const name = best[4] >= 0 ? coreMap.names[best[4]] : ''
  return `${coreMap.sources[best[1]].replace(/^(\.\.\/)+/, '')}:${best[2] + 1}${name ? ' ' + name : ''}${fallback && fallback != name ? ` (${fallback})` : ''}`
}
const selfMs = new Map()
let profiled = 0
let coreTotal = 0
for (let i = 0; i < RUNS; i++) {
  const o = await open()
  await o.cdp.send('Profiler.enable')
  await o.cdp.send('Profiler.setSamplingInterval', { interval: 50 })
  await o.cdp.send('Profiler.start')
  await load(o, '/core', true)
  const { profile } = await o.cdp.send('Profiler.stop')
  await o.ctx.close()
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
  const deltas = profile.timeDeltas ?? []
  profile.samples?.forEach((id, k) => {
    const f = nodes.get(id)
    if (!f?.url.endsWith('/dist/touchpoint.js')) return
    const ms = (deltas[k + 1] ?? 0) / 1000
    const key = where(f.lineNumber, f.columnNumber, f.functionName || '(anonymous)')
    selfMs.set(key, (selfMs.get(key) ?? 0) + ms)
    coreTotal += ms
  })
  profiled++
}
const topFive = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 5)
const version = browser.version()
await browser.close()
await new Promise((r) => { peerServer.closeAllConnections(); peerServer.close(r) })
await web.close()
await collector.close()

// ---- the table ----
const stats = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!s.length) return null
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))]
  return { median: q(0.5), p95: q(0.95), missing: xs.length - s.length }
}
const fmt = (x) => (Math.abs(x) < 10 ? x.toFixed(2) : x.toFixed(1))
const cell = (xs) => {
  const s = xs && stats(xs)
  return s ? `${fmt(s.median)} / ${fmt(s.p95)}${s.missing ? ` (${s.missing} missed)` : ''}` : '—'
}
const kb = (files) => [...files].reduce((n, f) => n + brotli(f), 0) / 1024
const list = (files) => [...files].join(', ')
const most = (xs) => (xs?.length ? String(Math.max(...xs)) : '—')

const table = [
  ['what the page pays', 'files fetched', 'brotli KB', 'script at load, ms', 'script asking, ms', 'ask → painted, ms', 'click → stored, ms', 'click → delivered, ms', 'long tasks'],
  ['nobody asked (core only, no touchpoint declared)', String(rows.nobody.files.size), kb(rows.nobody.files).toFixed(2), cell(rows.nobody.load), '—', '—', '—', '—', most(rows.nobody.long)],
  ['the floor: the least script doing what the core must at load (bench/floor/, not shipped)', '1', (floorBytes / 1024).toFixed(2), cell(rows.floor.load), '—', '—', '—', '—', '—'],
  ['one English prompt: ask() from JS, prompt not fetched yet', String(rows.first.files.size), kb(rows.first.files).toFixed(2), 'as above', cell(rows.first.asking), cell(rows.first.painted), cell(rows.first.stored), cell(rows.first.delivered), most(rows.first.long)],
  ['a second ask() on that page, prompt already fetched', '+0', '+0', 'as above', '—', cell(rows.again.painted), cell(rows.again.stored), cell(rows.again.delivered), '(in the row above)'],
  ['one English prompt from a declared click touchpoint', String(rows.declared.files.size), kb(rows.declared.files).toFixed(2), cell(rows.declared.load), cell(rows.declared.asking), cell(rows.declared.painted) + ' (from the click)', cell(rows.declared.stored), cell(rows.declared.delivered), most(rows.declared.long)],
  ...(BEFORE_DIR
    ? [['before the split, measured in this run (BENCH_BEFORE): one file, ask() from JS', String(rows.before.files.size), kb(rows.before.files).toFixed(2), cell(rows.before.load), cell(rows.before.asking), cell(rows.before.painted), cell(rows.before.stored), cell(rows.before.delivered) + (rows.before.rejected ? ` (collector replied 4xx to ${rows.before.rejected} of ${RUNS}: today's schema rejects the old wire format; time to that reply)` : ''), most(rows.before.long)]]
    : []),
  ['before the split, from issue 8 (one file; not measured here)', '1', `${BEFORE.kb} (rounded)`, `~${BEFORE.scriptMs} (median)`, '—', '—', '—', '—', '—'],
]
// The peers beside Touchpoint: bytes and script time at load, time to a painted widget, and the
// ratios peer / Touchpoint (Touchpoint: the core with nobody asked; to a shown widget: the core
// and everything one ask() fetched).
const peerKb = (files) => [...files].reduce((n, f) => n + (peerBytes.get(f) ?? NaN), 0) / 1024
const med = (xs) => stats(xs)?.median ?? NaN
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : '—')
const tp = { kbLoad: kb(rows.nobody.files), kbShown: kb(rows.first.files), ms: med(rows.nobody.load) }
const peerRow = (label, r, paintedNote) => {
  const kbLoad = peerKb(r.loadFiles)
  const kbShown = peerKb(r.files)
  return [label, String(r.loadFiles.size), kbLoad.toFixed(2), kbShown.toFixed(2), cell(r.load), paintedNote, most(r.long),
    ratio(kbLoad, tp.kbLoad), ratio(kbShown, tp.kbShown), ratio(med(r.load), tp.ms)]
}
const compare = [
  ['widget', 'files at load', 'brotli KB at load', 'brotli KB to a shown widget', 'script at load, ms', 'open → painted, ms', 'long tasks', 'bytes at load ×', 'bytes to shown ×', 'script at load ×'],
  ['**Touchpoint** (core, nobody asked; ask() from JS)', String(rows.nobody.files.size), tp.kbLoad.toFixed(2), tp.kbShown.toFixed(2), cell(rows.nobody.load),
    `${cell(rows.first.painted)} (prompt not fetched yet); ${cell(rows.again.painted)} (already fetched)`, most(rows.first.long), '1×', '1×', '1×'],
  peerRow(`Sentry feedback (@sentry/browser ${peerVersions['@sentry/browser']}, feedbackAsyncIntegration)`, rows.sentry,
    `${cell(rows.sentry.painted)} (form's files not fetched yet); ${cell(rows.sentry.again)} (already fetched)`),
  peerRow(`PostHog surveys (posthog-js ${peerVersions['posthog-js']}, one survey)`, rows.posthog,
    `${cell(rows.posthog.painted)} (surveys.js loaded at load)${rows.posthog.notLoaded ? ` (surveys not loaded in ${rows.posthog.notLoaded} rounds)` : ''}`),
  peerRow(`Feelback (@feelback/js ${peerVersions['@feelback/js']}, browser-auto.js, one button group)`, rows.feelback,
    `— (an inline widget, drawn with the page)${rows.feelback.notLoaded ? ` (not set up in ${rows.feelback.notLoaded} rounds)` : ''}`),
]
// Issue 17's figures, each against the peers of the same rounds.
const sentryLoad = med(rows.sentry.load)
const feelbackLoad = med(rows.feelback.load)
const firstPainted = med(rows.first.painted)
const sentryFirst = med(rows.sentry.painted)
const coreKb = brotli('touchpoint.js') / 1024
const floorMs = med(rows.floor.load)
const targets = [
  ['script at load, core, nobody asked (median)', `${fmt(tp.ms)} ms`, '≤ 1.5 ms', tp.ms <= 1.5],
  ['Sentry async / Touchpoint, script at load', `${(sentryLoad / tp.ms).toFixed(1)}× (${fmt(sentryLoad)} / ${fmt(tp.ms)} ms)`, '≥ 6×', sentryLoad / tp.ms >= 6],
  ['Feelback / Touchpoint, script at load', `${(feelbackLoad / tp.ms).toFixed(2)}× (${fmt(feelbackLoad)} / ${fmt(tp.ms)} ms)`, '≥ 1.3×', feelbackLoad / tp.ms >= 1.3],
  ["first ask → painted / Sentry's first open", `${(firstPainted / sentryFirst).toFixed(2)}× (${fmt(firstPainted)} / ${fmt(sentryFirst)} ms)`, '≤ 0.75×', firstPainted / sentryFirst <= 0.75],
  ['core, brotli', `${coreKb.toFixed(2)} KB`, '≤ 4.5 KB', coreKb <= 4.5],
  ['for reference: the floor (bench/floor/), script at load', `${fmt(floorMs)} ms; the core ${fmt(tp.ms - floorMs)} ms above it`, '—', null],
].map(([what, got, want, ok]) => [what, got, want, ok == null ? '' : ok ? 'met' : '**NOT met**'])
const peerFilesLine = (label, set) => `- ${label}: ${[...set].map((f) => `${f.replace(/^\//, '')} (${((peerBytes.get(f) ?? NaN) / 1024).toFixed(2)} KB)`).join(', ') || 'nothing'}`
const md = (t) => [t[0], t[0].map(() => '---'), ...t.slice(1)].map((r) => '| ' + r.join(' | ') + ' |').join('\n')
const loadMedian = stats(rows.nobody.load)?.median ?? NaN
const beforeMedian = BEFORE_DIR ? stats(rows.before.load)?.median : undefined
const files = (label, set) => `- ${label}: ${[...set].map((f) => `${f} (${(brotli(f) / 1024).toFixed(2)} KB)`).join(', ') || 'nothing'}`
const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU'

const out = `# npm run bench — results

Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on this machine (${cpu}, ${cpus().length} cores, ${platform()} ${release()},
Node ${process.version}), headless Chromium ${version} (${process.env.CHROMIUM_PATH || '/usr/bin/chromium'}), ${RUNS} rounds, each
scenario in a fresh browser context, order rotated every round. Peers: @sentry/browser
${peerVersions['@sentry/browser']}, posthog-js ${peerVersions['posthog-js']}, @feelback/js ${peerVersions['@feelback/js']}. Figures: median / p95 over the rounds
(p95 of ${RUNS} is close to the slowest). Load average at the end of the run: ${loadavg().map((x) => x.toFixed(1)).join(', ')}
on ${cpus().length} cores: other work on the machine shows up in every timing column.

${md(table)}

Target (issue 8): main-thread script time at load ≤ ${TARGET_MS} ms median. Measured: ${fmt(loadMedian)} ms median with
nobody asked: ${loadMedian <= TARGET_MS ? 'within' : 'NOT within'} the target${
  beforeMedian ? `; the single file in the same rounds: ${fmt(beforeMedian)} ms (core / single file = ${(loadMedian / beforeMedian).toFixed(2)})` : ''
}; issue 8 quotes ~${BEFORE.scriptMs} ms for the single file on a quiet machine.
Bytes when nobody is asked: ${kb(rows.nobody.files).toFixed(2)} KB brotli, against ${BEFORE_DIR ? kb(rows.before.files).toFixed(2) : BEFORE.kb} KB for the single file
(which carried no web-vitals: that was touchpoint.vitals.js, a separate file).

## Issue 17's figures (same rounds)

${md([['figure', 'measured', 'target', ''], ...targets])}

The floor is \`bench/floor/touchpoint.js\`, measured in the same rounds: a dozen hand-written lines
that do only what the core must do at load when nobody is asked (read the tag's options and check
the endpoint, define one global, then at the first idle moment look for an outbox database and for
\`data-touchpoint\` elements, now and later). What it costs is the browser's price for that work on
this machine; the difference is the core's own.

## Where the core's start spends its time

CDP Profiler (50 µs sampling) on ${profiled} fresh pages with nobody asked, from navigation to load
plus 500 ms of network quiet (the idle-time watcher included): the top five functions of
dist/touchpoint.js by self time, summed over the pages, mapped to src/ through touchpoint.js.map
(file:line of the function, its original name when the map has one, the minified name in
parentheses). All of dist/touchpoint.js: ${coreTotal.toFixed(2)} ms over ${profiled} pages
(${(coreTotal / Math.max(1, profiled)).toFixed(3)} ms a page; sampling misses what is shorter than 50 µs, and
compiling the file is V8's own time, not a function's).

${md([['function (src)', 'self ms, all pages', 'share of the core'], ...topFive.map(([k, ms]) => [k, ms.toFixed(2), `${((ms / coreTotal) * 100).toFixed(0)}%`])])}

## Beside the widgets a site would pick instead

Same run, same rounds: each widget in its own fresh context, in the rotated order. Ratios are
peer / Touchpoint of the medians (script) and of the bytes; Touchpoint's "at load" is the core
with nobody asked, its "to a shown widget" the core plus all one ask() fetched (prompt, delivery,
web-vitals).

${md(compare)}

Script fetched by each peer (from the local stub playing its CDN; brotli each, quality 11):
${peerFilesLine('Sentry, at load', rows.sentry.loadFiles)}
${peerFilesLine('Sentry, up to the form painted', rows.sentry.files)}
${peerFilesLine('PostHog, at load', rows.posthog.loadFiles)}
${peerFilesLine('PostHog, up to the survey painted', rows.posthog.files)}
${peerFilesLine('Feelback, at load', rows.feelback.loadFiles)}
${peerUnexpected.size ? `\nRequests the stub did not expect (answered 200 {}): ${[...peerUnexpected].join(', ')}\n` : ''}
Files each scenario fetched from dist/ (brotli each):
${files('nobody asked, in its first 3 s', rows.nobody.files)}${extraFetch.length ? `  ← more than the core: ${extraFetch.map((f) => f.join(', ')).join('; ')}` : ' (only the core, as it must)'}
${files('ask() from JS, up to the answer delivered', rows.first.files)}
${files('declared click touchpoint, at load', rows.declared.loadFiles)}
${files('declared click touchpoint, up to the answer delivered', rows.declared.files)}
${BEFORE_DIR ? files(`before the split (${BEFORE_DIR})`, rows.before.files) + '\n' : ''}
## Method

- **brotli KB**: the files the page requested from dist/ (Playwright's request log), each compressed
  with Node's brotli at quality 11, as a CDN would serve them (the local server sends them
  uncompressed). The collector's POST is not counted.
- **script at load**: CDP \`Performance.getMetrics\` \`ScriptDuration\` (V8 compile and run on the
  page's main thread, cumulative), read once the page has loaded, Touchpoint is up and the network
  has been idle for 500 ms, minus the same figure of a blank page (the same HTML and harness without
  Touchpoint) opened in the same round. Not long tasks: a 1 ms script is never a long task.
- **script asking**: the \`ScriptDuration\` spent from just before \`ask()\` (or the click) until the
  answer was delivered: fetching and running the prompt, web-vitals and delivery code, rendering,
  storing, sending (it includes the bench's own few lines that drive the page).
- **ask → painted**: from \`ask()\` (or the click event's timestamp) to the end of the first
  rendering update whose frame holds the prompt's choices (a requestAnimationFrame loop sees them in
  the shadow root; a message posted from that frame runs once the frame is drawn).
- **click → stored**: from the click on "9" to the completion of the IndexedDB readwrite
  transaction that stores the answer (the harness wraps \`IDBDatabase#transaction\`; only the outbox
  uses IndexedDB). **click → delivered**: to Touchpoint's \`sent\` event (the local collector
  confirmed it).
- **long tasks**: PerformanceObserver \`longtask\` entries (> 50 ms) per page, the most in any round.
- **Peers** (bench/peers.js builds them into bench/.build/, not committed; a stub on 127.0.0.1
  plays their CDNs and APIs, on a second origin as for a real site; nothing leaves the machine).
  *Sentry* ${peerVersions['@sentry/browser']}: the CDN way, one minified IIFE built from the npm
  package by rollup and terser (\`__SENTRY_DEBUG__\` false, \`__SENTRY_BROWSER_BUNDLE__\` true, as
  Sentry's bundles), loaded by a script tag, then \`Sentry.init({ dsn: <the stub>, cdnBaseUrl: <the
  stub>, integrations: [feedbackAsyncIntegration()] })\` inline. The IIFE keeps only init,
  feedbackAsyncIntegration and getFeedback (Sentry's CDN bundle carries its whole API), so its bytes
  are a lower bound. At load it puts its "Report a Bug" button on the page; the form's UI
  (feedback-modal.min.js, feedback-screenshot.min.js, built the way Sentry's integration bundles
  are) is fetched from \`cdnBaseUrl\` the first time the form opens. *open → painted*: from
  \`getFeedback().createForm()\` (then appendToDom, open) to the frame holding the open form drawn;
  closed, then opened again ("already fetched").
  *PostHog* ${peerVersions['posthog-js']}: PostHog's snippet inline (\`defaults: '2026-08-30'\`,
  \`opt_out_useragent_filter\` so headless Chromium is not dropped as a bot), array.js and
  surveys.js as shipped in the package (prebuilt, minified), remote config \`/array/<token>/config.js\`
  with surveys on and replay, heatmaps, web vitals, exception and dead-click capture off (the least
  PostHog loads with surveys); autocapture and the pageview stay at their defaults. One survey: an
  NPS rating 0–10, popover, shown only on an event the page never sends, so nothing shows at load.
  surveys.js and the survey list load at page load, so there is no "not yet fetched" case;
  *open → painted*: from \`posthog.displaySurvey(id, { ignoreConditions, ignoreDelay })\` (once
  onSurveysLoaded fired) to the frame holding the rating buttons drawn.
  *Feelback* ${peerVersions['@feelback/js']}: \`dist/browser-auto.js\` as shipped in the package
  (prebuilt, minified), loaded by a deferred script tag (it sets up on DOMContentLoaded), with one
  like / dislike button group (\`data-feelback-set\`) on the page: an inline widget, drawn with the
  page, so it has no "open → painted"; nothing is fetched until a visitor clicks.
  *Bytes* are the scripts each fetched (Playwright's request log, resource type script), brotli 11;
  the JSON the stub answers (flags, survey list, ingest replies) is not counted, nor are the
  events they send. *Script at load* is taken exactly as Touchpoint's: read at load plus 500 ms of
  network quiet, minus the blank page of the same round.
- "before the split, from issue 8" is not measured: it is issue 8's own figure for the single file
  (12 KB brotli, about 4 ms median, headless Chromium on the development machine).${BEFORE_DIR ? `
- "before the split, measured in this run": \`BENCH_BEFORE=${BEFORE_DIR}\`, the dist/ of the last
  single-file commit (31a1d24, built with \`git archive 31a1d24 | tar -x\` and \`npm run build\`),
  served beside today's files and measured in the same rounds with the same harness. Its answers
  are rejected by today's collector (the wire format changed), so its last column is the time to
  the collector's reply, not to a stored answer.` : ''}
`
console.log('\n' + out)
writeFileSync(join(import.meta.dirname, 'results.md'), out)
console.log('written to bench/results.md')
