// The collector's dashboard in a real browser: the 22 known answers of collector/src/fixture.ts
// → the figures, the charts (SVG by Observable Plot, served by the collector), no console error,
// answers' text shown as text, and a refresh when a new answer arrives. The real collector
// (collector/), on a fresh PGlite folder; bound to loopback, so the dashboard is open.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { ENGINE, cleanup, launch, until, watch } from './helpers'
import { missing } from './engines/detect.js'
import { body, postFixture } from '../collector/src/fixture'
import { startCollector } from '../collector/src/start.js'

const lacking = missing(ENGINE)
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
// axe-core evaluated in the page rather than added as a <script>: the dashboard's CSP allows no inline script.
const axe = async (p: Page) => {
  if (!(await p.evaluate(() => !!(window as any).axe))) await p.evaluate(axeSource + ';0')
  return (await p.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) =>
    v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[]
}
afterAll(() => cleanup())

describe.skipIf(lacking != null)(lacking ? `dashboard: skipped, ${lacking} is not installed` : 'dashboard', () => {
  it('shows the figures with charts and tables, no console error, and refreshes as answers arrive', async () => {
    const data = mkdtempSync(join(tmpdir(), 'touchpoint-dashboard-'))
    const collector = await startCollector({ data, host: '127.0.0.1', port: 0 })
    const ctx = await launch()
    try {
      expect((await postFixture(collector.endpoint)).every((s) => s == 200)).toBe(true)
      const page = await ctx.newPage()
      const seen = watch(page)
      const requests: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      await page.setViewportSize({ width: 1400, height: 900 })
      await page.goto(collector.url + '/')
      await page.locator('#journey-charts svg').first().waitFor({ timeout: 30_000 })

      const kpis = await page.locator('#kpis').innerText()
      expect(kpis).toContain('+20')
      expect(kpis).toContain('5 promoters · 2 passives · 3 detractors')
      expect(kpis).toContain('60%')
      expect(kpis).toContain('5.0')
      expect(kpis).toContain('67%')
      expect(kpis).toMatch(/10 answers · 95% interval/)
      expect(await page.locator('#status').innerText()).toMatch(/^22 answers/)
      expect(await page.locator('#small').isVisible()).toBe(true)
      expect(await page.locator('#small').innerText()).toMatch(/Small sample: 22 answers/)

      // The journey map, left to right in journey order, the site's own stage last.
      expect(await page.locator('#journey h3').allInnerTexts()).toEqual(['purchase', 'usage', 'support', 'delivery'])
      // Charts: SVG, each beside a table of its figures.
      for (const id of ['journey-charts', 'vitals', 'rating', 'dist', 'trend']) {
        expect(await page.locator(`#${id} svg`).count(), id).toBeGreaterThan(0)
        expect(await page.locator(`#${id} table`).count(), id).toBeGreaterThan(0)
      }
      expect(await page.locator('#touchpoints tbody tr').count()).toBe(5)
      expect(await page.locator('#comments').innerText()).toContain('The coupon field ate my code')
      expect(await page.locator('h1').count()).toBe(1)
      expect(await page.locator('main h2').count()).toBe(10)

      // A new answer, with markup in its touchpoint and comment: drawn as text on the next poll.
      const evil = '<img src=x id=pwned onerror="window.__pwned=1">'
      const res = await fetch(collector.endpoint, {
        method: 'POST',
        body: body([{ id: 'ffffffff-0000-4000-8000-000000000001', touchpoint: evil, metric: 'csat', score: 1, revision: 1, stage: 'support', createdAt: new Date().toISOString(), page: { url: 'https://shop.example.com/' }, comment: '<b>bold</b> ' + evil }]),
      })
      expect(res.status).toBe(200)
      await until('the dashboard to refresh', async () => /^23 answers/.test(await page.locator('#status').innerText()), 20_000)
      expect(await page.locator('#comments li').first().innerText()).toContain('<b>bold</b> ' + evil)
      expect(await page.locator('#touchpoints').innerText()).toContain(evil)
      expect(await page.locator('#pwned').count()).toBe(0)
      expect(await page.locator('#comments b').count()).toBe(0)
      expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined()

      expect(seen.errors).toEqual([])
      expect(seen.console.filter((m) => m.type == 'error')).toEqual([])
      // Nothing but the collector itself: Plot and d3 come from node_modules through it.
      expect(requests.filter((u) => !u.startsWith(collector.url + '/'))).toEqual([])
    } finally {
      await ctx.close()
      await collector.close()
      rmSync(data, { recursive: true, force: true })
    }
  })

  it('filters from the form and the URL, a CSV of the same answers, a bad filter named, dark mode, sortable tables, axe-clean, no sideways scroll at 390 px', async () => {
    const data = mkdtempSync(join(tmpdir(), 'touchpoint-dashboard-'))
    const collector = await startCollector({ data, host: '127.0.0.1', port: 0 })
    const ctx = await launch()
    try {
      expect((await postFixture(collector.endpoint)).every((s) => s == 200)).toBe(true)
      const down = { id: 'ffffffff-0000-4000-8000-000000000002', touchpoint: 'help-article', metric: 'thumbs', score: 0, revision: 1, stage: 'support', createdAt: new Date().toISOString(), page: { url: 'https://shop.example.com/' }, comment: 'Did not help at all' }
      expect((await fetch(collector.endpoint, { method: 'POST', body: body([down]) })).status).toBe(200)
      const page = await ctx.newPage()
      const seen = watch(page)
      await page.setViewportSize({ width: 1400, height: 900 })
      await page.goto(collector.url + '/')
      await until('the figures', async () => /^23 answers/.test(await page.locator('#status').innerText()))
      // A thumbs-down comment says so.
      expect(await page.locator('#comments').innerText()).toContain('thumbs down · help-article')
      expect(await axe(page)).toEqual([])

      // A filter chosen in the form: the URL, the figures and the CSV link follow.
      await page.locator('select[name=touchpoint]').selectOption('app-nps')
      await until('the URL to carry the filter', () => new URL(page.url()).searchParams.get('touchpoint') == 'app-nps')
      await until('the filtered figures', async () => /^10 answers match the filters/.test(await page.locator('#status').innerText()))
      expect(await page.locator('#kpis').innerText()).toContain('5 promoters · 2 passives · 3 detractors')
      const csv = await page.locator('#csv').getAttribute('href')
      expect(csv).toBe('/answers.csv?touchpoint=app-nps')
      const text = await (await fetch(collector.url + csv)).text()
      expect(text.split('\r\n').filter(Boolean)).toHaveLength(11)

      // The URL alone gives the same view (a shared link).
      const shared = await ctx.newPage()
      await shared.goto(collector.url + '/?touchpoint=app-nps&period=month')
      await until('the shared view', async () => /^10 answers match the filters/.test(await shared.locator('#status').innerText()))
      expect(await shared.locator('select[name=touchpoint]').inputValue()).toBe('app-nps')
      expect(await shared.locator('select[name=period]').inputValue()).toBe('month')
      expect(await shared.locator('#trend caption').first().innerText()).toBe('Scores by month')

      // A bad filter: the collector's message, no empty charts.
      await shared.goto(collector.url + '/?metric=stars')
      await until('the message', async () => (await shared.locator('#error').isVisible()) && (await shared.locator('#error').innerText()).includes('metric: expected nps, csat, ces or thumbs, got "stars"'))
      expect(await shared.locator('#figures').isVisible()).toBe(false)
      await shared.close()

      // Sortable tables: a button in each header, aria-sort on the sorted column.
      await page.locator('#touchpoints').getByRole('button', { name: 'Answers' }).click()
      expect(await page.locator('#touchpoints th[aria-sort]').getAttribute('aria-sort')).toBe('ascending')
      await page.locator('#touchpoints').getByRole('button', { name: 'Answers' }).click()
      expect(await page.locator('#touchpoints th[aria-sort]').getAttribute('aria-sort')).toBe('descending')

      // Dark mode by the toggle, remembered across a reload.
      await page.locator('#theme').click()
      expect(await page.locator('#theme').getAttribute('aria-pressed')).toBe('true')
      await page.reload()
      await until('the figures again', async () => /^10 answers/.test(await page.locator('#status').innerText()))
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
      expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)')
      expect(await axe(page)).toEqual([])

      // A 390 px phone: nothing wider than the screen.
      await page.setViewportSize({ width: 390, height: 844 })
      await until('the layout to settle', () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
      expect(await axe(page)).toEqual([])
      expect(seen.errors).toEqual([])
      expect(seen.console.filter((m) => m.type == 'error')).toEqual([])
    } finally {
      await ctx.close()
      await collector.close()
      rmSync(data, { recursive: true, force: true })
    }
  })

  it('with a token (as off loopback), the page needs it: /?token= once becomes a cookie of its own, and the address bar loses it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'touchpoint-dashboard-'))
    // Bound to loopback as every test server is, but with a token: reading needs it all the same.
    const collector = await startCollector({ data, host: '127.0.0.1', port: 0, token: 'test-token-1234' })
    const ctx = await launch()
    try {
      expect((await postFixture(collector.endpoint)).every((s) => s == 200)).toBe(true)
      const page = await ctx.newPage()
      const seen = watch(page)
      const first = await page.goto(collector.url + '/')
      expect(first?.status()).toBe(401)
      await page.goto(collector.url + '/?token=test-token-1234')
      expect(page.url()).toBe(collector.url + '/')
      await until('the figures', async () => /^22 answers/.test(await page.locator('#status').innerText()), 30_000)
      const cookie = (await ctx.cookies(collector.url)).find((c) => c.name == 'touchpoint_token')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', value: 'test-token-1234' })
      expect(seen.errors).toEqual([])
    } finally {
      await ctx.close()
      await collector.close()
      rmSync(data, { recursive: true, force: true })
    }
  })
})