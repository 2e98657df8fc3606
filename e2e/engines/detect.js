// Where each engine's browser lives on this machine, and the one apt-get line that installs it.
// Plain JavaScript: shared by the e2e launchers (TypeScript) and scripts/e2e.js (Node, no build).
import { execFileSync } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */
/** @type {Engine[]} */
export const ENGINES = ['chromium', 'firefox', 'webkit']

/** @param {string} cmd */
const which = (cmd) => {
  try {
    const p = execFileSync('sh', ['-c', 'command -v "$0"', cmd], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return p ? realpathSync(p) : null
  } catch {
    return null
  }
}
/** @param {string[]} paths */
const first = (paths) => paths.find((p) => existsSync(p)) ?? null
/**
 * A path set in the environment (`name`) wins, but only if it exists: a wrong one names the
 * browser as missing instead of being quietly replaced by Debian's.
 * @param {string} name @param {() => string | null} otherwise
 */
const pick = (name, otherwise) => {
  const p = process.env[name]
  return p ? (existsSync(p) ? p : null) : otherwise()
}

/** The apt-get line that installs what an engine needs. */
export const APT = {
  chromium: 'apt-get install -y chromium',
  firefox: 'apt-get update && apt-get install -y firefox-esr',
  webkit: 'apt-get install -y webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb',
}

/** Firefox must be 153 or newer: older ESRs (140) cannot be driven by any working Playwright. */
export const FIREFOX_MIN = 153

/** Chromium's flags on this machine: no sandbox as root, and no background traffic to the outside. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const chromiumPath = () => pick('CHROMIUM_PATH', () => first(['/usr/bin/chromium', '/usr/bin/chromium-browser']) || which('chromium'))

export const firefoxPath = () => pick('FIREFOX_PATH', () => which('firefox-esr') || first(['/usr/lib/firefox-esr/firefox-esr']))

/** @param {string} bin */
export const firefoxVersion = (bin) => {
  try {
    const out = execFileSync(bin, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, HOME: '/nonexistent' }, timeout: 20_000 })
    const m = /(\d+)\.\d+/.exec(out)
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}

export const webkitPaths = () => ({
  driver: pick('WEBKIT_DRIVER_PATH', () => which('WebKitWebDriver') || first(['/usr/bin/WebKitWebDriver'])),
  browser: pick('MINIBROWSER_PATH', () =>
    first(['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser']),
  ),
  xvfb: which('Xvfb') || first(['/usr/bin/Xvfb']),
})

/**
 * Whether an engine can run here: `null` when it can, else what is missing.
 * @param {Engine} engine
 * @returns {string | null}
 */
export const missing = (engine) => {
  if (engine == 'chromium') return chromiumPath() ? null : 'Chromium (chromium)'
  if (engine == 'firefox') {
    const bin = firefoxPath()
    if (!bin) return 'Firefox ESR (firefox-esr)'
    const v = firefoxVersion(bin)
    if (v == null) return `Firefox ESR at ${bin} does not start`
    return v >= FIREFOX_MIN ? null : `Firefox ESR ${FIREFOX_MIN} or newer (found ${v})`
  }
  const w = webkitPaths()
  const lack = [!w.driver && 'WebKitWebDriver (webkit2gtk-driver)', !w.browser && 'MiniBrowser (libwebkit2gtk-4.1-0)', !w.xvfb && 'Xvfb (xvfb)'].filter(Boolean)
  return lack.length ? lack.join(', ') : null
}
