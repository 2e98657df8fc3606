// Takes the dashboard's screenshots in docs/: light, dark, a 390 px phone (with the sample data)
// and the empty state (a fresh store). Starts the collector on throwaway folders and photographs
// it in Debian's Chromium. node collector/src/dashboard/screenshot.js [docs]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { sampleAnswers } from '../sample.js'
import { startCollector } from '../start.js'

const dir = process.argv[2] ?? 'docs'
const folders = [mkdtempSync(join(tmpdir(), 'touchpoint-shot-')), mkdtempSync(join(tmpdir(), 'touchpoint-shot-empty-'))]
const profile = mkdtempSync(join(tmpdir(), 'touchpoint-shot-profile-'))
const full = await startCollector({ data: folders[0], host: '127.0.0.1', port: 0, beforeListen: async (store) => void (await store.upsert(sampleAnswers(), new Date().toISOString())) })
const empty = await startCollector({ data: folders[1], host: '127.0.0.1', port: 0 })
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
/** @type {string[]} */
const errors = []
/** @param {string} url @param {string} file @param {{ width: number, height: number }} size @param {'light' | 'dark'} scheme @param {string} ready */
const shot = async (url, file, size, scheme, ready) => {
  const page = await browser.newPage()
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.emulateMedia({ colorScheme: scheme })
  await page.setViewportSize(size)
  await page.goto(url)
  await page.waitForSelector(ready)
  await page.screenshot({ path: join(dir, file), fullPage: true })
  console.log('wrote', join(dir, file))
  await page.close()
}
try {
  await shot(full.url + '/', 'dashboard.png', { width: 1400, height: 900 }, 'light', '#journey-charts svg')
  await shot(full.url + '/', 'dashboard-dark.png', { width: 1400, height: 900 }, 'dark', '#journey-charts svg')
  await shot(full.url + '/', 'dashboard-phone.png', { width: 390, height: 844 }, 'light', '#journey-charts svg')
  await shot(empty.url + '/', 'dashboard-empty.png', { width: 1400, height: 900 }, 'light', '#empty:not([hidden])')
  console.log(errors.length ? 'console errors: ' + errors.join(' | ') : '(no console error)')
} finally {
  await browser.close()
  await full.close()
  await empty.close()
  for (const f of [...folders, profile]) rmSync(f, { recursive: true, force: true })
}
