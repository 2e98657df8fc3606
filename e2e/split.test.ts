// The split SDK (docs/architecture.md), end to end in Chromium through the built files:
// dist/touchpoint.js (the core, the script tag) fetches touchpoint.prompt.js, touchpoint.web-vitals.js
// and touchpoint.touchpoints.js from beside itself only when they are needed, keeps working offline
// once they are fetched, and degrades to `ask() → null` with one warning when one cannot be fetched.
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { built, cleanup, closeOpened, launch, opened, pending, scriptPage, site, startCollector, until, watch } from './helpers'

type Web = Awaited<ReturnType<typeof site>>

beforeAll(() => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
})
afterEach(closeOpened)
afterAll(() => cleanup())

/** Something for the page to paint, so FCP and LCP exist. */
const CONTENT = '<p>Thank you for your order. Your parcel ships tomorrow; we will e-mail you the tracking link.</p>'

/** Every URL the page requests, in order (failed and aborted requests included). */
const record = (page: Page): string[] => {
  const urls: string[] = []
  page.on('request', (r) => urls.push(r.url()))
  return urls
}
/** The dist/ files among `urls`, as file names (a query such as `?retry=1` kept). */
const distFiles = (web: Web, urls: string[]): string[] =>
  urls.filter((u) => u.startsWith(web.url + '/dist/')).map((u) => u.slice((web.url + '/dist/').length))
const requested = (web: Web, urls: string[], file: string): boolean => distFiles(web, urls).some((f) => f.split('?')[0] == file)

/** dist/ file names whose response the page has fully received, recorded from now on. */
const arrivals = (page: Page): string[] => {
  const files: string[] = []
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/dist/')) files.push(path.slice('/dist/'.length))
  })
  return files
}

