// What the WebKit tests share: one MiniBrowser session per file (WebDriver classic through
// webdriverio), a page server with per-page headers, and /probe.js, a script each test page loads
// first ('self', so a strict CSP allows it) that records what WebDriver classic cannot capture:
// script errors, console messages and CSP violations.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type OutgoingHttpHeaders } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { startWebKit, type WebKit, type WebKitBrowser } from '../engines/webkit'
import { DIST, STUB, until } from '../helpers'

export { STUB, until }

// Runs in the page before anything else. Its one global, __probe, is the tests' own.
const PROBE = `(() => {
  const p = (window.__probe = { errors: [], console: [], violations: [] })
  addEventListener('error', (e) => p.errors.push(String(e.message || e.error)))
  addEventListener('unhandledrejection', (e) => p.errors.push('unhandled rejection: ' + String(e.reason)))
  // CSP violations bubble out of shadow roots (composed); listen early, in the capture phase.
  document.addEventListener('securitypolicyviolation', (e) => p.violations.push(e.violatedDirective + ' ' + e.blockedURI), true)
  for (const type of ['log', 'info', 'warn', 'error', 'debug']) {
    const orig = console[type]
    console[type] = function () {
      try { p.console.push({ type: type == 'warn' ? 'warning' : type, text: Array.from(arguments).map(String).join(' ') }) } catch {}
      return orig.apply(this, arguments)
    }
  }
})()`

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' }

export interface Page {
  html: string
  headers?: OutgoingHttpHeaders
}

/** Serves `pages` (HTML with their own headers), /probe.js, extra `files` and the built dist/. */
export const serve = (pages: Record<string, Page | string>, files: Record<string, string> = {}) =>
  new Promise<{ url: string; close(): Promise<void> }>((resolve) => {
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      const page = pages[path]
      if (page != null) {
        const p = typeof page == 'string' ? { html: page } : page
        res.writeHead(200, { 'Content-Type': types['.html'], 'Cache-Control': 'no-store', ...p.headers })
        return res.end(p.html)
      }
      const js = path == '/probe.js' ? PROBE : files[path]
      if (js != null) {
        res.writeHead(200, { 'Content-Type': types['.js'], 'Cache-Control': 'no-store' })
        return res.end(js)
      }
      if (path.startsWith('/dist/')) {
        const file = normalize(join(DIST, path.slice(6)))
        if (file.startsWith(normalize(DIST)) && existsSync(file) && statSync(file).isFile()) {
          res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
          return res.end(readFileSync(file))
        }
      }
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
    })
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      resolve({
        url: 'http://127.0.0.1:' + port,
        close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))),
      })
    })
  })

/** A page loading /probe.js first, then dist/touchpoint.js by its script tag. */
export const page = (o: { endpoint: string; attrs?: string; head?: string; body?: string; lang?: string; nonce?: string }) => {
  const n = o.nonce ? ` nonce="${o.nonce}"` : ''
  return `<!doctype html>
<html lang="${o.lang ?? 'en'}"><head><meta charset="utf-8"><title>E2E page</title><script${n} src="/probe.js"></script>${o.head ?? ''}
<script${n} async src="/dist/touchpoint.js" data-endpoint="${o.endpoint}" ${o.attrs ?? ''}></script>
</head><body><h1>Shop</h1>${o.body ?? ''}</body></html>`
}

type Probe = { errors: string[]; console: { type: string; text: string }[]; violations: string[] }

