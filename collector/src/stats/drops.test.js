// @vitest-environment node
// @ts-check
import { describe, expect, it } from 'vitest'
import { benjaminiHochberg, compare, describeDrop, detectDrops, dropPeriods, dropsQuery, testCells } from './drops.js'
import { parseFilters } from './filters.js'
import { mulberry32 } from './testing.js'

/** @typedef {import('./drops.js').DropRow} DropRow */

/** n answers drawn from weights over scores → histogram. @param {() => number} rnd @param {Record<number, number>} dist @param {number} n */
const draw = (rnd, dist, n) => {
  const entries = Object.entries(dist).map(([s, w]) => [Number(s), w])
  const sum = entries.reduce((s, [, w]) => s + w, 0)
  /** @type {Record<number, number>} */
  const h = {}
  for (let i = 0; i < n; i++) {
    let u = rnd() * sum
    const e = entries.find(([, w]) => (u -= w) < 0) ?? entries[entries.length - 1]
    const s = /** @type {number} */ (e?.[0])
    h[s] = (h[s] ?? 0) + 1
  }
  return h
}

// Score distributions: the planted "true" levels.
const NPS = { good: { 10: 30, 9: 20, 8: 20, 7: 10, 5: 10, 2: 10 }, bad: { 10: 15, 9: 15, 8: 20, 7: 10, 5: 20, 2: 20 } } // NPS 30 → −10
const CSAT = { good: { 5: 55, 4: 30, 3: 10, 1: 5 }, bad: { 5: 35, 4: 30, 3: 20, 1: 15 } } // 85% → 65%
const CES = { good: { 7: 30, 6: 30, 5: 25, 4: 10, 2: 5 }, bad: { 7: 15, 6: 20, 5: 30, 4: 20, 2: 15 } } // 5.70 → 4.95
const THUMBS = { good: { 1: 80, 0: 20 }, bad: { 1: 60, 0: 40 } }
const DIST = { nps: NPS, csat: CSAT, ces: CES, thumbs: THUMBS }

/**
 * A cell's rows: `before` answers from one distribution, `after` from another.
 * @param {() => number} rnd @param {string} touchpoint @param {string | null} stage @param {'nps' | 'csat' | 'ces' | 'thumbs'} metric
 * @param {'good' | 'bad'} b @param {'good' | 'bad'} a @param {number} nb @param {number} na @returns {DropRow[]}
 */
const cell = (rnd, touchpoint, stage, metric, b, a, nb, na) => {
  /** @type {DropRow[]} */
  const rows = []
  for (const [half, dist, n] of /** @type {const} */ ([['before', b, nb], ['after', a, na]]))
    for (const [score, count] of Object.entries(draw(rnd, DIST[metric][dist], n))) rows.push({ touchpoint, stage, metric, score: Number(score), half, n: count })
  return rows
}

describe('benjaminiHochberg', () => {
  it('reproduces the worked example of Benjamini and Hochberg (1995): 4 of 15 rejected at 0.05', () => {
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1]
    // The same figures as R's p.adjust(p, "BH").
    const want = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182, 0.714875, 0.753231, 0.813214, 1]
    const q = benjaminiHochberg(p)
    q.forEach((x, i) => expect(x).toBeCloseTo(/** @type {number} */ (want[i]), 5))
    expect(q.filter((x) => x < 0.05)).toHaveLength(4)
    // Order of the input is kept.
    expect(benjaminiHochberg([0.04, 0.01, 0.03])).toEqual([0.04, 0.03, 0.04])
    expect(benjaminiHochberg([])).toEqual([])
  })
})

