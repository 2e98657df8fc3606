import { defineConfig } from 'vitest/config'

// Real-browser tests: one file at a time (one small machine), generous timeouts, no retries
// that could hide a real failure. TOUCHPOINT_ENGINE picks the engine (scripts/e2e.js runs each):
// chromium and firefox run e2e/*.test.ts through playwright-core; webkit runs e2e/webkit/, the
// same promises over WebDriver (WebKitWebDriver + MiniBrowser), which has no Playwright here.
const webkit = process.env.TOUCHPOINT_ENGINE == 'webkit'

export default defineConfig({
  test: {
    environment: 'node',
    include: webkit ? ['e2e/webkit/**/*.test.ts'] : ['e2e/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
