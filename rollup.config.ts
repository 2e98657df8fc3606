import { readFileSync, readdirSync } from 'node:fs'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'
import type { Plugin, RollupOptions } from 'rollup'
import { cssLiterals } from './build/css'
import { en } from './src/prompt/en'
import { en as tabEn } from './src/tab/en'
import { MANGLED } from './build/mangle.js'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
const define = () =>
  replace({
    preventAssignment: true,
    // A dependency that reads process.env.NODE_ENV must not throw in browsers, which lack it.
    values: { __VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': JSON.stringify('production') },
  })
// nanostores shares its epoch counter through a global so that copies of it agree; the script
// tag carries the only copy (the prompt file uses the core's atoms) and may define no global but
// Touchpoint, so it keeps the counter private.
const noGlobals = () =>
  replace({
    preventAssignment: false,
    delimiters: ['', ''],
    values: { 'globalThis.nanostoresGlobal ||= { epoch: 0 }': '{ epoch: 0 }' },
  })
const ts = (o: Record<string, unknown> = {}) => typescript({ tsconfig: './tsconfig.build.json', ...o })
const minify = (keep?: RegExp) =>
  terser({
    ecma: 2020,
    module: true,
    toplevel: true,
    compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
    // `_x` properties are shortened, each file on its own: build/mangle.js says why that is safe.
    mangle: { properties: { regex: MANGLED } },
    format: { comments: keep ?? false },
  })

// The script tag fetches the prompt, web-vitals and language packs from beside itself by URL, and
// the delivery engine its format; the npm module imports them as chunks. Same code, one file
// swapped in each (src/core/modules*.ts, src/delivery/formats*.ts).
const scriptLoaders = (): Plugin => ({
  name: 'touchpoint-script-loaders',
  async resolveId(source, importer, options) {
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
    if (resolved && /src[\\/](core[\\/]modules|delivery[\\/]formats)\.ts$/.test(resolved.id))
      return { ...resolved, id: resolved.id.replace(/\.ts$/, '.script.ts') }
    return resolved
  },
})

// A language pack ships as an array of its strings in English's key order: as an object its keys
// travel in every pack and cost more than many of the translations (the Ukrainian pack: 605 B
// brotli as an object, 468 B as an array). The prompt zips them back (src/prompt/show.ts). The
// order is the prompt's English keys, then the tab's (src/tab/en.ts): the tab reads the last two.
const packsAsArrays = (): Plugin => ({
  name: 'touchpoint-packs-as-arrays',
  transform(code, id) {
    if (!/src[\\/]i18n[\\/][a-z]{2}(-[A-Z]{2})?\.ts$/.test(id)) return null
    // After TypeScript: a module with no imports that builds one object and exports it.
    const pack = new Function(code.replace(/export default (\w+);?/, 'return $1'))() as Record<string, string>
    const keys = [...Object.keys(en), ...Object.keys(tabEn)]
    if (Object.keys(pack).join() != keys.join()) this.error(`${id}: a pack has English's keys, in English's order`)
    return { code: 'export default ' + JSON.stringify(keys.map((k) => pack[k])), map: null }
  },
})

/** V8's explicit compile hint (a magic comment on a file's first line). */
const COMPILE_HINT = 'allFunctionsCalledOnLoad'

const browserPlugins = () => [define(), noGlobals(), nodeResolve({ browser: true }), cssLiterals(), ts(), minify()]

// Every language pack (English ships inside the prompt, src/prompt/en.ts).
const packs = readdirSync('src/i18n')
  .filter((f) => /^[a-z]{2}(-[A-Z]{2})?\.ts$/.test(f))
  .map((f) => f.slice(0, -3))

const config: RollupOptions[] = [
  {
    // The core: the file people paste. A classic script (IIFE) whose only global is
    // window.Touchpoint, which the entry assigns itself (no `name` here, so Rollup adds none).
    input: 'src/embed.ts',
    // Its first line asks Chromium (136 and later) to compile every function of the file on the
    // background thread that streams it in, not lazily on the page's main thread at each one's first
    // call: that more than halved the main-thread time of a page that loads the core and asks
    // nothing (docs/architecture.md, "At load"). Others read it as a comment.
    output: { file: 'dist/touchpoint.js', format: 'iife', sourcemap: true, freeze: false, banner: '//# ' + COMPILE_HINT },
    // Our own modules run code at load only in the embed entry; keep it.
    treeshake: { moduleSideEffects: (id) => /src[\\/]embed/.test(id) },
    plugins: [scriptLoaders(), ...browserPlugins().slice(0, -1), minify(new RegExp(COMPILE_HINT))],
  },
  // What the core fetches when it is needed: ES modules, each one file with its dependencies
  // (built apart, so no chunk is shared: a shared chunk would cost a round trip).
  ...[
    ['src/prompt/index.ts', 'dist/touchpoint.prompt.js'],
    ['src/vitals/index.ts', 'dist/touchpoint.web-vitals.js'],
    ['src/hook/index.ts', 'dist/touchpoint.hook.js'],
    ['src/explain/index.ts', 'dist/touchpoint.explain.js'],
    ['src/scanner/index.ts', 'dist/touchpoint.touchpoints.js'],
    ['src/delivery/index.ts', 'dist/touchpoint.delivery.js'],
    ['src/tab/index.ts', 'dist/touchpoint.tab.js'],
    // Each delivery format but json, and the app's own transport: fetched by the engine when asked for.
    ...['segment', 'cloudevents', 'posthog', 'transport'].map((f) => ['src/formats/' + f + '.ts', 'dist/touchpoint.format.' + f + '.js']),
  ].map(([input, file]): RollupOptions => ({ input, output: { file, format: 'es', sourcemap: true, freeze: false }, plugins: [scriptLoaders(), ...browserPlugins()] })),
  {
    input: Object.fromEntries(packs.map((code) => ['touchpoint.i18n.' + code, `src/i18n/${code}.ts`])),
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js' },
    plugins: [...browserPlugins().slice(0, -1), packsAsArrays(), minify()],
  },
  {
    // The npm module: ESM with type declarations; dependencies stay imports for the app's
    // bundler, and the prompt, web-vitals and each pack become chunks it loads on demand.
    input: { index: 'src/index.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
    external: (id) => /^(preact|web-vitals|nanostores)(\/|$)/.test(id),
    plugins: [define(), ts(), packsAsArrays()],
  },
  {
    // The module's types in one file: no relative imports left to resolve, so they work under
    // moduleResolution node16, nodenext and bundler alike (checked by publint and attw in npm test).
    input: 'src/index.ts',
    output: { file: 'dist/index.d.ts', format: 'es' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
]
export default config
