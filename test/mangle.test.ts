// The check of mangled property names (scripts/check-mangle.js) on small made-up builds: it
// must fail when a `_x` property could cross between two shipped files, and only then.
import { describe, expect, it } from 'vitest'
import { mangleProblems } from '../scripts/check-mangle.js'

const check = mangleProblems as (files: Record<string, { code: string; sources: Record<string, string> }>, contract: string) => string[]
const contract = 'export interface Host { release(): void }'

describe('mangled property names', () => {
  it('pass when each `_x` name lives in the sources of one file, and the output has none left', () => {
    const files = {
      'touchpoint.prompt.js': { code: 'const t={a(){}};t.a()', sources: { 'src/prompt/view.tsx': 'const on = { _score() {} }; on._score()' } },
      'touchpoint.js': { code: 'h.release()', sources: { 'src/core/ask.ts': 'host.release()' } },
    }
    expect(check(files, contract)).toEqual([])
  })

  it('fail when a `_x` name is in the sources of two files (it may cross between them)', () => {
    const files = {
      'touchpoint.js': { code: 'const h={t(){}}', sources: { 'src/core/ask.ts': 'const host = { _release() {} }' } },
      'touchpoint.prompt.js': { code: 'h.e()', sources: { 'src/prompt/show.ts': 'host._release()' } },
    }
    expect(check(files, contract)).toEqual([expect.stringMatching(/"_release" is mangled separately in touchpoint.js, touchpoint.prompt.js/)])
  })

  it('fail when the contract names a `_x` property', () => {
    expect(check({}, 'export interface Host { _release(): void }')).toEqual([expect.stringMatching(/src\/contract.ts: "_release"/)])
  })

  it('fail when a `_x` name survives minification (the check would be blind)', () => {
    const files = { 'touchpoint.prompt.js': { code: 'on._score()', sources: { 'src/prompt/view.tsx': 'on._score()' } } }
    expect(check(files, contract)).toEqual([expect.stringMatching(/"_score" .* left unmangled/)])
  })

  it('reads properties, not variables: a `_x` parameter in two files is no crossing', () => {
    const files = {
      'a.js': { code: 'x', sources: { 'a.ts': 'const f = (_endpoint: string) => 1' } },
      'b.js': { code: 'y', sources: { 'b.ts': 'const g = (_endpoint: string) => 2' } },
    }
    expect(check(files, contract)).toEqual([])
  })
})
