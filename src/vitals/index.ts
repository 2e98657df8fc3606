import { onCLS, onFCP, onINP, onLCP, onTTFB, type Metric as Vital } from 'web-vitals'
import type { Vitals } from '../contract'

const latest: Vitals = {}
let started = false

/**
 * Entry of dist/touchpoint.web-vitals.js, fetched with the prompt: from this call on, answers
 * carry the page's latest LCP, INP, CLS, FCP and TTFB. web-vitals reads the browser's buffered
 * performance entries, so LCP, FCP, CLS and TTFB since the page started are right even though
 * it starts late; only INP misses interactions before the call.
 */
export const startVitals = (): (() => Vitals) => {
  if (!started) {
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
  }
  return () => ({ ...latest })
}
