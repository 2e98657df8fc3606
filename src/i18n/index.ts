import { en, type Strings } from './en'

// Locales are added as files beside en.ts; a language without one falls back to English.
const locales: Record<string, Strings> = { en }

export const strings = (locale: string): Strings =>
  locales[locale.toLowerCase()] ?? locales[locale.slice(0, 2).toLowerCase()] ?? en
