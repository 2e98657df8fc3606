// The dashboard's files: the page, its stylesheet and script, and Observable Plot with d3 served
// from node_modules (nothing is fetched from anywhere but this collector).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
/** A file of an installed package (its "exports" hide dist/, so find the package's folder). @param {string} pkg @param {string} file */
const fromPackage = (pkg, file) => {
  let dir = dirname(require.resolve(pkg))
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name != pkg) {
    const up = dirname(dir)
    if (up == dir) throw new Error('cannot find the package ' + pkg)
    dir = up
  }
  return join(dir, file)
}
const here = (/** @type {string} */ f) => join(dirname(fileURLToPath(import.meta.url)), f)
/** @type {Record<string, { file: () => string, type: string }>} */
const files = {
  '/': { file: () => here('dashboard.html'), type: 'text/html; charset=utf-8' },
  '/dashboard.css': { file: () => here('dashboard.css'), type: 'text/css; charset=utf-8' },
  '/dashboard.client.js': { file: () => here('dashboard.client.js'), type: 'text/javascript; charset=utf-8' },
  '/vendor/d3.min.js': { file: () => fromPackage('d3', 'dist/d3.min.js'), type: 'text/javascript; charset=utf-8' },
  '/vendor/plot.umd.min.js': { file: () => fromPackage('@observablehq/plot', 'dist/plot.umd.min.js'), type: 'text/javascript; charset=utf-8' },
}

// Scripts only from this origin; Plot writes a <style> into each chart and style attributes.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** @type {Map<string, Buffer>} */
const cache = new Map()

/** The dashboard file at `path`, or null. @param {string} path */
export const dashboardAsset = (path) => {
  const f = files[path == '/index.html' ? '/' : path]
  if (!f) return null
  let body = cache.get(path)
  if (!body) {
    body = readFileSync(f.file())
    if (path.startsWith('/vendor/')) cache.set(path, body) // our own files are read afresh: edit and reload
  }
  return {
    body,
    headers: { 'Content-Type': f.type, 'Cache-Control': 'no-store', 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' },
  }
}
