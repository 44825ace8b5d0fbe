// ESLint (flat config): typescript-eslint's recommended rules for every TypeScript file, plus the
// type-aware rules that catch real bugs in this code base (promises nobody awaits, awaits of
// non-promises), which need the type checker and so run with the project service.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'client/dist/**',
      'node_modules/**',
      'test-artifacts/**',
      '.scratch/**',
      'bench/tmp-lib/**',
      'bench/.probe*',
      'server/core/schema-types.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      // Unused names are errors, except the ones a signature must declare (`_req`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `catch {}` around best-effort clean-up is deliberate here.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Control characters are matched on purpose: refusing them in metadata, escaping them in terminals.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests read JSON bodies of every shape; typing each would only restate the OpenAPI checks.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
