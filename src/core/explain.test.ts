// The explain file cannot be fetched (offline, blocked): the core's own line still names what to fix.
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('./modules', async (actual) => ({
  ...(await actual<typeof import('./modules')>()),
  importExplain: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
}))
const { parseOptions } = await import('./options')
const { ask, destroy, init } = await import('../index')

afterEach(() => {
  destroy()
  vi.restoreAllMocks()
})

describe('without the explain file', () => {
  it('bad options: one warning naming them and the file', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(parseOptions({ endpoint: 'https://c.example.com', theme: 'pink', sampel: 1 }, true)).toMatchObject({ theme: 'auto' })
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce())
    expect(String(warn.mock.calls[0])).toMatch(/could not load the explain chunk .*\(Failed to fetch.*\); options not taken: theme, sampel\./)
  })

  it('no endpoint: still not started, and said', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(parseOptions({}, true)).toBeNull()
    await vi.waitFor(() => expect(warn).toHaveBeenCalledOnce())
    expect(String(warn.mock.calls[0])).toContain('options not taken: endpoint.')
  })

  it('a refused ask() resolves to null with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    init({ endpoint: 'https://c.example.com/v1' })
    expect(await ask('stars' as never, { touchpoint: 'x' })).toBeNull()
    expect(warn).toHaveBeenCalledOnce()
    expect(String(warn.mock.calls[0])).toContain('ask() refused: check its arguments')
  })
})
