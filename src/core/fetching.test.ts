// What the core fetches to show something, and when it fetches nothing: in a browser older than
// README's support table (no CSS `inset`), and after destroy().
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PromptPart } from '../contract'

const imported: string[] = []
let onShow = () => {}
vi.mock('./modules', async (actual) => {
  const real = await actual<typeof import('./modules')>()
  // Each part's import is recorded. Only the prompt arrives, a stand-in that shows nothing and
  // resolves null; the others never settle: what matters is whether they were asked for.
  const never = (name: string) => () => (imported.push(name), new Promise<never>(() => {}))
  const prompt: PromptPart = { show: () => (onShow(), Promise.resolve(null)) }
  return {
    ...real,
    importPrompt: () => (imported.push('prompt'), Promise.resolve(prompt)),
    importTab: never('tab'),
    importVitals: never('web-vitals'),
    importDelivery: never('delivery'),
    importLocale: never('i18n'),
  }
})
const { whenIdle } = await import('./idle')
// Each test gets a fresh core: the parts it fetched are cached per page (module state).
let core: typeof import('../index') | undefined
const fresh = async () => {
  vi.resetModules()
  return (core = await import('../index'))
}

afterEach(() => {
  core?.destroy()
  imported.length = 0
  onShow = () => {}
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})
// happy-dom's CSS is a new object at each read: the test's own CSS stands in for it.
const stubSupports = (inset: boolean) => {
  const supports = vi.fn((css: string) => css != 'inset:0' || inset)
  vi.stubGlobal('CSS', { supports })
  return supports
}
// An idle moment after those the core asked for (whenIdle runs callbacks in order; without
// requestIdleCallback, as in happy-dom, each is a 200 ms timer).
const idle = () => new Promise<void>((r) => whenIdle(r, 600))

describe('a browser without CSS inset', () => {
  it('ask() resolves to null, nothing is fetched, shown or said; the same page in a newer browser asks', async () => {
    const { ask, destroy, init } = await fresh()
    const supports = stubSupports(false)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    init({ endpoint: 'https://c.example.com/v1', tab: true })
    expect(await ask('nps', { touchpoint: 'old', force: true })).toBeNull()
    // The tab is fetched at the first idle moment.
    await idle()
    expect(supports).toHaveBeenCalledWith('inset:0')
    expect(imported).toEqual([])
    expect(document.querySelector('touchpoint-prompt, touchpoint-tab')).toBeNull()
    expect(warn).not.toHaveBeenCalled()

    // The check itself is what refused: with inset, the same calls fetch the prompt and the tab.
    destroy()
    stubSupports(true)
    init({ endpoint: 'https://c.example.com/v1', tab: true })
    await ask('nps', { touchpoint: 'new', force: true })
    await vi.waitFor(() => expect(imported).toEqual(expect.arrayContaining(['prompt', 'tab'])))
  })

  it('the core at load never asks: CSS.supports is first called when something would be shown', async () => {
    const { init } = await fresh()
    const supports = stubSupports(true)
    init({ endpoint: 'https://c.example.com/v1' })
    await idle()
    expect(supports).not.toHaveBeenCalled()
  })
})

// The prompt's arrival asks for web-vitals and the delivery engine at the next idle moment.
// destroy() before it: neither is fetched, so nothing starts observing or listening after
// destroy() (it removes every prompt, listener and observer).
describe('destroy() as the prompt arrives', () => {
  it('web-vitals and the delivery engine are not fetched', async () => {
    const { ask, destroy, init } = await fresh()
    onShow = destroy
    init({ endpoint: 'https://c.example.com/v1' })
    expect(await ask('nps', { touchpoint: 'gone', force: true })).toBeNull()
    await idle()
    expect(imported).toEqual(['prompt'])
  })

  it('without destroy(), the same idle moment fetches both (what the test above rules out)', async () => {
    const { ask, init } = await fresh()
    init({ endpoint: 'https://c.example.com/v1' })
    await ask('nps', { touchpoint: 'stays', force: true })
    await vi.waitFor(() => expect(imported).toEqual(['prompt', 'delivery', 'web-vitals']))
  })
})
