// The prompt on other people's sites, end to end in Chromium against the built dist/ files:
// a strict Content-Security-Policy, a hostile host stylesheet, a 320 px phone, languages,
// the site's own words, and axe-core in every variant.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, cleanup, launch, startCollector, until, watch } from './helpers'

const dist = join(import.meta.dirname, '..', 'dist')
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

type Collector = Awaited<ReturnType<typeof startCollector>>
interface Served {
  url: string
  /** Every path the browser asked for, in order. */
  requests: string[]
  close(): Promise<void>
}

/**
 * A static server whose pages carry their own response headers (a Content-Security-Policy),
 * plus dist/ under /dist/. It records what the browser asked for.
 */
const serve = (pages: Record<string, { html: string; headers?: Record<string, string> }>): Promise<Served> => {
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.push(path)
    const page = pages[path]
    if (page) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...page.headers })
      return res.end(page.html)
    }
    const file = normalize(join(dist, path.replace(/^\/dist\//, '')))
    if (path.startsWith('/dist/') && file.startsWith(dist)) {
      try {
        const body = readFileSync(file)
        res.writeHead(200, { 'Content-Type': extname(file) == '.js' ? 'text/javascript' : 'application/octet-stream', 'Cache-Control': 'no-store' })
        return res.end(body)
      } catch {
        /* not found below */
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' })
    res.end('not found')
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      resolve({ url: 'http://127.0.0.1:' + port, requests, close: () => new Promise((r) => server.close(() => r())) })
    }),
  )
}

let collector: Collector
let web: Served
let ctx: BrowserContext

const HOSTILE = `* { all: unset !important }
  button, [role=radio] { display: none !important }
  div { font-size: 40px !important; color: transparent !important }
  :where(*) { all: unset }`

/** A page loading dist/touchpoint.js by script tag; `attrs` go on the tag. No inline script. */
const html = (o: { attrs?: string; lang?: string; head?: string; body?: string } = {}) => `<!doctype html>
<html lang="${o.lang ?? 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title>${o.head ?? ''}
<script async src="/dist/touchpoint.js" data-endpoint="${collector.endpoint}" data-debug ${o.attrs ?? ''}></script>
</head><body><main><h1>Shop</h1><p>Thanks for your order.</p>${o.body ?? ''}<div id="spot"></div></main></body></html>`

const origin = (url: string) => new URL(url).origin
const strict = () => ({
  'Content-Security-Policy': `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${origin(collector.endpoint)}`,
})
const nonced = () => ({
  'Content-Security-Policy': `default-src 'none'; script-src 'nonce-n0nce' 'strict-dynamic'; style-src 'nonce-n0nce'; connect-src ${origin(collector.endpoint)}`,
})

beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  collector = await startCollector()
  web = await serve({
    '/strict': { html: html({ attrs: 'data-position="top-left"' }), headers: strict() },
    // Where constructable stylesheets are missing, a <style> carries the script tag's nonce.
    '/nonce': { html: html({ attrs: 'nonce="n0nce"' }), headers: nonced() },
    '/plain': { html: html() },
    '/hostile': { html: html({ head: `<link rel="stylesheet" href="/dist/hostile.css">` }) },
    '/ar': { html: html({ attrs: 'data-locale="ar"' }) },
    '/he': { html: html({ attrs: 'data-locale="he"' }) },
    '/de': { html: html({ lang: 'de' }) },
    '/pt-BR': { html: html({ lang: 'pt-BR' }) },
    '/unknown': { html: html({ lang: 'sw' }) },
    '/texts': {
      html: html({ lang: 'fr', attrs: `data-texts='{"send":"Envoyer mon avis","thanks":"Merci, à bientôt !"}'` }),
    },
    '/dark': { html: html({ attrs: 'data-theme="dark"' }) },
    '/ar-dark': { html: html({ attrs: 'data-locale="ar" data-theme="dark"' }) },
    '/he-dark': { html: html({ attrs: 'data-locale="he" data-theme="dark"' }) },
    '/long': { html: html({ body: '<p>A paragraph of the page, long enough to wrap on a phone.</p>'.repeat(30) }) },
  })
  ctx = await launch()
  // The hostile stylesheet is a file (style-src needs no exception for it).
  await ctx.route('**/dist/hostile.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: HOSTILE }))
})
afterAll(async () => {
  await ctx?.close()
  await web?.close()
  await collector?.close()
  cleanup()
})

