// Delivery formats end to end (README "Delivery formats"): dist/touchpoint.js with data-format
// posts to a local receiver speaking Segment's, PostHog's or the CloudEvents protocol. The first
// POST gets a 500, then the page is reloaded: each answer still arrives exactly once by the
// receiver's dedup key, every request carries Idempotency-Key, and every body passes the
// receiver's shape check (the CloudEvents one through the cloudevents library).
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, cleanup, launch, pending, site, scriptPage, until, watch } from './helpers'
import { startReceiver, type Protocol } from './receivers'

beforeAll(() => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
})
afterAll(() => cleanup())

const BODY = `<script>
  window.go = (tp) => Touchpoint.ask('csat', { touchpoint: tp, force: true }).then((a) => (window.last = a))
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

describe('delivery formats', () => {
  it.each<[Protocol, (id: string, site: string) => string]>([
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
      await until('the first answer to arrive', () => receiver.events.has(keyOf(first, 'acme-web')))
      const second = await answer(p, 'after-reload')
      await until('the second answer to arrive', () => receiver.events.has(keyOf(second, 'acme-web')))
      await until('the outbox to empty', async () => (await pending(p)).length == 0)

      expect(receiver.received[0]!.status).toBe(500)
      // Every request was in the receiver's shape and carried an Idempotency-Key.
      expect(receiver.received.filter((r) => r.problem)).toEqual([])
      for (const r of receiver.received.slice(1)) {
        expect(r.status).toBe(200)
        expect(r.headers['idempotency-key']).toMatch(/^[\da-f-]{36}$/)
      }
      // Exactly once by the receiver's key: two answers, two events, whatever the retries.
      expect([...receiver.events.keys()].sort()).toEqual([keyOf(first, 'acme-web'), keyOf(second, 'acme-web')].sort())
      const ids = [...receiver.events.values()].map((a) => a.id)
      expect(ids.sort()).toEqual([first, second].sort())
      // A request of one answer is keyed by that answer.
      for (const r of receiver.received.filter((r) => r.answers.length == 1)) expect(r.headers['idempotency-key']).toBe(r.answers[0].id)
      expect(seen.errors).toEqual([])
    } finally {
      await ctx.close().catch(() => {})
      await web.close()
      await receiver.close()
    }
  })
})
