// The widgets a site would pick instead of Touchpoint, built into bench/.build/ (not committed) the
// way a site gets them, for bench/run.js (issue 8, item 9).
//
// Sentry (@sentry/browser with feedbackAsyncIntegration): what its CDN feedback bundle does, built
// here from the npm package: one minified IIFE defining window.Sentry, loaded by a script tag, then
// Sentry.init({ dsn, integrations: [feedbackAsyncIntegration()] }) inline. Sentry's own bundle
// build replaces __SENTRY_DEBUG__ with false and __SENTRY_BROWSER_BUNDLE__ with true; so does this
// one. Unlike the CDN bundle (which exposes the SDK's whole API on window.Sentry), this IIFE keeps
// only what the page uses (init, feedbackAsyncIntegration, getFeedback), so it is the smallest
// Sentry a site can load: a lower bound for Sentry's bytes. The async integration lazy-loads its
// UI as two more CDN files, feedback-modal.min.js and feedback-screenshot.min.js, from
// `${cdnBaseUrl}/${SDK_VERSION}/`; they are built here the way Sentry's integration bundles are
// (an IIFE that puts the integration on window.Sentry) and served by the bench's local stub.
//
// PostHog (posthog-js): its snippet (inline, from PostHog's docs) loads `${api_host}/static/array.js`;
// array.js loads the remote config `/array/<token>/config.js`, and, when the config says surveys
// are on, `/static/surveys.js`. Those files ship prebuilt and minified in the npm package
// (dist/array.js, dist/surveys.js): they are copied as they are, no rebuild.
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import nodeResolve from '@rollup/plugin-node-resolve'
import replace from '@rollup/plugin-replace'
import terser from '@rollup/plugin-terser'
import { rollup } from 'rollup'

const here = import.meta.dirname
export const BUILD = join(here, '.build')
const require = createRequire(import.meta.url)
// Feelback (@feelback/js): its browser-auto.js (export "./auto", ESM only), the script a site
// pastes, as it ships (prebuilt).
const FEELBACK = fileURLToPath(import.meta.resolve('@feelback/js/auto'))
const versionOf = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version
export const versions = {
  '@sentry/browser': versionOf('@sentry/browser'),
  'posthog-js': versionOf('posthog-js'),
  // Its exports map hides package.json: read it beside the file the bench serves.
  '@feelback/js': JSON.parse(readFileSync(join(FEELBACK, '../../package.json'), 'utf8')).version,
}
export const SENTRY_VERSION = versions['@sentry/browser']

const entries = {
  'sentry.min.js': `import { init, feedbackAsyncIntegration, getFeedback } from '@sentry/browser'
window.Sentry = Object.assign(window.Sentry || {}, { init, feedbackAsyncIntegration, getFeedback })`,
  [`${SENTRY_VERSION}/feedback-modal.min.js`]: `import { feedbackModalIntegration } from '@sentry/feedback'
;(window.Sentry = window.Sentry || {}).feedbackModalIntegration = feedbackModalIntegration`,
  [`${SENTRY_VERSION}/feedback-screenshot.min.js`]: `import { feedbackScreenshotIntegration } from '@sentry/feedback'
;(window.Sentry = window.Sentry || {}).feedbackScreenshotIntegration = feedbackScreenshotIntegration`,
}

const virtual = (code) => ({
  name: 'virtual-entry',
  resolveId: (id) => (id == '\0entry' ? id : null),
  load: (id) => (id == '\0entry' ? code : null),
})

/** Builds what is missing or older than the installed packages; returns the folder. */
export const buildPeers = async () => {
  const stamp = join(BUILD, 'versions.json')
  const want = JSON.stringify(versions)
  const outputs = [...Object.keys(entries).map((f) => join(BUILD, 'sentry', f)), join(BUILD, 'posthog', 'static', 'array.js'), join(BUILD, 'posthog', 'static', 'surveys.js'), join(BUILD, 'feelback', 'browser-auto.js')]
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') == want && outputs.every((f) => existsSync(f))) return BUILD
  const sentry = join(BUILD, 'sentry')
  mkdirSync(join(sentry, SENTRY_VERSION), { recursive: true })
  for (const [file, code] of Object.entries(entries)) {
    const bundle = await rollup({
      input: '\0entry',
      plugins: [
        virtual(code),
        replace({ preventAssignment: true, values: { __SENTRY_DEBUG__: 'false', __SENTRY_BROWSER_BUNDLE__: 'true', 'process.env.NODE_ENV': '"production"' } }),
        nodeResolve({ browser: true, exportConditions: ['production'] }),
      ],
      onwarn: () => {},
    })
    await bundle.write({
      file: join(sentry, file),
      format: 'iife',
      plugins: [terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } })],
    })
    await bundle.close()
  }
  const posthog = join(BUILD, 'posthog', 'static')
  mkdirSync(posthog, { recursive: true })
  const dist = join(require.resolve('posthog-js/package.json'), '..', 'dist')
  for (const f of ['array.js', 'surveys.js']) copyFileSync(join(dist, f), join(posthog, f))
  mkdirSync(join(BUILD, 'feelback'), { recursive: true })
  copyFileSync(FEELBACK, join(BUILD, 'feelback', 'browser-auto.js'))
  writeFileSync(stamp, want)
  return BUILD
}

if (import.meta.main || process.argv[1] == import.meta.filename) {
  await buildPeers()
  for (const f of ['sentry/sentry.min.js', `sentry/${SENTRY_VERSION}/feedback-modal.min.js`, `sentry/${SENTRY_VERSION}/feedback-screenshot.min.js`, 'posthog/static/array.js', 'posthog/static/surveys.js'])
    console.log(f, statSync(join(BUILD, f)).size)
}
