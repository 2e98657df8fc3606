// The demo shop's pages load only files the build makes (a retired file name once left the
// demo without a prompt while every other test passed).
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const site = join(import.meta.dirname, '..', 'demo', 'site')
const dist = process.env.TOUCHPOINT_DIST ?? join(import.meta.dirname, '..', 'dist')

describe('demo shop', () => {
  it.each(readdirSync(site).filter((f) => f.endsWith('.html')))('%s loads only files that exist in dist/', (page) => {
    const html = readFileSync(join(site, page), 'utf8')
    const files = [...html.matchAll(/src="\/dist\/([^"?]+)"/g)].map((m) => m[1]!)
    expect(files.length).toBeGreaterThan(0)
    for (const f of files) expect(existsSync(join(dist, f)), 'dist/' + f).toBe(true)
  })
})
