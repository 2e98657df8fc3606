import { describe, expect, it } from 'vitest'
import { band, choices } from './metrics'

describe('metrics', () => {
  it('puts each score in its band: NPS 0–6 / 7–8 / 9–10, CSAT 1–3 / 4–5, CES 1–4 / 5 / 6–7, thumbs', () => {
    expect(choices('nps').map((s) => band('nps', s)).join()).toBe(
      'low,low,low,low,low,low,low,middle,middle,high,high',
    )
    expect(choices('csat').map((s) => band('csat', s)).join()).toBe('low,low,low,high,high')
    expect(choices('ces').map((s) => band('ces', s)).join()).toBe('low,low,low,low,middle,high,high')
    expect([band('thumbs', 0), band('thumbs', 1)]).toEqual(['low', 'high'])
  })
  it('lists thumbs up first, numeric scales from low to high', () => {
    expect(choices('thumbs')).toEqual([1, 0])
    expect(choices('csat')).toEqual([1, 2, 3, 4, 5])
  })
})