/** Opens a page, counting CSP violations (reported by the page itself) and console errors. */
const open = async (path: string, width = 1000) => {
  const p = await ctx.newPage()
  await p.setViewportSize({ width, height: width < 500 ? 640 : 700 })
  const seen = watch(p)
  // Init scripts run through the DevTools protocol, which a page's CSP does not govern.
  await p.addInitScript(() => {
    const w = window as any
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective + ' ' + e.blockedURI))
    w.__shifts = []
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__shifts.push((e as any).value)
    }).observe({ type: 'layout-shift', buffered: true })
  })
  await p.goto(web.url + path)
  await until('Touchpoint to load', () => p.evaluate(() => !!(window as any).Touchpoint?.version))
  return { p, seen }
}
/** Asks from the page (a string, so the runner's transform cannot touch the page's code). */
const ask = (p: Page, metric: string, o: Record<string, unknown> = {}) =>
  p.evaluate(
    `window.__answer = Touchpoint.ask(${JSON.stringify(metric)}, Object.assign({ touchpoint: 'e2e-${metric}', force: true }, ${JSON.stringify(o)},
      ${o.display == 'inline' ? `{ target: document.getElementById('spot').appendChild(document.createElement('div')) }` : '{}'})); 0`,
  )
const host = (p: Page) => p.locator('touchpoint-prompt')
const inShadow = <T>(p: Page, fn: string): Promise<T> =>
  p.evaluate(`(() => { const root = document.querySelector('touchpoint-prompt').shadowRoot; return ${fn} })()`) as Promise<T>
const delivered = (touchpoint: string, n = 1) =>
  until(`${n} answer(s) of ${touchpoint} at the collector`, () => collector.answers.filter((a) => a.touchpoint == touchpoint).length >= n)
const lastAnswer = (touchpoint: string) => collector.answers.filter((a) => a.touchpoint == touchpoint).at(-1)

// The computed styles that make the prompt look as it does, for every element of its shadow
// tree and the host, plus each element's size.
const LOOK = ['display', 'position', 'font-family', 'font-size', 'font-weight', 'line-height', 'color', 'background-color',
  'border-top-width', 'border-top-color', 'border-radius', 'padding-top', 'padding-left', 'margin-top', 'width', 'height',
  'visibility', 'opacity', 'box-shadow', 'outline-style', 'text-align', 'cursor', 'z-index', 'direction']
/** Resolves once the prompt's entrance animation is over (so colours are final, as people see them). */
// Settled: the entrance animation has finished and the live region has made its announcement
// (it is filled a moment after the prompt appears, and its box grows then: two looks taken on
// either side of that moment would differ on a busy machine).
const settled = async (p: Page) => {
  await p.waitForFunction(() => !!document.querySelector('touchpoint-prompt')?.shadowRoot?.querySelector('.sr')?.textContent)
  await p.evaluate(() => Promise.all(document.querySelector('touchpoint-prompt')!.shadowRoot!.getAnimations().map((a) => a.finished)))
}
const look = (p: Page) =>
  p.evaluate((props) => {
    const h = document.querySelector('touchpoint-prompt') as HTMLElement
    const all = [h, ...h.shadowRoot!.querySelectorAll('*')]
    return all.map((el) => {
      const cs = getComputedStyle(el)
      const r = el.getBoundingClientRect()
      return { el: el.localName + '.' + el.className, box: [r.x, r.y, r.width, r.height], ...Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)])) }
    })
  }, LOOK)

