// Starts Chromium or Firefox through playwright-core on a profile folder. Both give the same
// Page API, so the e2e files run unchanged in either; TOUCHPOINT_ENGINE picks the engine.
//
// playwright-core is pinned to 1.64.1 exactly (package.json): it is the one version that drives
// Debian's firefox-esr 153 over WebDriver BiDi (channel 'moz-firefox'); 1.65 fails against it, and
// without the channel Playwright speaks its own Juggler protocol, which Debian's Firefox lacks.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, firefox, type BrowserContext } from 'playwright-core'
import { APT, CHROMIUM_ARGS, chromiumPath, firefoxPath, missing } from './detect.js'

export type PlaywrightEngine = 'chromium' | 'firefox'

// Firefox: nothing to the outside either (updates, telemetry, captive portal, safe browsing).
const firefoxPrefs = {
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'browser.ping-centre.telemetry': false,
  // No /favicon.ico request of the browser's own: under a page's `default-src 'none'` it would be
  // a CSP violation the page never caused (headless Chromium makes no such request).
  'browser.chrome.site_icons': false,
  // Overlay scrollbars, as on phones and as Playwright's Chromium (--hide-scrollbars): a classic
  // 12 px scrollbar would make a 320 px viewport 308 px wide for the page.
  'ui.useOverlayScrollbars': 1,
}

const viewport = { width: 1000, height: 700 }

const homes: string[] = []
/** A throwaway HOME for one browser process (Firefox and GTK write caches and config there). */
const home = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'touchpoint-home-'))
  homes.push(d)
  return d
}
export const cleanupHomes = (): void => {
  for (const d of homes.splice(0)) rmSync(d, { recursive: true, force: true })
}
// Also when a test file never calls cleanup(): nothing of a run stays in the temp folder.
process.once('exit', cleanupHomes)

const need = (engine: PlaywrightEngine, path: string | null): string => {
  if (path) return path
  throw new Error(`${missing(engine) ?? engine} not found: install it (${APT[engine]}).`)
}

/** Starts `engine` on a profile folder; the same folder again is "the browser started again". */
export const launchPlaywright = async (engine: PlaywrightEngine, dir: string): Promise<BrowserContext> => {
  const h = home()
  const env = { ...process.env, HOME: h } as Record<string, string>
  const ctx = await start(engine, dir, env)
  // The browser has exited once its persistent context has closed: its home can go.
  ctx.once('close', () => rmSync(h, { recursive: true, force: true }))
  return ctx
}

const start = (engine: PlaywrightEngine, dir: string, env: Record<string, string>): Promise<BrowserContext> => {
  if (engine == 'firefox')
    return firefox.launchPersistentContext(dir, {
      channel: 'moz-firefox',
      executablePath: need('firefox', firefoxPath()),
      headless: true,
      firefoxUserPrefs: firefoxPrefs,
      env,
      viewport,
    })
  return chromium.launchPersistentContext(dir, { executablePath: need('chromium', chromiumPath()), args: CHROMIUM_ARGS, headless: true, env, viewport })
}
