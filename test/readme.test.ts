// README's size claims must match the budgets that CI holds (.size-limit.json).
import { execFileSync } from 'node:child_process'
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

// Every flag a user can type is in a README table: the flags come from each command's --help.
describe('README flag tables', () => {
  const rows = readme.split('\n').filter((l) => l.startsWith('| `--'))
  const flagsOf = (script: string) => {
    const out = execFileSync(process.execPath, [script, '--help'], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', TOUCHPOINT_TOKEN: '' } })
    return [...out.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]!)
  }
  it.each([['collector/bin.js'], ['demo/serve.js']])('%s: each flag of --help has a row', (script) => {
    const flags = flagsOf(script)
    expect(flags.length).toBeGreaterThan(4)
    for (const f of flags) expect(rows.some((r) => r.startsWith('| `' + f + '`') || r.startsWith('| `' + f + ' ')), f).toBe(true)
  })
  it('the environment variables are in the collector table', () => {
    for (const v of ['DATABASE_URL', 'TOUCHPOINT_TOKEN']) expect(rows.some((r) => r.includes('`' + v + '`')), v).toBe(true)
  })
})
