// The repository lints itself with typescript-eslint's type-checked presets and with its own
// plugin, built from this checkout (`npm test` builds before it lints): the rules we ship are
// the rules we live by.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import kernelSecrets from './packages/eslint-plugin/dist/index.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'bin/kernel-secrets.mjs',
      'bin/kernel-secrets-regex-check.cjs',
      'packages/cli/bundle/',
      'coverage/',
      'bench/.work/',
      'packages/eslint-plugin/test/fixtures/',
    ],
  },
  js.configs.recommended,
  kernelSecrets.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        project: ['./packages/*/tsconfig.json', './tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Bracket access marks index-signature reads (env vars, regex groups, records): keep it.
      '@typescript-eslint/dot-notation': 'off',
      // `_`-prefixed parameters are deliberately unused (formatter signatures, callbacks).
      // `a || b` on booleans is logic, not a fallback.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { boolean: true } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests read JSON reports (SARIF, --format json) whose shape is the assertion itself.
    files: ['**/test/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
