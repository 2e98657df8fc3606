// The spine, end to end in Chromium, through the built dist/touchpoint.js and its script tag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STUB, built, cleanup, driverGlobal, launch, pending, profile, promptFetched, scannerArmed, scriptPage, site, startCollector, until, watch } from './helpers'

type Srv = Awaited<ReturnType<typeof site>>
let web: Srv
beforeAll(() => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
})
afterAll(() => cleanup())

describe('script tag → prompt → collector', () => {
  it('asks NPS from a page with only the script tag; choosing 9 delivers one complete answer to another origin', async () => {
    const collector = await startCollector()
    web = await site({
      '/shop': scriptPage({
        endpoint: collector.endpoint,
        attrs: 'data-site="acme-web"',
        head: `<script>window.__before = Object.getOwnPropertyNames(window)</script>${STUB}
          <script>window.__asked = Touchpoint.ask('nps', { touchpoint: 'order-nps' })</script>`,
      }),
    })
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      const seen = watch(page)
      const requests: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      await page.goto(web.url + '/shop')
      const nine = page.locator('touchpoint-prompt [role=radio][data-score="9"]')
      await nine.waitFor({ timeout: 30_000 })
      // The prompt: an accessible radio group of 0–10 in an open shadow root.
      expect(await page.locator('touchpoint-prompt [role=radiogroup] [role=radio]').count()).toBe(11)
      expect(await nine.getAttribute('aria-label')).toBe('9 of 10')
      expect(await page.evaluate(() => document.querySelector('touchpoint-prompt')!.shadowRoot!.mode)).toBe('open')
      await nine.click()
      await until('the collector to store the answer', () => collector.answers.length == 1)
      const a = collector.answers[0]
      expect(a).toMatchObject({ touchpoint: 'order-nps', metric: 'nps', score: 9, scale: { min: 0, max: 10 }, site: 'acme-web' })
      expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(Date.parse(a.createdAt)).not.toBeNaN()
      expect(a.page.url).toBe(web.url + '/shop')
      expect(a.question).toMatch(/recommend/)
      // The queued call made before the file loaded resolved to the same answer.
      expect(await page.evaluate(() => (window as any).__asked)).toMatchObject({ id: a.id, score: 9 })
      await until('the outbox to empty after the 2xx', async () => (await pending(page)).length == 0)
      expect(collector.attempts.filter((t) => t.ids.includes(a.id))).toHaveLength(1)
      // The page is unharmed and gained one global only.
      const added = await page.evaluate(() =>
        Object.getOwnPropertyNames(window).filter((k) => !(window as any).__before.includes(k)),
      )
      expect(added.filter((k) => k != '__before' && k != '__asked' && !driverGlobal(k))).toEqual(['Touchpoint'])
      expect(seen.errors).toEqual([])
      expect(await page.evaluate(() => document.cookie)).toBe('')
      // Nothing went anywhere but the page's own origin and the configured endpoint.
      expect(requests.filter((u) => !u.startsWith(web.url + '/') && u != collector.endpoint)).toEqual([])
    } finally {
      await ctx.close()
      await web.close()
      await collector.close()
    }
  })

  it('works by keyboard: Tab into the group, arrows move, Enter chooses; Escape dismisses', async () => {
    const collector = await startCollector()
    web = await site({
      '/kb': scriptPage({
        endpoint: collector.endpoint,
        body: `<button id="go">Rate</button><script>
          document.getElementById('go').onclick = () => { window.__r = Touchpoint.ask('csat', { touchpoint: 'kb', comment: 'optional' }) }
          document.addEventListener('keydown', (e) => { if (e.key == 'x') window.__d = Touchpoint.ask('ces', { touchpoint: 'kb-esc' }) })
        </script>`,
      }),
    })
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      const seen = watch(page)
      await page.goto(web.url + '/kb')
      await until('Touchpoint to load', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      await page.focus('#go')
      await page.keyboard.press('Enter') // opened by the visitor: focus moves into the prompt
      const focused = () => page.evaluate(() => document.querySelector('touchpoint-prompt')?.shadowRoot?.activeElement?.getAttribute('data-score'))
      await until('focus on the first choice', async () => (await focused()) == '1')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('ArrowRight')
      expect(await focused()).toBe('4')
      await page.keyboard.press('ArrowLeft')
      expect(await focused()).toBe('3')
      await page.keyboard.press('Enter')
      // The comment step follows, focused; the send button delivers score and comment together.
      await page.locator('touchpoint-prompt textarea').waitFor()
      await page.keyboard.type('Quick and clear')
      await page.locator('touchpoint-prompt button[type=submit]').click()
      await until('the answer with its comment', () => collector.answers.length == 1)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'kb', metric: 'csat', score: 3, comment: 'Quick and clear' })
      expect(await page.evaluate(() => (window as any).__r)).toMatchObject({ score: 3 })
      await until('the thank-you to go', async () => (await page.locator('touchpoint-prompt').count()) == 0)
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('go') // focus returned

      await page.keyboard.press('x')
      await page.locator('touchpoint-prompt [role=radio]').first().waitFor()
      await page.locator('touchpoint-prompt [role=radio]').first().focus()
      await page.keyboard.press('Escape')
      expect(await page.evaluate(() => (window as any).__d)).toBeNull()
      expect(await page.locator('touchpoint-prompt').count()).toBe(0)
      expect(collector.answers).toHaveLength(1)
      expect(seen.errors).toEqual([])
    } finally {
      await ctx.close()
      await web.close()
      await collector.close()
    }
  })

  it('loading the file twice is harmless: one Touchpoint, one prompt, no error', async () => {
    const collector = await startCollector()
    web = await site({
      '/twice': scriptPage({
        endpoint: collector.endpoint,
        head: `<script async src="/dist/touchpoint.js" data-endpoint="${collector.endpoint}"></script>`,
        body: `<button id="b" data-touchpoint="twice" data-touchpoint-ask="thumbs">Rate</button>`,
      }),
    })
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      const seen = watch(page)
      await page.goto(web.url + '/twice')
      await until('both copies to run', () =>
        page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/dist/touchpoint.js')).length >= 1 && !!(window as any).Touchpoint?.version),
      )
      await scannerArmed(page)
      await page.click('#b')
      await page.locator('touchpoint-prompt').first().waitFor()
      expect(await page.locator('touchpoint-prompt').count()).toBe(1)
      await page.locator('touchpoint-prompt [data-score="1"]').click()
      await until('one answer', () => collector.answers.length == 1)
      await page.evaluate(() => (window as any).Touchpoint.flush())
      expect(collector.attempts).toHaveLength(1)
      expect(seen.errors).toEqual([])
    } finally {
      await ctx.close()
      await web.close()
      await collector.close()
    }
  })

  it('a missing data-endpoint is one clear console error; the page is unharmed and ask() resolves null', async () => {
    web = await site({ '/bad': scriptPage({ attrs: 'data-site="x"' }) })
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      const seen = watch(page)
      await page.goto(web.url + '/bad')
      await until('Touchpoint to load', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      expect(await page.evaluate(() => (window as any).Touchpoint.ask('nps', { touchpoint: 'x' }))).toBeNull()
      // Said by the explain file, which the core fetches when an option is not taken.
      const said = () => seen.console.filter((m) => m.type == 'error' && m.text.startsWith('[Touchpoint]'))
      await until('the error', () => said().length > 0)
      expect(said()).toHaveLength(1)
      expect(said()[0]!.text).toContain('data-endpoint is missing, expected an http(s) URL of your collector. Touchpoint is not started.')
      expect(seen.errors).toEqual([])
    } finally {
      await ctx.close()
      await web.close()
    }
  })
})

