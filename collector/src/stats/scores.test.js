// @vitest-environment node
// @ts-check
import { describe, expect, it } from 'vitest'
import { ces, csat, normalCdf, nps, thumbs, tQuantile, wilson } from './scores.js'

describe('normalCdf', () => {
  it('matches known values of the standard normal to 1e-7 relative', () => {
    /** @type {[number, number][]} */
    const known = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [1.959963984540054, 0.975],
      [-1.6448536269514722, 0.05],
      [2.5758293035489004, 0.995],
      [-3, 0.0013498980316301035],
      [-5, 2.866515718791939e-7],
      [-8, 6.22096057427178e-16],
    ]
    for (const [x, p] of known) expect(Math.abs(normalCdf(x) - p) / p).toBeLessThan(1.2e-7)
  })
})

describe('scores (summary.js arithmetic, re-exported)', () => {
  it('scores histograms', () => {
    expect(nps({ 10: 5, 8: 3, 3: 2 }).score).toBe(30)
    expect(csat({ 5: 3, 4: 1, 2: 1 }).score).toBe(80)
    expect(thumbs({ 1: 3, 0: 1 }).score).toBe(75)
    expect(ces({ 7: 1, 5: 1 }).score).toBe(6)
    expect(nps({ 9: 1 }).interval).toBeUndefined()
  })

  it('gives the textbook intervals', () => {
    // Wilson for 8/10: 0.4902–0.9433; t(0.975, 9) = 2.2622.
    const [lo, hi] = wilson(8, 10)
    expect(lo).toBeCloseTo(49.02, 2)
    expect(hi).toBeCloseTo(94.33, 2)
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2622, 4)
    // CES 4, 5, 6: mean 5, s = 1, half = t(0.975, 2) / √3 (the top is clamped to 7).
    const i = ces({ 4: 1, 5: 1, 6: 1 }).interval ?? [0, 0]
    expect(5 - i[0]).toBeCloseTo(4.302653 / Math.sqrt(3), 4)
  })
})
