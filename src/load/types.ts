import type { Strings } from '../i18n/en'
import type { present } from '../ui/present'
import type { Vitals } from '../vitals'

/** What dist/touchpoint.prompt.js (the npm module's prompt chunk) exports. */
export interface PromptModule {
  present: typeof present
  en: Strings
}
/** What dist/touchpoint.web-vitals.js exports. */
export interface VitalsModule {
  /** Starts measuring (once) and returns the function that reads the latest values. */
  startVitals(): () => Vitals
}
