import { afterEach, describe, expect, it, vi } from 'vitest'
import { attrName, parseOptions, readAttributes } from './options'

const spy = () => ({
  warn: vi.spyOn(console, 'warn').mockImplementation(() => {}),
  error: vi.spyOn(console, 'error').mockImplementation(() => {}),
})
afterEach(() => vi.restoreAllMocks())

describe('parseOptions', () => {
  it('fills defaults and keeps valid values', () => {
    const o = parseOptions({ endpoint: 'https://c.example.com/v1', site: ' acme ', sampleRate: '0.5', debug: '' })
    expect(o).toMatchObject({ endpoint: 'https://c.example.com/v1', site: 'acme', sampleRate: 0.5, debug: true })
    // Every other option has its default (README's options table).
    expect(o).toMatchObject({ locale: '', cooldownDays: 30, maxPopoversPerVisit: 2, scan: true, vitals: true, contact: 'off', prefetch: 'none', beforeSend: null })
  })

  it('resolves a relative endpoint against the page', () => {
    expect(parseOptions({ endpoint: '/collect' })!.endpoint).toBe(new URL('/collect', document.baseURI).href)
  })

  it('refuses to start without an endpoint, naming the attribute', () => {
    const { error } = spy()
    expect(parseOptions({ site: 'x' }, true)).toBeNull()
    expect(error).toHaveBeenCalledOnce()
    expect(String(error.mock.calls[0])).toContain('data-endpoint is missing')
  })

  it('refuses a non-http endpoint, naming the value and what was expected', () => {
    const { error } = spy()
    expect(parseOptions({ endpoint: 'javascript:alert(1)' }, true)).toBeNull()
    expect(String(error.mock.calls[0])).toMatch(/data-endpoint is "javascript:alert\(1\)", expected an http\(s\) URL/)
  })

  it('warns about a bad value, names it in kebab case, and uses the default', () => {
    const { warn } = spy()
    const o = parseOptions({ endpoint: 'https://c.example.com', sampleRate: '2', theme: 'pink', cooldownDays: '-1' }, true)
    expect(o).toMatchObject({ sampleRate: 1, theme: 'auto', cooldownDays: 30 })
    const said = warn.mock.calls.map(String).join('\n')
    expect(said).toContain('data-sample-rate is "2", expected a number from 0 to 1')
    expect(said).toContain('data-theme is "pink"')
    expect(said).toContain('data-cooldown-days is "-1"')
  })

  it('names options as JavaScript keys when they come from init()', () => {
    const { warn } = spy()
    parseOptions({ endpoint: 'https://c.example.com', position: 'middle' })
    expect(String(warn.mock.calls[0])).toContain('option "position" is "middle"')
  })

  it('contact: a site-wide default for the contact step, off unless set', () => {
    const { warn } = spy()
    expect(parseOptions({ endpoint: 'https://c.example.com' })!.contact).toBe('off')
    expect(parseOptions({ endpoint: 'https://c.example.com', contact: 'low' }, true)!.contact).toBe('low')
    expect(parseOptions({ endpoint: 'https://c.example.com', contact: 'sometimes' }, true)!.contact).toBe('off')
    expect(warn).toHaveBeenCalledOnce()
    expect(String(warn.mock.calls[0])).toContain('data-contact is "sometimes", expected one of off, low, always')
  })

  it('warns about an unknown option', () => {
    const { warn } = spy()
    parseOptions({ endpoint: 'https://c.example.com', sampelRate: '1' }, true)
    expect(String(warn.mock.calls[0])).toContain('unknown data-sampel-rate')
  })
})

describe('attributes', () => {
  it('maps camel case to data-* kebab case and back', () => {
    expect(attrName('sampleRate')).toBe('data-sample-rate')
    const s = document.createElement('script')
    s.setAttribute('data-endpoint', 'https://c.example.com')
    s.setAttribute('data-sample-rate', '0.25')
    s.setAttribute('src', 'touchpoint.js')
    expect(readAttributes(s)).toEqual({ endpoint: 'https://c.example.com', sampleRate: '0.25' })
  })
})

describe('options their parts check', () => {
  it('format and formatKey (and tab) pass through as given, unwarned: the delivery engine (and the tab file) check them', () => {
    const { warn } = spy()
    const o = parseOptions({ endpoint: 'https://c.example.com', format: 'kafka', formatKey: ' k ', tab: 'nps', tabPosition: 'left' }, true)
    expect(o).toMatchObject({ format: 'kafka', formatKey: ' k ', tab: 'nps', tabPosition: 'left' })
    expect(warn).not.toHaveBeenCalled()
    expect(parseOptions({ endpoint: 'https://c.example.com' })).not.toHaveProperty('format')
  })
  it('an option the core does not know is still warned about', () => {
    const { warn } = spy()
    expect(parseOptions({ endpoint: 'https://c.example.com', formt: 'json' }, true)).not.toHaveProperty('formt')
    expect(String(warn.mock.calls[0])).toContain('unknown data-formt is ignored.')
  })
  it('the missing endpoint is named as init() knows it', () => {
    const { error } = spy()
    expect(parseOptions({})).toBeNull()
    expect(String(error.mock.calls[0])).toContain('option "endpoint" is missing')
  })
})
