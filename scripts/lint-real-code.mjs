// The plugin README's "Measured on real code": lints one extracted tree (`git archive HEAD | tar -x`,
// outside any repository) with only this plugin's two rules, @typescript-eslint/parser, no type
// information, inline config off. Prints one line per report (messages hold previews and
// fingerprints, never a value) and a summary line: files and reports per rule.
//
//   npm run build && node scripts/lint-real-code.mjs /tmp/trees/honojs+hono
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import plugin from '../packages/eslint-plugin/dist/index.js';

const require = createRequire(import.meta.url);
const { ESLint } = require('eslint');
const tsParser = require('@typescript-eslint/parser');

const dir = resolve(process.argv[2] ?? '.');
const FILES = '**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}';
const eslint = new ESLint({
  cwd: dir,
  overrideConfigFile: true,
  allowInlineConfig: false,
  errorOnUnmatchedPattern: false,
  overrideConfig: [
    { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**'] },
    {
      files: [FILES],
      plugins: { 'kernel-secrets': plugin },
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      rules: { 'kernel-secrets/no-hardcoded-token': 'error', 'kernel-secrets/no-auth-header-logging': 'error' },
    },
  ],
});
const counts = {};
const results = await eslint.lintFiles([FILES]);
for (const r of results) {
  for (const m of r.messages) {
    const rule = m.ruleId ?? 'parse error';
    counts[rule] = (counts[rule] ?? 0) + 1;
    console.log(`${r.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${rule} ${m.message}`);
  }
}
console.log(`files ${results.length} ${JSON.stringify(counts)}`);
