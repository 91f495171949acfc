// `npm run bench`: prints the benchmark tables and writes bench/results.json.
// Every figure is a ratio against another command measured in the same run (these machines
// are noisy); nothing here is a test. `npm run bench -- engine staged` runs only those parts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, writeCorpus } from './corpus.mjs';
import { benchEngine } from './engine.mjs';
import { benchEslint } from './eslint.mjs';
import { benchFullScan } from './fullscan.mjs';
import { benchHistory } from './history.mjs';
import { benchHook } from './hook.mjs';
import { benchStaged } from './staged.mjs';
import { benchStartup } from './startup.mjs';
import { ensureTools } from './tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const workDir = join(here, '.work');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const distCli = join(root, 'packages/cli/dist/cli.js');
const ALL = ['engine', 'startup', 'full', 'hook', 'staged', 'history', 'eslint'];
const only = process.argv.slice(2).filter((a) => ALL.includes(a));
const parts = only.length ? only : ALL;

mkdirSync(workDir, { recursive: true });
if (parts.some((p) => p !== 'engine') && !existsSync(distCli)) {
  console.error('bench: packages/cli/dist/cli.js is missing; run `npm install` (it builds) first');
  process.exit(2);
}
// What users run: the npm package's bin starts the single-file bundle `prepack` builds. Built
// here from this checkout's dist/ (never a stale committed copy); dist/cli.js is kept for comparison.
const cli = join(workDir, 'bundle', 'kernel-secrets.mjs');
if (parts.some((p) => p !== 'engine' && p !== 'eslint'))
  execFileSync(process.execPath, [join(root, 'scripts/bundle-cli.mjs'), '--out', cli], { stdio: 'ignore' });
const toolsDir = parts.includes('full') || parts.includes('eslint') ? ensureTools(workDir) : undefined;
// Third-party code: this repository's dependencies, the competitors' and npm's own.
const npmGlobal = join(dirname(dirname(process.execPath)), 'lib', 'node_modules');
const corpusRoots = [join(root, 'node_modules'), ...(toolsDir ? [join(toolsDir, 'node_modules')] : []), npmGlobal];
const corpus = buildCorpus(corpusRoots, Number(process.env.BENCH_MB ?? 150) * 1024 * 1024);
// Outside any git work tree: inside one, `scan <dir>` lists files with git, not by walking.
const outsideDir = process.env.BENCH_DIR ?? join(tmpdir(), 'kernel-secrets-bench');
// Another build of this repository to compare the hook path with, in the same rounds (a worktree
// at an older commit after `npm ci`): BENCH_BASELINE=/path/to/checkout npm run bench -- staged hook
const baselineRoot = process.env.BENCH_BASELINE;
if (baselineRoot && !existsSync(join(baselineRoot, 'packages/cli/dist/cli.js'))) {
  console.error(`bench: BENCH_BASELINE=${baselineRoot} has no packages/cli/dist/cli.js; run \`npm ci\` there first`);
  process.exit(2);
}

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

section('Start-up: --version and scan --stdin of a small file vs node -e 0', 'startup', () => benchStartup({ root, cli, runs }));
if (results.startup) console.table(results.startup);

section('Full scan: kernel-secrets scan vs secretlint (preset-recommend), rg and cat on the same files', 'full', () => {
  const corpusDir = join(outsideDir, 'corpus');
  return benchFullScan({ cli, corpusDir, fractions: writeCorpus(corpus, corpusDir), toolsDir, runs });
});
if (results.full) {
  console.table(results.full.rows);
  console.table(results.full.ratios);
  for (const [fraction, byTool] of Object.entries(results.full.findings))
    for (const [tool, list] of Object.entries(byTool))
      console.log(`${fraction} ${tool}: ${list.length} findings${list.length ? `\n  ${list.join('\n  ')}` : ''}`);
}

section('Commit hook: git commit with each pre-commit hook (ratios to a husky hook running `node -e 0`)', 'hook', () =>
  benchHook({ root, cli, outsideDir, runs, baselineRoot }),
);
if (results.hook) {
  console.table(results.hook.rows);
  console.table(results.hook.ratiosToNodeHook);
  console.log(`the pre-commit hook init writes:\n${results.hook.initPreCommit}`);
}

section('Pre-commit: scan --staged vs the floor (git diff --cached + cat-file --batch)', 'staged', () =>
  benchStaged({ cli, workDir: outsideDir, corpus, runs, baselineRoot }),
);
if (results.staged) console.table(results.staged);

section('History: scan --commits over the whole history vs git log -p', 'history', () =>
  benchHistory({ cli, distCli, workDir: outsideDir, corpus, runs }),
);
if (results.history) console.table(results.history);

if (parts.includes('eslint')) {
  const started = Date.now();
  results.eslint = await benchEslint({ root, toolsDir, runs });
  console.log(`\nESLint over @types/node (${results.eslint.files} .ts files)  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  console.table(results.eslint.table);
}

writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results.json`);