const loaded = (page: Page) => until('Touchpoint to load', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
const pageLoaded = (page: Page) => until('the page load event', () => page.evaluate(() => document.readyState == 'complete'))
/** Starts ask() in the page without waiting for it; its result lands in window.__answers[key]. */
const startAsk = (page: Page, key: string, metric: string, touchpoint: string) =>
  page.evaluate(
    ([key, metric, touchpoint]) => {
      const w = window as any
      w.__answers ??= {}
      w.__answers[key] = 'pending'
      w.Touchpoint.ask(metric, { touchpoint }).then((a: unknown) => (w.__answers[key] = a))
    },
    [key, metric, touchpoint] as const,
  )
const askResult = (page: Page, key: string) =>
  until('ask() ' + key + ' to resolve', () =>
    page.evaluate((key) => {
      const r = (window as any).__answers?.[key]
      return r === 'pending' ? undefined : { r }
    }, key),
  ).then((x) => x!.r)
const score = (page: Page, n: number) => page.locator(`touchpoint-prompt [role=radio][data-score="${n}"]`)
const warnings = (seen: ReturnType<typeof watch>) => seen.console.filter((m) => m.type == 'warning')

describe('the core alone on a page that asks nothing; the prompt and web-vitals on the first ask()', () => {
  it('fetches only touchpoint.js; ask() fetches prompt + web-vitals and delivers vitals; offline, a second ask() still shows and is delivered once online', async () => {
    const collector = opened(await startCollector())
    const web = opened(await site({ '/thanks': scriptPage({ endpoint: collector.endpoint, body: CONTENT }) }))
    const ctx = opened(await launch())
    const page = await ctx.newPage()
    const seen = watch(page)
    const urls = record(page)
    const arrived = arrivals(page)
    await page.goto(web.url + '/thanks')
    await pageLoaded(page)
    await loaded(page)
    // Proving an absence needs an observation window: the core might fetch ahead lazily (on idle,
    // after a timer). Two idle callbacks let whatever the page scheduled for "after load, when
    // idle" run; at least 1.5 s more covers timers set at load. Bounded, and only for the absence.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(() => fn(), { timeout: 1000 }) : setTimeout(fn, 200))
          const at = performance.now()
          idle(() => idle(() => setTimeout(resolve, Math.max(0, 1500 - (performance.now() - at)))))
        }),
    )
    // Everything the page requested besides its own document: the core, nothing else (no prompt,
    // no web-vitals, no scanner, no language pack, and no POST with nothing to deliver).
    expect(urls.filter((u) => u != web.url + '/thanks')).toEqual([web.url + '/dist/touchpoint.js'])
    expect(collector.attempts).toHaveLength(0)

    // The first ask(): the prompt and web-vitals are fetched from beside the core.
    await startAsk(page, 'first', 'nps', 'order-nps')
    await score(page, 9).waitFor({ timeout: 30_000 })
    expect(requested(web, urls, 'touchpoint.prompt.js')).toBe(true)
    await until('touchpoint.web-vitals.js to be requested', () => requested(web, urls, 'touchpoint.web-vitals.js'))
    await until('touchpoint.delivery.js to be requested', () => requested(web, urls, 'touchpoint.delivery.js'))
    // The prompt is requested first, alone: web-vitals and the delivery engine only once it is here
    // (src/core/parts.ts fetchAhead), so they are not compiled and run on the first paint's way.
    const order = distFiles(web, urls)
    for (const f of ['touchpoint.web-vitals.js', 'touchpoint.delivery.js'])
      expect(order.indexOf('touchpoint.prompt.js'), 'touchpoint.prompt.js requested before ' + f).toBeLessThan(order.indexOf(f))
    // The prompt may appear before web-vitals has run: fetchAhead() awaits only the prompt and the
    // locale pack, so an answer given before touchpoint.web-vitals.js arrives has no `vitals` (seen
    // with that file delayed by 1.5 s). A visitor needs far longer than this to read the question:
    // let the vitals file arrive and its buffered observers and its after-load task run (two
    // frames and a task), then choose. The proof is in the answer, not in this wait.
    await until('touchpoint.web-vitals.js to arrive', () => arrived.includes('touchpoint.web-vitals.js'))
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))))
    await score(page, 9).click() // the click is the input that makes web-vitals settle LCP
    await until('the collector to store the first answer', () => collector.answers.length == 1)
    const first = collector.answers[0]
    expect(first).toMatchObject({ touchpoint: 'order-nps', metric: 'nps', score: 9 })
    for (const v of ['TTFB', 'FCP', 'LCP']) expect(typeof first.vitals?.[v], 'vitals.' + v).toBe('number')
    expect(await askResult(page, 'first')).toMatchObject({ id: first.id, score: 9 })
    await until('the outbox to empty after the 2xx', async () => (await pending(page)).length == 0)

    // Offline: the prompt is in the page's module map, so a second ask() still shows.
    const before = urls.length
    await ctx.setOffline(true)
    await until('the page to be offline', () => page.evaluate(() => !navigator.onLine))
    await until('the first prompt to go', async () => (await page.locator('touchpoint-prompt').count()) == 0)
    await startAsk(page, 'second', 'nps', 'offline-nps')
    await score(page, 9).waitFor({ timeout: 30_000 })
    await score(page, 9).click()
    const keys = await until('the offline answer stored in IndexedDB', async () => {
      const k = await pending(page)
      return k.length == 1 ? k : null
    })
    const id = keys![0]!.slice(2)
    expect(await askResult(page, 'second')).toMatchObject({ id, score: 9, touchpoint: 'offline-nps' })
    expect(collector.attempts.filter((t) => t.ids.includes(id))).toHaveLength(0)
    // Nothing was fetched again for the second prompt (a fetch offline would have been recorded).
    expect(distFiles(web, urls.slice(before))).toEqual([])

    // Online again: the queued answer is delivered, exactly once.
    await ctx.setOffline(false)
    await until('the collector to receive the offline answer', () => collector.answers.length == 2)
    expect(collector.answers[1]).toMatchObject({ id, touchpoint: 'offline-nps', score: 9 })
    await until('the outbox to empty', async () => (await pending(page)).length == 0)
    await page.evaluate(() => (window as any).Touchpoint.flush())
    expect(collector.attempts.filter((t) => t.ids.includes(id) && t.status == 200)).toHaveLength(1)
    expect(collector.answers).toHaveLength(2)
    expect(seen.errors).toEqual([])
  })
})