/** Helpers over one WebKit session. */
export const session = (wk: WebKit) => {
  const b: WebKitBrowser = wk.browser
  const js = <T>(fn: string): Promise<T> => b.execute(`return (${fn})`) as Promise<T>
  return {
    b,
    js,
    /** Navigates and waits until Touchpoint has loaded. */
    open: async (url: string) => {
      await b.url(url)
      await until('Touchpoint to load', () => js<boolean>('!!(window.Touchpoint && window.Touchpoint.version)'))
    },
    probe: () => js<Probe>('window.__probe'),
    count: (sel: string) => js<number>(`document.querySelectorAll(${JSON.stringify(sel)}).length`),
    /** The element inside the (first) prompt's shadow root, as a WebDriver element. */
    inPrompt: async (sel: string, within = 'touchpoint-prompt') => {
      const find = `(() => { const h = document.querySelector(${JSON.stringify(within)}); return h && h.shadowRoot && h.shadowRoot.querySelector(${JSON.stringify(sel)}) })()`
      await until('the prompt to show ' + sel, () => js<boolean>('!!' + find))
      // execute() hands back a WebDriver element reference, also for an element in a shadow root.
      const ref = (await b.execute('return ' + find)) as unknown as WebdriverIO.Element
      return b.$(ref as never)
    },
    /**
     * Keys of the outbox of this origin in IndexedDB (answers still to deliver). A read that has
     * not answered within 5 s (once, in WebKit, with localStorage blocked, a read of the outbox
     * hung until WebDriver's 30 s script timeout) or failed is tried again, up to three times, and
     * then fails the test with what the page said.
     */
    pending: async (): Promise<string[]> => {
      let last: unknown
      for (let i = 0; i < 3; i++) {
        last = await b.executeAsync(`const done = arguments[arguments.length - 1]
        setTimeout(() => done('no answer within 5 s'), 5000)
        const fail = (e) => done('error: ' + e)
        // Scripts go as strings: a function would carry the test runner's transform helpers
        // (webdriverio then defines __name in the page, a global the page never had).
        // Never creates the database: an empty one made here, before the core's first write,
        // would lack the outbox's object store (the core opens IndexedDB only once it has
        // something to store).
        indexedDB.databases().then((dbs) => {
          if (!dbs.some((d) => d.name == 'touchpoint')) return done([])
          const req = indexedDB.open('touchpoint')
          req.onerror = () => fail(req.error)
          req.onblocked = () => fail('open blocked')
          req.onsuccess = () => {
            const db = req.result
            try {
              if (!db.objectStoreNames.contains('outbox')) return db.close(), done([])
              const keys = db.transaction('outbox').objectStore('outbox').getAllKeys()
              keys.onerror = () => (db.close(), fail(keys.error))
              keys.onsuccess = () => {
                db.close()
                done(keys.result.map(String).filter((k) => k.startsWith('q:')))
              }
            } catch (e) {
              db.close()
              fail(e)
            }
          }
        }, fail)`)
        if (Array.isArray(last)) return last as string[]
      }
      throw new Error('could not read the outbox: ' + String(last))
    },
    /**
     * Leaves the page for about:blank once no Web Lock of this origin is held or asked for: every
     * outbox read and write runs under one, so none is under way. WebKit keeps the IndexedDB
     * transaction of a page left in the middle of one open, and it blocks the next page's writes
     * (an experiment: a page left while its readwrite transaction was busy; the next page's write
     * to the same store had no answer within 5 s). Twice a next page here could not delete the
     * answer it had just delivered, or read the outbox, until the test timed out. README "Browser
     * support" says what it means for visitors. `stop`: destroy() first, so that no retry starts
     * between the check and the navigation (a test of page hide keeps it running instead).
     */
    leave: async (stop = false) => {
      if (stop) await js('(Touchpoint.destroy(), 1)')
      await until('no outbox read or write under way', () =>
        b.executeAsync(`const done = arguments[arguments.length - 1]
        navigator.locks.query().then((q) => done(!q.held.length && !q.pending.length), () => done(true))`),
      )
      await b.url('about:blank')
    },
    /** Runs `expr` (a promise) in the page and resolves to its value. */
    await: <T>(expr: string) =>
      b.executeAsync(`const done = arguments[arguments.length - 1]; Promise.resolve(${expr}).then(done, (e) => done('rejected: ' + e))`) as Promise<T>,
    /** Presses keys one after another (each pressed and released). */
    press: async (...keys: string[]) => {
      for (const k of keys) await b.keys(k)
    },
  }
}

/** One WebKit session for a test file: `beforeAll(kit.start)`, `afterAll(kit.stop)`. */
export const perFile = () => {
  let wk: WebKit | undefined
  let s: ReturnType<typeof session> | undefined
  return {
    start: async () => {
      wk = await startWebKit()
      s = session(wk)
    },
    stop: async () => {
      await wk?.close()
    },
    get s() {
      if (!s) throw new Error('WebKit did not start')
      return s
    },
  }
}
