// The words for a site's mistakes live in dist/touchpoint.explain.js, which the core fetches only
// when it has not taken an option or an ask(): a page without a mistake never requests it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { built, cleanup, closeOpened, launch, opened, scriptPage, site, startCollector, until, watch } from './helpers'

beforeAll(() => {
  if (!built()) throw new Error('dist/touchpoint.js is missing: run `npm run build` first (npm test does).')
})
afterEach(closeOpened)
afterAll(() => cleanup())

describe('the explain file', () => {
  it('a page without a mistake never fetches it; a bad attribute and a bad ask() are said by it, each naming what to fix; blocked, one warning names the options not taken', async () => {
    const collector = opened(await startCollector())
    const web = opened(
      await site({
        '/fine': scriptPage({ endpoint: collector.endpoint }),
        '/typo': scriptPage({ endpoint: collector.endpoint, attrs: 'data-theme="pink" data-sampel-rate="1"' }),
      }),
    )
    const ctx = opened(await launch())
    const page = await ctx.newPage()
    const seen = watch(page)
    const fetched: string[] = []
    page.on('request', (r) => fetched.push(r.url()))
    const explained = () => fetched.filter((u) => u.includes('touchpoint.explain.js'))
    const warnings = () => seen.console.filter((m) => m.type == 'warning' && m.text.startsWith('[Touchpoint]')).map((m) => m.text)

    await page.goto(web.url + '/fine')
    await until('Touchpoint to start', () => page.evaluate(() => !!(window as any).Touchpoint?.version))
    await page.waitForLoadState('networkidle')
    expect(explained()).toEqual([])
    expect(warnings()).toEqual([])

    await page.goto(web.url + '/typo')
    await until('the two warnings', () => warnings().length >= 2)
    expect(warnings().sort()).toEqual([
      '[Touchpoint] data-theme is "pink", expected one of auto, light, dark; using "auto".',
      '[Touchpoint] unknown data-sampel-rate is ignored.',
    ])
    expect(explained()).toHaveLength(1)
    // Touchpoint runs with the default it took.
    const bad = await page.evaluate(() => (window as any).Touchpoint.ask('nps', { touchpoint: 'x', comment: 'maybe' }))
    expect(bad).toBeNull()
    expect(warnings()).toContain('[Touchpoint] ask(): option "comment" is "maybe", expected one of off, optional, required, low.')

    // The file cannot be fetched: the core's own line names it and the options not taken.
    await page.route('**/touchpoint.explain.js*', (r) => r.abort())
    await page.goto(web.url + '/typo')
    await until('the warning', () => warnings().some((w) => w.includes('options not taken')))
    const line = warnings().filter((w) => w.includes('options not taken'))
    expect(line).toHaveLength(1)
    expect(line[0]).toContain(web.url + '/dist/touchpoint.explain.js')
    expect(line[0]).toContain('options not taken: theme, sampelRate.')
    expect(seen.errors).toEqual([])
  })
})