describe('the prompt file cannot be fetched', () => {
  it('blocked → ask() resolves null with one warning naming the file, no page error; unblocked → the next ask() shows and delivers', async () => {
    const collector = opened(await startCollector())
    const web = opened(await site({ '/blocked': scriptPage({ endpoint: collector.endpoint, body: CONTENT }) }))
    const ctx = opened(await launch())
    const page = await ctx.newPage()
    const seen = watch(page)
    const urls = record(page)
    const BLOCKED = '**/touchpoint.prompt.js*'
    await page.route(BLOCKED, (r) => r.abort())
    await page.goto(web.url + '/blocked')
    await loaded(page)
    expect(await page.evaluate(() => (window as any).Touchpoint.ask('nps', { touchpoint: 'blocked-nps' }))).toBeNull()
    expect(requested(web, urls, 'touchpoint.prompt.js')).toBe(true)
    expect(await page.locator('touchpoint-prompt').count()).toBe(0)
    await until('the warning', () => warnings(seen).length > 0)
    expect(warnings(seen)).toHaveLength(1)
    expect(warnings(seen)[0]!.text).toContain(web.url + '/dist/touchpoint.prompt.js')
    expect(seen.errors).toEqual([])

    await page.unroute(BLOCKED)
    await startAsk(page, 'again', 'nps', 'unblocked-nps')
    await score(page, 9).waitFor({ timeout: 30_000 })
    await score(page, 9).click()
    await until('the collector to store the answer', () => collector.answers.length == 1)
    expect(collector.answers[0]).toMatchObject({ touchpoint: 'unblocked-nps', metric: 'nps', score: 9 })
    expect(await askResult(page, 'again')).toMatchObject({ id: collector.answers[0].id })
    // Still the one warning from the blocked attempt, and never a page error.
    expect(warnings(seen)).toHaveLength(1)
    expect(seen.errors).toEqual([])
  })

  it('answers given before are still delivered by a page whose prompt file cannot be fetched', async () => {
    // 503 until the reloaded page is running. Only "the first POST" would not do: the page's own
    // retry timer and its keepalive send on pagehide could then deliver before or during the
    // reload, and the test would not show that the page without a prompt file delivers.
    let failing = true
    const collector = opened(await startCollector({ respond: () => (failing ? { status: 503 } : undefined) }))
    const web = opened(await site({ '/queued': scriptPage({ endpoint: collector.endpoint, body: CONTENT }) }))
    const ctx = opened(await launch())
    const page = await ctx.newPage()
    const seen = watch(page)
    await page.goto(web.url + '/queued')
    await loaded(page)
    await startAsk(page, 'given', 'csat', 'queued-csat')
    await score(page, 4).click({ timeout: 30_000 })
    await until('a refused delivery', () => collector.attempts.some((t) => t.status == 503))
    const keys = await until('the answer kept in IndexedDB', async () => {
      const k = await pending(page)
      return k.length == 1 ? k : null
    })
    const id = keys![0]!.slice(2)
    expect(collector.answers).toHaveLength(0)

    await page.route('**/touchpoint.prompt.js*', (r) => r.abort())
    await page.reload()
    await loaded(page)
    // This page cannot fetch the prompt: ask() says so…
    expect(await page.evaluate(() => (window as any).Touchpoint.ask('nps', { touchpoint: 'after-reload' }))).toBeNull()
    await until('the warning naming the prompt file', () =>
      warnings(seen).some((m) => m.text.includes(web.url + '/dist/touchpoint.prompt.js')),
    )
    // …and still delivers what was answered before.
    failing = false
    await until('the collector to receive the queued answer', () => collector.answers.length == 1, 60_000)
    expect(collector.answers[0]).toMatchObject({ id, touchpoint: 'queued-csat', metric: 'csat', score: 4 })
    await until('the outbox to empty', async () => (await pending(page)).length == 0)
    expect(collector.attempts.filter((t) => t.status == 200 && t.ids.includes(id))).toHaveLength(1)
    expect(seen.errors).toEqual([])
  })
})

