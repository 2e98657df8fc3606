import type { Strings } from '../i18n/en'
import type { show } from '../show'
import type { Vitals } from '../vitals'
import type { scanTouchpoints } from '../touchpoints/scan'

/** What dist/touchpoint.prompt.js (the npm module's prompt chunk) exports. */
export interface PromptModule {
  show: typeof show
  en: Strings
}
/** What dist/touchpoint.web-vitals.js exports. */
export interface VitalsModule {
  /** Starts measuring (once) and returns the function that reads the latest values. */
  startVitals(): () => Vitals
}
/** What dist/touchpoint.touchpoints.js exports. */
export interface TouchpointsModule {
  scanTouchpoints: typeof scanTouchpoints
}
/** What dist/touchpoint.delivery.js exports. */
export interface DeliveryModule {
  createOutbox: typeof import('../outbox/outbox').createOutbox
}
