import type { ScannerHost as Core } from '../contract'
import { scanTouchpoints as scan } from './scan'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const asked: unknown[][] = []
const prepared: number[] = []
// The scanner reaches the core only through what it is given (it is a file of its own).
const core: Core = {
  askFrom: ((...a: unknown[]) => {
    asked.push(a)
    return Promise.resolve(null)
  }) as Core['askFrom'],
  prepare: () => void prepared.push(1),
}
const scanTouchpoints = () => scan(core)

let stop = () => {}
const warn = () => vi.mocked(console.warn).mock.calls.map((c) => c.join(' '))
const settle = () => new Promise((r) => setTimeout(r, 20))
beforeEach(() => {
  asked.length = 0
  document.body.innerHTML = ''
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  stop()
  vi.restoreAllMocks()
})

describe('scanTouchpoints', () => {
  it('reads every attribute and asks on the trigger, never before', async () => {
    document.body.innerHTML = `<button data-touchpoint=" pay " data-touchpoint-ask="ces" data-touchpoint-question="Easy?"
      data-touchpoint-comment="optional" data-touchpoint-contact="low" data-touchpoint-context='{"plan":"pro"}' data-touchpoint-sample-rate="0.5">Pay</button>`
    stop = scanTouchpoints()
    await settle()
    expect(asked).toEqual([])
    document.querySelector('button')!.click()
    await settle()
    expect(asked).toHaveLength(1)
    const [metric, opts, auto] = asked[0] as [string, Record<string, unknown>, boolean]
    expect(metric).toBe('ces')
    expect(opts).toMatchObject({ touchpoint: 'pay', question: 'Easy?', comment: 'optional', contact: 'low', context: { plan: 'pro' }, display: 'popover', sampleRate: 0.5 })
    expect(opts.target).toBe(document.querySelector('button'))
    expect(auto).toBe(true)
  })

  it.each([
    ['data-touchpoint-ask="nsp"', 'data-touchpoint-ask is "nsp"'],
    ['data-touchpoint-ask="csat" data-touchpoint-trigger="hover"', 'data-touchpoint-trigger is "hover"'],
    ['data-touchpoint-ask="csat" data-touchpoint-display="modal"', 'data-touchpoint-display is "modal"'],
    ['data-touchpoint-ask="csat" data-touchpoint-comment="yes"', 'data-touchpoint-comment is "yes"'],
    ['data-touchpoint-ask="csat" data-touchpoint-contact="yes"', 'data-touchpoint-contact is "yes", expected one of off, low, always'],
    ['data-touchpoint-ask="csat" data-touchpoint-delay="soon"', 'data-touchpoint-delay is "soon"'],
    ['data-touchpoint-ask="csat" data-touchpoint-sample-rate="50%"', 'data-touchpoint-sample-rate is "50%"'],
    ['data-touchpoint-ask="csat" data-touchpoint-context="{plan:pro}"', 'data-touchpoint-context is "{plan:pro}"'],
    ['data-touchpoint-ask="csat" data-touchpoint-context="[1]"', 'data-touchpoint-context is "[1]"'],
  ])('skips %s with a warning naming the element and the attribute, and nothing else', async (attrs, message) => {
    document.body.innerHTML = `<button id="bad" data-touchpoint="x" ${attrs}>Bad</button>
      <button id="good" data-touchpoint="y" data-touchpoint-ask="thumbs">Good</button>`
    stop = scanTouchpoints()
    document.getElementById('bad')!.click()
    document.getElementById('good')!.click()
    await settle()
    expect(warn()).toHaveLength(1)
    expect(warn()[0]).toContain('<button data-touchpoint="x">: ' + message)
    expect(asked.map((a) => (a[1] as { touchpoint: string }).touchpoint)).toEqual(['y'])
  })

  it('leaves sampling to the script tag unless the touchpoint sets its own rate', async () => {
    document.body.innerHTML = `<button data-touchpoint="a" data-touchpoint-ask="csat">A</button>`
    stop = scanTouchpoints()
    document.querySelector('button')!.click()
    await settle()
    expect((asked[0]![1] as { sampleRate?: number }).sampleRate).toBeUndefined()
  })

  it('picks up touchpoints added later and releases removed ones', async () => {
    stop = scanTouchpoints()
    const el = document.createElement('button')
    el.setAttribute('data-touchpoint', 'late')
    el.setAttribute('data-touchpoint-ask', 'csat')
    document.body.append(el)
    await settle()
    el.click()
    await settle()
    expect(asked).toHaveLength(1)
    el.remove()
    await settle()
    el.click() // released: its listener is gone
    await settle()
    expect(asked).toHaveLength(1)
  })

  it('event:NAME asks when the CustomEvent is dispatched on window; load asks after the delay', async () => {
    document.body.innerHTML = `<div data-touchpoint="ev" data-touchpoint-ask="nps" data-touchpoint-trigger="event:order-complete"></div>
      <div data-touchpoint="ld" data-touchpoint-ask="csat" data-touchpoint-trigger="load" data-touchpoint-delay="50"></div>`
    stop = scanTouchpoints()
    await settle()
    expect(asked).toEqual([])
    await new Promise((r) => setTimeout(r, 80))
    expect(asked.map((a) => (a[1] as { touchpoint: string }).touchpoint)).toEqual(['ld'])
    dispatchEvent(new CustomEvent('order-complete'))
    await settle()
    expect(asked.map((a) => (a[1] as { touchpoint: string }).touchpoint)).toEqual(['ld', 'ev'])
  })

  it('inline display defaults to the load trigger and shows once', async () => {
    document.body.innerHTML = `<div data-touchpoint="help" data-touchpoint-ask="thumbs" data-touchpoint-display="inline"></div>`
    stop = scanTouchpoints()
    await new Promise((r) => setTimeout(r, 40))
    expect(asked).toHaveLength(1)
    expect(asked[0]![1]).toMatchObject({ touchpoint: 'help', display: 'inline' })
  })

  it('submit asks when the form around the element is submitted', async () => {
    document.body.innerHTML = `<form><input><button data-touchpoint="form" data-touchpoint-ask="ces" data-touchpoint-trigger="submit">Go</button></form>`
    stop = scanTouchpoints()
    await settle()
    expect(asked).toEqual([])
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }))
    await settle()
    expect(asked).toHaveLength(1)
  })
})
