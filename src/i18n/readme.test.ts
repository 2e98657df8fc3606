// @vitest-environment node
// README's table of `texts` keys is the list site owners override strings by: it must name
// exactly the keys of English, each with its English text.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { en as promptEn } from '../prompt/en'
import { en as tabEn } from '../tab/en'

// English as the build orders every pack: the prompt's keys, then the tab's (rollup.config.ts).
const en = { ...promptEn, ...tabEn }

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const from = readme.indexOf('### Your own words: `texts`')
const section = readme.slice(from, readme.indexOf('\n#', from + 1))
const rows = section
  .split('\n')
  .filter((line) => /^\| `\w+` \|/.test(line))
  .map((line) => line.split('|').map((cell) => cell.trim()))
  .map(([, key, english]) => [key!.slice(1, -1), english!] as const)

describe('README texts table', () => {
  it('lists exactly the keys of English, in its order', () => {
    expect(rows.map(([key]) => key)).toEqual(Object.keys(en))
  })
  it('shows each key with its English text', () => {
    expect(Object.fromEntries(rows)).toEqual(en)
  })
})
