import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric as Vital } from 'web-vitals'
import { setVitalsSource } from './touchpoint'

export type Vitals = Partial<Record<'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB', number>>

const latest: Vitals = {}
let started = false

/**
 * The vitals add-on: from this call on, every answer carries the page's latest LCP, INP, CLS, FCP
 * and TTFB. web-vitals reads buffered performance entries, so calling it after load loses nothing
 * but INP interactions before the call. Costs about 3 KB; the base build does without it.
 */
export const trackVitals = (): void => {
  if (started || typeof window == 'undefined') return
  started = true
  // reportAllChanges keeps the latest value at hand: an answer usually comes long before
  // web-vitals would report a final one.
  const keep = (v: Vital) => {
    latest[v.name] = v.name == 'CLS' ? Math.round(v.value * 1000) / 1000 : Math.round(v.value)
  }
  for (const on of [onCLS, onFCP, onINP, onLCP, onTTFB]) {
    try {
      on(keep, { reportAllChanges: true })
    } catch {
      /* a browser without the entry type simply has no such vital */
    }
  }
  setVitalsSource(() => ({ ...latest }))
}
