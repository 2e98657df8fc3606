// The contact step in WebKit, under the strictest Content-Security-Policy a site may send: a low
// score, the box ticked, an address typed; the answer at the collector carries `contact`.
// Chromium and Firefox cover the rest (e2e/contact.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, startCollector } from '../helpers'
import { page, perFile, serve, until } from './kit'

const kit = perFile()
beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  await kit.start()
})
afterAll(() => kit.stop())

// Asks once Touchpoint has loaded: a file of the page's own origin, as a strict CSP requires.
const ASK = `const t = setInterval(() => { if (window.Touchpoint && Touchpoint.version) { clearInterval(t)
  Touchpoint.ask('nps', { touchpoint: 'webkit-contact', contact: 'low', force: true }).then((a) => (window.__answer = a)) } }, 5)`

describe('the contact step in WebKit', () => {
  it('low score → ticked, an e-mail → the answer carries contact; no CSP violation', async () => {
    const collector = await startCollector()
    const csp = `default-src 'none'; script-src 'self'; style-src 'self'; connect-src http://127.0.0.1:${collector.port}`
    const web = await serve(
      { '/strict': { html: page({ endpoint: collector.endpoint, head: '<script src="/ask.js"></script>' }), headers: { 'Content-Security-Policy': csp } } },
      { '/ask.js': ASK },
    )
    try {
      const s = kit.s
      await s.open(web.url + '/strict')
      await (await s.inPrompt('[role=radio][data-score="4"]')).click()
      const box = await s.inPrompt('[type=checkbox]')
      expect(await s.js('document.querySelector("touchpoint-prompt").shadowRoot.querySelector("[type=checkbox]").checked')).toBe(false)
      await box.click()
      await (await s.inPrompt('[type=email]')).setValue('ana@example.com')
      await (await s.inPrompt('button[type=submit]')).click()
      await until('revision 2 at the collector', () => collector.answers[0]?.revision == 2)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'webkit-contact', score: 4, contact: { consent: true, email: 'ana@example.com' } })
      expect(typeof collector.answers[0].contact.at).toBe('string')
      const probe = await s.probe()
      // MiniBrowser fetches /favicon.ico by itself: that violation is the browser's, not ours.
      expect(probe.violations.filter((v) => !v.endsWith('/favicon.ico'))).toEqual([])
      expect(probe.errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })
})
