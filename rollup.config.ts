import { readFileSync } from 'node:fs'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import type { RollupOptions } from 'rollup'

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
const define = () =>
  replace({
    preventAssignment: true,
    // Dependencies may read process.env.NODE_ENV, which browsers lack.
    values: { __VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': JSON.stringify('production') },
  })
const ts = (o: Record<string, unknown> = {}) => typescript({ tsconfig: './tsconfig.build.json', ...o })

// A script-tag build: one self-contained minified IIFE. Its only global is window.Touchpoint,
// which the entry assigns itself (no `name` here, so Rollup adds none).
const script = (input: string, file: string): RollupOptions => ({
  input,
  output: { file, format: 'iife', sourcemap: true },
  // Our own modules run code at load only in the embed entries; keep them.
  treeshake: { moduleSideEffects: (id) => /src[\\/]embed/.test(id) },
  plugins: [
    define(),
    nodeResolve({ browser: true }),
    ts(),
    terser({
      ecma: 2020,
      toplevel: true,
      compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true },
      format: { comments: false },
    }),
  ],
})

const config: RollupOptions[] = [
  script('src/embed.ts', 'dist/touchpoint.js'),
  script('src/embed-vitals.ts', 'dist/touchpoint.vitals.js'),
  {
    // The npm module: ESM with type declarations; dependencies stay imports for the app's bundler.
    input: { index: 'src/index.ts', vitals: 'src/vitals.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true },
    external: (id) => /^(preact|idb-keyval|web-vitals)(\/|$)/.test(id),
    plugins: [define(), ts({ declaration: true, declarationDir: 'dist/types' })],
  },
]
export default config
