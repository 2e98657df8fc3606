import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { startStatic } from './servers.js'
import { cleanupHomes, launchPlaywright, type PlaywrightEngine } from './engines/playwright'

// Every collector an end-to-end test starts checks each body the SDK sends against
// schema/answer.schema.json, and fails the test at close() if one did not validate.
export { startValidatingCollector as startCollector } from './collector'
export { startStatic }
// Waits for a condition, polling (one helper for the collector's tests and these).
import { until } from '../collector/src/testing'
export { until }

/**
 * The engine these tests drive: TOUCHPOINT_ENGINE=chromium (default) or firefox, both through
 * playwright-core. WebKit has no Playwright build here; e2e/webkit/ covers it over WebDriver.
 */
export const ENGINE: PlaywrightEngine = process.env.TOUCHPOINT_ENGINE == 'firefox' ? 'firefox' : 'chromium'
export const isFirefox = ENGINE == 'firefox'

const dirs: string[] = []
/** A fresh, empty browser profile folder (removed by cleanup()). */
export const profile = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-'))
  dirs.push(d)
  return d
}

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test is skipped where it is (scripts/e2e.js prints it per engine). */
    skip?: string
  }
}

/**
 * Options of a test that cannot run in some engines: skipped there, with the reason (a fact
 * about that engine) kept in the test's meta, where scripts/e2e.js reads it from vitest's JSON
 * report. `it('…', skipIn(['firefox'], 'Firefox …'), async () => …)`
 */
export const skipIn = (engines: string[], reason: string) => ({ skip: engines.includes(ENGINE), meta: { skip: reason } })
/** Options of a test that runs only in `engines` (an engine-specific variant of another test). */
export const onlyIn = (engines: string[], reason: string) => ({ skip: !engines.includes(ENGINE), meta: { skip: reason } })

/** Starts the browser on a profile folder; the same folder again is "the browser started again". */
export const launch = (dir = profile()): Promise<BrowserContext> => launchPlaywright(ENGINE, dir)

// Browsers and servers a test opened: a file's afterEach calls closeOpened(), which closes them,
// last opened first, whatever the test's outcome.
const closers: (() => Promise<unknown>)[] = []
/** Registers `thing` to be closed by closeOpened(); returns it. */
export const opened = <T extends { close(): Promise<unknown> }>(thing: T): T => (closers.push(() => thing.close()), thing)
export const closeOpened = async (): Promise<void> => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => {})
}

export const cleanup = (): void => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  cleanupHomes()
}
// Profiles of a file that never calls cleanup() go when its worker exits.
process.once('exit', () => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})


/**
 * What Firefox reports as a page error although no script threw: the browser's own reports of a
 * blocked cross-origin request (offline, collector down) or a Content-Security-Policy violation.
 * Chromium logs the same reports as console errors; watch() files them there in both engines.
 */
export const browserReport = (text: string): boolean =>
  /^(Error: )?(Cross-Origin Request Blocked|Content-Security-Policy|Content Security Policy)\b/.test(text)

/** Globals the test driver itself adds to a page (Playwright's locators in Firefox add `__pw_*`). */
export const driverGlobal = (name: string): boolean => name.startsWith('__pw_')

/** Records page errors (script exceptions) and console messages of a page. */
export const watch = (page: Page) => {
  const errors: string[] = []
  const console: { type: string; text: string }[] = []
  page.on('pageerror', (e) => {
    // Firefox gives such a report the category as its name: "Content-Security-Policy: …".
    const text = String(e)
    if (browserReport(text)) console.push({ type: 'error', text })
    else errors.push(String(e))
  })
  page.on('console', (m) => console.push({ type: m.type(), text: m.text() }))
  return { errors, console }
}

