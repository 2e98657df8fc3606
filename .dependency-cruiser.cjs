// The arrows that may exist between the folders of src/ (npm run lint). Each folder of src/ is
// one shipped file (docs/architecture.md): the core (core/, index.ts, embed.ts) and the parts it
// fetches on demand (prompt/, delivery/, scanner/, vitals/, hook/, tab/, i18n/), and the files the delivery
// engine fetches beside itself (formats/). Both sides meet only in the type-only contract
// (contract.ts) and in leaf helpers (shared/).
const PARTS = '^src/(prompt|delivery|scanner|vitals|hook|explain|tab|i18n|formats)/'
const CORE = '^src/(core/|index\\.ts$|embed\\.ts$)'
const TEST = '\\.test\\.tsx?$'

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, type-only imports included: each module can be read after the ones it imports.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'parts-see-only-the-contract',
      severity: 'error',
      comment:
        'A part imports its own folder, the contract and shared leaf helpers, never the core or another part: ' +
        'otherwise it would carry (or duplicate) their code in its file.',
      from: { path: PARTS + '(?!.*' + TEST + ')' },
      to: { path: '^src/', pathNot: ['^src/contract\\.ts$', '^src/shared/', '^src/$1/', '^src/formats/'] },
    },
    {
      name: 'only-the-engine-fetches-formats',
      severity: 'error',
      comment: 'A delivery format is a file of its own that the delivery engine fetches by its dynamic import(), and nothing else imports.',
      from: { path: '^src/', pathNot: ['^src/delivery/', '^src/formats/', TEST] },
      to: { path: '^src/formats/' },
    },
    {
      name: 'the-engine-fetches-formats-dynamically',
      severity: 'error',
      comment: 'A static import would put the format into the engine file, which every json page fetches.',
      from: { path: '^src/delivery/', pathNot: TEST },
      to: { path: '^src/formats/', dynamic: false },
    },
    {
      name: 'core-fetches-parts-dynamically',
      severity: 'error',
      comment: 'The core reaches a part only by its dynamic import(): a static import would put the part into the core file.',
      from: { path: CORE, pathNot: TEST },
      to: { path: PARTS, dynamic: false },
    },
    {
      name: 'shared-is-a-leaf',
      severity: 'error',
      comment: 'shared/ holds helpers that several files carry: they import nothing but each other and contract types.',
      from: { path: '^src/shared/', pathNot: TEST },
      to: { path: '^src/', pathNot: ['^src/shared/', '^src/contract\\.ts$'] },
    },
    {
      name: 'contract-imports-nothing-of-ours',
      severity: 'error',
      comment: 'The contract is the root of the arrows: both sides import it, it imports neither.',
      from: { path: '^src/contract\\.ts$' },
      to: { path: '^src/' },
    },
    {
      name: 'contract-is-type-only',
      severity: 'error',
      comment: 'Import the contract with `import type`: it holds no code, and no file may come to depend on its running.',
      from: { path: '^src/' },
      to: { path: '^src/contract\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types is still a cycle for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^(dist|collector|demo)/' },
  },
}
