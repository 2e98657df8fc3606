import { afterEach, describe, expect, it, vi } from 'vitest'
import { exit } from './exit'

afterEach(() => vi.restoreAllMocks())

describe('exit intent', () => {
  it('fires when the pointer leaves through the top, not through the sides or inside the page', () => {
    const fire = vi.fn()
    const soon = vi.fn()
    const release = exit(document.body, fire, soon)
    document.dispatchEvent(new MouseEvent('mousemove', { clientY: 300 }))
    document.dispatchEvent(new MouseEvent('mousemove', { clientY: 400 }))
    expect(soon).not.toHaveBeenCalled()
    // Moving up through the top tenth of the window: the prompt is fetched ahead.
    document.dispatchEvent(new MouseEvent('mousemove', { clientY: 5 }))
    expect(soon).toHaveBeenCalled()
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 300, relatedTarget: document.body }))
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: 300 }))
    expect(fire).not.toHaveBeenCalled()
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2 }))
    expect(fire).toHaveBeenCalledOnce()
    release()
    document.dispatchEvent(new MouseEvent('mouseout', { clientY: -2 }))
    expect(fire).toHaveBeenCalledOnce()
  })

  it('on touch screens, a quick scroll back up after reading down stands for it', () => {
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList)
    let now = 0
    vi.spyOn(performance, 'now').mockImplementation(() => now)
    const at = (y: number, t: number) => {
      now = t
      Object.defineProperty(window, 'scrollY', { value: y, configurable: true })
      dispatchEvent(new Event('scroll'))
    }
    const fire = vi.fn()
    const soon = vi.fn()
    const release = exit(document.body, fire, soon)
    const h = innerHeight
    at(h, 0)
    at(h * 2, 1000) // reading down
    expect(soon).not.toHaveBeenCalled()
    at(h * 1.9, 2000) // a slow, small scroll up: a sign, not yet the intent
    expect(soon).toHaveBeenCalled()
    expect(fire).not.toHaveBeenCalled()
    at(h * 1.4, 2200) // a quick one, a third of the screen or more
    expect(fire).toHaveBeenCalledOnce()
    release()
  })
})