describe('data-vitals="false"', () => {
  it('answers carry no vitals, and touchpoint.web-vitals.js is never requested', async () => {
    const collector = opened(await startCollector())
    const web = opened(await site({ '/novitals': scriptPage({ endpoint: collector.endpoint, attrs: 'data-vitals="false"', body: CONTENT }) }))
    const ctx = opened(await launch())
    const page = await ctx.newPage()
    const seen = watch(page)
    const urls = record(page)
    await page.goto(web.url + '/novitals')
    await loaded(page)
    await startAsk(page, 'plain', 'nps', 'no-vitals')
    await score(page, 9).click({ timeout: 30_000 })
    await until('the collector to store the answer', () => collector.answers.length == 1)
    expect(collector.answers[0]).toMatchObject({ touchpoint: 'no-vitals', score: 9 })
    expect('vitals' in collector.answers[0]).toBe(false)
    expect(JSON.parse(collector.attempts[0]!.body).answers[0]).not.toHaveProperty('vitals')
    expect(requested(web, urls, 'touchpoint.prompt.js')).toBe(true)
    expect(requested(web, urls, 'touchpoint.web-vitals.js')).toBe(false)
    expect(seen.errors).toEqual([])
  })
})

describe('a declared touchpoint', () => {
  it('fetches the scanner; hovering a click touchpoint fetches the prompt before any click; the click shows it', async () => {
    const collector = opened(await startCollector())
    const web = opened(
      await site({
        '/pay': scriptPage({
          endpoint: collector.endpoint,
          body: `${CONTENT}<button id="pay" style="margin:200px" data-touchpoint="checkout-pay" data-touchpoint-ask="ces"
            data-touchpoint-trigger="click">Pay</button>
            <script>window.__clicks = 0; document.addEventListener('click', () => window.__clicks++, true)</script>`,
        }),
      }),
    )
    const ctx = opened(await launch())
    const page = await ctx.newPage()
    const seen = watch(page)
    const urls = record(page)
    const arrived = arrivals(page)
    await page.goto(web.url + '/pay')
    await loaded(page)
    await until('touchpoint.touchpoints.js to be requested', () => requested(web, urls, 'touchpoint.touchpoints.js'))
    await until('touchpoint.touchpoints.js to arrive', () => arrived.includes('touchpoint.touchpoints.js'))
    // The scanner has arrived (and had two frames to run): declaring a click touchpoint alone
    // does not fetch the prompt.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    expect(requested(web, urls, 'touchpoint.prompt.js')).toBe(false)
    // The pointer enters the button (again and again, until the scanner is listening): that alone
    // must start fetching the prompt.
    await until('hovering to fetch touchpoint.prompt.js', async () => {
      await page.mouse.move(1, 1)
      await page.hover('#pay')
      return requested(web, urls, 'touchpoint.prompt.js')
    })
    expect(await page.evaluate(() => (window as any).__clicks)).toBe(0)
    expect(await page.locator('touchpoint-prompt').count()).toBe(0)
    await page.click('#pay')
    await score(page, 6).waitFor({ timeout: 30_000 })
    await score(page, 6).click()
    await until('the collector to store the answer', () => collector.answers.length == 1)
    expect(collector.answers[0]).toMatchObject({ touchpoint: 'checkout-pay', metric: 'ces', score: 6 })
    expect(seen.errors).toEqual([])

    // Answered: in its cooldown, the touchpoint would not ask again, so a later visit that hovers
    // it fetches nothing for it (the scanner comes, the prompt does not).
    const next = await ctx.newPage()
    const nextUrls = record(next)
    const nextArrived = arrivals(next)
    await next.goto(web.url + '/pay')
    await loaded(next)
    await until('the scanner to arrive on the next visit', () => nextArrived.includes('touchpoint.touchpoints.js'))
    for (let i = 0; i < 5; i++) {
      await next.mouse.move(1, 1)
      await next.hover('#pay')
      await next.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    }
    expect(requested(web, nextUrls, 'touchpoint.prompt.js')).toBe(false)
  })
})
