// Delivery formats end to end (README "Delivery formats"): dist/touchpoint.js with data-format
// posts to a local receiver speaking Segment's, PostHog's or the CloudEvents protocol. The first
// POST gets a 500, then the page is reloaded: each answer still arrives exactly once by the
// receiver's dedup key, and every body passes the receiver's shape check (the CloudEvents one
// through the cloudevents library). Bad input: an unknown format, a format without its key.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, cleanup, launch, pending, site, scriptPage, startCollector, until, watch } from './helpers'
import { startReceiver, type Protocol } from './receivers'

beforeAll(() => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
})
afterAll(() => cleanup())

const BODY = `<script>
  window.go = (tp) => Touchpoint.ask('csat', { touchpoint: tp, force: true }).then((a) => (window.last = a))
  window.withComment = (tp) => Touchpoint.ask('csat', { touchpoint: tp, force: true, comment: 'optional' })
</script>`
const KEY = 'test-key-1'

/** Asks and answers one prompt; resolves to the answer's id. */
const answer = async (p: Page, tp: string) => {
  await until('Touchpoint to load', () => p.evaluate(() => !!(window as any).Touchpoint?.version))
  await p.evaluate(() => ((window as any).last = null))
  await p.evaluate((tp) => void (window as any).go(tp), tp)
  await p.locator('touchpoint-prompt [data-score="4"]').click()
  return (await until('the answer', () => p.evaluate(() => (window as any).last?.id as string | undefined)))!
}
/** Console messages of Touchpoint's at `type`. */
const said = (seen: ReturnType<typeof watch>, type: string) => seen.console.filter((m) => m.type == type && m.text.includes('[Touchpoint]')).map((m) => m.text)

