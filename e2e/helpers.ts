import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startCollector, startStatic } from '../demo/server.js'

export { startCollector, startStatic }

const chromiumPath = (): string => {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.')
  }
}

// The flags this machine needs: no sandbox as root, and no background traffic to the outside.
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const dirs: string[] = []
/** A fresh, empty Chromium profile folder (removed by cleanup()). */
export const profile = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-'))
  dirs.push(d)
  return d
}

/** Starts Chromium on a profile folder; the same folder again is "the browser started again". */
export const launch = (dir = profile()): Promise<BrowserContext> =>
  chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), args, headless: true, viewport: { width: 1000, height: 700 } })

export const cleanup = (): void => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
}

/** Waits for a condition, polling; fails with `what` after `timeout` ms. Never a fixed sleep. */
export const until = async <T>(what: string, fn: () => T | Promise<T>, timeout = 30_000): Promise<T> => {
  const end = Date.now() + timeout
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error('timed out waiting for: ' + what)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Records page errors and console messages of a page. */
export const watch = (page: Page) => {
  const errors: string[] = []
  const console: { type: string; text: string }[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => console.push({ type: m.type(), text: m.text() }))
  return { errors, console }
}

/** Answers this page's origin still holds in Touchpoint's IndexedDB outbox (keys), without creating the database. */
export const pending = (page: Page): Promise<string[]> =>
  page.evaluate(async () => {
    const dbs = await indexedDB.databases()
    if (!dbs.some((d) => d.name == 'touchpoint')) return []
    return new Promise<string[]>((resolve, reject) => {
      const req = indexedDB.open('touchpoint')
      req.onerror = () => reject(req.error)
      req.onsuccess = () => {
        const db = req.result
        if (!db.objectStoreNames.contains('outbox')) return db.close(), resolve([])
        const keys = db.transaction('outbox').objectStore('outbox').getAllKeys()
        keys.onsuccess = () => {
          db.close()
          resolve(keys.result.map(String).filter((k) => k.startsWith('q:')))
        }
      }
    })
  })

/** The README's stub snippet, verbatim: queues calls made before touchpoint.js has loaded. */
export const STUB =
  '<script>window.Touchpoint=window.Touchpoint||{q:[]};"init ask on setContext consent flush destroy".split(" ").forEach(function(m){Touchpoint[m]=Touchpoint[m]||function(){var a=arguments;return new Promise(function(r){Touchpoint.q.push([m,a,r])})}})</script>'

/** A page that loads the built dist/touchpoint.js by script tag, as a web developer pastes it. */
export const scriptPage = (o: { endpoint?: string; attrs?: string; head?: string; body?: string; file?: string }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>E2E page</title>${o.head ?? ''}
<script async src="/dist/${o.file ?? 'touchpoint.js'}"${o.endpoint ? ` data-endpoint="${o.endpoint}"` : ''} ${o.attrs ?? ''}></script>
</head><body><h1>Shop</h1>${o.body ?? ''}</body></html>`

/** Serves test pages plus dist/ on one origin (the collector runs on another port: another origin). */
export const site = (pages: Record<string, string>) =>
  startStatic({ pages, routes: { '/dist/': join(import.meta.dirname, '..', 'dist') } })

/** Whether the built script exists: e2e tests exercise dist/, so `npm run build` must come first. */
export const built = (): boolean => existsSync(join(import.meta.dirname, '..', 'dist', 'touchpoint.js'))

/**
 * Fetches the prompt file into the page (as a trigger's fetch-ahead does) before a test takes
 * the page offline: a prompt never fetched cannot be shown offline, by design.
 */
export const promptFetched = (page: Page): Promise<unknown> =>
  // A string, so the test runner's transform cannot rewrite the page's own import().
  page.evaluate(`import(new URL('touchpoint.prompt.js', document.querySelector('script[src*="touchpoint"]').src).href)`)
