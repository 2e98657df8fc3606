// The spine and the outbox fault matrix in WebKit (MiniBrowser over WebDriver classic), through
// the built dist/touchpoint.js and its script tag: the promises e2e/spine.test.ts and
// e2e/delivery.test.ts prove in Chromium and Firefox. WebKit here has no offline switch: the
// collector is taken down instead; and no browser restart: the page is left and opened again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { built, startCollector } from '../helpers'
import { STUB, page, perFile, serve, until } from './kit'

const kit = perFile()
beforeAll(async () => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
  await kit.start()
})
afterAll(() => kit.stop())

type Collector = Awaited<ReturnType<typeof startCollector>>
const posts = (c: Collector, id: string) => c.attempts.filter((a) => a.ids.includes(id))

// Records sent/failed events, and asks on demand (force: no cooldown between tests).
const EVENTS = `<script>
  window.events = []
  window.go = (tp, m) => Touchpoint.ask(m || 'csat', { touchpoint: tp, force: true })
  const t = setInterval(() => { if (window.Touchpoint && Touchpoint.version) { clearInterval(t)
    for (const e of ['sent', 'failed']) Touchpoint.on(e, (p) => events.push({ e, id: (p.answer || p).id, status: p.status, permanent: p.permanent })) } }, 5)
</script>`

/** Asks one prompt on the open page and chooses `score`; resolves to the answer's id once stored. */
const answer = async (tp: string, score: number, metric = 'csat') => {
  const s = kit.s
  await s.js(`void window.go(${JSON.stringify(tp)}, ${JSON.stringify(metric)})`)
  await (await s.inPrompt(`[role=radio][data-score="${score}"]`)).click()
  return until('the answer stored', async () => {
    const keys = await s.pending()
    const ev = await s.js<{ id: string }[]>('window.events')
    return keys[0]?.slice(2) ?? ev[0]?.id
  })
}

