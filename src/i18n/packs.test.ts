// @vitest-environment node
import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Strings } from '../contract'
import { LOCALES } from '../core/locale'
import { en as promptEn } from '../prompt/en'
import { en as tabEn } from '../tab/en'

// English as the build orders every pack: the prompt's keys, then the tab's (rollup.config.ts).
const en = { ...promptEn, ...tabEn }

// The packs are found by listing this folder, so a pack added later is checked without
// anyone remembering to list it here.
const folder = fileURLToPath(new URL('.', import.meta.url))
const packFile = /^([a-z]{2}(?:-[A-Z]{2})?)\.ts$/
const codes = readdirSync(folder)
  .map((file) => packFile.exec(file)?.[1])
  .filter((code): code is string => !!code && code != 'en')
  .sort()

const EXPECTED = ['de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'sv', 'da', 'fi', 'nb', 'cs', 'tr',
  'ru', 'uk', 'ja', 'ko', 'zh-CN', 'zh-TW', 'hi', 'id', 'ar', 'he', 'fa']
const RTL = ['ar', 'he', 'fa']

const packs: Record<string, Strings> = {}
beforeAll(async () => {
  for (const code of codes)
    packs[code] = (await import(pathToFileURL(folder + code + '.ts').href)).default
})

// The texts of a pack, without `dir` (a code, not something a visitor reads) and with the
// placeholders removed (they are Latin letters in every language).
const texts = (pack: Strings) =>
  Object.entries(pack)
    .filter(([key]) => key != 'dir')
    .map(([key, value]) => [key, value.replace(/\{(score|max)\}/g, '')] as const)

describe('the locale list', () => {
  it('has English first, then the 24 expected codes, each once', () => {
    expect(LOCALES).toEqual(['en', ...EXPECTED])
  })
  it('matches the packs in this folder', () => {
    expect(codes).toEqual([...EXPECTED].sort())
  })
})

describe.each(EXPECTED)('pack %s', (code) => {
  it("has exactly the keys of English, in English's order, each a non-empty string", () => {
    const pack = packs[code]
    // The build ships a pack as its values in English's key order (rollup.config.ts).
    expect(Object.keys(pack)).toEqual(Object.keys(en))
    for (const value of Object.values(pack)) {
      expect(typeof value).toBe('string')
      expect(value.trim()).not.toBe('')
    }
  })
  it('has {score} and {max} in outOf, once each, and no other placeholder', () => {
    const { outOf } = packs[code]
    expect(outOf.split('{score}')).toHaveLength(2)
    expect(outOf.split('{max}')).toHaveLength(2)
    expect(outOf.replace('{score}', '').replace('{max}', '')).not.toMatch(/[{}]/)
  })
  it('is right-to-left exactly when the language is', () => {
    expect(packs[code].dir).toBe(RTL.includes(code) ? 'rtl' : 'ltr')
  })
  it('asks its own questions, not the English ones', () => {
    for (const key of ['csatQuestion', 'npsQuestion', 'cesQuestion', 'thumbsQuestion', 'thanks'] as const)
      expect(packs[code][key]).not.toBe(en[key])
  })
})

describe('packs differ', () => {
  it('no pack equals English or another pack', () => {
    const seen = new Map<string, string>([[JSON.stringify(en), 'en']])
    for (const code of codes) {
      const body = JSON.stringify(packs[code], Object.keys(en))
      expect(seen.get(body), `${code} repeats ${seen.get(body)}`).toBeUndefined()
      seen.set(body, code)
    }
  })
})

// The letters every text of a pack must contain, and the only letters it may contain.
const SCRIPTS: Record<string, { has: RegExp; only: RegExp }> = {
  ar: { has: /\p{Script=Arabic}/u, only: /\p{Script=Arabic}/u },
  fa: { has: /\p{Script=Arabic}/u, only: /\p{Script=Arabic}/u },
  he: { has: /\p{Script=Hebrew}/u, only: /\p{Script=Hebrew}/u },
  ru: { has: /\p{Script=Cyrillic}/u, only: /\p{Script=Cyrillic}/u },
  uk: { has: /\p{Script=Cyrillic}/u, only: /\p{Script=Cyrillic}/u },
  hi: { has: /\p{Script=Devanagari}/u, only: /\p{Script=Devanagari}/u },
  ko: { has: /\p{Script=Hangul}/u, only: /\p{Script=Hangul}/u },
  // Kana by Script_Extensions: the long-vowel mark ー (as in メール) is Script=Common, shared by both kana.
  ja: { has: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u, only: /[\p{scx=Hiragana}\p{scx=Katakana}\p{Script=Han}]/u },
  'zh-CN': { has: /\p{Script=Han}/u, only: /\p{Script=Han}/u },
  'zh-TW': { has: /\p{Script=Han}/u, only: /\p{Script=Han}/u },
}
const LATIN = { has: /\p{Script=Latin}/u, only: /\p{Script=Latin}/u }

describe.each(EXPECTED)('script of %s', (code) => {
  it('every text is written in the language’s own script', () => {
    const { has, only } = SCRIPTS[code] ?? LATIN
    for (const [key, value] of texts(packs[code])) {
      expect(value, `${code}.${key}`).toMatch(has)
      for (const letter of value.match(/\p{L}/gu) ?? [])
        expect(letter, `${code}.${key}: "${letter}" in "${value}"`).toMatch(only)
    }
  })
})

describe('languages that share a script', () => {
  const all = (code: string) => texts(packs[code]).map(([, value]) => value).join(' ')

  it('Japanese uses kana, not only the Han characters Chinese shares', () => {
    expect(all('ja')).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u)
    expect(all('zh-CN') + all('zh-TW')).not.toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}]/u)
  })

  it('Ukrainian uses its own letters and none only Russian has; Russian the reverse', () => {
    expect(all('uk')).toMatch(/[іїєґ]/iu)
    expect(all('uk')).not.toMatch(/[ыэъё]/iu)
    expect(all('ru')).toMatch(/[ыэъё]/iu)
    expect(all('ru')).not.toMatch(/[іїєґ]/iu)
  })

  // Simplified → Traditional pairs that occur in survey wording.
  const PAIRS = '满滿 对對 体體 验驗 们們 荐薦 关關 闭閉 请請 详詳 馈饋 谢謝 选選 项項 难難 这這 帮幫 极極 吗嗎 欢歡 务務 发發 时時 么麼 问問 题題 还還 为為 说說 应應'
    .split(' ')
    .map(([simplified, traditional]) => ({ simplified, traditional }))

  it('zh-TW is written in Traditional characters, zh-CN in Simplified', () => {
    expect(packs['zh-CN'].csatHigh).toContain('满意')
    expect(packs['zh-TW'].csatHigh).toContain('滿意')
    const simplified = all('zh-CN')
    const traditional = all('zh-TW')
    for (const pair of PAIRS) {
      expect(traditional, `zh-TW has the Simplified ${pair.simplified}`).not.toContain(pair.simplified)
      expect(simplified, `zh-CN has the Traditional ${pair.traditional}`).not.toContain(pair.traditional)
    }
    // The check above means something only if the packs use many of the characters that differ.
    expect(PAIRS.filter((pair) => traditional.includes(pair.traditional)).length).toBeGreaterThan(10)
    expect(PAIRS.filter((pair) => simplified.includes(pair.simplified)).length).toBeGreaterThan(10)
  })
})
