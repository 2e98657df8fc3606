// Every locale Touchpoint ships a pack for: English built in, the others src/i18n/<code>.ts.
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'sv', 'da', 'fi', 'nb', 'cs', 'tr', 'ru', 'uk', 'ja', 'ko', 'zh-CN', 'zh-TW', 'hi', 'id', 'ar', 'he', 'fa'] as const