describe('under a strict Content-Security-Policy', () => {
  it("style-src 'self' and no nonce: fully styled, no violation, delivered", async () => {
    const { p, seen } = await open('/strict')
    await ask(p, 'nps')
    await host(p).waitFor()
    const styled = await inShadow<Record<string, string>>(
      p,
      `(() => { const cs = getComputedStyle(root.querySelector('.card')), b = getComputedStyle(root.querySelector('[role=radio]'));
        return { radius: cs.borderTopLeftRadius, bg: cs.backgroundColor, font: cs.fontSize, padding: cs.paddingTop,
          display: getComputedStyle(root.querySelector('.row')).display, buttonHeight: b.height, sheets: root.adoptedStyleSheets.length,
          styleElements: root.querySelectorAll('style').length, position: getComputedStyle(root.host).position } })()`,
    )
    expect(styled).toMatchObject({ radius: '12px', bg: 'rgb(255, 255, 255)', font: '14px', padding: '16px', display: 'flex', buttonHeight: '40px' })
    expect(styled).toMatchObject({ sheets: 1, styleElements: 0, position: 'fixed' })
    // In its corner (data-position="top-left"), placed through the CSSOM.
    expect(await host(p).boundingBox()).toMatchObject({ x: 16, y: 16, width: 360 })
    await p.locator('touchpoint-prompt [data-score="9"]').click()
    await delivered('e2e-nps')
    expect(lastAnswer('e2e-nps')).toMatchObject({ score: 9, locale: 'en' })
    expect(await p.evaluate(() => (window as any).__violations)).toEqual([])
    expect(seen.console.filter((m) => /Content Security Policy/i.test(m.text))).toEqual([])
    expect(seen.errors).toEqual([])
    await p.close()
  })

  it("without adoptedStyleSheets, a <style> carrying the script tag's nonce", async () => {
    const p = await ctx.newPage()
    await p.addInitScript(() => {
      const w = window as any
      w.__violations = []
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective))
      delete (ShadowRoot.prototype as any).adoptedStyleSheets
      delete (Document.prototype as any).adoptedStyleSheets
    })
    await p.goto(web.url + '/nonce')
    await until('Touchpoint to load', () => p.evaluate(() => !!(window as any).Touchpoint?.version))
    await ask(p, 'csat')
    await host(p).waitFor()
    const styled = await inShadow<Record<string, unknown>>(
      p,
      `({ nonced: [...root.querySelectorAll('style')].map((s) => s.nonce), radius: getComputedStyle(root.querySelector('.card')).borderTopLeftRadius })`,
    )
    expect(styled).toEqual({ nonced: ['n0nce'], radius: '12px' })
    expect(await p.evaluate(() => (window as any).__violations)).toEqual([])
    await p.close()
  })
})

describe('host CSS cannot reach it', () => {
  it('with `* { all: unset !important }` and worse, it looks and works as on a plain page', async () => {
    const plain = await open('/plain')
    await ask(plain.p, 'csat')
    await host(plain.p).waitFor()
    await settled(plain.p)
    const expected = await look(plain.p)
    await plain.p.close()

    const { p, seen } = await open('/hostile')
    // The page's stylesheet is in force: its own heading lost its styles.
    expect(await p.evaluate(() => getComputedStyle(document.querySelector('h1')!).display)).toBe('inline')
    await ask(p, 'csat')
    await host(p).waitFor()
    await settled(p)
    expect(await look(p)).toEqual(expected)
    // Its own CSS never leaks: the page's elements keep the page's styles.
    expect(await p.evaluate(() => getComputedStyle(document.getElementById('spot')!).fontSize)).toBe('40px')
    await p.locator('touchpoint-prompt [data-score="4"]').click()
    await delivered('e2e-csat')
    expect(lastAnswer('e2e-csat')).toMatchObject({ score: 4 })
    expect(seen.errors).toEqual([])
    await p.close()
  })
})

