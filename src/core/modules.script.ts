// Where the parts fetched on demand come from, for the script tag: files beside touchpoint.js
// (dist/touchpoint.prompt.js, …), fetched with import() of a URL resolved against the core's own
// src. import() is the one way that works under the strictest real policies: a nonce'd core with
// 'strict-dynamic' may import(), Trusted Types do not guard it, and connect-src (often only the
// collector) does not apply to it, unlike fetch() of a JSON file (docs/architecture.md, "Fetching
// the parts").
import type { DeliveryPart, ExplainPart, HookPart, LocalePart, PromptPart, ScannerPart, TabPart, VitalsPart } from '../contract'

let base = ''
/** Called by the script-tag entry with its own script's URL. */
export const setBase = (scriptSrc: string): void => {
  base = new URL('.', scriptSrc).href
}
let attempt = 0
// A module whose fetch failed stays failed in the page's module map (HTML spec), so a retry
// asks for a URL it has not seen: the same file with a query.
/** A part's URL: what is fetched, and what a warning names. */
export const describe = (part: string): string => base + 'touchpoint.' + part + '.js' + (attempt ? '?retry=' + attempt : '')
const importPart = <T>(part: string): Promise<T> => import(/* @vite-ignore */ describe(part)) as Promise<T>

export const retryLater = (): void => void attempt++
export const importPrompt = (): Promise<PromptPart> => importPart('prompt')
export const importHook = (): Promise<HookPart> => importPart('hook')
export const importExplain = (): Promise<ExplainPart> => importPart('explain')
export const importVitals = (): Promise<VitalsPart> => importPart('web-vitals')
export const importLocale = (code: string): Promise<LocalePart> => importPart('i18n.' + code)
export const importScanner = (): Promise<ScannerPart> => importPart('touchpoints')
export const importDelivery = (): Promise<DeliveryPart> => importPart('delivery')
export const importTab = (): Promise<TabPart> => importPart('tab')
