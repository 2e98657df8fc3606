// Minifies the CSS of css-tagged template literals (src/prompt/*.css.ts) at build time with
// lightningcss, so the source stays readable CSS and the prompt file carries the smallest form
// of it. The literal becomes a plain string; the identity `css` tag is then unused and dropped.
import { Features, transform } from 'lightningcss'
import type { Plugin } from 'rollup'

const literal = /\bcss\s*`([^`\\$]*)`/g

// The oldest browsers Touchpoint supports (README "Browser support": Chrome/Edge 87, Firefox 78,
// Safari 14.1, iOS 14.5): they decide which modern syntax may stay as written
// (lightningcss would otherwise turn `max-width: 480px` into range syntax Safari 16.3 lacks).
// system-ui stays one word: every one of these browsers knows it.
const targets = { chrome: 87 << 16, edge: 87 << 16, firefox: 78 << 16, safari: (14 << 16) | (1 << 8), ios_saf: (14 << 16) | (5 << 8) }

export const minifyCss = (css: string, filename = 'style.css'): string =>
  transform({ filename, code: Buffer.from(css), minify: true, targets, exclude: Features.FontFamilySystemUi }).code.toString()

/**
 * Rollup plugin: replaces each css-tagged literal (static: no `${}` in it) in a `*.css.ts`
 * file with its minified text. Use it before the TypeScript plugin: `plugins: [cssLiterals(), …]`.
 */
export const cssLiterals = (): Plugin => ({
  name: 'touchpoint-css-literals',
  transform(code, id) {
    if (!/\.css\.ts$/.test(id)) return null
    return { code: code.replace(literal, (_, css: string) => JSON.stringify(minifyCss(css, id))), map: null }
  },
})