describe('compare', () => {
  it('tests NPS with the multinomial variance of each period', () => {
    // Before: 50 promoters, 30 passives, 20 detractors (n 100); after: 30, 30, 40.
    const r = compare('nps', { 10: 50, 8: 30, 3: 20 }, { 10: 30, 8: 30, 3: 40 })
    const se = Math.sqrt((0.7 - 0.09) / 100 + (0.7 - 0.01) / 100)
    expect(r.diff).toBeCloseTo(-0.4, 12)
    expect(r.se).toBeCloseTo(se, 12)
    expect(r.p).toBeCloseTo(2 * (1 - 0.99953), 3) // z = −3.508
  })

  it('tests shares with the pooled z and bounds them with the unpooled SE', () => {
    const r = compare('csat', { 5: 80, 2: 20 }, { 5: 60, 2: 40 })
    expect(r.diff).toBeCloseTo(-0.2, 12)
    expect(r.se).toBeCloseTo(Math.sqrt(0.16 / 100 + 0.24 / 100), 12)
    // Pooled 0.7: SE √(0.21 · 2/100) = 0.0648; z = −3.086; p = 0.00203.
    expect(r.p).toBeCloseTo(0.00203, 4)
    expect(compare('thumbs', { 1: 40, 0: 10 }, { 1: 40, 0: 10 }).p).toBeCloseTo(1, 6)
    expect(compare('thumbs', { 1: 40 }, { 1: 40 }).p).toBe(1) // no variance, no change
  })

  it('tests CES as a difference of means (Welch SE)', () => {
    const r = compare('ces', { 6: 20, 4: 20 }, { 5: 20, 3: 20 }) // means 5 → 4, both s² = 40/39
    expect(r.diff).toBeCloseTo(-1, 12)
    expect(r.se).toBeCloseTo(Math.sqrt((2 * 40) / 39 / 40), 12)
  })
})

/** The planted cells and the noise, drawn with one seed. @param {number} seed @returns {DropRow[]} */
const planted = (seed) => {
  const rnd = mulberry32(seed)
  /** @type {DropRow[]} */
  const rows = [
    // Real drops, large n: these and only these must be flagged.
    ...cell(rnd, 'checkout-pay', 'purchase', 'nps', 'good', 'bad', 400, 380),
    ...cell(rnd, 'help-article', 'support', 'csat', 'good', 'bad', 300, 350),
    ...cell(rnd, 'signup', 'onboarding', 'ces', 'good', 'bad', 250, 260),
    ...cell(rnd, 'faq', 'support', 'thumbs', 'good', 'bad', 300, 300),
    ...cell(rnd, 'home', null, 'nps', 'good', 'bad', 500, 450),
    // Real rises: significant, but not drops.
    ...cell(rnd, 'checkout-pay', 'purchase', 'csat', 'bad', 'good', 300, 300),
    ...cell(rnd, 'signup', 'onboarding', 'nps', 'bad', 'good', 400, 400),
    ...cell(rnd, 'faq', 'support', 'ces', 'bad', 'good', 200, 200),
    // Real drops with too few answers in one period: not tested.
    ...cell(rnd, 'cart', 'purchase', 'nps', 'good', 'bad', 400, 29),
    ...cell(rnd, 'cart', 'purchase', 'csat', 'good', 'bad', 12, 400),
    ...cell(rnd, 'cart', 'purchase', 'thumbs', 'good', 'bad', 0, 300),
  ]
  // Noise: no change, every metric, many cells, assorted sizes.
  for (let i = 0; i < 32; i++) {
    const m = /** @type {'nps' | 'csat' | 'ces' | 'thumbs'} */ (METRICS[i % 4])
    const level = i % 3 ? 'good' : 'bad'
    rows.push(...cell(rnd, `page-${Math.floor(i / 4)}`, i % 2 ? 'usage' : 'renewal', m, level, level, 60 + Math.floor(rnd() * 400), 60 + Math.floor(rnd() * 400)))
  }
  return rows
}
const METRICS = /** @type {const} */ (['nps', 'csat', 'ces', 'thumbs'])
const PLANTED_DROPS = ['checkout-pay/purchase/nps', 'faq/support/thumbs', 'help-article/support/csat', 'home/null/nps', 'signup/onboarding/ces']
/** @param {{ touchpoint: string, stage: string | null, metric: string }} c */
const name = (c) => `${c.touchpoint}/${c.stage}/${c.metric}`