describe('delivery through faults', () => {
  it('answered offline, browser closed, started again online → the collector receives it exactly once', async () => {
    const collector = await startCollector()
    web = await site({
      '/offline': scriptPage({
        endpoint: collector.endpoint,
        body: `<script>window.go = () => Touchpoint.ask('csat', { touchpoint: 'offline-csat' })</script>`,
      }),
    })
    const dir = profile()
    let ctx = await launch(dir)
    let id = ''
    try {
      const page = await ctx.newPage()
      await page.goto(web.url + '/offline')
      await until('Touchpoint to load', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      await promptFetched(page)
      await ctx.setOffline(true)
      await page.evaluate(() => void (window as any).go())
      await page.locator('touchpoint-prompt [data-score="5"]').click()
      const keys = await until('the answer stored in IndexedDB', async () => {
        const k = await pending(page)
        return k.length == 1 ? k : null
      })
      id = keys![0]!.slice(2)
      await until('the send attempt to fail offline', () => page.evaluate(() => !navigator.onLine))
      expect(collector.attempts).toHaveLength(0)
    } finally {
      await ctx.close()
    }
    ctx = await launch(dir)
    try {
      const page = await ctx.newPage()
      await page.goto(web.url + '/offline')
      await until('the collector to receive the stored answer', () => collector.answers.length == 1)
      expect(collector.answers[0]).toMatchObject({ id, touchpoint: 'offline-csat', score: 5 })
      await until('the outbox to empty', async () => (await pending(page)).length == 0)
      // Flushing again and reloading sends nothing more.
      await page.evaluate(() => (window as any).Touchpoint.flush())
      await page.reload()
      await until('Touchpoint to load', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      await page.evaluate(() => (window as any).Touchpoint.flush())
      expect(collector.attempts.filter((t) => t.ids.includes(id))).toHaveLength(1)
      expect(collector.answers).toHaveLength(1)
    } finally {
      await ctx.close()
      await web.close()
      await collector.close()
    }
  })

  it('500 three times, then 200 → delivered once, with growing gaps between attempts', async () => {
    const collector = await startCollector({ respond: ({ attempt }) => (attempt <= 3 ? { status: 500 } : undefined) })
    web = await site({
      '/retry': scriptPage({
        endpoint: collector.endpoint,
        body: `<script>window.go = () => Touchpoint.ask('thumbs', { touchpoint: 'retry-thumbs' })</script>`,
      }),
    })
    const ctx = await launch()
    try {
      const page = await ctx.newPage()
      await page.goto(web.url + '/retry')
      await until('Touchpoint to load', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
      await page.evaluate(() => void (window as any).go())
      await page.locator('touchpoint-prompt [data-score="1"]').click()
      await until('the fourth attempt to be stored', () => collector.answers.length == 1, 60_000)
      await until('the outbox to empty', async () => (await pending(page)).length == 0)
      const at = collector.attempts.map((t) => t.at)
      expect(collector.attempts.map((t) => t.status)).toEqual([500, 500, 500, 200])
      expect(new Set(collector.attempts.map((t) => t.ids[0])).size).toBe(1)
      const gaps = at.slice(1).map((t, i) => t - at[i]!)
      expect(gaps[1]).toBeGreaterThan(gaps[0]!)
      expect(gaps[2]).toBeGreaterThan(gaps[1]!)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'retry-thumbs', metric: 'thumbs', score: 1 })
    } finally {
      await ctx.close()
      await web.close()
      await collector.close()
    }
  })
})