describe('on a 320 px phone', () => {
  it('NPS is a bottom sheet that fits: no horizontal scroll, choices ≥ 24 × 24 px, no layout shift', async () => {
    const { p } = await open('/long', 320)
    const cls = () => p.evaluate(() => (window as any).__shifts.reduce((a: number, b: number) => a + b, 0) as number)
    const before = await cls()
    // The corner (bottom-right by default) gives way to the sheet.
    await ask(p, 'nps')
    await host(p).waitFor()
    const box = await host(p).boundingBox()
    expect(box).toMatchObject({ x: 0, width: 320 })
    expect(box!.y + box!.height).toBe(640)
    const radios = await p.locator('touchpoint-prompt [role=radio]').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect()
        return { left: r.left, right: r.right, width: r.width, height: r.height }
      }),
    )
    expect(radios).toHaveLength(11)
    for (const r of radios) {
      expect(r.width).toBeGreaterThanOrEqual(24)
      expect(r.height).toBeGreaterThanOrEqual(24)
      expect(r.left).toBeGreaterThanOrEqual(0)
      expect(r.right).toBeLessThanOrEqual(320)
    }
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    const shown = await cls()
    await p.locator('touchpoint-prompt .x').click()
    await until('the sheet to go', async () => (await host(p).count()) == 0)
    // A frame for any shift to be reported.
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    expect([shown, await cls()]).toEqual([before, before])
    await p.close()
  })
})

describe('languages', () => {
  it('data-locale="ar": right to left, in Arabic, mirrored, and the answer says ar', async () => {
    const { p } = await open('/ar')
    await ask(p, 'nps')
    await host(p).waitFor()
    const shown = await inShadow<Record<string, unknown>>(
      p,
      `(() => { const card = root.querySelector('.card'), radios = [...root.querySelectorAll('[role=radio]')];
        const x = (el) => el.getBoundingClientRect().left;
        return { dir: card.dir, lang: card.lang, direction: getComputedStyle(card).direction, question: root.querySelector('.q').textContent,
          zeroRightOfTen: x(radios[0]) > x(radios[10]), closeOnLeft: x(root.querySelector('.x')) < x(card) + 60,
          nine: radios[9].getAttribute('aria-label'), label: radios[9].textContent } })()`,
    )
    expect(shown).toMatchObject({ dir: 'rtl', lang: 'ar', direction: 'rtl', zeroRightOfTen: true, closeOnLeft: true })
    expect(shown.question).toBe('ما مدى احتمال أن توصي بنا لصديق أو زميل؟')
    // Numbers in the digits the browser's CLDR data gives Arabic (Western in today's Chromium).
    const [nine, ten] = await p.evaluate(() => [(9).toLocaleString('ar'), (10).toLocaleString('ar')])
    expect(shown.nine).toBe(nine + ' من ' + ten)
    expect(shown.label).toBe(nine)
    // Arrows follow the reading direction: ArrowLeft moves on to the next score.
    await p.locator('touchpoint-prompt [data-score="0"]').focus()
    await p.keyboard.press('ArrowLeft')
    expect(await inShadow(p, `root.activeElement.dataset.score`)).toBe('1')
    const before = collector.answers.filter((a) => a.touchpoint == 'e2e-nps').length
    await p.keyboard.press('Enter')
    await delivered('e2e-nps', before + 1)
    expect(lastAnswer('e2e-nps')).toMatchObject({ score: 1, locale: 'ar' })
    expect(web.requests).toContain('/dist/touchpoint.i18n.ar.js')
    await p.close()
  })

  it('<html lang="de">: German, and the answer says de', async () => {
    const { p } = await open('/de')
    await ask(p, 'csat')
    await host(p).waitFor()
    expect(await inShadow(p, `root.querySelector('.q').textContent`)).toBe('Wie zufrieden sind Sie mit Ihrem Erlebnis?')
    expect(await inShadow(p, `root.querySelector('[data-score="5"]').getAttribute('aria-label')`)).toBe('5 von 5, Sehr zufrieden')
    await p.locator('touchpoint-prompt [data-score="5"]').click()
    await until('an answer in German', () => collector.answers.some((a) => a.touchpoint == 'e2e-csat' && a.locale == 'de'))
    await p.close()
  })

  it('<html lang="pt-BR"> uses pt; a language without a pack is English, quietly', async () => {
    const pt = await open('/pt-BR')
    await ask(pt.p, 'thumbs')
    await host(pt.p).waitFor()
    expect(await inShadow(pt.p, `root.querySelector('.q').textContent`)).toBe('Isso foi útil?')
    await pt.p.close()
    const sw = await open('/unknown')
    await ask(sw.p, 'thumbs')
    await host(sw.p).waitFor()
    expect(await inShadow(sw.p, `root.querySelector('.q').textContent`)).toBe('Was this helpful?')
    expect(sw.seen.console.filter((m) => m.type == 'warning' || m.type == 'error')).toEqual([])
    expect(sw.seen.console.some((m) => m.type == 'info' && /no language pack/.test(m.text))).toBe(true)
    await sw.p.close()
  })

  it('an English page fetches no language pack', async () => {
    const from = web.requests.length
    const { p } = await open('/plain')
    await ask(p, 'ces')
    await host(p).waitFor()
    expect(web.requests.slice(from)).toContain('/dist/touchpoint.prompt.js')
    expect(web.requests.slice(from).filter((r) => r.includes('i18n'))).toEqual([])
    await p.close()
  })

  it('data-texts replaces the send button and the thank-you, over the page language', async () => {
    const { p } = await open('/texts')
    await ask(p, 'csat', { comment: 'optional' })
    await p.locator('touchpoint-prompt [data-score="3"]').click()
    const send = p.locator('touchpoint-prompt button[type=submit]')
    expect(await send.textContent()).toBe('Envoyer mon avis')
    // The rest stays French.
    expect(await inShadow(p, `root.querySelector('label').textContent`)).toContain('(facultatif)')
    await p.locator('touchpoint-prompt textarea').fill('Livraison un peu lente')
    await send.click()
    expect(await p.locator('touchpoint-prompt .q').textContent()).toBe('Merci, à bientôt !')
    await until('the comment at the collector', () => collector.answers.some((a) => a.comment == 'Livraison un peu lente' && a.locale == 'fr'))
    await p.close()
  })
})

