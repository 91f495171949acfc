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
    `  { ignores: ${JSON.stringify(ESLINT_IGNORES).replace(/"/g, "'").replace(/,/g, ', ')} }, // vendored, minified and generated files`,
    "  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },",
    ...(withTypeScript ? ["  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },"] : []),
    '  kernelSecrets.configs.recommended,',
    '];',
    '',
  ].join('\n');
}

/**
 * Files ESLint cannot lint fast, or that nobody wrote: minified bundles (a 5 MB one takes ESLint
 * over a minute and 3 GB) and Yarn Plug'n'Play's generated loaders. Matched by file name (the
 * lint-staged glob has no `/`, so it matches base names); the token scan still covers them.
 */
const NOT_LINTED = ['*.min', '*-min', '*.bundle', '.pnp', '.pnp.loader'];

export function lintStagedGlob(withTypeScript: boolean): string {
  return `!(${NOT_LINTED.join('|')}).${withTypeScript ? '{js,jsx,mjs,cjs,ts,tsx,mts,cts}' : '{js,jsx,mjs,cjs}'}`;
}

/** Directories the written ESLint config ignores: vendored and generated code (the scan still covers them). */
export const ESLINT_IGNORES = ['**/vendor/', '**/*.min.*', '.yarn/', '.pnp.*'];

/** --no-warn-ignored: a staged file the ESLint config ignores is not a failure. */
export const LINT_STAGED_ESLINT_COMMAND = 'eslint --max-warnings=0 --no-warn-ignored';
