// `npm run bench`: prints the benchmark tables and writes bench/results.json.
// Every figure is a ratio against another command measured in the same run (these machines
// are noisy); nothing here is a test. `npm run bench -- engine staged` runs only those parts.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, writeCorpus } from './corpus.mjs';
import { benchEngine } from './engine.mjs';
import { benchEslint } from './eslint.mjs';
import { benchFullScan } from './fullscan.mjs';
import { benchHistory } from './history.mjs';
import { benchStaged } from './staged.mjs';
import { ensureTools } from './tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const workDir = join(here, '.work');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const cli = join(root, 'packages/cli/dist/cli.js');
const ALL = ['engine', 'full', 'staged', 'history', 'eslint'];
const only = process.argv.slice(2).filter((a) => ALL.includes(a));
const parts = only.length ? only : ALL;

mkdirSync(workDir, { recursive: true });
if (parts.some((p) => p !== 'engine') && !existsSync(cli)) {
  console.error('bench: packages/cli/dist/cli.js is missing; run `npm install` (it builds) first');
  process.exit(2);
}
const toolsDir = parts.includes('full') || parts.includes('eslint') ? ensureTools(workDir) : undefined;
const corpusRoots = [join(root, 'node_modules'), ...(toolsDir ? [join(toolsDir, 'node_modules')] : [])];
const corpus = buildCorpus(corpusRoots, 50 * 1024 * 1024);

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30) },
  runs,
};

function section(title, key, fn) {
  if (!parts.includes(key)) return;
  const started = Date.now();
  results[key] = fn();
  console.log(`\n${title}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return results[key];
}

section('Engine throughput (core Scanner in-process vs lower-casing + line counting)', 'engine', () => benchEngine({ corpus, runs }));
if (results.engine) console.table(results.engine);

section('Full scan: kernel-secrets scan vs secretlint (preset-recommend)', 'full', () =>
  benchFullScan({ cli, corpusDir: writeCorpus(corpus, join(workDir, 'corpus')), bytes: corpus.bytes, toolsDir, runs }),
);
if (results.full) {
  console.table(results.full.table);
  console.log(`corpus ${results.full.corpusMB} MB; kernel-secrets is ${results.full.throughputRatio}x secretlint's throughput`);
  for (const [tool, list] of Object.entries(results.full.findings))
    if (list.length) console.log(`${tool} findings:\n  ${list.join('\n  ')}`);
}

section('Pre-commit: scan --staged vs the floor (git diff --cached + cat-file --batch)', 'staged', () =>
  benchStaged({ cli, workDir, corpus, runs }),
);
if (results.staged) console.table(results.staged);

section('History: scan --commits over the whole history vs git log -p', 'history', () => benchHistory({ cli, workDir, corpus, runs }));
if (results.history) console.table(results.history);

if (parts.includes('eslint')) {
  const started = Date.now();
  results.eslint = await benchEslint({ root, toolsDir, runs });
  console.log(`\nESLint over @types/node (${results.eslint.files} .ts files)  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.table(results.eslint.table);
}

writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results.json`);
