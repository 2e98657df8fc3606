// A quiet core in WebKit (MiniBrowser over WebDriver classic): what e2e/quiet.test.ts proves in
// Chromium and Firefox that WebKit here can show. It has no offline switch and no browser
// restart: the collector is taken down instead, and the page is left and opened again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, startCollector } from '../helpers'
import { page, perFile, serve, until } from './kit'

const kit = perFile()
beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  await kit.start()
})
afterAll(() => kit.stop())

const GO = `<script>window.go = (tp) => Touchpoint.ask('csat', { touchpoint: tp, force: true })</script>`
// Loaded before touchpoint.js: counts indexedDB.open() calls in window.__opens.
const COUNT = "window.__opens = 0; const o = indexedDB.open.bind(indexedDB); indexedDB.open = (...a) => (window.__opens++, o(...a))"
const BLOCK = "Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError') } })"

/** Asks one prompt on the open page and chooses 4; resolves to the answer's id once stored. */
const answer = async (tp: string) => {
  const s = kit.s
  await s.js(`void window.go(${JSON.stringify(tp)})`)
  await (await s.inPrompt('[role=radio][data-score="4"]')).click()
  return until('the answer stored', async () => (await s.pending())[0]?.slice(2))
}
/** After the load event, two idle moments and 1.5 s: a bounded window, only to show an absence. */
const quietWindow = () =>
  kit.s.await(`new Promise((resolve) => {
    const idle = (fn) => ('requestIdleCallback' in window ? requestIdleCallback(() => fn(), { timeout: 1000 }) : setTimeout(fn, 200))
    const done = () => { const at = performance.now(); idle(() => idle(() => setTimeout(resolve, Math.max(0, 1500 - (performance.now() - at))))) }
    document.readyState == 'complete' ? done() : addEventListener('load', done)
  })`)

describe('a quiet core (WebKit)', () => {
  it('nothing queued: no IndexedDB at load; an answer left while the collector was down is delivered within 10 s of the next load, after which none is opened again', async () => {
    let collector = await startCollector()
    const port = collector.port
    const web = await serve({ '/': page({ endpoint: collector.endpoint, head: '<script src="/count.js"></script>', body: GO }) }, { '/count.js': COUNT })
    try {
      const s = kit.s
      await s.open(web.url + '/')
      await quietWindow()
      expect(await s.js('window.__opens')).toBe(0)
      await collector.close() // down: the answer stays queued
      const id = await answer('webkit-quiet')
      await s.leave(true) // kit.ts says why it waits for the outbox first
      collector = await startCollector({ port })
      const start = Date.now()
      await s.open(web.url + '/')
      await until('the stored answer delivered', () => collector.answers.some((a) => a.id == id), 20_000)
      // The requirement, measured from opening the page to the collector's receipt.
      expect(collector.attempts.find((a) => a.ids.includes(id) && a.status == 200)!.at - start).toBeLessThan(10_000)
      await until('the hint cleared', () => s.js('localStorage.getItem("touchpoint:queued") == null'))
      await s.b.refresh()
      await until('Touchpoint to load', () => s.js('!!(window.Touchpoint && Touchpoint.version)'))
      await quietWindow()
      expect(await s.js('window.__opens')).toBe(0)
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('localStorage blocked: an answer left while the collector was down is still delivered by the next page', async () => {
    let collector = await startCollector()
    const port = collector.port
    const web = await serve({ '/': page({ endpoint: collector.endpoint, head: '<script src="/block.js"></script>', body: GO }) }, { '/block.js': BLOCK })
    try {
      const s = kit.s
      await s.open(web.url + '/')
      await collector.close()
      const id = await answer('webkit-blocked')
      await s.leave(true) // kit.ts says why it waits for the outbox first
      collector = await startCollector({ port })
      await s.open(web.url + '/')
      await until('the stored answer delivered', () => collector.answers.some((a) => a.id == id))
      await until('the outbox to empty', async () => (await kit.s.pending()).length == 0)
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })
})
