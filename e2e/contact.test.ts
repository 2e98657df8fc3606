// The contact step after a low score (DESIGN §9), end to end in Chromium and Firefox against the
// built dist/ files: what reaches the collector when the box is ticked and when it is not, the
// e-mail check, a visitor the site already knows, data attributes, Arabic on a 320 px phone under
// a strict CSP and a hostile stylesheet, and axe-core on the step.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, cleanup, launch, pending, scannerArmed, site, startCollector, until, watch } from './helpers'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
type Collector = Awaited<ReturnType<typeof startCollector>>
let collector: Collector
let web: Awaited<ReturnType<typeof site>>
let ctx: BrowserContext

const HOSTILE = `<style>* { all: unset !important } input, label, [role=group] { display: none !important }
  div { font-size: 40px !important } :where(*) { all: unset }</style>`
const html = (o: { attrs?: string; head?: string; body?: string } = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title>${o.head ?? ''}
<script async src="/dist/touchpoint.js" data-endpoint="${collector.endpoint}" ${o.attrs ?? ''}></script>
</head><body><main><h1>Shop</h1>${o.body ?? ''}</main></body></html>`

beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  collector = await startCollector()
  web = await site({
    '/plain': html(),
    // The strictest policy a site may send (a meta tag: the static server sets no headers).
    '/strict': html({
      head: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${new URL(collector.endpoint).origin}">`,
    }),
    '/dark': html({ attrs: 'data-theme="dark"' }),
    '/ar': html({ attrs: 'data-locale="ar"', head: HOSTILE }),
    '/always': html({
      attrs: 'data-contact="always"',
      body: `<button id="b" data-touchpoint="e2e-attr" data-touchpoint-ask="csat" data-touchpoint-contact="low">Pay</button>
        <button id="off" data-touchpoint="e2e-attr-off" data-touchpoint-ask="csat" data-touchpoint-contact="off">Pay</button>`,
    }),
  })
  ctx = await launch()
})
afterAll(async () => {
  await ctx?.close()
  await web?.close()
  await collector?.close()
  cleanup()
})

const open = async (path: string, width = 1000) => {
  const p = await ctx.newPage()
  await p.setViewportSize({ width, height: 700 })
  const seen = watch(p)
  await p.addInitScript(() => {
    const w = window as any
    w.__violations = []
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(e.violatedDirective + ' ' + e.blockedURI))
  })
  await p.goto(web.url + path)
  await until('Touchpoint to load', () => p.evaluate(() => !!(window as any).Touchpoint?.version))
  return { p, seen }
}
/** Asks from the page (a string, so the runner's transform cannot touch the page's code). */
const ask = (p: Page, metric: string, touchpoint: string, o: Record<string, unknown> = {}) =>
  p.evaluate(`window.__answer = Touchpoint.ask(${JSON.stringify(metric)}, Object.assign({ touchpoint: ${JSON.stringify(touchpoint)}, force: true }, ${JSON.stringify(o)})); 0`)
const inShadow = <T>(p: Page, fn: string): Promise<T> =>
  p.evaluate(`(() => { const root = document.querySelector('touchpoint-prompt').shadowRoot; return ${fn} })()`) as Promise<T>
