import { afterEach, describe, expect, it, vi } from 'vitest'
import { withLock } from './lock'

afterEach(() => vi.unstubAllGlobals())

describe('withLock', () => {
  it('holds a Web Lock by name while it runs', async () => {
    const request = vi.fn((_: string, fn: () => Promise<unknown>) => fn())
    vi.stubGlobal('navigator', { locks: { request } })
    expect(await withLock('t', async () => 'ran')).toBe('ran')
    expect(request).toHaveBeenCalledWith('t', expect.any(Function))
  })

  it('without Web Locks, runs in a visible tab and not in a hidden one', async () => {
    vi.stubGlobal('navigator', {})
    expect(await withLock('t', async () => 'ran')).toBe('ran')
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    const fn = vi.fn(async () => 'ran')
    expect(await withLock('t', fn)).toBe(false)
    expect(fn).not.toHaveBeenCalled()
  })
})
