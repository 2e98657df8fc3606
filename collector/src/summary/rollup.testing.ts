// For the tests of the rollup (stats/rollup.js): answers that exercise every way its counts can
// move (revisions that change a score, stage, touchpoint, day, comment or vitals, sample answers,
// several sites and locales, the site's own stages, an erasure, the retention, hand-written SQL,
// merged and unmerged rows), and a comparison of every view's JSON counted from the rollup
// against the same view counted from every answer.
import { expect } from 'vitest'
import { erase, retain } from '../privacy/erase.js'
import { parseFilters } from '../stats/filters.js'
import { mulberry32 } from '../stats/testing.js'
import type { Store } from '../store/index.js'
import { loadComments, loadDashboard, loadSummary } from './load.js'

/** The tests' "now": answers run up to it, the drop periods end at it. */
export const NOW = new Date('2026-12-06T15:00:00.000Z')
const DAY = 24 * 3600 * 1000
const SCALES: Record<string, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7], thumbs: [0, 1] }
const EMAIL = 'ana.lima@example.com'

/**
 * Stores about 2 400 answers over the 120 days before NOW through the store's own upsert (and
 * erasure and retention), with a drop planted in the last week. Deterministic.
 */
export const fillMixed = async (store: Store) => {
  const rnd = mulberry32(11)
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!
  let n = 0
  const make = (o: Record<string, unknown> = {}): Record<string, any> => {
    const metric = pick(['nps', 'csat', 'ces', 'thumbs'])
    const [lo, hi] = SCALES[metric]!
    const sample = rnd() < 0.1
    const context: Record<string, unknown> = { plan: pick(['free', 'pro', 'team']) }
    if (sample) context.sample = true
    const a: Record<string, any> = {
      id: `30000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, revision: 1, metric, score: lo + Math.floor(rnd() * (hi - lo + 1)),
      touchpoint: pick(['checkout-pay', 'order-confirmed', 'app-nps', 'help-article', 'search']),
      // Milliseconds apart, so that no two answers share an instant (the order of own stages).
      createdAt: new Date(NOW.getTime() - 120 * DAY + Math.floor(rnd() * 120 * DAY) + n).toISOString(),
      context,
    }
    const stage = pick(['awareness', 'purchase', 'usage', 'support', 'trial', 'win-back', null, null])
    if (stage) a.stage = stage
    const site = pick(['acme-web', 'acme-app', 'acme-docs', null])
    if (site) a.site = site
    const locale = pick(['en-US', 'de-DE', 'pt-BR', null])
    if (locale) a.locale = locale
    if (rnd() < 0.7) a.vitals = { LCP: 500 + Math.floor(rnd() * 5000), ...(rnd() < 0.6 ? { INP: 20 + Math.floor(rnd() * 700) } : {}) }
    if (rnd() < 0.3) a.comment = pick(['Too slow', 'Great, thanks', 'Could not find the button', ''])
    return Object.assign(a, o)
  }
  const store1 = (answers: unknown[], at = NOW) => store.upsert(answers, new Date(at.getTime() - DAY).toISOString())
  const first = Array.from({ length: 2000 }, () => make())
  // The planted drop: checkout-pay CSAT, 40 answers a week before the last, 40 in the last, 85% happy → 35%.
  for (let i = 0; i < 80; i++) {
    const after = i >= 40
    first.push(make({
      metric: 'csat', touchpoint: 'checkout-pay', stage: 'purchase', site: 'acme-web', context: { plan: 'pro' },
      score: (after ? i % 20 < 7 : i % 20 < 17) ? 5 : 2, createdAt: new Date(NOW.getTime() - (after ? 6 : 13) * DAY + (i % 40) * 3 * 3600 * 1000 + i).toISOString(),
    }))
  }
  for (let i = 0; i < first.length; i += 50) await store1(first.slice(i, i + 50))
  // Merged once now: from here on the rollup holds merged rows and new ones side by side.
  await store.compact()

  // Revisions: a new score, stage, touchpoint, day, comment added or removed; some only resent.
  const revised = first.filter(() => rnd() < 0.2).map((a) => {
    const b: Record<string, any> = { ...a, revision: 2 }
    const what = Math.floor(rnd() * 7)
    const [lo, hi] = SCALES[a.metric]!
    if (what == 0) b.score = lo + Math.floor(rnd() * (hi - lo + 1))
    else if (what == 1) b.stage = pick(['usage', 'renewal', 'trial'])
    else if (what == 2) b.touchpoint = 'moved-touchpoint'
    else if (what == 3) b.createdAt = new Date(Date.parse(a.createdAt) - 3 * DAY).toISOString()
    else if (what == 4) b.comment = a.comment ? undefined : 'Added later'
    else if (what == 5) b.vitals = { LCP: 6000, INP: 30 } // the same cell, other ratings
    return b
  })
  await store1(revised)
  await store1(revised.slice(0, 30).map((b) => ({ ...b, revision: 1, score: SCALES[b.metric]![0] }))) // late retries: no effect
  // A body with two revisions of one answer: the higher stays.
  const twice = first[5]!
  await store1([{ ...twice, revision: 3, score: SCALES[twice.metric]![1] }, { ...twice, revision: 4, score: SCALES[twice.metric]![0], comment: 'Changed my mind' }])

  // Answers holding an address, in the comment, the contact and even the site; then erased.
  const contact = { consent: true, email: EMAIL, at: NOW.toISOString() }
  await store1([
    make({ comment: `mail ${EMAIL}`, contact }), make({ contact, comment: EMAIL }), make({ site: `shop-of-${EMAIL}`, contact }),
  ])
  await erase(store, EMAIL, NOW.getTime())

  // Old answers received long ago, then removed by the retention.
  await store1(Array.from({ length: 60 }, () => make({ createdAt: new Date(NOW.getTime() - 400 * DAY - Math.floor(rnd() * 30 * DAY)).toISOString() })), new Date(NOW.getTime() - 399 * DAY))
  await retain(store, 200, NOW.getTime())

  // Hand-written SQL: the triggers count it too.
  await store.query(`UPDATE answers SET score = 0, comment = 'set by hand' WHERE metric = 'thumbs' AND id IN (SELECT id FROM answers WHERE metric = 'thumbs' ORDER BY id LIMIT 5)`)
  await store.query(`DELETE FROM answers WHERE id IN (SELECT id FROM answers ORDER BY id DESC LIMIT 7)`)
  return { answers: Number((await store.query('SELECT count(*)::int AS n FROM answers')).rows[0].n) }
}

/** Query strings covering every filter the rollup serves: each view's JSON is compared both ways. */
export const VIEWS = [
  '', 'sample=include', 'sample=only', 'sample=exclude', 'period=day', 'period=month', 'touchpoint=checkout-pay', 'touchpoint=moved-touchpoint',
  'stage=trial', 'stage=purchase&metric=csat', 'metric=nps&period=day', 'site=acme-web', 'site=acme-app&locale=de-DE', 'locale=pt-BR&sample=include',
  'from=2026-11-01', 'to=2026-10-15', 'from=2026-10-01&to=2026-11-01&period=month',
  // Instants inside a day: the part days at either end come from the answers.
  'from=2026-10-03T13:30:00Z&to=2026-11-20T08:15:00%2B02:00', 'from=2026-11-20T01:00:00Z&to=2026-11-20T23:00:00Z', 'from=2026-11-20T12:00:00Z&to=2026-11-21T12:00:00Z',
  'from=2026-11-29T00:00:01Z', 'to=2026-11-30T00:00:00Z&period=week',
  // A drop window of its own, part days included.
  'from=2026-11-29T15:00:00Z&to=2026-12-06T15:00:00Z', 'band=low', 'band=mid&metric=nps', 'band=high&site=acme-docs',
]

/** The view's filters. */
export const filtersOf = (qs: string) => {
  const r = parseFilters(new URLSearchParams(qs))
  if ('error' in r) throw new Error(r.error.message)
  return r.filters
}

/**
 * Every figure of /summary.json, /dashboard.json and the comments' total, from the rollup and
 * from every answer: equal (generatedAt aside). Returns the views' answer counts.
 */
export const expectBothWaysEqual = async (store: Store, views = VIEWS, now = NOW) => {
  const counts: Record<string, number> = {}
  for (const qs of views) {
    const f = filtersOf(qs)
    const [rollup, raw] = [await loadSummary(store, f, now), await loadSummary(store, f, now, { rollup: false })]
    expect(rollup, qs).toEqual(raw)
    const { generatedAt: _a, ...dashRollup } = await loadDashboard(store, f, now)
    const { generatedAt: _b, ...dashRaw } = await loadDashboard(store, f, now, { rollup: false })
    expect(dashRollup, qs).toEqual(dashRaw)
    expect((await loadComments(store, f)).total, qs).toBe((await loadComments(store, f, undefined, { rollup: false })).total)
    counts[qs] = raw.count
  }
  return counts
}
