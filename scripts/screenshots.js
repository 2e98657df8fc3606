// Screenshots of the prompt for README, made from the real built files (run `npm run build`
// first): each metric light and dark, Arabic, a 320 px phone, the comment step, the contact step,
// and the feedback tab (desktop, 320 px phone, right-to-left, dark). Writes docs/*.png.
//
//   node scripts/screenshots.js              every picture
//   node scripts/screenshots.js contact tab  only the pictures named (tab: the tab's four)
//
// Chromium through playwright-core (CHROMIUM_PATH if it is not /usr/bin/chromium). Reduced
// motion, so no picture catches the entrance animation half way.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join, normalize } from 'node:path'
import { chromium } from 'playwright-core'
import { chromiumPath } from '../e2e/engines/detect.js'

const root = join(import.meta.dirname, '..')
const dist = join(root, 'dist')
const docs = join(root, 'docs')
if (!existsSync(join(dist, 'touchpoint.js'))) {
  console.error('dist/ is missing: run `npm run build` first.')
  process.exit(1)
}
mkdirSync(docs, { recursive: true })

const only = process.argv.slice(2)
const PAGE_BACKGROUND = { light: '#f3f4f6', dark: '#0d1117' }

/** A page with the script tag as a site pastes it; answers go to /collect, which accepts them. */
const page = (q) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Touchpoint</title>
<style>html { background: ${PAGE_BACKGROUND[q.get('theme') == 'dark' ? 'dark' : 'light']}; font: 16px system-ui; color: #57606a }
main { padding: 24px; max-width: 36em } p { line-height: 1.6 }</style>
<script async src="/dist/touchpoint.js" data-endpoint="/collect" data-theme="${q.get('theme') ?? 'light'}"
  data-locale="${q.get('locale') ?? 'en'}" data-position="bottom-right"${q.get('tab') ? ' data-tab="csat"' : ''}></script>
</head><body><main>${q.get('text') ? '<h1>Your order is on its way</h1><p>' + 'Order #1042 has been confirmed. '.repeat(6) + '</p>' : ''}</main></body></html>`

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://x')
  if (req.method == 'POST') return res.writeHead(204).end()
  if (url.pathname == '/') return res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(url.searchParams))
  const file = normalize(join(dist, url.pathname.replace(/^\/dist\//, '')))
  if (url.pathname.startsWith('/dist/') && file.startsWith(dist) && existsSync(file))
    return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(file))
  res.writeHead(404).end()
})
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)))
const base = 'http://127.0.0.1:' + /** @type {{ port: number }} */ (server.address()).port

const browser = await chromium.launch({
  executablePath: chromiumPath() ?? undefined,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
})

/**
 * Shows `metric` on a fresh page and saves a picture of it.
 * @param {string} name file name in docs/, without .png
 * @param {{ metric: string, theme?: string, locale?: string, width?: number, height?: number,
 *   phone?: boolean, comment?: boolean, contact?: boolean }} o
 */
const shoot = async (name, o) => {
  if (only.length && !only.includes(name)) return
  const width = o.width ?? 520
  const height = o.height ?? 300
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, reducedMotion: 'reduce', colorScheme: o.theme == 'dark' ? 'dark' : 'light' })
  const p = await context.newPage()
  const q = new URLSearchParams({ theme: o.theme ?? 'light', locale: o.locale ?? 'en', ...(o.phone ? { text: '1' } : {}) })
  await p.goto(base + '/?' + q)
  await p.waitForFunction(() => /** @type {any} */ (window).Touchpoint?.version)
  await p.evaluate(
    ([metric, comment, contact]) =>
      void (/** @type {any} */ (window).Touchpoint.ask(metric, { touchpoint: 'docs', force: true, comment: comment ? 'optional' : 'off', contact: contact ? 'low' : 'off' })),
    [o.metric, !!o.comment, !!o.contact],
  )
  await p.locator('touchpoint-prompt [role=radio]').first().waitFor()
  // Playwright's evaluate counts as the visitor's own action, so the prompt took focus: drop it,
  // but for the comment step, which shows the focus ring on purpose.
  await p.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.blur())
  if (o.comment) {
    await p.locator('touchpoint-prompt [data-score="2"]').click()
    await p.locator('touchpoint-prompt textarea').fill('The delivery slot I wanted was gone.')
    await p.locator('touchpoint-prompt .send').focus()
  }
  if (o.contact) {
    await p.locator('touchpoint-prompt [data-score="2"]').click()
    await p.locator('touchpoint-prompt [type=checkbox]').check()
    await p.locator('touchpoint-prompt [type=email]').fill('ana@example.com')
    await p.locator('touchpoint-prompt .send').focus()
  }
  await p.screenshot({ path: join(docs, name + '.png') })
  await context.close()
  console.log('docs/' + name + '.png')
}

/**
 * The feedback tab on a page with text, closed: desktop, phone (icon), right-to-left, dark.
 * @param {string} name file name in docs/, without .png
 * @param {{ theme?: string, locale?: string, width?: number, height?: number }} o
 */
const shootTab = async (name, o) => {
  const context = await browser.newContext({ viewport: { width: o.width ?? 720, height: o.height ?? 360 }, deviceScaleFactor: 2, reducedMotion: 'reduce', colorScheme: o.theme == 'dark' ? 'dark' : 'light' })
  const p = await context.newPage()
  await p.goto(base + '/?' + new URLSearchParams({ theme: o.theme ?? 'light', locale: o.locale ?? 'en', text: '1', tab: '1' }))
  await p.locator('touchpoint-tab button.tab').waitFor()
  await p.screenshot({ path: join(docs, name + '.png') })
  await context.close()
  console.log('docs/' + name + '.png')
}

try {
  const tall = { csat: 230, nps: 250, ces: 230, thumbs: 210 }
  for (const metric of /** @type {const} */ (['csat', 'nps', 'ces', 'thumbs']))
    for (const theme of ['light', 'dark']) await shoot(`${metric}-${theme}`, { metric, theme, height: tall[metric] })
  await shoot('nps-ar', { metric: 'nps', locale: 'ar', height: 250 })
  await shoot('comment', { metric: 'csat', comment: true, height: 330 })
  await shoot('contact', { metric: 'csat', contact: true, height: 330 })
  await shoot('phone', { metric: 'nps', phone: true, width: 320, height: 568 })
  if (!only.length || only.includes('tab')) {
    await shootTab('tab', {})
    await shootTab('tab-phone', { width: 320, height: 568 })
    await shootTab('tab-ar', { locale: 'ar' })
    await shootTab('tab-dark', { theme: 'dark' })
  }
} finally {
  await browser.close()
  server.close()
}
