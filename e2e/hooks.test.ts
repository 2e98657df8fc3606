// The app's hooks through the README stub (Touchpoint.init({...}) queued before the script
// loads, no data-endpoint): beforeSend enriches one answer and drops another; a transport that
// answers 503 once and then delivers through the app's own fetch.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STUB, built, cleanup, launch, pending, scriptPage, site, startCollector, until, watch } from './helpers'

beforeAll(() => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
})
afterAll(() => cleanup())

const choose = async (page: Page, touchpoint: string, score: string) => {
  await page.evaluate((tp) => void ((window as any)['__' + tp] = (window as any).Touchpoint.ask('csat', { touchpoint: tp })), touchpoint)
  await page.locator(`touchpoint-prompt [role=radio][data-score="${score}"]`).click()
  await until('the prompt for ' + touchpoint + ' to close', async () => (await page.locator('touchpoint-prompt').count()) == 0)
}

describe('app hooks through the README stub', () => {
  it('beforeSend adds a context key to one answer and drops another; a transport answering 503 once, then the app’s own fetch, delivers once', async () => {
    const collector = await startCollector()
    const web = await site({
      '/app': scriptPage({
        head: `${STUB}<script>
          window.transportCalls = []
          Touchpoint.init({
            endpoint: ${JSON.stringify(collector.endpoint)},
            beforeSend: function (a) { return a.touchpoint == 'staff-only' ? null : Object.assign({}, a, { context: { plan: 'pro' } }) },
            transport: function (body) {
              window.transportCalls.push(JSON.parse(body).answers.map(function (a) { return a.id }))
              if (window.transportCalls.length == 1) return Promise.resolve({ status: 503 })
              return fetch(${JSON.stringify(collector.endpoint)}, { method: 'POST', body: body, headers: { 'Content-Type': 'text/plain' } })
                .then(function (r) { return { status: r.status } })
            },
          })
        </script>`,
      }),
    })
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      const seen = watch(page)
      const posts: string[] = []
      page.on('request', (r) => r.method() == 'POST' && posts.push(r.url()))
      await page.goto(web.url + '/app')
      await until('Touchpoint to start', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      await choose(page, 'staff-only', '2')
      await choose(page, 'checkout', '5')
      await until('the collector to store the kept answer', () => collector.answers.length == 1)
      await until('the outbox to empty', async () => (await pending(page)).length == 0)
      const [kept] = collector.answers
      expect(kept).toMatchObject({ touchpoint: 'checkout', score: 5, context: { plan: 'pro' } })
      // The dropped answer was never stored, sent or handed to the transport.
      const calls = (await page.evaluate(() => (window as any).transportCalls)) as string[][]
      expect(calls.flat().every((id) => id == kept.id)).toBe(true)
      expect(calls.length).toBe(2) // the 503, then the app's fetch
      // Every POST the page made was the app's own fetch from inside the transport: one.
      expect(collector.attempts.filter((a) => a.ids.includes(kept.id))).toHaveLength(1)
      expect(posts).toEqual([collector.endpoint])
      expect(seen.errors).toEqual([])
    } finally {
      await ctx.close()
      await web.close()
      await collector.close()
    }
  })

  it('beforeSend’s file is fetched only for a site that gives one; a prompt waits for it, and when it cannot be fetched no prompt shows, one warning names the file, and the next ask() fetches it again', async () => {
    const collector = await startCollector()
    const web = await site({
      '/hooked': scriptPage({
        head: `${STUB}<script>
          Touchpoint.init({
            endpoint: ${JSON.stringify(collector.endpoint)},
            beforeSend: function (a) { return Object.assign({}, a, { context: { plan: 'pro' } }) },
          })
        </script>`,
      }),
      '/plain': scriptPage({ endpoint: collector.endpoint }),
    })
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      const seen = watch(page)
      const fetched: string[] = []
      page.on('request', (r) => fetched.push(r.url()))
      // A site without beforeSend never fetches the file.
      await page.goto(web.url + '/plain')
      await until('Touchpoint to start', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      await choose(page, 'plain', '4')
      await until('the collector to store the plain answer', () => collector.answers.length == 1)
      expect(fetched.some((u) => u.includes('touchpoint.hook.js'))).toBe(false)

      await page.route('**/touchpoint.hook.js*', (r) => r.abort())
      await page.goto(web.url + '/hooked')
      await until('Touchpoint to start', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      expect(await page.evaluate(() => (window as any).Touchpoint.ask('csat', { touchpoint: 'hook-blocked' }))).toBeNull()
      expect(await page.locator('touchpoint-prompt').count()).toBe(0)
      const named = seen.console.filter((m) => m.type == 'warning' && m.text.includes(web.url + '/dist/touchpoint.hook.js'))
      expect(named).toHaveLength(1)

      await page.unroute('**/touchpoint.hook.js*')
      await choose(page, 'hook-retried', '5')
      await until('the collector to store the hooked answer', () => collector.answers.length == 2)
      expect(collector.answers[1]).toMatchObject({ touchpoint: 'hook-retried', score: 5, context: { plan: 'pro' } })
      expect(seen.errors).toEqual([])
    } finally {
      await ctx.close()
      await web.close()
      await collector.close()
    }
  })
})
