// @ts-check
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
const JS = 'text/javascript; charset=utf-8'
/** @type {Record<string, { file: () => string, type: string }>} */
const files = {
  '/': { file: () => here('dashboard.html'), type: 'text/html; charset=utf-8' },
  '/dashboard.css': { file: () => here('dashboard.css'), type: 'text/css; charset=utf-8' },
  '/dashboard.client.js': { file: () => here('dashboard.client.js'), type: JS },
  '/dashboard.view.js': { file: () => here('dashboard.view.js'), type: JS },
  '/dashboard.theme.js': { file: () => here('dashboard.theme.js'), type: JS },
  '/vendor/d3.min.js': { file: () => fromPackage('d3', 'dist/d3.min.js'), type: JS },
  '/vendor/plot.umd.min.js': { file: () => fromPackage('@observablehq/plot', 'dist/plot.umd.min.js'), type: JS },
}
/** The paths the dashboard serves. */
export const ASSET_PATHS = Object.keys(files)

// Scripts only from this origin; Plot writes a <style> into each chart and style attributes.
export const CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
}

/** @type {Map<string, Buffer>} */
const cache = new Map()

/** The dashboard file at `path`, or null. @param {string} path @returns {{ body: Buffer, type: string } | null} */
export const dashboardAsset = (path) => {
  const f = files[path]
  if (!f) return null
  let body = cache.get(path)
  if (!body) {
    body = readFileSync(f.file())
    if (path.startsWith('/vendor/')) cache.set(path, body) // our own files are read afresh: edit and reload
  }
  return { body, type: f.type }
}
