// Takes docs/dashboard.png: starts the collector on a throwaway folder with the sample data and
// photographs the dashboard in Debian's Chromium. node collector/src/dashboard/screenshot.js [out.png]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { sampleAnswers } from '../sample.js'
import { startCollector } from '../start.js'

const out = process.argv[2] ?? 'docs/dashboard.png'
const data = mkdtempSync(join(tmpdir(), 'touchpoint-shot-'))
const profile = mkdtempSync(join(tmpdir(), 'touchpoint-shot-profile-'))
const collector = await startCollector({ data, host: '127.0.0.1', port: 0, beforeListen: async (store) => void (await store.upsert(sampleAnswers(), new Date().toISOString())) })
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1400, height: 900 },
})
try {
  const page = await browser.newPage()
  const errors = []
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(collector.url + '/')
  await page.waitForSelector('#journey-charts svg')
  await page.screenshot({ path: out, fullPage: true })
  console.log('wrote', out, errors.length ? 'console errors: ' + errors.join(' | ') : '(no console error)')
} finally {
  await browser.close()
  await collector.close()
  rmSync(data, { recursive: true, force: true })
  rmSync(profile, { recursive: true, force: true })
}
