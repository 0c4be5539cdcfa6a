// ESLint (flat config): `npm run lint:code`. A modest rule set: JavaScript's and typescript-eslint's
// recommended rules without type information (so it stays fast), tuned where the tree's idioms are
// deliberate. Import boundaries and circles are dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'data/', '.tmp/', 'web/dist/', 'bench/.data/', 'coverage/', '**/*.d.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_name` marks a value kept for its position (a destructured tuple, a callback's argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Chinese text indents with the full-width space (U+3000) inside strings and JSX text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipJSXText: true, skipComments: true }],
      // `let x = ''; do { x = … } while (taken(x))` is how the generators draw unique values.
      'no-useless-assignment': 'off',
      // A handler declared before what it calls is assigned (a signal handler and the server it stops).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Tests and browser specs: `any` reaches into replies and library internals; exceljs rows are
    // 1-based arrays (a leading hole); helpers rethrow with a message of their own.
    files: ['test/**', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-sparse-arrays': 'off', 'preserve-caught-error': 'off' },
  },
  {
    // The error handler receives whatever was thrown (narrowed by its properties inside).
    files: ['src/platform/http/server.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
