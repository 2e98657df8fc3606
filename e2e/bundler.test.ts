// The npm module under an app's bundler (issue 8): an app that does `import { init, ask } from
// 'touchpoint'`, bundled by Rollup with code splitting, keeps Preact and the prompt out of what it
// loads up front (its entry chunk and the chunks that imports statically), and still shows and
// delivers a prompt in Chromium, the prompt chunk fetched only when ask() wants it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, normalize } from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import type { BrowserContext } from 'playwright-core'
import { rollup, type OutputChunk, type Plugin } from 'rollup'
import { afterAll, describe, expect, it } from 'vitest'
import { DIST, cleanup, launch, startCollector, startStatic, until, watch } from './helpers'

const ROOT = join(import.meta.dirname, '..')
const MODULE = join(DIST, 'index.js')
const isBuilt = existsSync(MODULE)

// Markers read off the built files. Preact: strings and internal property names of its own
// (dist/preact.mjs) that no other code here has. The prompt: its radiogroup, its shadow root and
// the choices' data-score (src/prompt/, dist/chunks/prompt-*.js). web-vitals: an entry type it observes.
const PREACT = ['dangerouslySetInnerHTML', 'http://www.w3.org/1998/Math/MathML', '__k']
const PROMPT = ['radiogroup', 'attachShadow', 'data-score']
const VITALS = ['largest-contentful-paint']

const temps: string[] = []
const temp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix))
  temps.push(d)
  return d
}
afterAll(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true })
  cleanup()
})

/**
 * A tiny app folder: its entry imports the package by name, as an app does. `node_modules/touchpoint`
 * links to this repository, so the bundler resolves it through package.json `exports`, and Preact,
 * nanostores and web-vitals from the package's own node_modules. (When the e2e runner
 * hands a snapshot of dist/ in TOUCHPOINT_DIST, 'touchpoint' is pointed at that snapshot instead.)
 */
const makeApp = (endpoint: string): string => {
  const app = temp('touchpoint-app-')
  mkdirSync(join(app, 'src'))
  mkdirSync(join(app, 'node_modules'))
  symlinkSync(ROOT, join(app, 'node_modules', 'touchpoint'), 'dir')
  writeFileSync(
    join(app, 'src', 'main.js'),
    `import { init, ask } from 'touchpoint'

init({ endpoint: ${JSON.stringify(endpoint)} })

const button = document.createElement('button')
button.id = 'rate'
button.textContent = 'How likely are you to recommend us?'
button.addEventListener('click', () => {
  window.asked = ask('nps', { touchpoint: 'app' }).then((answer) => (window.answer = answer))
})
document.body.append(button)
`,
  )
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>
<script type="module" src="/build/main.js"></script></head><body><h1>App</h1></body></html>`,
  )
  return app
}

/** 'touchpoint' → the dist under test when it is not this repository's own dist/. */
const snapshot = (): Plugin => ({
  name: 'touchpoint-snapshot',
  resolveId: (source) => (source == 'touchpoint' && normalize(DIST) != normalize(join(ROOT, 'dist')) ? MODULE : null),
})

/** Bundles the app with Rollup, code splitting on, minified as an app would ship it. */
const bundle = async (app: string) => {
  const build = await rollup({
    input: join(app, 'src', 'main.js'),
    plugins: [
      snapshot(),
      nodeResolve({ browser: true, modulePaths: [join(ROOT, 'node_modules')] }),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
    ],
    onwarn: (w, warn) => (w.code == 'CIRCULAR_DEPENDENCY' ? undefined : warn(w)),
  })
  try {
    const out = join(app, 'build')
    const { output } = await build.write({
      dir: out,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      plugins: [terser({ module: true, format: { comments: false } })],
    })
    return output.filter((o): o is OutputChunk => o.type == 'chunk')
  } finally {
    await build.close()
  }
}

/** The chunk and every chunk it imports statically, transitively: what the page pays up front. */
const staticClosure = (chunks: OutputChunk[], entry: OutputChunk): OutputChunk[] => {
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const seen = new Map<string, OutputChunk>()
  const visit = (c: OutputChunk) => {
    if (seen.has(c.fileName)) return
    seen.set(c.fileName, c)
    for (const f of c.imports) if (byName.has(f)) visit(byName.get(f)!)
  }
  visit(entry)
  return [...seen.values()]
}
const has = (code: string, markers: string[]) => markers.filter((m) => code.includes(m))
const isPack = (c: OutputChunk) => /^chunks\/[a-z]{2}(-[A-Z]{2})?-/.test(c.fileName)
const brotli = (code: string) => brotliCompressSync(Buffer.from(code)).length

const TITLE = 'keeps Preact and the prompt out of the entry chunk, and shows and delivers a prompt'
if (!isBuilt) console.warn(`e2e/bundler.test.ts skipped: ${MODULE} is missing; run \`npm run build\` first.`)

