// The TypeScript linter of `npm run lint`. It covers the SDK's own code (src/) fully and the
// tooling around it (e2e/, scripts/, build/, test/, configs) with the recommended rules only.
// collector/ and demo/ are separate concerns with their own owners and are left out.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'collector/', 'demo/', 'bench/', 'examples/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', navigator: 'readonly', console: 'readonly',
        process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
    rules: {
      // TypeScript already reports undefined names, with the DOM and Node types in view.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // Plain functions and closures: they minify better than classes and never depend on `this`.
      'no-restricted-syntax': ['error', { selector: 'ClassDeclaration, ClassExpression', message: 'Plain functions and closures, no classes.' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // shared/log.ts is the one console writer: every message carries the same tag and no
      // stubbed console can throw into the page.
      'no-console': 'error',
      // `a && b()` and `(x = 1), f()` are habits of this code base: they minify to the same bytes
      // and read as short as they are.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  { files: ['src/shared/log.ts', '**/*.test.{ts,tsx}'], rules: { 'no-console': 'off' } },
  {
    // The contract between the core and the parts holds types only: importing it costs no byte.
    files: ['src/contract.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > :not(TSInterfaceDeclaration, TSTypeAliasDeclaration, ImportDeclaration[importKind="type"], ExportNamedDeclaration[exportKind="type"], ExportNamedDeclaration > TSInterfaceDeclaration, ExportNamedDeclaration > TSTypeAliasDeclaration)',
          message: 'src/contract.ts holds types only.',
        },
      ],
    },
  },
  {
    // The prompt's JSX compiles to h() calls (tsconfig jsxFactory), which the linter must count as uses of h.
    files: ['src/**/*.tsx'],
    languageOptions: { parserOptions: { jsxPragma: 'h', jsxFragmentName: 'Fragment' } },
  },
  {
    // Tests and tooling: the recommended rules, a little looser; they hold the code, not the reverse.
    files: ['**/*.test.{ts,tsx}', 'e2e/**', 'test/**', 'scripts/**', 'build/**', '*.config.{ts,js}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'prefer-const': 'off',
    },
  },
)
