// schema/answer.schema.json: what the SDK builds validates; anything else is named and refused.
import { describe, expect, it } from 'vitest'
import { buildAnswer } from '../../src/prompt/answer'
import { ANSWERS } from './fixture'
import { sampleAnswers } from './sample.js'
import { parseBody, validateBody } from './validate.js'

const wire = (answers: unknown[]) => ({ sdk: { name: 'touchpoint', version: '0.1.0' }, sentAt: new Date().toISOString(), answers })
const base = () =>
  buildAnswer({ touchpoint: 'checkout-pay', metric: 'ces', score: 6, scale: { min: 1, max: 7 }, question: 'How easy?', stage: 'purchase', site: 'acme-web', locale: 'en-US', vitals: { LCP: 1840, INP: 96, CLS: 0.02, FCP: 900, TTFB: 210 }, context: { plan: 'pro', nested: { a: [1] } }, urlParams: [] })

describe('answer schema', () => {
  it('accepts what buildAnswer makes, with and without the optional fields', () => {
    expect(validateBody(wire([base()])).error).toBeUndefined()
    const bare = buildAnswer({ touchpoint: 'kb', metric: 'thumbs', score: 1, scale: { min: 0, max: 1 }, question: 'Helpful?', site: '', locale: '', vitals: {}, context: {}, urlParams: [] })
    expect(validateBody(wire([bare])).error).toBeUndefined()
    expect(validateBody(wire([{ ...base(), comment: 'Card form was quick', revision: 2 }])).error).toBeUndefined()
  })
  it('accepts the test fixture and the demo samples', () => {
    expect(validateBody(wire(ANSWERS)).error).toBeUndefined()
    expect(validateBody(wire(sampleAnswers())).error).toBeUndefined()
  })
  it.each([
    ['an unknown field', { colour: 'red' }, '/answers/0 must NOT have additional properties (colour)'],
    ['an unknown vital', { vitals: { LCP: 1, FID: 3 } }, '/answers/0/vitals must NOT have additional properties (FID)'],
    ['an unknown page field', { page: { url: 'https://x/', hash: '#a' } }, '/answers/0/page must NOT have additional properties (hash)'],
    ['a score off the metric’s scale', { metric: 'csat', score: 0 }, '/answers/0/score must be >= 1'],
    ['a fractional score', { score: 5.5 }, '/answers/0/score must be integer'],
    ['revision 0', { revision: 0 }, '/answers/0/revision must be >= 1'],
    ['a bad id', { id: 'abc' }, '/answers/0/id must match format "uuid"'],
    ['a bad date', { createdAt: 'yesterday' }, '/answers/0/createdAt must match format "date-time"'],
    ['an unknown metric', { metric: 'ces2' }, '/answers/0/metric must be equal to one of the allowed values (csat, nps, ces, thumbs)'],
    ['a wrong scale', { scale: { min: 0, max: 10 } }, '/answers/0/scale/min must be equal to constant'],
  ])('refuses %s, naming it', (_, change, message) => {
    expect(validateBody(wire([{ ...base(), ...change }])).error).toBe(message)
  })
  it('refuses a missing required field, and a body that is not JSON', () => {
    const { revision: _r, ...noRevision } = base()
    expect(validateBody(wire([noRevision])).error).toBe("/answers/0 must have required property 'revision'")
    expect(validateBody({ answers: [] }).error).toBe("/ must have required property 'sdk'")
    expect(parseBody('nope')).toEqual({ error: 'body is not JSON' })
  })
  it('context may hold anything', () => {
    expect(validateBody(wire([{ ...base(), context: { a: 1, b: { c: [null, true] } } }])).error).toBeUndefined()
  })
})
