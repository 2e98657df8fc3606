import { afterEach, describe, expect, it, vi } from 'vitest'
import { spec } from '../core/options'
import { ask, attrName, expected, options } from './index'

const warned = () => vi.mocked(console.warn).mock.calls.map((c) => c.join(' '))
afterEach(() => vi.restoreAllMocks())

describe('the explain file', () => {
  it('has words for exactly the options the core checks', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(spec).sort())
  })

  it('maps camel case to data-* kebab case', () => {
    expect(attrName('sampleRate')).toBe('data-sample-rate')
    expect(attrName('maxPopoversPerVisit')).toBe('data-max-popovers-per-visit')
  })

  it('says each option not taken on a line of its own: as written, the value, what was expected, the default used', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    options({ theme: 'pink', texts: '{oops', sampel: 1, endpoint: 'ftp://x' }, ['endpoint', 'theme', 'texts', 'sampel'], { theme: 'auto', texts: {} }, true)
    expect(warned()).toEqual([
      '[Touchpoint] data-theme is "pink", expected one of auto, light, dark; using "auto".',
      '[Touchpoint] data-texts is "{oops", expected an object of strings (JSON in an attribute); using {}.',
      '[Touchpoint] unknown data-sampel is ignored.',
    ])
    expect(vi.mocked(console.error).mock.calls.map((c) => c.join(' '))).toEqual([
      '[Touchpoint] data-endpoint is "ftp://x", expected an http(s) URL of your collector. Touchpoint is not started.',
    ])
  })

  it('says what is wrong with the arguments of an ask(), each problem once', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    ask('stars', { touchpoint: 'x' })
    ask('nps', {})
    ask('nps', 'x')
    ask('nps', { touchpoint: 'x', comment: 'maybe', question: 3, stage: 'ok', context: 'a', display: 'inline', contact: 'yes' })
    expect(warned()).toEqual([
      '[Touchpoint] ask(): metric is "stars", expected csat, nps, ces or thumbs.',
      '[Touchpoint] ask(): "touchpoint" id missing.',
      '[Touchpoint] ask(): "touchpoint" id missing.',
      '[Touchpoint] ask(): option "comment" is "maybe", expected one of off, optional, required, low.',
      '[Touchpoint] ask(): option "question" is 3, expected a string.',
      '[Touchpoint] ask(): option "context" is "a", expected an object.',
      '[Touchpoint] ask(): display "inline" needs a "target" element.',
      '[Touchpoint] ask(): option "contact" is "yes", expected one of off, low, always.',
    ])
  })

  it('never throws, even on a value JSON cannot write', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => ask('nps', { touchpoint: 'x', contact: 1n })).not.toThrow()
    expect(() => options({ theme: 1n }, ['theme'], { theme: 'auto' }, false)).not.toThrow()
  })
})
