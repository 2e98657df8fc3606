// README's size claims must match the budgets that CI holds (.size-limit.json).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const readme = readFileSync('README.md', 'utf8')
const budgets = JSON.parse(readFileSync('.size-limit.json', 'utf8')) as { path: string | string[]; limit: string }[]
const kb = (s: string) => Number(s.replace(/\s*kB$/i, '').replace(/\s*KB$/, ''))

describe('README size table', () => {
  it.each(budgets)('states the budget of $path and a measured size within it', ({ path, limit }) => {
    const name = [path].flat().join(' + ')
    const row = readme.split('\n').find((l) => l.startsWith('| `' + name + '`'))
    expect(row, 'README has a size row for ' + path).toBeDefined()
    const [, , measured, budget] = row!.split('|').map((c) => c.trim())
    expect(kb(budget!)).toBe(kb(limit))
    expect(kb(measured!)).toBeLessThanOrEqual(kb(limit))
  })
})