/** Every record of Touchpoint's IndexedDB outbox (queued, set aside, Retry-After), as [key, value], without creating the database. */
export const outboxEntries = (page: Page): Promise<[string, unknown][]> =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name == 'touchpoint')) return []
    return new Promise<[string, unknown][]>((resolve, reject) => {
      const req = indexedDB.open('touchpoint')
      req.onerror = () => reject(req.error)
      req.onsuccess = () => {
        const db = req.result
        if (!db.objectStoreNames.contains('outbox')) return db.close(), resolve([])
        const store = db.transaction('outbox').objectStore('outbox')
        const keys = store.getAllKeys()
        const values = store.getAll()
        values.onsuccess = () => (db.close(), resolve(keys.result.map((k, i) => [String(k), values.result[i]])))
        values.onerror = keys.onerror = () => (db.close(), reject(keys.error ?? values.error))
      }
    })
  })

/** Every key of Touchpoint's IndexedDB outbox, without creating the database. */
export const outboxKeys = async (page: Page): Promise<string[]> => (await outboxEntries(page)).map(([k]) => k)

/** Answers this page's origin still holds queued in Touchpoint's IndexedDB outbox (keys). */
export const pending = async (page: Page): Promise<string[]> => (await outboxKeys(page)).filter((k) => k.startsWith('q:'))

/** The README's stub snippet, verbatim: queues calls made before touchpoint.js has loaded. */
export const STUB =
  '<script>window.Touchpoint=window.Touchpoint||{q:[]};"init ask on setContext consent flush destroy".split(" ").forEach(function(m){Touchpoint[m]=Touchpoint[m]||function(){var a=arguments;return new Promise(function(r){Touchpoint.q.push([m,a,r])})}})</script>'

/** A page that loads the built dist/touchpoint.js by script tag, as a web developer pastes it. */
export const scriptPage = (o: { endpoint?: string; attrs?: string; head?: string; body?: string; file?: string }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>E2E page</title>${o.head ?? ''}
<script async src="/dist/${o.file ?? 'touchpoint.js'}"${o.endpoint ? ` data-endpoint="${o.endpoint}"` : ''} ${o.attrs ?? ''}></script>
</head><body><h1>Shop</h1>${o.body ?? ''}</body></html>`

/**
 * The built files under test: dist/, or the snapshot of it that scripts/e2e.js hands every engine
 * (TOUCHPOINT_DIST), so all engines test one and the same build.
 */
export const DIST = process.env.TOUCHPOINT_DIST || join(import.meta.dirname, '..', 'dist')

/** Serves test pages plus dist/ on one origin (the collector runs on another port: another origin). */
export const site = (pages: Record<string, string>) => startStatic({ pages, routes: { '/dist/': DIST } })

/** Whether the built script exists: e2e tests exercise dist/, so `npm run build` must come first. */
export const built = (): boolean => existsSync(join(DIST, 'touchpoint.js'))

/**
 * Fetches the prompt file and the delivery engine into the page (as a fetch-ahead does) before a test takes
 * the page offline: a prompt never fetched cannot be shown offline, by design.
 */
export const promptFetched = (page: Page): Promise<unknown> =>
  // A string, so the test runner's transform cannot rewrite the page's own import().
  page.evaluate(
    `Promise.all(['touchpoint.prompt.js', 'touchpoint.delivery.js'].map((f) => import(new URL(f, document.querySelector('script[src*="touchpoint"]').src).href)))`,
  )

/**
 * Waits for the scanner to arm the page's touchpoints: the core fetches it at an idle moment after
 * the start (src/core/watch.ts), so a click or an app event sent before then finds no trigger
 * (as on any page before the scanner has arrived). Once the core has requested the file, importing
 * it here resolves after it has run; the core's own continuation (the scan) has run by the time
 * this evaluate returns.
 */
export const scannerArmed = async (p: Page): Promise<void> => {
  await until('the scanner to be fetched', () =>
    p.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('touchpoint.touchpoints.js'))),
  )
  await p.evaluate(`import(new URL('touchpoint.touchpoints.js', document.querySelector('script[src*="touchpoint"]').src).href)`)
}