describe('script tag → prompt → collector (WebKit)', () => {
  it('the stub queue asks NPS before the file has loaded; choosing 9 delivers one answer, once, to another origin', async () => {
    const collector = await startCollector()
    const web = await serve({
      '/shop': page({
        endpoint: collector.endpoint,
        attrs: 'data-site="acme-web"',
        head: `<script>window.__before = Object.getOwnPropertyNames(window)</script>${STUB}
          <script>Touchpoint.ask('nps', { touchpoint: 'order-nps' }).then((a) => (window.__asked = a))</script>`,
      }),
    })
    try {
      const s = kit.s
      await s.open(web.url + '/shop')
      const nine = await s.inPrompt('[role=radio][data-score="9"]')
      expect(await s.js('document.querySelector("touchpoint-prompt").shadowRoot.querySelectorAll("[role=radiogroup] [role=radio]").length')).toBe(11)
      expect(await nine.getAttribute('aria-label')).toBe('9 of 10')
      expect(await s.js('document.querySelector("touchpoint-prompt").shadowRoot.mode')).toBe('open')
      await nine.click()
      await until('the collector to store the answer', () => collector.answers.length == 1)
      const a = collector.answers[0]
      expect(a).toMatchObject({ touchpoint: 'order-nps', metric: 'nps', score: 9, scale: { min: 0, max: 10 }, site: 'acme-web' })
      expect(a.page.url).toBe(web.url + '/shop')
      // The call queued before the file had loaded resolved to the same answer.
      await until('the queued ask() to resolve', () => s.js('!!window.__asked'))
      expect(await s.js('window.__asked')).toMatchObject({ id: a.id, score: 9 })
      await until('the outbox to empty after the 2xx', async () => (await s.pending()).length == 0)
      await s.js('Touchpoint.flush()')
      expect(posts(collector, a.id)).toHaveLength(1)
      // One global (the probe's is the test's own), no error, no cookie.
      const added = await s.js<string[]>('Object.getOwnPropertyNames(window).filter((k) => !window.__before.includes(k))')
      expect(added.filter((k) => !['__before', '__asked', '__probe'].includes(k))).toEqual(['Touchpoint'])
      expect((await s.probe()).errors).toEqual([])
      expect(await s.js('document.cookie')).toBe('')
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('works by keyboard: the opener keeps focus in the prompt, arrows move, Enter chooses; Escape dismisses', async () => {
    const collector = await startCollector()
    const web = await serve({
      '/kb': page({
        endpoint: collector.endpoint,
        body: `<button id="go">Rate</button><script>
          document.getElementById('go').onclick = () => { Touchpoint.ask('csat', { touchpoint: 'kb' }).then((a) => (window.__r = a)) }
          document.addEventListener('keydown', (e) => { if (e.key == 'x') Touchpoint.ask('ces', { touchpoint: 'kb-esc' }).then((a) => (window.__d = a)) })
        </script>`,
      }),
    })
    try {
      const s = kit.s
      await s.open(web.url + '/kb')
      await s.js('document.getElementById("go").focus()')
      await s.press('Enter') // opened by the visitor: focus moves into the prompt
      const focused = () => s.js<string | null>('document.querySelector("touchpoint-prompt")?.shadowRoot?.activeElement?.getAttribute("data-score") ?? null')
      await until('focus on the first choice', async () => (await focused()) == '1')
      await s.press('ArrowRight', 'ArrowRight', 'ArrowRight')
      expect(await focused()).toBe('4')
      await s.press('ArrowLeft')
      expect(await focused()).toBe('3')
      await s.press('Enter')
      await until('the answer', () => collector.answers.length == 1)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'kb', metric: 'csat', score: 3 })
      await until('ask() to resolve', () => s.js('!!window.__r'))
      await until('the thank-you to go', async () => (await s.count('touchpoint-prompt')) == 0)
      expect(await s.js('document.activeElement && document.activeElement.id')).toBe('go') // focus returned

      await s.press('x')
      const first = await s.inPrompt('[role=radio]')
      await s.b.execute('arguments[0].focus()', first)
      await s.press('Escape')
      await until('the prompt to close', async () => (await s.count('touchpoint-prompt')) == 0)
      await until('ask() to resolve null', () => s.js('window.__d === null'))
      expect(collector.answers).toHaveLength(1)
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('a missing data-endpoint is one clear console error; the page is unharmed and ask() resolves null', async () => {
    const web = await serve({ '/bad': page({ endpoint: '', attrs: 'data-site="x"' }).replace(' data-endpoint=""', '') })
    try {
      const s = kit.s
      await s.open(web.url + '/bad')
      expect(await s.await("Touchpoint.ask('nps', { touchpoint: 'x' })")).toBeNull()
      // Said by the explain file, which the core fetches when an option is not taken.
      const said = async () => (await s.probe()).console.filter((m) => m.type == 'error' && m.text.startsWith('[Touchpoint]'))
      await until('the error', async () => (await said()).length > 0)
      const errors = await said()
      expect(errors).toHaveLength(1)
      expect(errors[0]!.text).toContain('data-endpoint is missing, expected an http(s) URL of your collector. Touchpoint is not started.')
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
    }
  })
})

describe('delivery through faults (WebKit)', () => {
  it('answered while the collector is down, page left, collector back, page opened again → delivered exactly once', async () => {
    let collector = await startCollector()
    const port = collector.port
    const web = await serve({ '/': page({ endpoint: collector.endpoint, body: EVENTS }) })
    try {
      const s = kit.s
      await s.open(web.url + '/')
      await collector.close() // down: connections refused
      const id = await answer('down-csat', 5)
      await until('a failed, retryable send', async () =>
        (await s.js<{ e: string; permanent: boolean }[]>('window.events')).some((x) => x.e == 'failed' && !x.permanent),
      )
      expect(await s.pending()).toEqual(['q:' + id])
      // Leaving the page (its page-hide send fails too): the answer stays stored. (Once no outbox
      // read or write is under way: kit.ts says why.)
      await s.leave()
      collector = await startCollector({ port })
      await s.open(web.url + '/')
      await until('the collector to receive the stored answer', () => collector.answers.length == 1)
      expect(collector.answers[0]).toMatchObject({ id, touchpoint: 'down-csat', score: 5 })
      await until('the outbox to empty', async () => (await s.pending()).length == 0)
      // The left page's page-hide send may reach the collector too, once it is back: a fresh-clone
      // run saw two POSTs of the answer within 2 s (no time limit involved), one stored. Delivery
      // is at least once, the collector keeps one copy per id; what must not happen is a send
      // after the outbox confirmed it.
      const sent = posts(collector, id)
      expect(sent.length, JSON.stringify(sent)).toBeLessThanOrEqual(2)
      // Flushing again and reloading sends nothing more.
      await s.js('Touchpoint.flush()')
      await s.b.refresh()
      await until('Touchpoint to load', () => s.js('!!(window.Touchpoint && Touchpoint.version)'))
      await s.js('Touchpoint.flush()')
      expect(posts(collector, id), JSON.stringify(posts(collector, id))).toHaveLength(sent.length)
      expect(collector.answers).toHaveLength(1)
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('without Web Locks (Safari before 15.4) the visible tab delivers, once', async () => {
    const collector = await startCollector()
    const web = await serve(
      { '/': page({ endpoint: collector.endpoint, head: '<script src="/no-locks.js"></script>', body: EVENTS }) },
      { '/no-locks.js': "Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined, configurable: true })" },
    )
    try {
      const s = kit.s
      await s.open(web.url + '/')
      expect(await s.js('navigator.locks')).toBeNull() // undefined over WebDriver
      const id = await answer('no-locks', 4)
      await until('delivery', () => collector.answers.length == 1)
      await until('the outbox to empty', async () => (await s.pending()).length == 0)
      await s.js('Touchpoint.flush()')
      expect(posts(collector, id)).toHaveLength(1)
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('503 then 200 → delivered once', async () => {
    const collector = await startCollector({ respond: ({ attempt }) => (attempt == 1 ? { status: 503 } : undefined) })
    const web = await serve({ '/': page({ endpoint: collector.endpoint, body: EVENTS }) })
    try {
      const s = kit.s
      await s.open(web.url + '/')
      const id = await answer('unavailable', 2)
      await until('delivery after the 503', () => collector.answers.length == 1)
      await until('the outbox to empty', async () => (await s.pending()).length == 0)
      expect(collector.attempts.map((t) => t.status)).toEqual([503, 200])
      expect(posts(collector, id)).toHaveLength(2)
      expect(collector.answers.map((a) => a.id)).toEqual([id])
      const ev = await until('the sent event', async () => {
        const e = await s.js<{ e: string; status: number | null; permanent: boolean }[]>('window.events')
        return e.some((x) => x.e == 'sent') ? e : null
      })
      expect(ev!.map((x) => x.e)).toEqual(['failed', 'sent'])
      expect(ev![0]).toMatchObject({ status: 503, permanent: false })
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('500 three times, then 200 → delivered once, with growing gaps between attempts', async () => {
    const collector = await startCollector({ respond: ({ attempt }) => (attempt <= 3 ? { status: 500 } : undefined) })
    const web = await serve({ '/': page({ endpoint: collector.endpoint, body: EVENTS }) })
    try {
      const s = kit.s
      await s.open(web.url + '/')
      await answer('retry-thumbs', 1, 'thumbs')
      await until('the fourth attempt to be stored', () => collector.answers.length == 1, 60_000)
      await until('the outbox to empty', async () => (await s.pending()).length == 0)
      expect(collector.attempts.map((t) => t.status)).toEqual([500, 500, 500, 200])
      expect(new Set(collector.attempts.map((t) => t.ids[0])).size).toBe(1)
      const at = collector.attempts.map((t) => t.at)
      const gaps = at.slice(1).map((t, i) => t - at[i]!)
      expect(gaps[1]).toBeGreaterThan(gaps[0]!)
      expect(gaps[2]).toBeGreaterThan(gaps[1]!)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'retry-thumbs', metric: 'thumbs', score: 1 })
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('429 with Retry-After: 3 → the next attempt comes no sooner than 3 s later, also across a reload', async () => {
    const collector = await startCollector({ respond: ({ attempt }) => (attempt == 1 ? { status: 429, headers: { 'Retry-After': '3' } } : undefined) })
    const web = await serve({ '/': page({ endpoint: collector.endpoint, body: EVENTS }) })
    try {
      const s = kit.s
      await s.open(web.url + '/')
      const id = await answer('rate-limited', 3)
      // The page must have seen the 429 (the collector logs the attempt before its answer arrives).
      await until('the page to see the 429', async () =>
        (await s.js<{ e: string; status: number }[]>('window.events')).some((x) => x.e == 'failed' && x.status == 429),
      )
      await s.b.refresh() // the wait is stored: a fresh page honours it too
      await until('delivery after the wait', () => collector.answers.length == 1)
      const [first, second] = collector.attempts
      expect(first!.status).toBe(429)
      expect(second!.ids).toContain(id)
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(3000)
      expect(collector.attempts).toHaveLength(2)
    } finally {
      await web.close()
      await collector.close()
    }
  })

  it('400 → failed fires, and the answer is never sent again, also not after a reload', async () => {
    const collector = await startCollector({
      respond: ({ body }) => (body.answers.some((x: { touchpoint: string }) => x.touchpoint == 'rejected') ? { status: 400 } : undefined),
    })
    const web = await serve({ '/': page({ endpoint: collector.endpoint, body: EVENTS }) })
    try {
      const s = kit.s
      await s.open(web.url + '/')
      const id = await answer('rejected', 4)
      const failed = await until('the failed event', async () =>
        (await s.js<{ e: string }[]>('window.events')).find((x) => x.e == 'failed'),
      )
      expect(failed).toEqual({ e: 'failed', id, status: 400, permanent: true })
      expect(await s.pending()).toEqual([])
      await s.b.refresh()
      await until('Touchpoint to load', () => s.js('!!(window.Touchpoint && Touchpoint.version)'))
      const good = await answer('accepted', 4)
      await until('the good answer', () => collector.answers.some((x) => x.id == good))
      await s.js('Touchpoint.flush()')
      expect(posts(collector, id)).toHaveLength(1)
      expect((await s.probe()).errors).toEqual([])
    } finally {
      await web.close()
      await collector.close()
    }
  })
})
