// WebKit keeps the IndexedDB transaction of a page left in the middle of one open, and the site's
// next pages then wait for their own outbox writes without end (README "Browser support"). The
// core's time limit on each outbox call (src/core/store.ts) turns that into a fault it already
// handles: the answer is kept in memory and delivered from there. A file of its own: the stuck
// transaction lasts as long as this MiniBrowser session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, startCollector } from '../helpers'
import { page, perFile, serve, until } from './kit'

const kit = perFile()
beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  await kit.start()
})
afterAll(() => kit.stop())

// Opens the outbox's database as the core does, keeps a readwrite transaction busy (each write
// asks for the next) and leaves for the shop while it is.
const STUCK = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>busy</title></head><body><script>
  const r = indexedDB.open('touchpoint')
  r.onupgradeneeded = () => r.result.createObjectStore('outbox')
  r.onsuccess = () => {
    const store = r.result.transaction('outbox', 'readwrite').objectStore('outbox')
    const spin = () => (store.put(Date.now(), 'x:busy').onsuccess = spin)
    spin()
    setTimeout(() => (location.href = '/'), 100)
  }
</script></body></html>`

describe('an outbox write that never ends (WebKit)', () => {
  it('a page left in the middle of a transaction: the next page keeps its answer in memory after 5 s and delivers it', async () => {
    const collector = await startCollector()
    const web = await serve({
      '/busy': STUCK,
      '/': page({ endpoint: collector.endpoint, body: `<script>window.go = () => Touchpoint.ask('csat', { touchpoint: 'webkit-stuck', force: true })</script>` }),
    })
    try {
      const s = kit.s
      await s.b.url(web.url + '/busy')
      // Only the address is polled until the busy page has left: a script run in a page that is
      // unloading fails the WebDriver command ("Callback was not called before the unload event").
      await until('the busy page to leave for the shop', async () => new URL(await s.b.getUrl()).pathname == '/')
      await until('Touchpoint on the shop page', () => s.js<boolean>('!!(window.Touchpoint && window.Touchpoint.version)'))
      await s.js('void window.go()')
      await (await s.inPrompt('[role=radio][data-score="4"]')).click()
      await until('the answer delivered from memory', () => collector.answers.some((a) => a.touchpoint == 'webkit-stuck'), 30_000)
      const probe = await s.probe()
      expect(probe.console.filter((m) => m.type == 'warning').map((m) => m.text)).toContainEqual(
        expect.stringContaining('IndexedDB cannot be used (TimeoutError); answers kept in memory.'),
      )
      expect(probe.errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })
})
