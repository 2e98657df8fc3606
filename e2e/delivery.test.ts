// Delivery you can trust, end to end in Chromium through dist/touchpoint.js: several tabs, rate
// limits, rejections, a hung collector, a closed page, and no IndexedDB.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, cleanup, launch, pending, profile, promptFetched, scriptPage, site, startCollector, until, watch } from './helpers'
import type { Responder } from './servers.js'

beforeAll(() => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
})
afterAll(() => cleanup())

const BODY = `<script>
  window.events = []
  window.go = (tp, m = 'csat') => Touchpoint.ask(m, { touchpoint: tp, force: true })
  const t = setInterval(() => { if (window.Touchpoint?.version) { clearInterval(t)
    for (const e of ['sent', 'failed']) Touchpoint.on(e, (p) => events.push({ e, id: (p.answer || p).id, status: p.status, permanent: p.permanent })) } }, 5)
</script>`

/** A collector, a site and a browser for one test; `run` gets them and everything is closed after. */
const setup = async (respond?: Responder, dir = profile()) => {
  const collector = await startCollector({ respond })
  const web = await site({ '/': scriptPage({ endpoint: collector.endpoint, body: BODY }) })
  const contexts: BrowserContext[] = []
  const browser = async () => {
    const c = await launch(dir)
    contexts.push(c)
    return c
  }
  const open = async (ctx: BrowserContext) => {
    const p = await ctx.newPage()
    const seen = watch(p)
    await p.goto(web.url + '/')
    await until('Touchpoint to load', () => p.evaluate(() => !!(window as any).Touchpoint?.version))
    return Object.assign(p, { seen })
  }
  const close = async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await web.close()
    await collector.close()
  }
  return { collector, web, browser, open, close }
}

/** Asks and answers one prompt on the page; resolves to the answer's id once it is stored. */
const answer = async (p: Page, tp: string, score = '4') => {
  await p.evaluate((tp) => void (window as any).go(tp), tp)
  await p.locator('touchpoint-prompt [data-score="' + score + '"]').click()
  return until('the answer to be stored', async () => {
    const sent = await p.evaluate(() => (window as any).events as { e: string; id: string }[])
    const keys = await pending(p)
    return keys[0]?.slice(2) ?? sent[0]?.id
  })
}
const posts = (c: Awaited<ReturnType<typeof startCollector>>, id: string) => c.attempts.filter((a) => a.ids.includes(id))

