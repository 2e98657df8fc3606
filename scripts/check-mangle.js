// npm test's check of mangled property names, after the build. The minifier shortens `_x`
// properties (build/mangle.js) separately in each shipped file, so the same name may come out as
// `t` in the core and `e` in the prompt: an object that carried such a property from one file to
// another would arrive with it under another name, and nothing would say so. This check reads
// each file's source map (the sources that went into it) and fails when a name the minifier
// shortens:
//   - appears in the sources of more than one shipped file (it may cross between them), or
//   - is a property of src/contract.ts (the types that do cross), or
//   - survives in the minified output (the map did not apply, so the check above would be blind).
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { MANGLED } from '../build/mangle.js'

/** Property names (accessed, declared or written as object keys) in one source text. */
export const propertyNames = (fileName, text) => {
  const out = new Set()
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, /\.[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : undefined)
  const name = (n) => n && (ts.isIdentifier(n) || ts.isPrivateIdentifier(n) || ts.isStringLiteralLike(n)) && out.add(n.text)
  const visit = (node) => {
    if (ts.isPropertyAccessExpression(node)) name(node.name)
    else if (ts.isElementAccessExpression(node)) name(node.argumentExpression)
    else if (
      ts.isPropertyAssignment(node) ||
      ts.isShorthandPropertyAssignment(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isPropertySignature(node) ||
      ts.isMethodSignature(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isGetAccessor(node) ||
      ts.isSetAccessor(node) ||
      (ts.isBindingElement(node) && !node.propertyName && ts.isObjectBindingPattern(node.parent))
    )
      name(node.name)
    if (ts.isBindingElement(node) && node.propertyName) name(node.propertyName)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

/**
 * The problems with a set of shipped files: `files` maps a file's name to its minified `code` and
 * its `sources` (name → text); `contract` is the text of the contract between them.
 */
export const mangleProblems = (files, contract, mangled = MANGLED) => {
  const problems = []
  const where = new Map() // mangled name → the shipped files whose sources hold it
  for (const [file, { code, sources }] of Object.entries(files)) {
    for (const [source, text] of Object.entries(sources))
      for (const n of propertyNames(source, text))
        if (mangled.test(n)) {
          if (!where.has(n)) where.set(n, new Set())
          where.get(n).add(file)
          if (new RegExp('(^|[^\\w$])' + n + '(?![\\w$])').test(code))
            problems.push(`${file}: "${n}" (from ${source}) is left unmangled in the output`)
        }
  }
  for (const [n, in_] of where)
    if (in_.size > 1) problems.push(`"${n}" is mangled separately in ${[...in_].join(', ')}: it must not cross between them (rename it without the leading _)`)
  for (const n of propertyNames('contract.ts', contract))
    if (mangled.test(n)) problems.push(`src/contract.ts: "${n}" crosses file boundaries, yet the build mangles it per file (rename it without the leading _)`)
  return problems
}

/** The shipped files of dist/ with the sources each was built from (its source map). */
const readDist = (root) => {
  const dist = join(root, 'dist')
  const files = {}
  for (const f of readdirSync(dist).filter((f) => /^touchpoint\..*js$/.test(f))) {
    const code = readFileSync(join(dist, f), 'utf8')
    let sources
    try {
      const map = JSON.parse(readFileSync(join(dist, f + '.map'), 'utf8'))
      sources = Object.fromEntries(map.sources.map((s, i) => [relative(root, resolve(dist, dirname(f), s)), map.sourcesContent[i]]))
    } catch {
      // A language pack has no map: it is built from its own file alone.
      const pack = /^touchpoint\.i18n\.(.+)\.js$/.exec(f)
      if (!pack) throw new Error('dist/' + f + ' has no source map: add sourcemap: true to its build')
      const src = join('src', 'i18n', pack[1] + '.ts')
      sources = { [src]: readFileSync(join(root, src), 'utf8') }
    }
    files[f] = { code, sources }
  }
  return files
}

if (import.meta.url == 'file://' + process.argv[1]) {
  const root = resolve(import.meta.dirname, '..')
  const files = readDist(root)
  const problems = mangleProblems(files, readFileSync(join(root, 'src/contract.ts'), 'utf8'))
  if (problems.length) {
    console.error('Mangled property names crossing shipped files:\n' + problems.map((p) => '  ' + p).join('\n'))
    process.exitCode = 1
  } else console.log(`  ok   mangled names: none crosses between the ${Object.keys(files).length} files of dist/`)
}
