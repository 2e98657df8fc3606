// A browser older than README's support table (no CSS `inset`) shows nothing and stores nothing,
// silently, and fetches no part to show; the API is still there, so a site's calls never throw.
import { afterEach, describe, expect, it, vi } from 'vitest'

const imported: string[] = []
vi.mock('./modules', async (actual) => {
  const real = await actual<typeof import('./modules')>()
  // Each part's import is recorded and never settles: what matters is whether it was asked for.
  const spy = (name: string) => () => (imported.push(name), new Promise<never>(() => {}))
  return {
    ...real,
    importPrompt: spy('prompt'),
    importTab: spy('tab'),
    importVitals: spy('web-vitals'),
    importDelivery: spy('delivery'),
    importLocale: spy('i18n'),
  }
})
const { ask, destroy, init } = await import('../index')
const { whenIdle } = await import('./idle')

afterEach(() => {
  destroy()
  imported.length = 0
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})
// happy-dom's CSS is a new object at each read: the test's own CSS stands in for it.
const stubSupports = (inset: boolean) => {
  const supports = vi.fn((css: string) => css != 'inset:0' || inset)
  vi.stubGlobal('CSS', { supports })
  return supports
}

const idle = () => new Promise<void>((r) => whenIdle(r, 50))

describe('a browser without CSS inset', () => {
  it('ask() resolves to null, nothing is fetched, shown or said; the same page in a newer browser asks', async () => {
    const supports = stubSupports(false)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    init({ endpoint: 'https://c.example.com/v1', tab: true })
    expect(await ask('nps', { touchpoint: 'old', force: true })).toBeNull()
    // The tab is fetched at the first idle moment (a 200 ms timer here, without requestIdleCallback).
    await idle()
    await idle()
    expect(supports).toHaveBeenCalledWith('inset:0')
    expect(imported).toEqual([])
    expect(document.querySelector('[data-touchpoint-host], touchpoint-prompt')).toBeNull()
    expect(warn).not.toHaveBeenCalled()

    // The check itself is what refused: with inset, the same calls fetch the prompt and the tab.
    destroy()
    stubSupports(true)
    init({ endpoint: 'https://c.example.com/v1', tab: true })
    void ask('nps', { touchpoint: 'new', force: true })
    await vi.waitFor(() => expect(imported).toEqual(expect.arrayContaining(['prompt', 'tab'])))
  })

  it('the core at load never asks: CSS.supports is first called when something would be shown', async () => {
    const supports = stubSupports(true)
    init({ endpoint: 'https://c.example.com/v1' })
    await idle()
    expect(supports).not.toHaveBeenCalled()
  })
})