const $ = (p: Page, selector: string) => p.locator('touchpoint-prompt ' + selector)
const answerOf = (touchpoint: string) => collector.answers.find((a) => a.touchpoint == touchpoint)
const gone = (p: Page) => until('the prompt to go', async () => (await p.locator('touchpoint-prompt').count()) == 0)
const axe = async (p: Page, what: string) => {
  if (!(await p.evaluate(() => !!(window as any).axe))) await p.addScriptTag({ content: axeSource })
  await p.evaluate(() => Promise.all(document.querySelector('touchpoint-prompt')!.shadowRoot!.getAnimations().map((a) => a.finished)))
  const violations = (await p.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) =>
    v.id + ': ' + v.help + ' — ' + v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.failureSummary).join(' | ')))`)) as string[]
  return violations.map((v) => what + ' → ' + v)
}

describe('the contact step', () => {
  it('low score → the step, unticked; ticked with an e-mail, the answer at the collector carries contact (strict CSP)', async () => {
    const { p, seen } = await open('/strict')
    await ask(p, 'nps', 'e2e-contact-yes', { contact: 'low', comment: 'low' })
    await $(p, '[data-score="3"]').click()
    // The comment and the contact question share one screen, with one send button.
    await $(p, '[role=group]').waitFor()
    expect(await $(p, 'button[type=submit]').count()).toBe(1)
    expect(await inShadow(p, `root.activeElement && root.activeElement.localName`)).toBe('textarea')
    const email = $(p, '[type=email]')
    expect(await email.getAttribute('autocomplete')).toBe('email')
    expect(await $(p, '[type=checkbox]').isChecked()).toBe(false)
    const named = await inShadow<string>(p, `root.getElementById(root.querySelector('[role=group]').getAttribute('aria-labelledby')).textContent`)
    expect(named).toBe('May we contact you about this?')
    await $(p, 'textarea').fill('Delivery was late')
    // Keyboard only: Tab to the box, Space ticks it, Tab to the field.
    await $(p, 'textarea').focus()
    await p.keyboard.press('Tab')
    await p.keyboard.press('Space')
    expect(await $(p, '[type=checkbox]').isChecked()).toBe(true)
    await p.keyboard.press('Tab')
    await p.keyboard.type('ana@example.com')
    await p.keyboard.press('Enter')
    await until('the thank-you', () => inShadow(p, `root.querySelector('.q').textContent == 'Thank you for your feedback!'`))
    await until('revision 2 at the collector', () => answerOf('e2e-contact-yes')?.revision == 2)
    const a = answerOf('e2e-contact-yes')
    expect(a).toMatchObject({ score: 3, comment: 'Delivery was late', contact: { consent: true, email: 'ana@example.com' } })
    expect(Object.keys(a.contact)).toEqual(['consent', 'email', 'at'])
    expect(Date.parse(a.contact.at)).toBeGreaterThanOrEqual(Date.parse(a.createdAt))
    expect(await p.evaluate(() => (window as any).__answer)).toMatchObject({ contact: { consent: true, email: 'ana@example.com' } })
    expect(seen.errors).toEqual([])
    expect(await p.evaluate(() => (window as any).__violations)).toEqual([])
    await p.close()
  })

  it('consent(false) erases a contact not yet delivered, with everything else', async () => {
    const { p } = await open('/plain')
    const stored = () => p.evaluate(`new Promise((resolve) => { const r = indexedDB.open('touchpoint'); r.onsuccess = () => {
      const all = r.result.transaction('outbox').objectStore('outbox').getAll(); all.onsuccess = () => (r.result.close(), resolve(JSON.stringify(all.result))) } })`) as Promise<string>
    await ask(p, 'nps', 'e2e-contact-erase', { contact: 'low' })
    await $(p, '[data-score="2"]').click()
    await $(p, '[type=checkbox]').check()
    await $(p, '[type=email]').fill('erase.me@example.com')
    await ctx.setOffline(true)
    try {
      await $(p, 'button[type=submit]').click()
      await until('the contact stored, before it is sent', async () => (await stored()).includes('erase.me@example.com'))
      await p.evaluate(`Touchpoint.consent(false)`)
      await until('the outbox emptied', async () => (await pending(p)).length == 0)
      expect(await stored()).not.toContain('erase.me')
    } finally {
      await ctx.setOffline(false)
    }
    await p.evaluate(`Touchpoint.flush()`)
    expect(answerOf('e2e-contact-erase')).toBeUndefined()
    await p.close()
  })

  it('unticked (an address typed or not): no contact key anywhere; a high score with `low` gets no step', async () => {
    const { p } = await open('/plain')
    await ask(p, 'csat', 'e2e-contact-no', { contact: 'low' })
    await $(p, '[data-score="2"]').click()
    // Contact alone: the step opens on the box.
    await $(p, '[role=group]').waitFor()
    expect(await $(p, 'textarea').count()).toBe(0)
    expect(await inShadow(p, `root.activeElement && root.activeElement.type`)).toBe('checkbox')
    await $(p, '[type=email]').fill('ana@example.com')
    await $(p, 'button[type=submit]').click()
    await until('revision 2 at the collector', () => answerOf('e2e-contact-no')?.revision == 2)
    expect('contact' in answerOf('e2e-contact-no')).toBe(false)
    expect(await p.evaluate(() => 'contact' in (window as any).__answer)).toBe(false)
    await gone(p)
    await ask(p, 'csat', 'e2e-contact-high', { contact: 'low' })
    await $(p, '[data-score="5"]').click()
    await until('the thank-you', () => inShadow(p, `!root.querySelector('form') && root.querySelector('.q').textContent == 'Thank you for your feedback!'`))
    await until('the answer', () => answerOf('e2e-contact-high'))
    expect(answerOf('e2e-contact-high')).toMatchObject({ revision: 1, score: 5 })
    await p.close()
  })

  it('ticked with a bad e-mail: the message is shown and announced, focus goes to the field, nothing is sent; Escape sends no contact', async () => {
    const { p } = await open('/plain')
    await ask(p, 'ces', 'e2e-contact-bad', { contact: 'always' })
    await $(p, '[data-score="6"]').click()
    await $(p, '[type=checkbox]').check()
    await $(p, '[type=email]').fill('ana@example')
    await $(p, 'button[type=submit]').click()
    const alert = $(p, '[role=alert]')
    await until('the message', async () => (await alert.textContent()) == 'Enter a valid e-mail address, or untick the box.')
    expect(await inShadow(p, `root.activeElement && root.activeElement.type`)).toBe('email')
    expect(await $(p, '[type=email]').getAttribute('aria-invalid')).toBe('true')
    expect(await inShadow(p, `root.querySelector('[type=email]').getAttribute('aria-describedby') == root.querySelector('[role=alert]').id`)).toBe(true)
    // Still asking: held, nothing with contact anywhere.
    expect(await $(p, 'form').count()).toBe(1)
    expect(answerOf('e2e-contact-bad')).toBeUndefined()
    // Escape dismisses the step, as elsewhere: the score is sent, the contact is not.
    await $(p, '[type=email]').press('Escape')
    await gone(p)
    await until('the score at the collector', () => answerOf('e2e-contact-bad')?.revision == 2)
    expect('contact' in answerOf('e2e-contact-bad')).toBe(false)
    await p.close()
  })

  it('a visitor the site knows (setContext userId): the checkbox alone, and contact without email', async () => {
    const { p } = await open('/plain')
    await p.evaluate(`Touchpoint.setContext({ userId: 'u-42' })`)
    await ask(p, 'thumbs', 'e2e-known', { contact: 'low' })
    await $(p, '[data-score="0"]').click()
    await $(p, '[role=group]').waitFor()
    expect(await $(p, '[type=email]').count()).toBe(0)
    await $(p, '[type=checkbox]').check()
    await $(p, 'button[type=submit]').click()
    await until('revision 2 at the collector', () => answerOf('e2e-known')?.revision == 2)
    const a = answerOf('e2e-known')
    expect(a.context).toMatchObject({ userId: 'u-42' })
    expect(Object.keys(a.contact)).toEqual(['consent', 'at'])
    await p.close()
  })

  it('data-contact on the script tag is the default; data-touchpoint-contact overrides it per touchpoint', async () => {
    const { p } = await open('/always')
    // The site-wide `always`: a step even after a high score.
    await ask(p, 'csat', 'e2e-site-always')
    await $(p, '[data-score="5"]').click()
    await $(p, '[role=group]').waitFor()
    await $(p, '.x').click()
    await gone(p)
    // data-touchpoint-contact="low": a high score gets none…
    await scannerArmed(p)
    await p.click('#b')
    await $(p, '[data-score="5"]').click()
    await until('the thank-you', () => inShadow(p, `root.querySelector('.q').textContent == 'Thank you for your feedback!'`))
    expect(await $(p, '[role=group]').count()).toBe(0)
    await $(p, '.x').click()
    await gone(p)
    // …and "off" turns the site's default off.
    await p.click('#off')
    await $(p, '[data-score="1"]').click()
    await until('the thank-you', () => inShadow(p, `root.querySelector('.q').textContent == 'Thank you for your feedback!'`))
    expect(await $(p, '[role=group]').count()).toBe(0)
    await p.close()
  })

  it('a bad contact value is one warning naming it and what it accepts', async () => {
    const { p, seen } = await open('/plain')
    expect(await p.evaluate(`Touchpoint.ask('nps', { touchpoint: 'e2e-bad-mode', contact: 'yes', force: true })`)).toBeNull()
    const warned = seen.console.filter((m) => m.type == 'warning')
    expect(warned).toHaveLength(1)
    expect(warned[0]!.text).toContain('option "contact" is "yes", expected one of off, low, always')
    await p.close()
  })

  it('Arabic on a 320 px phone, under a hostile stylesheet: right to left, translated, fits, sends', async () => {
    const { p } = await open('/ar', 320)
    await ask(p, 'nps', 'e2e-contact-ar', { contact: 'low', comment: 'optional' })
    await $(p, '[data-score="0"]').click()
    await $(p, '[role=group]').waitFor()
    const look = await inShadow<{ dir: string; direction: string; text: string; overflow: boolean; email: number; card: number }>(
      p,
      `(() => { const card = root.querySelector('.card'), g = root.querySelector('[role=group]')
        return { dir: card.getAttribute('dir'), direction: getComputedStyle(g).direction, text: g.textContent,
          overflow: card.scrollWidth > card.clientWidth || document.documentElement.scrollWidth > 320,
          email: root.querySelector('[type=email]').getBoundingClientRect().width, card: card.getBoundingClientRect().width } })()`,
    )
    expect(look).toMatchObject({ dir: 'rtl', direction: 'rtl', overflow: false })
    expect(look.text).toContain('هل يمكننا التواصل معك بشأن هذا؟')
    expect(look.email).toBeGreaterThan(200)
    expect(look.card).toBeLessThanOrEqual(320)
    // Shown despite `input, label { display: none !important }` on the page.
    expect(await $(p, '[type=checkbox]').isVisible()).toBe(true)
    await $(p, '[type=checkbox]').check()
    await $(p, '[type=email]').fill('ana@example.com')
    await $(p, 'button[type=submit]').click()
    await until('revision 2 at the collector', () => answerOf('e2e-contact-ar')?.revision == 2)
    expect(answerOf('e2e-contact-ar')).toMatchObject({ locale: 'ar', contact: { consent: true, email: 'ana@example.com' } })
    await p.close()
  })

  it.each([
    ['/plain', 1000],
    ['/dark', 320],
    ['/ar', 320],
  ] as const)('axe-core finds nothing on the step: %s at %i px, with and without the message', async (path, width) => {
    const { p } = await open(path, width)
    const found: string[] = []
    await ask(p, 'csat', 'e2e-contact-axe', { contact: 'low', comment: 'optional' })
    await $(p, '[data-score="1"]').click()
    await $(p, '[role=group]').waitFor()
    found.push(...(await axe(p, 'contact step')))
    await $(p, '[type=checkbox]').check()
    await $(p, '[type=email]').fill('not an address')
    await $(p, 'button[type=submit]').click()
    await until('the message', async () => !!(await $(p, '[role=alert]').textContent()))
    found.push(...(await axe(p, 'contact step, bad e-mail')))
    expect(found).toEqual([])
    await p.close()
  })
})
