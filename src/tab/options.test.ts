import { afterEach, describe, expect, it, vi } from 'vitest'
import de from '../i18n/de'
import { pageQuestion, readTab, tabStrings } from './options'

afterEach(() => {
  document.head.innerHTML = document.body.innerHTML = ''
  vi.restoreAllMocks()
})

describe('readTab', () => {
  it('reads data-tab-* from the script tag, a wrong value one warning naming it and its default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    document.head.innerHTML = '<script data-tab="nps" data-tab-position="middle" data-tab-dismiss-days="7" data-tab-stage="usage"></script>'
    const t = readTab('nps')
    expect([t.metric, t.position, t.dismissDays, t.stage, t.touchpoint, t.after, t.mobile]).toEqual(['nps', 'right', 7, 'usage', 'tab', 'stay', 'icon'])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0])).toContain('data-tab-position is "middle", expected one of right, left, bottom-right, bottom-left')
  })
  it('takes init()’s object, naming tab.<key> in warnings; a bare data-tab is CSAT', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(readTab({ metric: 'stars', label: 'Say it' })).toMatchObject({ metric: 'csat', label: 'Say it' })
    expect(String(warn.mock.calls[0])).toContain('tab.metric is "stars"')
    document.head.innerHTML = '<script data-tab=""></script>'
    expect(readTab('').metric).toBe('csat')
    expect(warn).toHaveBeenCalledTimes(1)
  })
})

describe('pageQuestion', () => {
  it('lets a data-touchpoint-tab element override metric, id, stage and question', () => {
    document.body.innerHTML = '<div data-touchpoint-tab data-touchpoint="checkout-tab" data-touchpoint-ask="ces" data-touchpoint-question="Easy?"></div>'
    const q = pageQuestion(readTab({ stage: 'usage' }))
    expect(q).toEqual({ metric: 'ces', ask: { touchpoint: 'checkout-tab', question: 'Easy?', comment: undefined, stage: 'usage' } })
    document.body.innerHTML = ''
    expect(pageQuestion(readTab({ metric: 'nps' })).ask.touchpoint).toBe('tab')
  })
})

describe('tabStrings', () => {
  it('reads the last two entries of a built pack, or the object, or English', () => {
    expect(tabStrings(['rtl', 'x', 'Label', 'Hide'])).toEqual({ dir: 'rtl', tabLabel: 'Label', tabHide: 'Hide' })
    expect(tabStrings(de).tabLabel).toBe(de.tabLabel)
    expect(tabStrings(null)).toEqual({ dir: 'ltr', tabLabel: 'Feedback', tabHide: "Don't show this" })
  })
})
