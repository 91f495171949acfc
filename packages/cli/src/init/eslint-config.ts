/** The ESLint flat config `init` writes when a project has none: the plugin's recommended rules. */

export const ESLINT_CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

export function eslintConfigText(withTypeScript: boolean): string {
  return [
    '// ESLint flat config written by `kernel-secrets init`: flags hardcoded Kernel tokens and',
    '// tokens or Authorization headers on their way into logs. Add your own configs to the array.',
    "import kernelSecrets from 'eslint-plugin-kernel-secrets';",
    ...(withTypeScript ? ["import tsParser from '@typescript-eslint/parser';"] : []),
    '',
    'export default [',
    "  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },",
    ...(withTypeScript ? ["  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },"] : []),
    '  kernelSecrets.configs.recommended,',
    '];',
    '',
  ].join('\n');
}

export function lintStagedGlob(withTypeScript: boolean): string {
  return withTypeScript ? '*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}' : '*.{js,jsx,mjs,cjs}';
}

/** --no-warn-ignored: a staged file the ESLint config ignores is not a failure. */
export const LINT_STAGED_ESLINT_COMMAND = 'eslint --max-warnings=0 --no-warn-ignored';
