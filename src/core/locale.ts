import { debug } from '../shared/log'

// Every locale Touchpoint has a pack for: English inside the prompt file, the others one file
// each (src/i18n/<code>.ts → dist/touchpoint.i18n.<code>.js). One string split at load: 10 B
// (brotli) less than an array literal of 25 strings.
export const LOCALES: string[] = 'en de fr es pt it nl pl sv da fi nb cs tr ru uk ja ko zh-CN zh-TW hi id ar he fa'.split(' ')

// Old or alternative codes of languages we have a pack for.
const aliases: Record<string, string> = { no: 'nb', nn: 'nb', iw: 'he', in: 'id' }

/** The pack for a BCP 47 tag (`pt-BR` → `pt`, `zh-Hant-HK` → `zh-TW`), or null when there is none. */
export const matchLocale = (tag: string): string | null => {
  const lower = tag.toLowerCase().replace(/_/g, '-')
  const lang = lower.split('-')[0]!
  // Chinese: the script decides when it is given (zh-Hans-HK is Simplified), else the region.
  if (lang == 'zh') return /-hant|^(?!.*-hans).*-(tw|hk|mo)\b/.test(lower) ? 'zh-TW' : 'zh-CN'
  const code = aliases[lang] ?? lang
  return LOCALES.includes(code) ? code : null
}

/**
 * The locale a prompt is shown in: the `locale` option (data-locale), else the page's
 * `<html lang>`, else the first of the browser's languages we have a pack for. A language we
 * have no pack for is shown in English, quietly (a debug message).
 */
export const chooseLocale = (option: string): string => {
  const given = option || document.documentElement.lang
  const wanted = given ? [given] : [...(navigator.languages || [navigator.language])]
  for (const tag of wanted) {
    const code = tag && matchLocale(tag)
    if (code) return code
  }
  debug('no language pack for ' + wanted.join(', ') + '; showing English.')
  return 'en'
}
