import { defineConfig } from 'vitest/config'

// Real-browser tests: one file at a time (one small machine), generous timeouts, no retries
// that could hide a real failure.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
