// The prompt in WebKit: styled under the strictest Content-Security-Policy a site may send, and
// right-to-left for Arabic. Pages are served by kit.serve (per-page headers), not e2e/servers.js.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, startCollector } from '../helpers'
import { page, perFile, serve, until } from './kit'

const kit = perFile()
beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  await kit.start()
})
afterAll(() => kit.stop())

// Both promises come with the new prompt (issues 5 and 6), proved in Chromium and Firefox by
// e2e/prompt.test.ts; until that file is in the tree these wait for it.
const promptWork = existsSync(join(import.meta.dirname, '..', 'prompt.test.ts'))
const waits = { skip: !promptWork, meta: { skip: 'waits for the new prompt (issues 5 and 6): e2e/prompt.test.ts is not in the tree yet' } }

// Asks once Touchpoint has loaded: a file of the page's own origin, as a strict CSP requires.
const ASK = `const t = setInterval(() => { if (window.Touchpoint && Touchpoint.version) { clearInterval(t)
  Touchpoint.ask('csat', { touchpoint: document.documentElement.dataset.tp, force: true }).then((a) => (window.__answer = a)) } }, 5)`

/** What the prompt looks like in the page: the host's box, the root's direction, its styling. */
const LOOK = `(() => {
  const host = document.querySelector('touchpoint-prompt')
  const root = host && host.shadowRoot && Array.from(host.shadowRoot.children).find((e) => !/^(STYLE|LINK)$/.test(e.tagName))
  if (!root) return null
  const group = host.shadowRoot.querySelector('[role=radiogroup]')
  const r = host.getBoundingClientRect()
  // The containers around the choices (not the buttons, which have a UA background anyway).
  const boxes = []
  for (let e = group; e; e = e.parentElement) boxes.push(e)
  const bg = boxes.map((e) => getComputedStyle(e).backgroundColor).filter((c) => c && c != 'transparent' && !/rgba\\(0, 0, 0, 0\\)/.test(c))
  const dirEl = group && (group.closest('[dir]') || (host.hasAttribute('dir') ? host : null))
  return {
    width: r.width, height: r.height,
    background: bg[0] || null,
    dir: dirEl ? dirEl.getAttribute('dir') : null,
    direction: getComputedStyle(root).direction,
    groupDirection: group ? getComputedStyle(group).direction : null,
    text: host.shadowRoot.textContent,
  }
})()`
type Look = { width: number; height: number; background: string | null; dir: string | null; direction: string; groupDirection: string | null; text: string }

describe('the prompt in WebKit', () => {
  it('under a strict CSP (no inline script or style) the prompt is styled, nothing is violated, and the answer is delivered', waits, async () => {
    const collector = await startCollector()
    const csp = `default-src 'none'; script-src 'self'; style-src 'self'; connect-src http://127.0.0.1:${collector.port}`
    const web = await serve(
      {
        '/strict': {
          html: page({ endpoint: collector.endpoint, head: '<script src="/ask.js"></script>' }).replace('<html lang="en">', '<html lang="en" data-tp="strict-csp">'),
          headers: { 'Content-Security-Policy': csp },
        },
      },
      { '/ask.js': ASK },
    )
    try {
      const s = kit.s
      await s.open(web.url + '/strict')
      const three = await s.inPrompt('[role=radio][data-score="3"]')
      const look = await until('the prompt laid out', () => s.js<Look | null>(LOOK))
      expect(look!.width).toBeGreaterThan(0)
      expect(look!.height).toBeGreaterThan(0)
      expect(look!.background).not.toBeNull() // the prompt's own stylesheet applies
      await three.click()
      await until('the answer delivered', () => collector.answers.length == 1)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'strict-csp', score: 3 })
      const probe = await s.probe()
      // MiniBrowser fetches /favicon.ico by itself (not the page, not Touchpoint): under
      // default-src 'none' that is the browser's own violation, and nothing else may be there.
      expect(probe.violations.filter((v) => !v.endsWith('/favicon.ico'))).toEqual([])
      expect(probe.errors).toEqual([])
      expect(probe.console.filter((m) => m.type == 'error')).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it("without adoptedStyleSheets (Safari before 16.4), a <style> carrying the script tag's nonce styles it, with no violation", waits, async () => {
    const collector = await startCollector()
    const csp = `default-src 'none'; script-src 'nonce-n0nce' 'strict-dynamic'; style-src 'nonce-n0nce'; connect-src http://127.0.0.1:${collector.port}`
    const web = await serve(
      {
        '/nonce': {
          html: page({ endpoint: collector.endpoint, nonce: 'n0nce', head: '<script nonce="n0nce" src="/no-sheets.js"></script><script nonce="n0nce" src="/ask.js"></script>' })
            .replace('<html lang="en">', '<html lang="en" data-tp="nonce-fallback">'),
          headers: { 'Content-Security-Policy': csp },
        },
      },
      {
        '/ask.js': ASK,
        // What a WebKit without constructable stylesheets offers: no adoptedStyleSheets at all.
        '/no-sheets.js': 'delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets',
      },
    )
    try {
      const s = kit.s
      await s.open(web.url + '/nonce')
      const four = await s.inPrompt('[role=radio][data-score="4"]')
      const look = await until('the prompt laid out', () => s.js<Look | null>(LOOK))
      expect(look!.width).toBeGreaterThan(0)
      expect(look!.background).not.toBeNull()
      expect(await s.js('Array.from(document.querySelector("touchpoint-prompt").shadowRoot.querySelectorAll("style")).map((e) => e.nonce)')).toEqual(['n0nce'])
      await four.click()
      await until('the answer delivered', () => collector.answers.length == 1)
      const probe = await s.probe()
      expect(probe.violations.filter((v) => !v.endsWith('/favicon.ico'))).toEqual([])
      expect(probe.errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('data-locale="ar" shows the prompt right to left, in Arabic', waits, async () => {
    const collector = await startCollector()
    const web = await serve(
      { '/ar': page({ endpoint: collector.endpoint, attrs: 'data-locale="ar"', head: '<script src="/ask.js"></script>' }).replace('<html lang="en">', '<html lang="en" data-tp="arabic">') },
      { '/ask.js': ASK },
    )
    try {
      const s = kit.s
      await s.open(web.url + '/ar')
      const five = await s.inPrompt('[role=radio][data-score="5"]')
      const look = await until('the prompt laid out', () => s.js<Look | null>(LOOK))
      expect(look!.dir).toBe('rtl')
      expect(look!.direction).toBe('rtl')
      expect(look!.groupDirection).toBe('rtl')
      expect(look!.text).toMatch(/[\u0600-\u06FF]/)
      await five.click()
      await until('the answer delivered', () => collector.answers.length == 1)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'arabic', score: 5 })
      expect(collector.answers[0].locale).toMatch(/^ar/)
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })
})
