// Starts WebKit on this machine: Debian's WebKitWebDriver driving the MiniBrowser of
// libwebkit2gtk-4.1-0 (started with --automation) on a private Xvfb display, over WebDriver
// classic (webdriverio). Playwright has no WebKit build for Debian, and none may be downloaded.
//
// What this WebKit cannot do, and what the tests do instead:
// - no offline switch: take the collector down (close it, or make it refuse) and bring it back;
// - no console or page-error capture over WebDriver classic: the test page loads /probe.js
//   (PROBE below), which records errors, console messages and CSP violations in the page;
// - automation sessions keep website data in memory only: "the browser started again" is a
//   reload (or a new page on the same origin) within one session.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { remote } from 'webdriverio'
import { APT, missing, webkitPaths } from './detect.js'

export type WebKitBrowser = Awaited<ReturnType<typeof remote>>

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const exited = (p: ChildProcess): Promise<void> =>
  p.exitCode != null || p.signalCode != null ? Promise.resolve() : new Promise((r) => p.once('exit', () => r()))

/** Ends a child process: SIGTERM, then SIGKILL if it has not gone after `grace` ms. */
const stop = async (p: ChildProcess | undefined, grace = 3000): Promise<void> => {
  if (!p || p.exitCode != null || p.signalCode != null) return
  p.kill('SIGTERM')
  const t = setTimeout(() => p.kill('SIGKILL'), grace)
  await exited(p)
  clearTimeout(t)
}

/** Xvfb on the first free display; it writes the display number to fd 3 once it is ready. */
const startXvfb = (bin: string): Promise<{ proc: ChildProcess; display: string }> =>
  new Promise((resolve, reject) => {
    const proc = spawn(bin, ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    proc.stderr!.on('data', (c) => (err += c))
    proc.stdio[3]!.on('data', (c: Buffer) => {
      out += c
      if (out.includes('\n')) resolve({ proc, display: ':' + out.trim() })
    })
    proc.once('exit', (code) => reject(new Error('Xvfb exited (' + code + '): ' + err.slice(-500))))
    proc.once('error', reject)
  })

const waitForDriver = async (port: number, driver: ChildProcess, log: () => string): Promise<void> => {
  const end = Date.now() + 20_000
  for (;;) {
    if (driver.exitCode != null) throw new Error('WebKitWebDriver exited: ' + log().slice(-500))
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`)
      if (r.ok) return
    } catch {}
    if (Date.now() > end) throw new Error('WebKitWebDriver did not answer on port ' + port + ': ' + log().slice(-500))
    await new Promise((r) => setTimeout(r, 100))
  }
}

export interface WebKit {
  browser: WebKitBrowser
  /** Ends the session (MiniBrowser), then the driver, then Xvfb, and removes the throwaway home. */
  close(): Promise<void>
}

/** Starts Xvfb, WebKitWebDriver and a MiniBrowser session with a throwaway HOME. */
export const startWebKit = async (): Promise<WebKit> => {
  const lack = missing('webkit')
  if (lack) throw new Error(`${lack} not found: install it (${APT.webkit}).`)
  const paths = webkitPaths()
  const home = mkdtempSync(join(tmpdir(), 'touchpoint-webkit-'))
  for (const d of ['cache', 'data', 'config', 'runtime']) mkdirSync(join(home, d), { mode: 0o700 })
  let xvfb: ChildProcess | undefined
  let driver: ChildProcess | undefined
  let browser: WebKitBrowser | undefined
  const close = async () => {
    // The session first (it ends MiniBrowser), then the driver, then the display.
    if (browser) await Promise.race([browser.deleteSession().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))])
    await stop(driver)
    await stop(xvfb)
    rmSync(home, { recursive: true, force: true })
  }
  try {
    const x = await startXvfb(paths.xvfb!)
    xvfb = x.proc
    const port = await freePort()
    const env = {
      ...process.env,
      HOME: home,
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_RUNTIME_DIR: join(home, 'runtime'),
      DISPLAY: x.display,
      // Software rendering on a virtual display; no accessibility bus to talk to.
      LIBGL_ALWAYS_SOFTWARE: '1',
      WEBKIT_DISABLE_COMPOSITING_MODE: '1',
      NO_AT_BRIDGE: '1',
      GTK_A11Y: 'none',
    }
    delete (env as Record<string, string | undefined>).WAYLAND_DISPLAY
    let log = ''
    driver = spawn(paths.driver!, ['--port=' + port, '--host=127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    driver.stdout!.on('data', (c) => (log += c))
    driver.stderr!.on('data', (c) => (log += c))
    await waitForDriver(port, driver, () => log)
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: paths.browser!, args: ['--automation'] },
      } as WebdriverIO.Capabilities,
    })
    await browser.setWindowSize(1000, 700).catch(() => {})
    return { browser, close }
  } catch (e) {
    await close()
    throw e
  }
}
