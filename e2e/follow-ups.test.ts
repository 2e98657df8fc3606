// The follow-ups page in a real browser, on the real collector (a fresh PGlite folder) started
// with a token: /follow-ups?token= once becomes the cookie, the cases are listed overdue first
// with answers' text as text, a change made on the page is stored with who made it, and axe-core
// finds nothing in light and dark mode. No console error; nothing loaded from elsewhere.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { ENGINE, cleanup, launch, until, watch } from './helpers'
import { missing } from './engines/detect.js'
import { body } from '../collector/src/fixture'
import { startCollector } from '../collector/src/start.js'

const lacking = missing(ENGINE)
afterAll(() => cleanup())
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const axe = async (p: Page) => {
  // Evaluated by the driver: an inline <script> would be refused by the page's own CSP.
  if (!(await p.evaluate(() => !!(window as any).axe))) await p.evaluate(axeSource)
  return p.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)
}
const TOKEN = 'e2e-follow-ups-token'
const answer = (i: number, o: Record<string, unknown>) => ({ id: `eeeeeeee-0000-4000-8000-00000000000${i}`, touchpoint: 'checkout-pay', metric: 'nps', score: 2, revision: 1, stage: 'purchase', createdAt: '2026-12-01T10:00:00.000Z', page: { url: 'https://shop.example.com/' }, ...o })

describe.skipIf(lacking != null)(lacking ? `follow-ups: skipped, ${lacking} is not installed` : 'follow-ups page', () => {
  it('lists the cases overdue first, takes a change with the cookie, passes axe in light and dark', { timeout: 120_000 }, async () => {
    const data = mkdtempSync(join(tmpdir(), 'touchpoint-follow-ups-'))
    const collector = await startCollector({ data, host: '127.0.0.1', port: 0, token: TOKEN })
    // Scripts and text inserted as HTML would run this (the page's CSP also forbids inline code).
    const evil = '<img src=x id=pwned onerror="window.__pwned=1">'
    const recent = new Date(Date.now() - 3600_000).toISOString()
    const res = await fetch(collector.endpoint, { method: 'POST', body: body([answer(1, { createdAt: recent, touchpoint: 'help-article', stage: 'support', metric: 'thumbs', score: 0 }), answer(2, { comment: 'Card refused ' + evil })]) })
    expect(res.status).toBe(200)
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      const seen = watch(page)
      const requests: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      await page.goto(collector.url + '/follow-ups?token=' + TOKEN)
      expect(page.url()).toBe(collector.url + '/follow-ups')
      await page.locator('#cases > li').nth(1).waitFor({ timeout: 30_000 })
      const items = await page.locator('#cases > li').allInnerTexts()
      expect(items[0]).toMatch(/^NPS 2 · checkout-pay · purchase overdue/)
      expect(items[0]).toContain('Card refused ' + evil)
      expect(items[1]).toMatch(/^THUMBS 0 · help-article · support/)
      expect(await page.locator('#pwned').count()).toBe(0)
      expect(await page.locator('#status').innerText()).toBe('2 cases, 1 overdue.')

      expect(await axe(page)).toEqual([])
      await page.emulateMedia({ colorScheme: 'dark' })
      expect(await axe(page)).toEqual([])

      await page.locator('#by').fill('Ana')
      await page.locator('#by').dispatchEvent('change')
      const first = page.locator('#cases > li').first()
      await first.locator('select[name=status]').selectOption('in_progress')
      await first.locator('input[name=assignee]').fill('ana')
      await first.locator('textarea[name=note]').fill('Called back')
      await first.locator('button[type=submit]').click()
      await until('the change to be saved and shown', async () => (await page.locator('#cases > li').first().innerText()).includes('Called back'))
      const stored = await (await fetch(collector.url + '/follow-ups.json', { headers: { authorization: 'Bearer ' + TOKEN } })).json()
      const c = stored.cases.find((x: any) => x.id == answer(2, {}).id)
      expect(c).toMatchObject({ status: 'in_progress', assignee: 'ana' })
      expect(c.history).toEqual([{ at: expect.any(String), by: 'Ana', status: 'in_progress', assignee: 'ana', note: 'Called back' }])
      expect(await first.locator('.history').innerText()).toContain('Ana: status in_progress, assignee ana, “Called back”')

      expect(seen.errors).toEqual([])
      expect(seen.console.filter((m) => m.type == 'error')).toEqual([])
      expect(requests.filter((u) => !u.startsWith(collector.url + '/'))).toEqual([])
    } finally {
      await ctx.close()
      await collector.close()
      rmSync(data, { recursive: true, force: true })
    }
  })
})
