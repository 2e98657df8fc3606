// @vitest-environment node
// @ts-check
import { describe, expect, it } from 'vitest'
import { bandOf, commentsQuery, containsPattern, scoreLabel } from './comments.js'
import { parseFilters } from './filters.js'

describe('comments', () => {
  it('bands scores per metric', () => {
    expect([0, 6, 7, 8, 9, 10].map((s) => bandOf('nps', s))).toEqual(['low', 'low', 'mid', 'mid', 'high', 'high'])
    expect([1, 3, 4, 5].map((s) => bandOf('csat', s))).toEqual(['low', 'low', 'high', 'high'])
    expect([4, 5, 6].map((s) => bandOf('ces', s))).toEqual(['low', 'mid', 'high'])
    expect([0, 1].map((s) => bandOf('thumbs', s))).toEqual(['low', 'high'])
  })

  it('searches for the text itself, wildcards included', () => {
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%')
  })

  it('says "thumbs down" for a thumbs-down comment', () => {
    expect(scoreLabel('thumbs', 0)).toBe('thumbs down')
    expect(scoreLabel('thumbs', 1)).toBe('thumbs up')
    expect(scoreLabel('nps', 3)).toBe('NPS 3')
  })

  it('keeps every value in a parameter, limit and offset last', () => {
    const r = parseFilters(new URLSearchParams({ q: "'; DROP TABLE answers; --", touchpoint: 'x', band: 'low', page: '3', limit: '20', sample: 'include' }))
    if ('error' in r) throw new Error(r.error.message)
    const { page, count } = commentsQuery(r.filters)
    expect(page.params).toEqual(['x', "%'; DROP TABLE answers; --%", 20, 40])
    expect(page.sql).not.toContain('DROP')
    expect(page.sql).toContain("comment ILIKE $2 ESCAPE '\\' ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4")
    expect(count.params).toEqual(page.params.slice(0, 2))
  })
})
