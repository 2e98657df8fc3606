// The unused-code finder of `npm run lint`: files nothing imports, exports nobody uses, and
// dependencies nothing needs. The root package only: collector/ is a workspace of its own.
/** @type {import('knip').KnipConfig} */
export default {
  workspaces: {
    '.': {
      // Each shipped file's build entry (rollup.config.ts), and the tooling's own entry points.
      entry: [
        'src/{prompt,delivery,scanner,vitals,hook,explain,tab}/index.ts',
        'src/delivery/formats.script.ts',
        'src/i18n/*.ts',
        'src/core/modules.script.ts',
        'scripts/*.js',
        'e2e/**/*.{ts,js}',
        'test/**/*.ts',
        'build/*.ts',
        'bench/*.js',
        'examples/*.ts',
      ],
      project: ['src/**/*.{ts,tsx}', 'scripts/**/*.js', 'e2e/**/*.{ts,js}', 'test/**/*.ts', 'build/**/*.ts', 'bench/*.js', 'examples/*.ts'],
    },
  },
  ignoreWorkspaces: ['collector'],
  // No .vue files here: examples/vue.ts only type-checks a composable.
  vue: false,
  ignoreDependencies: [
    // Run as binaries by scripts/check-package.js.
    'publint',
    '@arethetypeswrong/cli',
    // Read as files: axe-core is injected into pages by e2e/prompt.test.ts; Sentry is bundled by bench/peers.js from a string.
    'axe-core',
    '@sentry/browser',
    // examples/react.ts is type-checked only (with @types/react).
    'react',
    // Pinned at the root for the collector workspace.
    'autocannon',
  ],
}
