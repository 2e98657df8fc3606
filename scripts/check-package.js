// npm test's package check: what an app team gets from `npm install touchpoint`. Packs the
// module, lints it (publint, arethetypeswrong with the ESM-only profile), installs the tarball
// into an empty project, imports it in Node (no window: importing has no side effects), and
// compiles a TypeScript file that uses the API under moduleResolution node16, nodenext and bundler.
// Also: the script tag's file still opens with its compile hint.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
const step = (what, fn) => {
  try {
    fn()
    console.log('  ok   ' + what)
  } catch (e) {
    console.error('  FAIL ' + what + '\n' + (e.stdout || '') + (e.stderr || '') + (e.stdout || e.stderr ? '' : e.message))
    process.exitCode = 1
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'touchpoint-pack-'))
try {
  console.log('Package check (npm pack → a fresh project):')
  run('npm', ['pack', '--silent', '--pack-destination', tmp])
  const tarball = join(tmp, readdirSync(tmp).find((f) => f.endsWith('.tgz')))
  // The script tag's file keeps V8's compile hint as its first line (docs/architecture.md, "At load").
  step('dist/touchpoint.js starts with //# allFunctionsCalledOnLoad', () => {
    if (!readFileSync(join(root, 'dist', 'touchpoint.js'), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')) throw new Error('its first line is not the compile hint')
  })
  step('publint', () => run(bin('publint'), ['run', tarball]))
  step('arethetypeswrong (esm-only)', () => run(bin('attw'), [tarball, '--profile', 'esm-only']))

  const app = join(tmp, 'app')
  run('mkdir', ['-p', app])
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }))
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app)
  step('import("touchpoint") in Node, with no window', () =>
    run('node', ['-e', "import('touchpoint').then(m => { for (const f of ['init','ask','on','setContext','consent','flush','destroy']) if (typeof m[f] != 'function') throw new Error(f + ' missing'); if (typeof window != 'undefined') throw new Error('window defined') })"], app),
  )
  writeFileSync(
    join(app, 'use.ts'),
    `import { init, ask, on, type Answer, type Metric, type Options } from 'touchpoint'
const options: Partial<Options> = { endpoint: 'https://collector.example.com/v1/responses', beforeSend: (a: Answer) => a }
init(options)
const metric: Metric = 'nps'
const answer: Promise<Answer | null> = ask(metric, { touchpoint: 'checkout', stage: 'purchase', comment: 'low' })
const off: () => void = on('sent', (a) => void a.id)
void answer, off
`,
  )
  for (const [resolution, module] of [['node16', 'node16'], ['nodenext', 'nodenext'], ['bundler', 'esnext']])
    step('tsc, moduleResolution ' + resolution, () =>
      run(bin('tsc'), ['--noEmit', '--strict', '--lib', 'es2022,dom', '--module', module, '--moduleResolution', resolution, 'use.ts'], app),
    )
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