describe('an app bundle of { init, ask } (Rollup, code splitting)', () => {
  it.skipIf(!isBuilt)(isBuilt ? TITLE : `${TITLE} (skipped: ${MODULE} is missing; run \`npm run build\` first)`, async () => {
    const collector = await startCollector()
    let web: Awaited<ReturnType<typeof startStatic>> | undefined
    let ctx: BrowserContext | undefined
    try {
      const app = makeApp(collector.endpoint)
      const chunks = await bundle(app)
      const entry = chunks.find((c) => c.isEntry)!
      expect(entry.fileName).toBe('main.js')
      const upFront = staticClosure(chunks, entry)
      const upFrontCode = upFront.map((c) => c.code).join('\n')

      // The entry (and what it imports statically) has no Preact, no prompt, no web-vitals…
      expect(has(upFrontCode, PREACT)).toEqual([])
      expect(has(upFrontCode, PROMPT)).toEqual([])
      expect(has(upFrontCode, VITALS)).toEqual([])
      // …but it is the core: init and ask work from it.
      expect(upFrontCode).toContain('touchpoint')

      // The prompt and Preact are a chunk of their own, loaded by a dynamic import().
      const lazy = chunks.filter((c) => !upFront.includes(c))
      const prompt = lazy.find((c) => has(c.code, PROMPT).length == PROMPT.length)
      expect(prompt, 'a chunk holding the prompt').toBeDefined()
      const preact = lazy.filter((c) => has(c.code, PREACT).length == PREACT.length)
      expect(preact.length, 'a lazy chunk holding Preact').toBeGreaterThan(0)
      expect(chunks.some((c) => c.dynamicImports.includes(prompt!.fileName)), 'the prompt chunk is loaded by import()').toBe(true)
      expect(lazy.some((c) => has(c.code, VITALS).length > 0), 'web-vitals in a lazy chunk').toBe(true)

      const kb = (n: number) => (n / 1024).toFixed(2) + ' KB'
      const line = (c: OutputChunk) => `  ${c.fileName.padEnd(40)} ${String(c.code.length).padStart(7)} B min  ${kb(brotli(c.code)).padStart(9)} brotli`
      console.log(
        [
          'app bundle (rollup, format es, terser):',
          'up front (entry + static imports):',
          ...upFront.map(line),
          `  total ${kb(brotli(upFrontCode))} brotli`,
          'loaded on demand:',
          ...lazy.filter((c) => !isPack(c)).map(line),
          `  + ${lazy.filter(isPack).length} language packs`,
        ].join('\n'),
      )

      // The app, served; Chromium opens it, a visitor clicks the button and picks 9.
      web = await startStatic({ pages: { '/': readFileSync(join(app, 'index.html'), 'utf8') }, routes: { '/build/': join(app, 'build') } })
      ctx = await launch()
      const page = await ctx.newPage()
      const seen = watch(page)
      const fetched: string[] = []
      page.on('request', (r) => {
        const u = new URL(r.url())
        if (u.origin == web!.url) fetched.push(u.pathname)
      })
      await page.goto(web.url + '/')
      await page.locator('#rate').waitFor()
      const promptFile = '/build/' + prompt!.fileName
      expect(fetched, 'the prompt chunk is not fetched before anyone is asked').not.toContain(promptFile)

      await page.locator('#rate').click()
      // Playwright's CSS locators pierce the prompt's open shadow root.
      const nine = page.locator('touchpoint-prompt [role=radio][data-score="9"]')
      await nine.click()
      await until('the collector to receive the answer', () => collector.answers.length == 1)
      expect(collector.answers[0]).toMatchObject({ touchpoint: 'app', metric: 'nps', score: 9 })
      expect(fetched).toContain(promptFile)
      expect(await page.evaluate(() => (window as any).asked.then((a: { score: number } | null) => a?.score))).toBe(9)
      console.log('files the app fetched:', fetched.join(', '))
      expect(seen.errors).toEqual([])
    } finally {
      await ctx?.close().catch(() => {})
      await web?.close()
      await collector.close()
    }
  })
})
