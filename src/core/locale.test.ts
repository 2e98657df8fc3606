import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLocale, matchLocale } from './locale'

afterEach(() => {
  vi.restoreAllMocks()
  document.documentElement.lang = ''
})

describe('locale', () => {
  it('matches tags to packs: regions, scripts, old codes; null for languages without a pack', () => {
    expect(matchLocale('pt-BR')).toBe('pt')
    expect(matchLocale('de')).toBe('de')
    expect(matchLocale('EN_us')).toBe('en')
    expect(matchLocale('zh')).toBe('zh-CN')
    expect(matchLocale('zh-Hans-CN')).toBe('zh-CN')
    expect(matchLocale('zh-TW')).toBe('zh-TW')
    expect(matchLocale('zh-Hant-HK')).toBe('zh-TW')
    expect(matchLocale('zh-Hant')).toBe('zh-TW')
    expect(matchLocale('zh-HK')).toBe('zh-TW')
    expect(matchLocale('zh_MO')).toBe('zh-TW')
    expect(matchLocale('zh-Hans-HK')).toBe('zh-CN')
    expect(matchLocale('zh-SG')).toBe('zh-CN')
    expect(matchLocale('ar-EG')).toBe('ar')
    expect(matchLocale('he-IL')).toBe('he')
    expect(matchLocale('fa-IR')).toBe('fa')
    expect(matchLocale('nb-NO')).toBe('nb')
    expect(matchLocale('')).toBeNull()
    expect(matchLocale('no')).toBe('nb')
    expect(matchLocale('iw')).toBe('he')
    expect(matchLocale('sw')).toBeNull()
  })

  it('prefers the option, then <html lang>, then the browser languages; an unknown language is English', () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['sw', 'fr-CA', 'de'])
    expect(chooseLocale('')).toBe('fr')
    document.documentElement.lang = 'de-AT'
    expect(chooseLocale('')).toBe('de')
    expect(chooseLocale('ar')).toBe('ar')
    expect(chooseLocale('xx')).toBe('en')
    // An unknown language is English, with a debug message only (no warning).
    const warn = vi.spyOn(console, 'warn')
    expect(chooseLocale('sw')).toBe('en')
    expect(warn).not.toHaveBeenCalled()
    document.documentElement.lang = ''
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['pt-BR', 'en'])
    expect(chooseLocale('')).toBe('pt')
  })
})