describe('detectDrops on planted data', () => {
  const rows = planted(19)
  const metrics = METRICS

  it('flags exactly the planted drops', () => {
    const drops = detectDrops(rows)
    expect(drops.map(name).sort()).toEqual(PLANTED_DROPS)
    for (const d of drops) {
      expect(d.change).toBeLessThan(0)
      expect(d.change).toBeCloseTo(d.after.score - d.before.score, 9)
      expect(d.interval[0]).toBeLessThan(d.change)
      expect(d.interval[1]).toBeGreaterThan(d.change)
      expect(d.q).toBeLessThan(0.05)
      expect(Object.keys(d).sort()).toEqual(['after', 'before', 'change', 'interval', 'metric', 'q', 'stage', 'touchpoint'])
    }
    expect(drops.map((d) => d.q)).toEqual(drops.map((d) => d.q).sort((a, b) => a - b))
    // The planted sizes lie inside the 95% intervals: NPS −40 points, CSAT −20, CES −0.75, thumbs −20.
    const size = { nps: -40, csat: -20, ces: -0.75, thumbs: -20 }
    for (const d of drops) expect(d.interval[0] < size[d.metric] && size[d.metric] < d.interval[1]).toBe(true)
  })

  it('tests every cell with 30 answers in each period and no other', () => {
    const tested = testCells(rows)
    expect(tested).toHaveLength(5 + 3 + 32)
    expect(tested.some((c) => c.touchpoint == 'cart')).toBe(false)
    // BH bounds the expected SHARE of false discoveries at 5%, not their number: with this seed two
    // noise cells also reach q < 0.05, both as rises, so they are not flagged.
    const rises = tested.filter((c) => c.q < 0.05 && c.change > 0).map(name)
    expect(rises).toEqual(expect.arrayContaining(['checkout-pay/purchase/csat', 'faq/support/ces', 'signup/onboarding/nps']))
    expect(rises.filter((r) => !r.startsWith('page-')).sort()).toEqual(['checkout-pay/purchase/csat', 'faq/support/ces', 'signup/onboarding/nps'])
  })

  it('needs 30 answers in each period, exactly', () => {
    const at = (/** @type {number} */ n) =>
      /** @type {DropRow[]} */ ([
        { touchpoint: 't', stage: null, metric: 'nps', score: 10, half: 'before', n: n - 6 },
        { touchpoint: 't', stage: null, metric: 'nps', score: 7, half: 'before', n: 6 },
        { touchpoint: 't', stage: null, metric: 'nps', score: 0, half: 'after', n: 24 },
        { touchpoint: 't', stage: null, metric: 'nps', score: 7, half: 'after', n: '6' }, // pg may give counts as text
      ])
    expect(detectDrops(at(30))).toHaveLength(1)
    expect(detectDrops(at(29))).toHaveLength(0)
    // Never fewer than 2 (a variance needs them), whatever the caller asks.
    const one = at(7).filter((r) => r.score != 7).map((r) => ({ ...r, n: 1 }))
    expect(testCells(one, { minCount: 1 })).toEqual([])
  })

  it('finds every planted drop and keeps false drops rare, over 200 seeds', () => {
    let falseDrops = 0
    let share = 0
    for (let seed = 1000; seed < 1200; seed++) {
      const flagged = detectDrops(planted(seed)).map(name)
      expect(flagged, `seed ${seed}`).toEqual(expect.arrayContaining(PLANTED_DROPS))
      const wrong = flagged.filter((f) => !PLANTED_DROPS.includes(f)).length
      falseDrops += wrong
      share += wrong / flagged.length
    }
    // Mean false-discovery proportion among flagged drops: BH keeps it under 5% (it counts rises
    // too, so among drops alone it is lower still).
    console.info(`200 seeds: ${falseDrops} false drops, mean false share ${(share / 200).toFixed(4)}`)
    expect(share / 200).toBeLessThan(0.05)
    expect(falseDrops).toBeGreaterThan(0) // the noise is real: some seeds do flag a noise cell
  }, 60_000) // 200 seeds: seconds on a busy 2-core machine

  it('holds its false-positive rate on noise alone', () => {
    const r = mulberry32(7)
    for (const m of metrics) {
      /** @type {DropRow[]} */
      const noise = []
      for (let i = 0; i < 400; i++) noise.push(...cell(r, `n${i}`, null, m, 'good', 'good', 60, 80))
      const tested = testCells(noise)
      const share = tested.filter((c) => c.p < 0.05).length / tested.length
      expect(share, m).toBeGreaterThan(0.025)
      expect(share, m).toBeLessThan(0.08)
      expect(tested.filter((c) => c.q < 0.05)).toHaveLength(0)
    }
  })
})

