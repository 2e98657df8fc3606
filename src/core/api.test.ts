import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ask, consent, destroy, flush, init, on, setContext } from '../index'

const posts: any[] = []
const root = () => document.querySelector('touchpoint-prompt')?.shadowRoot
// The prompt is fetched on demand (a dynamic import), so it appears a moment after ask().
const shown = () => vi.waitFor(() => expect(root()?.querySelector('[role=radiogroup]')).toBeTruthy())
const choose = async (score: number) => {
  await shown()
  ;(root()!.querySelector(`[data-score="${score}"]`) as HTMLElement).click()
}
const warned = () => vi.mocked(console.warn).mock.calls.map((c) => c.join(' ')).join('\n')

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory()
  localStorage.clear()
  sessionStorage.clear()
  posts.length = 0
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.stubGlobal('fetch', async (_: string, o: RequestInit) => {
    posts.push(JSON.parse(o.body as string))
    return new Response('{}', { status: 200 })
  })
})
afterEach(() => {
  destroy()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('the public API', () => {
  it('ask() before init() resolves to null with a warning, never a throw', async () => {
    expect(await ask('nps', { touchpoint: 'x' })).toBeNull()
    expect(warned()).toContain('not started')
  })

  it('bad input resolves to null with a warning naming the problem', async () => {
    init({ endpoint: 'https://c.example.com/v1' })
    expect(await ask('stars' as never, { touchpoint: 'x' })).toBeNull()
    expect(warned()).toContain('metric is "stars", expected csat, nps, ces or thumbs')
    expect(await ask('nps', {} as never)).toBeNull()
    expect(warned()).toContain('"touchpoint" id missing')
    expect(await ask('nps', { touchpoint: 'x', comment: 'maybe' as never })).toBeNull()
    expect(await ask('nps', { touchpoint: 'x', display: 'inline' })).toBeNull()
    expect(document.querySelector('touchpoint-prompt')).toBeNull()
  })

  it('asks, stores and sends an answer with the context, reporting each step', async () => {
    init({ endpoint: 'https://c.example.com/v1', site: 'acme', locale: 'en-GB' })
    const seen: string[] = []
    for (const e of ['shown', 'answered', 'sent'] as const) on(e, () => seen.push(e))
    setContext({ plan: 'pro' })
    const pending = ask('csat', { touchpoint: 'checkout', context: { step: 2 }, stage: 'purchase' })
    await shown()
    expect(root()!.querySelector('[role=radiogroup]')!.children).toHaveLength(5)
    await choose(4)
    const a = await pending
    // The answer's locale is the one shown: English, the pack for en-GB.
    expect(a).toMatchObject({ touchpoint: 'checkout', metric: 'csat', score: 4, site: 'acme', locale: 'en', stage: 'purchase', revision: 1, context: { plan: 'pro', step: 2 } })
    await flush()
    expect(posts.flatMap((p) => p.answers.map((x: { id: string }) => x.id))).toContain(a!.id)
    expect(seen).toEqual(['shown', 'answered', 'sent'])
  })

  it('dismissing resolves to null and keeps the touchpoint quiet; force: true asks anyway', async () => {
    init({ endpoint: 'https://c.example.com/v1' })
    const off = on('dismissed', vi.fn())
    const first = ask('ces', { touchpoint: 'pay' })
    await shown()
    ;(root()!.querySelector('.x') as HTMLElement).click()
    expect(await first).toBeNull()
    expect(await ask('ces', { touchpoint: 'pay' })).toBeNull()
    const forced = ask('ces', { touchpoint: 'pay', force: true })
    await choose(7)
    expect(await forced).toMatchObject({ score: 7 })
    off()
  })

  it('with requireConsent, shows nothing until consent(true)', async () => {
    init({ endpoint: 'https://c.example.com/v1', requireConsent: true })
    expect(await ask('nps', { touchpoint: 'n' })).toBeNull()
    consent(true)
    const p = ask('nps', { touchpoint: 'n' })
    await choose(10)
    expect(await p).toMatchObject({ score: 10 })
  })

  it('consent(false) closes the prompt and erases what this visitor queued and the rules\' local state', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 503 })) // the collector is down
    init({ endpoint: 'https://c.example.com/v1', requireConsent: true })
    consent(true)
    const p = ask('nps', { touchpoint: 'n' })
    await choose(3)
    await p
    const { entries, createStore } = await import('idb-keyval')
    const queued = async () => (await entries(createStore('touchpoint', 'outbox'))).map(([k]) => String(k))
    await vi.waitFor(async () => expect((await queued()).filter((k) => k.startsWith('q:'))).toHaveLength(1))
    expect(localStorage.getItem('touchpoint:seen')).toBeTruthy()
    // (An inline one: the popover above still shows its thank-you.)
    const open = ask('csat', { touchpoint: 'c', display: 'inline', target: document.body.appendChild(document.createElement('div')) })
    await vi.waitFor(() => expect(document.querySelectorAll('touchpoint-prompt')).toHaveLength(2))
    await consent(false)
    expect(await open).toBeNull()
    await vi.waitFor(() => expect(document.querySelector('touchpoint-prompt')).toBeNull())
    expect(await queued()).toEqual([])
    expect(localStorage.getItem('touchpoint:seen')).toBeNull()
    expect(localStorage.getItem('touchpoint:draw')).toBeNull()
    expect(await ask('nps', { touchpoint: 'n2' })).toBeNull()
  })

  it('consent(false) while the delivery engine records a failed send: nothing is left in storage, not even the hint', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 503 })) // the collector is down
    // Withdrawn at the moment the engine writes the retry count of its failed send (the second
    // write that sets the hint; the first stores the answer): the hint must still be gone once
    // consent(false) is over.
    const set = localStorage.setItem.bind(localStorage)
    let hinted = 0
    let withdrawn: Promise<void> | undefined
    vi.spyOn(localStorage, 'setItem').mockImplementation((k, v) => {
      if (k == 'touchpoint:queued' && ++hinted == 2) withdrawn = consent(false)
      set(k, v)
    })
    init({ endpoint: 'https://c.example.com/v1' })
    const p = ask('nps', { touchpoint: 'n' })
    await choose(3)
    await p
    await vi.waitFor(() => expect(withdrawn).toBeDefined())
    await withdrawn
    expect(Object.keys(localStorage).filter((k) => k.startsWith('touchpoint:'))).toEqual([])
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('touchpoint:'))).toEqual([])
  })

  it('shows the locale pack and the site\'s own words; the answer carries the locale shown', async () => {
    init({ endpoint: 'https://c.example.com/v1', locale: 'de-AT', texts: { send: 'Ab damit' } })
    const p = ask('csat', { touchpoint: 'c', comment: 'optional' })
    await shown()
    expect(root()!.textContent).toContain('Wie zufrieden')
    await choose(5)
    await vi.waitFor(() => expect(root()!.querySelector('.send')?.textContent).toBe('Ab damit'))
    ;(root()!.querySelector('.send') as HTMLElement).click()
    expect(await p).toMatchObject({ locale: 'de', revision: 2 })
  })

  it('destroy() removes open prompts and resolves their asks to null', async () => {
    init({ endpoint: 'https://c.example.com/v1' })
    const p = ask('thumbs', { touchpoint: 't' })
    await shown()
    destroy()
    expect(await p).toBeNull()
    expect(document.querySelector('touchpoint-prompt')).toBeNull()
  })

  it('a listener that throws is reported and does not break the others', async () => {
    init({ endpoint: 'https://c.example.com/v1' })
    const after = vi.fn()
    on('shown', () => {
      throw new Error('boom')
    })
    on('shown', after)
    const p = ask('thumbs', { touchpoint: 't' })
    await shown()
    expect(after).toHaveBeenCalled()
    expect(vi.mocked(console.error).mock.calls.flat().map(String).join(' ')).toContain('shown listener threw')
    await choose(1)
    await p
  })
})
