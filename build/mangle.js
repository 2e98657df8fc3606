// Which property names the minifier shortens (rollup.config.ts; checked by scripts/check-mangle.js).
// Our internal properties are named `_score`, `_comment`, …: readable in the source, short in the
// build (as Preact does with its own). One underscore then a letter, so Preact's already mangled
// `__k`-style names and `__proto__` are left alone.
//
// Each shipped file is minified on its own, so the same name may become `t` in one file and `e` in
// another: such a property must never cross a file boundary (src/contract.ts has none).
export const MANGLED = /^_[a-z]/