describe('delivery formats', () => {
  it.each<[Protocol, (id: string) => string]>([
    ['segment', (id) => id],
    ['posthog', (id) => id],
    ['cloudevents', (id) => 'acme-web ' + id],
  ])('%s: across a 500 and a reload each answer arrives once, keyed by its id', async (format, keyOf) => {
    const receiver = await startReceiver(format, KEY, (attempt) => (attempt == 1 ? 500 : undefined))
    const attrs = `data-site="acme-web" data-format="${format}" data-format-key="${KEY}"`
    const web = await site({ '/': scriptPage({ endpoint: receiver.endpoint, attrs, body: BODY }) })
    const ctx = await launch()
    try {
      const p = await ctx.newPage()
      const seen = watch(p)
      await p.goto(web.url + '/')
      const first = await answer(p, 'retried')
      await until('the first POST (500)', () => receiver.received.length >= 1)
      await p.reload() // what the 500 left queued is sent by the next page
      await until('the first answer to arrive', () => receiver.events.has(keyOf(first)))
      const second = await answer(p, 'after-reload')
      await until('the second answer to arrive', () => receiver.events.has(keyOf(second)))
      await until('the outbox to empty', async () => (await pending(p)).length == 0)

      expect(receiver.received[0]!.status).toBe(500)
      // Every request was in the receiver's shape.
      expect(receiver.received.filter((r) => r.problem)).toEqual([])
      for (const r of receiver.received.slice(1)) expect(r.status).toBe(200)
      // Exactly once by the receiver's key: two answers, two events, whatever the retries.
      expect([...receiver.events.keys()].sort()).toEqual([keyOf(first), keyOf(second)].sort())
      expect([...receiver.events.values()].map((a) => a.id).sort()).toEqual([first, second].sort())
      if (format == 'segment') {
        // text/plain, as Segment's own library sends it: no preflight, no Idempotency-Key.
        expect(receiver.preflights.count).toBe(0)
        for (const r of receiver.received) expect(r.headers['idempotency-key']).toBeUndefined()
      } else {
        // A JSON type: preflighted, and every request carries Idempotency-Key, the answer's id for one answer.
        expect(receiver.preflights.count).toBeGreaterThan(0)
        for (const r of receiver.received) expect(r.headers['idempotency-key']).toMatch(/^[\da-f-]{36}$/)
        for (const r of receiver.received.filter((r) => r.answers.length == 1)) expect(r.headers['idempotency-key']).toBe(r.answers[0].id)
      }
      expect(seen.errors).toEqual([])
      expect(said(seen, 'error')).toEqual([])
    } finally {
      await ctx.close().catch(() => {})
      await web.close()
      await receiver.close()
    }
  })

  it('posthog, preflighted: a page closed during the comment step sends the score with keepalive (a preflight first)', async () => {
    const receiver = await startReceiver('posthog', KEY)
    const attrs = `data-format="posthog" data-format-key="${KEY}"`
    const web = await site({ '/': scriptPage({ endpoint: receiver.endpoint, attrs, body: BODY }) })
    const ctx = await launch()
    try {
      const p = await ctx.newPage()
      await p.goto(web.url + '/')
      await until('Touchpoint to load', () => p.evaluate(() => !!(window as any).Touchpoint?.version))
      await p.evaluate(() => void (window as any).withComment('closed-during-comment'))
      await p.locator('touchpoint-prompt [data-score="2"]').click()
      await p.locator('touchpoint-prompt textarea').waitFor()
      const key = (await until('the score stored, held for its comment', async () => (await pending(p))[0]))!.slice(2)
      const file = await until('the format file fetched', () =>
        p.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.includes('touchpoint.format.posthog.js'))?.name),
      )
      // Fetched is not ready: page hide sends nothing until the format file has run (the next visit
      // would). Importing the same URL resolves once it has run (one module per URL), after the
      // engine's own import, which asked first. A string: the test runner rewrites import() in code.
      await p.evaluate(`import(${JSON.stringify(file)}).then(() => 0)`)
      expect(receiver.received).toEqual([])
      await p.close({ runBeforeUnload: true })
      // No next visit: only the page's own keepalive request can bring it.
      await until('the score to arrive on page hide', () => receiver.events.has(key))
      expect(receiver.preflights.count).toBeGreaterThan(0)
      expect(receiver.received.map((r) => [r.status, r.headers['idempotency-key']])).toEqual([[200, key]])
    } finally {
      await ctx.close().catch(() => {})
      await web.close()
      await receiver.close()
    }
  })

  it('an unknown data-format: one warning naming data-format and the formats it accepts; json is sent', async () => {
    const collector = await startCollector()
    const web = await site({ '/': scriptPage({ endpoint: collector.endpoint, attrs: 'data-format="kafka"', body: BODY }) })
    const ctx = await launch()
    try {
      const p = await ctx.newPage()
      const seen = watch(p)
      await p.goto(web.url + '/')
      const id = await answer(p, 'unknown-format')
      await until('the answer to arrive in the wire format', () => collector.answers.some((a) => a.id == id))
      const warnings = said(seen, 'warning').filter((t) => t.includes('data-format'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('data-format is "kafka", expected one of json,segment,cloudevents,posthog; using json.')
      expect(said(seen, 'warning').filter((t) => t.includes('unknown'))).toEqual([])
    } finally {
      await ctx.close().catch(() => {})
      await web.close()
      await collector.close()
    }
  })

  it('segment without data-format-key: one error naming it, nothing sent; the page fixed, what was kept arrives', async () => {
    const receiver = await startReceiver('segment', KEY)
    const web = await site({
      '/broken': scriptPage({ endpoint: receiver.endpoint, attrs: 'data-format="segment"', body: BODY }),
      '/fixed': scriptPage({ endpoint: receiver.endpoint, attrs: `data-format="segment" data-format-key="${KEY}"`, body: BODY }),
    })
    const ctx = await launch()
    try {
      const p = await ctx.newPage()
      const seen = watch(p)
      await p.goto(web.url + '/broken')
      const id = await answer(p, 'no-key')
      await until('the console error', () => said(seen, 'error').length > 0)
      expect(said(seen, 'error')).toHaveLength(1)
      expect(said(seen, 'error')[0]).toContain('data-format="segment" needs data-format-key')
      // 'answered' fires as the write to IndexedDB begins: wait for it to land, then it stays.
      await until('the answer stored', async () => (await pending(p)).includes('q:' + id))
      expect(await pending(p)).toEqual(['q:' + id])
      expect(receiver.received).toEqual([])
      // A page hide sends nothing either.
      await p.goto('about:blank')
      await p.goto(web.url + '/fixed')
      await until('the kept answer to arrive', () => receiver.events.has(id))
      expect(receiver.received.map((r) => r.status)).toEqual([200])
      expect(receiver.received[0]!.answers.map((a) => a.id)).toEqual([id])
      await until('the outbox to empty', async () => (await pending(p)).length == 0)
    } finally {
      await ctx.close().catch(() => {})
      await web.close()
      await receiver.close()
    }
  })
})
