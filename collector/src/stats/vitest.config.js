// @ts-check
// The repository's vitest.config.ts collects only src/ and test/ TypeScript in happy-dom; these
// tests are JavaScript that need Node (PGlite). Run: npx vitest run --config collector/src/stats/vitest.config.js
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Vite's cache beside the repository's own, not in this folder.
  cacheDir: import.meta.dirname + '/../../../node_modules/.vite',
  test: { root: import.meta.dirname, environment: 'node', include: ['*.test.js'], testTimeout: 60_000, hookTimeout: 120_000 },
})
