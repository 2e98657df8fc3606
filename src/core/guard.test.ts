import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGuard } from './guard'

const o = { cooldownDays: 30, dismissCooldownDays: 7, maxPopoversPerVisit: 2 }
const DAY = 864e5

beforeEach(() => {
  localStorage.clear()
  sessionStorage.clear()
})
afterEach(() => vi.restoreAllMocks())

describe('guard', () => {
  it('asks by default', () => {
    expect(createGuard(o).blocked('tp', 1, true)).toBeNull()
  })

  it('stays quiet for cooldownDays after an answer, across reloads (a new guard, same storage)', () => {
    createGuard(o).answered('tp')
    const later = createGuard(o)
    expect(later.blocked('tp', 1, false)).toMatch(/answered/)
    expect(later.blocked('other', 1, false)).toBeNull()
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 31 * DAY)
    expect(later.blocked('tp', 1, false)).toBeNull()
  })

  it('stays quiet for the shorter dismissCooldownDays after a dismissal', () => {
    createGuard(o).dismissed('tp')
    expect(createGuard(o).blocked('tp', 1, false)).toMatch(/dismissed/)
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 8 * DAY)
    expect(createGuard(o).blocked('tp', 1, false)).toBeNull()
  })

  it('samples visitors with a lasting draw: the same visitor gets the same decision on every load', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.42)
    expect(createGuard(o).blocked('tp', 0.4, false)).toMatch(/not sampled/)
    vi.spyOn(Math, 'random').mockReturnValue(0.01) // a new draw would pass; the stored one holds
    expect(createGuard(o).blocked('tp', 0.4, false)).toMatch(/not sampled/)
    expect(createGuard(o).blocked('tp', 0.5, false)).toBeNull()
    expect(createGuard(o).blocked('tp', 0, false)).toMatch(/not sampled/)
  })

  it('caps automatic popovers per visit; explicit asks are not counted', () => {
    const g = createGuard(o)
    g.shown(true)
    g.shown(false)
    expect(g.blocked('a', 1, true)).toBeNull()
    g.shown(true)
    expect(createGuard(o).blocked('b', 1, true)).toMatch(/cap/)
    expect(createGuard(o).blocked('b', 1, false)).toBeNull()
    sessionStorage.clear() // a new visit
    expect(createGuard(o).blocked('b', 1, true)).toBeNull()
  })

  it('keeps its rules for the page when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    const g = createGuard(o)
    g.answered('tp')
    expect(g.blocked('tp', 1, false)).toMatch(/answered/)
  })
})