describe('describeDrop', () => {
  /** @param {'nps' | 'csat' | 'ces' | 'thumbs'} metric @param {number} change @param {number} half */
  const d = (metric, change, half) => ({ metric, change, interval: /** @type {[number, number]} */ ([change - half, change + half]), before: { count: 180, score: 0 }, after: { count: 210, score: 0 } })
  it('says what fell, by how much, and on how many answers', () => {
    expect(describeDrop(d('nps', -12.3, 7.2))).toBe('NPS fell 12 ± 7 points, n = 180 vs 210')
    expect(describeDrop(d('csat', -4.26, 0.8))).toBe('CSAT fell 4.3 ± 0.8 points, n = 180 vs 210')
    expect(describeDrop(d('ces', -0.44, 0.21))).toBe('CES fell 0.4 ± 0.2 points, n = 180 vs 210')
    expect(describeDrop(d('ces', -0.123, 0.05))).toBe('CES fell 0.12 ± 0.05 points, n = 180 vs 210')
    expect(describeDrop(d('thumbs', 9.6, 3.1))).toBe('Thumbs up rose 10 ± 3 points, n = 180 vs 210')
  })
})

describe('dropPeriods and dropsQuery', () => {
  const now = new Date('2026-12-06T12:00:00Z')
  /** @param {string} qs */
  const f = (qs) => {
    const r = parseFilters(new URLSearchParams(qs))
    if ('error' in r) throw new Error(r.error.message)
    return r.filters
  }
  it('compares the last 7 × 24 h with the 7 × 24 h before by default, else [from, to) with the span before', () => {
    expect(dropPeriods(f(''), now)).toEqual({ beforeStart: '2026-11-22T12:00:00.000Z', afterStart: '2026-11-29T12:00:00.000Z', afterEnd: '2026-12-06T12:00:00.000Z' })
    expect(dropPeriods(f('from=2026-11-01&to=2026-12-01'), now)).toEqual({ beforeStart: '2026-10-02T00:00:00.000Z', afterStart: '2026-11-01T00:00:00.000Z', afterEnd: '2026-12-01T00:00:00.000Z' })
    expect(dropPeriods(f('to=2026-12-01'), now).afterStart).toBe('2026-11-24T00:00:00.000Z')
    expect(dropPeriods(f('from=2026-12-05'), now).beforeStart).toBe('2026-12-03T12:00:00.000Z')
    const future = dropPeriods(f('from=2026-12-10'), now) // an empty range: no answer can fall in it
    expect(future.beforeStart > future.afterEnd).toBe(true)
  })
  it('numbers the other filters after the three period bounds', () => {
    const q = dropsQuery(f('from=2026-11-01&touchpoint=x&sample=exclude'), now)
    expect(q.params).toEqual(['2026-09-26T12:00:00.000Z', '2026-11-01T00:00:00.000Z', '2026-12-06T12:00:00.000Z', 'x'])
    expect(q.sql).toContain('AND touchpoint = $4 AND NOT sample')
    expect(q.sql).not.toContain('WHERE touchpoint')
  })
})
