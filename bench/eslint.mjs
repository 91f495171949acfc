// ESLint: one run over a large TypeScript tree with no plugin, with
// eslint-plugin-kernel-secrets' recommended config, and with eslint-plugin-no-secrets;
// each plugin's overhead is reported as a ratio over the bare run, measured in one process.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median } from './stats.mjs';

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

export async function benchEslint({ root, toolsDir, runs }) {
  const require = createRequire(join(root, 'package.json'));
  const { ESLint } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const kernelSecrets = (await import(pathToFileURL(join(root, 'packages/eslint-plugin/dist/index.js')).href)).default;
  const noSecrets = createRequire(join(toolsDir, 'package.json'))('eslint-plugin-no-secrets');
  // @types/node: ~2-3 MB of real TypeScript declarations, with plenty of strings and comments.
  const tree = join(root, 'node_modules', '@types', 'node');
  const files = tsFiles(tree);
  const base = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };
  const configs = {
    bare: [base],
    'eslint-plugin-kernel-secrets': [base, { ...kernelSecrets.configs.recommended, files: ['**/*.ts'] }],
    'eslint-plugin-no-secrets': [
      base,
      { files: ['**/*.ts'], plugins: { 'no-secrets': noSecrets }, rules: { 'no-secrets/no-secrets': 'error' } },
    ],
  };
  const eslints = Object.fromEntries(
    Object.entries(configs).map(([name, overrideConfig]) => [
      name,
      new ESLint({ cwd: tree, overrideConfigFile: true, overrideConfig, ignore: false, cache: false }),
    ]),
  );
  const times = Object.fromEntries(Object.keys(configs).map((k) => [k, []]));
  const problems = {};
  for (const eslint of Object.values(eslints)) await eslint.lintFiles(files); // warm-up
  // Interleave the configurations so that machine noise hits all of them alike.
  for (let r = 0; r < runs; r++) {
    for (const [name, eslint] of Object.entries(eslints)) {
      const start = performance.now();
      const results = await eslint.lintFiles(files);
      times[name].push(performance.now() - start);
      problems[name] = results.reduce((n, res) => n + res.messages.length, 0);
    }
  }
  const bareMs = median(times.bare);
  return {
    files: files.length,
    table: Object.fromEntries(
      Object.keys(configs).map((k) => [
        k,
        { 'median ms': +median(times[k]).toFixed(0), 'ratio to bare': +(median(times[k]) / bareMs).toFixed(3), problems: problems[k] },
      ]),
    ),
  };
}
