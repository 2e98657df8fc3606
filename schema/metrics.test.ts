// schema/metrics.json is the one source of the metrics' scales and bands: the SDK's src/shared/metrics.ts
// and the answer schema must say the same, score by score.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { band, metrics } from '../src/shared/metrics'

const shared = JSON.parse(readFileSync(join(import.meta.dirname, 'metrics.json'), 'utf8')) as Record<string, { min: number; max: number; lowUpTo: number; highFrom: number }>
const names = Object.keys(shared).filter((k) => k != '$comment')
const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'answer.schema.json'), 'utf8'))

describe('schema/metrics.json', () => {
  it('names the same metrics as the SDK and the answer schema', () => {
    expect(names.sort()).toEqual(Object.keys(metrics).sort())
    expect([...schema.$defs.answer.properties.metric.enum].sort()).toEqual(names.sort())
  })
  it.each(names)('%s: the SDK has the same scale and bands', (m) => {
    const s = shared[m]!
    expect(metrics[m as keyof typeof metrics]).toEqual({ min: s.min, max: s.max })
    for (let score = s.min; score <= s.max; score++)
      expect(band(m as keyof typeof metrics, score), `${m} ${score}`).toBe(score <= s.lowUpTo ? 'low' : score >= s.highFrom ? 'high' : 'middle')
  })
  it.each(names)('%s: the answer schema has the same scale', (m) => {
    const s = shared[m]!
    const rule = schema.$defs.answer.allOf.find((r: any) => r.if.properties.metric.const == m)
    expect(rule.then.properties.score).toMatchObject({ minimum: s.min, maximum: s.max })
    expect(rule.then.properties.scale.properties).toEqual({ min: { const: s.min }, max: { const: s.max } })
  })
})