// Runs axe-core in the page (open shadow roots included) and returns its violations, readably.
const axe = async (p: Page, what: string) => {
  if (!(await p.evaluate(() => !!(window as any).axe))) await p.addScriptTag({ content: axeSource })
  if (await host(p).count()) await settled(p)
  const violations = (await p.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) =>
    v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | ')))`)) as string[]
  return violations.map((v) => what + ' → ' + v)
}

describe('axe-core finds nothing', () => {
  const METRICS = ['csat', 'nps', 'ces', 'thumbs']
  const variants = [
    ['/plain', 1000],
    ['/dark', 1000],
    ['/plain', 320],
    ['/dark', 320],
    ['/ar', 1000],
    ['/ar-dark', 320],
    ['/he', 320],
    ['/he-dark', 1000],
  ] as const
  it.each(variants)('%s at %i px: every metric, popover and inline, before and after choosing', async (path, width) => {
    const { p } = await open(path, width)
    const found: string[] = []
    for (const metric of METRICS) {
      // A popover with a comment step: the score step, then the comment step.
      await ask(p, metric, { comment: 'optional' })
      await host(p).waitFor()
      found.push(...(await axe(p, `${metric} popover`)))
      await p.locator('touchpoint-prompt [role=radio]').first().click()
      await p.locator('touchpoint-prompt textarea').waitFor()
      found.push(...(await axe(p, `${metric} popover, comment step`)))
      await p.locator('touchpoint-prompt .x').click()
      await until('the popover to go', async () => (await host(p).count()) == 0)
      // Inline, no comment: the score step, then the thank-you.
      await ask(p, metric, { display: 'inline' })
      await host(p).waitFor()
      found.push(...(await axe(p, `${metric} inline`)))
      await p.locator('touchpoint-prompt [role=radio]').last().click()
      await until('the thank-you', () => inShadow(p, `!root.querySelector('[role=radio]')`))
      found.push(...(await axe(p, `${metric} inline, thank-you`)))
      await p.evaluate(() => (document.getElementById('spot')!.textContent = ''))
    }
    expect(found).toEqual([])
    await p.close()
  })
})
