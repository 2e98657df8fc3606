// Where the parts fetched on demand come from, in the npm module: dynamic import()s that an app's
// bundler turns into chunks of their own, so `import { init, ask } from 'touchpoint'` costs the
// app only the core. The script-tag build swaps this file for ./modules.script.ts (rollup.config.ts);
// both export the same names.
import type { DeliveryPart, ExplainPart, HookPart, LocalePart, PromptPart, ScannerPart, TabPart, VitalsPart } from '../contract'

type Pack = Promise<LocalePart>
// Static specifiers, one per pack, so every bundler makes each language a chunk of its own.
const packs: Record<string, () => Pack> = {
  de: () => import('../i18n/de'),
  fr: () => import('../i18n/fr'),
  es: () => import('../i18n/es'),
  pt: () => import('../i18n/pt'),
  it: () => import('../i18n/it'),
  nl: () => import('../i18n/nl'),
  pl: () => import('../i18n/pl'),
  sv: () => import('../i18n/sv'),
  da: () => import('../i18n/da'),
  fi: () => import('../i18n/fi'),
  nb: () => import('../i18n/nb'),
  cs: () => import('../i18n/cs'),
  tr: () => import('../i18n/tr'),
  ru: () => import('../i18n/ru'),
  uk: () => import('../i18n/uk'),
  ja: () => import('../i18n/ja'),
  ko: () => import('../i18n/ko'),
  'zh-CN': () => import('../i18n/zh-CN'),
  'zh-TW': () => import('../i18n/zh-TW'),
  hi: () => import('../i18n/hi'),
  id: () => import('../i18n/id'),
  ar: () => import('../i18n/ar'),
  he: () => import('../i18n/he'),
  fa: () => import('../i18n/fa'),
}

/** Only the script tag needs to know where it was loaded from. */
export const setBase = (_scriptSrc: string): void => {}
/** A bundler's chunk loader retries by itself. */
export const retryLater = (): void => {}
export const describe = (part: string): string => 'the ' + part + ' chunk of the touchpoint module'
export const importPrompt = (): Promise<PromptPart> => import('../prompt/index')
export const importHook = (): Promise<HookPart> => import('../hook/index')
export const importExplain = (): Promise<ExplainPart> => import('../explain/index')
export const importVitals = (): Promise<VitalsPart> => import('../vitals/index')
export const importLocale = (code: string): Pack => packs[code]!()
export const importScanner = (): Promise<ScannerPart> => import('../scanner/index')
export const importDelivery = (): Promise<DeliveryPart> => import('../delivery/index')
export const importTab = (): Promise<TabPart> => import('../tab/index')
