// destroy() in the moment between the prompt's arrival and the next idle moment, when web-vitals
// and the delivery engine would be requested: neither is fetched, so nothing starts observing or
// listening after destroy() (it removes every prompt, listener and observer).
import { afterEach, expect, it, vi } from 'vitest'
import type { PromptPart } from '../contract'

const imported: string[] = []
let onShow = () => {}
vi.mock('./modules', async (actual) => {
  const real = await actual<typeof import('./modules')>()
  // Each part's import is recorded; only the prompt arrives (a stand-in that shows nothing).
  const never = (name: string) => () => (imported.push(name), new Promise<never>(() => {}))
  const prompt: PromptPart = { show: () => (onShow(), Promise.resolve(null)) }
  return {
    ...real,
    importPrompt: () => (imported.push('prompt'), Promise.resolve(prompt)),
    importVitals: never('web-vitals'),
    importDelivery: never('delivery'),
  }
})
const { ask, destroy, init } = await import('../index')
const { whenIdle } = await import('./idle')

afterEach(() => {
  destroy()
  imported.length = 0
  onShow = () => {}
})
// The next idle moment after the one the core asked for (whenIdle runs callbacks in order).
const idle = () => new Promise<void>((r) => whenIdle(r, 600))

it('destroy() as the prompt arrives: web-vitals and the delivery engine are not fetched', async () => {
  onShow = destroy
  init({ endpoint: 'https://c.example.com/v1' })
  expect(await ask('nps', { touchpoint: 'gone', force: true })).toBeNull()
  await idle()
  expect(imported).toEqual(['prompt'])
})

it('without destroy(), the same idle moment fetches both (what the test above rules out)', async () => {
  init({ endpoint: 'https://c.example.com/v1' })
  await ask('nps', { touchpoint: 'stays', force: true })
  // The prompt is already here (fetched once per page); the idle moment's two requests follow it.
  await vi.waitFor(() => expect(imported).toEqual(['delivery', 'web-vitals']))
})
