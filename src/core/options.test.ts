import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseOptions, readAttributes } from './options'

const spy = () => ({
  warn: vi.spyOn(console, 'warn').mockImplementation(() => {}),
  error: vi.spyOn(console, 'error').mockImplementation(() => {}),
})
// The words come from the explain file, which the core fetches when something is wrong.
const said = async (s: ReturnType<typeof vi.spyOn>, n = 1) => {
  await vi.waitFor(() => expect(s.mock.calls.length).toBeGreaterThanOrEqual(n))
  return s.mock.calls.map(String).join('\n')
}
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

  it('refuses to start without an endpoint, naming the attribute', async () => {
    const { error } = spy()
    expect(parseOptions({ site: 'x' }, true)).toBeNull()
    expect(await said(error)).toContain('data-endpoint is missing, expected an http(s) URL of your collector. Touchpoint is not started.')
    expect(error).toHaveBeenCalledOnce()
  })

  it('refuses a non-http endpoint, naming the value and what was expected', async () => {
    const { error } = spy()
    expect(parseOptions({ endpoint: 'javascript:alert(1)' }, true)).toBeNull()
    expect(await said(error)).toMatch(/data-endpoint is "javascript:alert\(1\)", expected an http\(s\) URL/)
  })

  it('warns about a bad value, names it in kebab case, and uses the default', async () => {
    const { warn } = spy()
    const o = parseOptions({ endpoint: 'https://c.example.com', sampleRate: '2', theme: 'pink', cooldownDays: '-1' }, true)
    expect(o).toMatchObject({ sampleRate: 1, theme: 'auto', cooldownDays: 30 })
    const text = await said(warn, 3)
    expect(text).toContain('data-sample-rate is "2", expected a number from 0 to 1; using 1.')
    expect(text).toContain('data-theme is "pink", expected one of auto, light, dark; using "auto".')
    expect(text).toContain('data-cooldown-days is "-1", expected a number from 0 up; using 30.')
    expect(warn).toHaveBeenCalledTimes(3)
  })

  it('names options as JavaScript keys when they come from init()', async () => {
    const { warn } = spy()
    parseOptions({ endpoint: 'https://c.example.com', position: 'middle' })
    expect(await said(warn)).toContain('option "position" is "middle", expected one of bottom-right, bottom-left, top-right, top-left')
  })

  it('contact: a site-wide default for the contact step, off unless set', async () => {
    const { warn } = spy()
    expect(parseOptions({ endpoint: 'https://c.example.com' })!.contact).toBe('off')
    expect(parseOptions({ endpoint: 'https://c.example.com', contact: 'low' }, true)!.contact).toBe('low')
    expect(parseOptions({ endpoint: 'https://c.example.com', contact: 'sometimes' }, true)!.contact).toBe('off')
    expect(await said(warn)).toContain('data-contact is "sometimes", expected one of off, low, always')
  })

  it('warns about an unknown option', async () => {
    const { warn } = spy()
    parseOptions({ endpoint: 'https://c.example.com', sampelRate: '1' }, true)
    expect(await said(warn)).toContain('unknown data-sampel-rate is ignored.')
  })
})

describe('attributes', () => {
  it('maps data-* kebab case to camel case', () => {
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
  it('an option the core does not know is still warned about', async () => {
    const { warn } = spy()
    expect(parseOptions({ endpoint: 'https://c.example.com', formt: 'json' }, true)).not.toHaveProperty('formt')
    expect(await said(warn)).toContain('unknown data-formt is ignored.')
  })
  it('the missing endpoint is named as init() knows it', async () => {
    const { error } = spy()
    expect(parseOptions({})).toBeNull()
    expect(await said(error)).toContain('option "endpoint" is missing')
  })
})