describe('outbox delivery', () => {
  it('two tabs with queued answers come online together → each answer is POSTed once', async () => {
    // A slow collector (1.5 s a request): the second tab's flush overlaps the first tab's POST.
    const t = await setup(() => ({ delay: 1500 }))
    try {
      const ctx = await t.browser()
      const a = await t.open(ctx)
      const b = await t.open(ctx)
      await promptFetched(a)
      await promptFetched(b)
      await ctx.setOffline(true)
      const ids = [await answer(a, 'tab-a'), await answer(b, 'tab-b')]
      await until('both answers queued in the shared outbox', async () => (await pending(a)).length == 2)
      await ctx.setOffline(false)
      await until('both answers stored', () => t.collector.answers.length == 2)
      await until('the outbox to empty', async () => (await pending(a)).length == 0)
      await Promise.all([a.evaluate(() => (window as any).Touchpoint.flush()), b.evaluate(() => (window as any).Touchpoint.flush())])
      for (const id of ids) expect(posts(t.collector, id)).toHaveLength(1)
      expect(a.seen.errors.concat(b.seen.errors)).toEqual([])
    } finally {
      await t.close()
    }
  })

  it('429 with Retry-After: 3 → the next attempt comes no sooner than 3 s later, also across a reload', async () => {
    const t = await setup(({ attempt }) => (attempt == 1 ? { status: 429, headers: { 'Retry-After': '3' } } : undefined))
    try {
      const ctx = await t.browser()
      const p = await t.open(ctx)
      const id = await answer(p, 'rate-limited')
      // The page must have seen the 429 (the collector logs the attempt before its answer arrives).
      await until('the page to see the 429', async () =>
        (await p.evaluate(() => (window as any).events as any[])).some((x) => x.e == 'failed' && x.status == 429),
      )
      await p.reload() // the wait is stored: a fresh page honours it too
      await until('delivery after the wait', () => t.collector.answers.length == 1, 30_000)
      const [first, second] = t.collector.attempts
      expect(first!.status).toBe(429)
      expect(second!.ids).toContain(id)
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(3000)
      expect(t.collector.attempts).toHaveLength(2)
    } finally {
      await t.close()
    }
  })

  it('400 → failed fires, and the answer is never sent again, also not after a reload', async () => {
    const t = await setup(({ body }) =>
      body.answers.some((x: { touchpoint: string }) => x.touchpoint == 'rejected') ? { status: 400 } : undefined,
    )
    try {
      const ctx = await t.browser()
      const p = await t.open(ctx)
      const id = await answer(p, 'rejected')
      const failed = await until('the failed event', async () =>
        (await p.evaluate(() => (window as any).events as any[])).find((x) => x.e == 'failed'),
      )
      expect(failed).toEqual({ e: 'failed', id, status: 400, permanent: true })
      expect(await pending(p)).toEqual([])
      await p.reload()
      await until('Touchpoint to load', () => p.evaluate(() => !!(window as any).Touchpoint?.version))
      // A good answer after the reload is delivered alone; the rejected one never travels again.
      const good = await answer(p, 'accepted')
      await until('the good answer', () => t.collector.answers.some((x) => x.id == good))
      await p.evaluate(() => (window as any).Touchpoint.flush())
      expect(posts(t.collector, id)).toHaveLength(1)
      expect(p.seen.errors).toEqual([])
    } finally {
      await t.close()
    }
  })

  it('a collector that never answers → the request times out and the answer arrives once it recovers', async () => {
    const t = await setup(({ attempt }) => (attempt == 1 ? { hang: true } : undefined))
    try {
      const ctx = await t.browser()
      const p = await t.open(ctx)
      const id = await answer(p, 'hung')
      await until('delivery after the timeout', () => t.collector.answers.some((x) => x.id == id), 60_000)
      const tries = posts(t.collector, id)
      expect(tries).toHaveLength(2)
      expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(10_000) // the 10 s request timeout
      // The collector stored it before its 200 reached the page: wait for the page to see it.
      const events = await until('the sent event', async () => {
        const e = await p.evaluate(() => (window as any).events as any[])
        return e.some((x) => x.e == 'sent') ? e : null
      })
      expect(events!.map((x) => x.e)).toEqual(['failed', 'sent'])
      expect(events![0]).toMatchObject({ status: null, permanent: false })
    } finally {
      await t.close()
    }
  })

  it('a page closed right after answering → delivered exactly once (at once or on the next visit)', async () => {
    const t = await setup()
    try {
      const ctx = await t.browser()
      const p = await t.open(ctx)
      // As on a real page, the engine has arrived with the prompt: it sends the answer with
      // keepalive on page hide, even while its write to IndexedDB has not ended (the next visit,
      // loading meanwhile, may look before that write lands).
      await promptFetched(p)
      await p.evaluate(() => void (window as any).go('closed-tab'))
      await p.locator('touchpoint-prompt [data-score="2"]').click()
      await p.close({ runBeforeUnload: true })
      const next = await t.open(ctx) // the next visit
      await until('the answer stored by the collector', () => t.collector.answers.length == 1)
      await until('the outbox to empty', async () => (await pending(next)).length == 0)
      await next.evaluate(() => (window as any).Touchpoint.flush())
      expect(t.collector.answers).toHaveLength(1)
      expect(t.collector.answers[0]).toMatchObject({ touchpoint: 'closed-tab', score: 2 })
      // Every POST of it carried the same id: a deduplicating collector stores it once.
      expect(new Set(t.collector.attempts.flatMap((a) => a.ids))).toEqual(new Set([t.collector.answers[0].id]))
    } finally {
      await t.close()
    }
  })

  it('IndexedDB throwing on access → delivered from memory, one warning, no page error', async () => {
    const t = await setup()
    try {
      const ctx = await t.browser()
      await ctx.addInitScript(() => {
        Object.defineProperty(window, 'indexedDB', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          },
        })
      })
      const p = await t.open(ctx)
      await p.evaluate(() => void (window as any).go('no-idb'))
      await p.locator('touchpoint-prompt [data-score="5"]').click()
      await until('delivery', () => t.collector.answers.length == 1)
      expect(t.collector.answers[0]).toMatchObject({ touchpoint: 'no-idb', score: 5 })
      const warnings = p.seen.console.filter((m) => m.type == 'warning' && m.text.includes('IndexedDB'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]!.text).toContain('SecurityError')
      expect(p.seen.errors).toEqual([])
    } finally {
      await t.close()
    }
  })
})
