// @ts-check
// `npm run demo -- --sample`: a few hundred realistic answers across the journey, marked as
// samples (context.sample = true, stored in the `sample` column). Seeded, so the same ids come
// back on every run and a second run adds nothing (an id keeps its highest revision).
import { SCALES, isLow } from './metrics.js'

/** mulberry32: a small seeded PRNG. @param {number} seed */
const prng = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

// stage, touchpoint, metric, question, base quality 0–1 (higher: happier), typical LCP ms, INP ms, page
const TOUCHPOINTS = [
  ['awareness', 'home-hero', 'thumbs', 'Did you find what you came for?', 0.78, 1900, 120, '/'],
  ['awareness', 'blog-article', 'thumbs', 'Was this article helpful?', 0.72, 2300, 90, '/blog/choosing-a-plan'],
  ['consideration', 'product-page', 'csat', 'How satisfied are you with this product page?', 0.74, 2600, 160, '/products/trail-runner'],
  ['consideration', 'compare-plans', 'ces', 'How easy was it to compare plans?', 0.62, 2100, 180, '/pricing'],
  ['purchase', 'checkout-pay', 'ces', 'How easy was it to pay today?', 0.5, 3900, 420, '/checkout'],
  ['purchase', 'order-confirmed', 'csat', 'How satisfied are you with your order?', 0.62, 3200, 260, '/checkout/done'],
  ['onboarding', 'welcome-tour', 'csat', 'How satisfied are you with the welcome tour?', 0.8, 1800, 110, '/welcome'],
  ['onboarding', 'first-setup', 'ces', 'How easy was it to set up your account?', 0.68, 2000, 150, '/setup'],
  ['usage', 'app-nps', 'nps', 'How likely are you to recommend us to a friend or colleague?', 0.84, 1700, 140, '/app'],
  ['usage', 'search-results', 'thumbs', 'Did the search find it?', 0.66, 2200, 230, '/search'],
  ['support', 'help-article', 'thumbs', 'Was this article helpful?', 0.6, 1600, 80, '/help/returns'],
  ['support', 'support-chat', 'csat', 'How satisfied are you with the help you got?', 0.66, 2400, 190, '/help/chat'],
  ['renewal', 'renewal-nps', 'nps', 'How likely are you to recommend us to a friend or colleague?', 0.76, 1900, 130, '/account/renew'],
  ['renewal', 'billing-renew', 'ces', 'How easy was it to renew?', 0.6, 2500, 210, '/account/billing'],
]
/** @type {Record<string, string[]>} */
const LOW = {
  'checkout-pay': ['The coupon field ate my code', 'Card form reloaded twice and I had to type everything again', 'Took ages to load the payment page', 'Why do I need an account to pay?'],
  'order-confirmed': ['No delivery date shown', 'Shipping cost only appeared at the very end'],
  'compare-plans': ['Hard to see what is in each plan', 'The table does not fit on my phone'],
  'product-page': ['Photos load very slowly', 'Sizes are confusing'],
  'search-results': ['Search did not find "waterproof"', 'Results were slow to appear'],
  'help-article': ['Did not answer my question about returns', 'Outdated screenshots'],
  'support-chat': ['Waited 20 minutes for an agent', 'Had to explain my problem three times'],
  'app-nps': ['Too many notifications', 'The app is slow on my old phone'],
  'renewal-nps': ['Price went up without warning', 'Cancelling is hidden'],
  'billing-renew': ['Could not change my card', 'The invoice page crashed'],
  'first-setup': ['Verification e-mail arrived late'],
  'home-hero': ['Could not find the sale'],
  'blog-article': ['Too long, get to the point'],
  'welcome-tour': ['Tour would not let me skip'],
}

/** A v4-shaped uuid from the PRNG. @param {() => number} r */
const uuid = (r) =>
  'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const n = Math.floor(r() * 16)
    return (c == 'x' ? n : (n & 3) | 8).toString(16)
  })

/** Log-normal around a typical value. @param {() => number} r @param {number} typical @param {number} spread */
const around = (r, typical, spread) => {
  const g = Math.sqrt(-2 * Math.log(r() || 1e-9)) * Math.cos(2 * Math.PI * r())
  return typical * Math.exp(spread * g)
}

/**
 * @param {{ count?: number, days?: number, now?: Date, seed?: number }} [o]
 * @returns {any[]} answers in the wire format, each with context.sample = true
 */
export const sampleAnswers = ({ count = 360, days = 28, now = new Date(), seed = 11 } = {}) => {
  const r = prng(seed)
  const out = []
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  for (let i = 0; i < count; i++) {
    const [stage, touchpoint, metric, question, base, lcpTypical, inpTypical, path] = /** @type {any} */ (TOUCHPOINTS[Math.floor(r() * TOUCHPOINTS.length)])
    const lcp = Math.round(around(r, lcpTypical, 0.35))
    const inp = Math.round(around(r, inpTypical, 0.5) / 8) * 8
    // Slow pages make unhappier visitors: quality drops with LCP above 2.5 s and INP above 200 ms.
    const penalty = Math.max(0, (lcp - 2500) / 6000) + Math.max(0, (inp - 200) / 1500)
    const q = Math.min(0.98, Math.max(0.02, base - penalty + (r() - 0.5) * 0.5))
    const [lo, hi] = /** @type {[number, number]} */ (SCALES[/** @type {import('./metrics.js').Metric} */ (metric)])
    const score = metric == 'thumbs' ? (r() < q ? 1 : 0) : Math.min(hi, Math.max(lo, Math.round(lo + q * (hi - lo) + (r() - 0.5) * 2)))
    const day = Math.floor(r() * days)
    const createdAt = new Date(today - day * 86400000 + Math.floor(r() * 86400000) - (day == 0 ? 86400000 / 2 : 0))
    const low = isLow(metric, score)
    const list = LOW[touchpoint] ?? []
    /** @type {any} */
    const a = {
      id: uuid(r),
      touchpoint, metric, score,
      scale: { min: lo, max: hi },
      question,
      createdAt: createdAt.toISOString(),
      revision: 1,
      stage,
      site: 'acme-web',
      locale: r() < 0.8 ? 'en-US' : 'de-DE',
      page: { url: 'https://shop.example.com' + path, title: touchpoint.replace(/-/g, ' '), referrer: '' },
      vitals: { LCP: lcp, INP: inp, CLS: Math.round(around(r, 0.05, 0.8) * 1000) / 1000, FCP: Math.round(lcp * (0.45 + r() * 0.2)), TTFB: Math.round(around(r, 280, 0.4)) },
      context: { sample: true, plan: r() < 0.3 ? 'pro' : 'free' },
    }
    if (low && list.length && r() < 0.55) {
      a.comment = list[Math.floor(r() * list.length)]
      a.revision = 2 // the score went out on page hide, the comment followed
    } else if (!low && r() < 0.1) a.comment = 'Quick and clear, thanks'
    out.push(a)
  }
  return out
}
