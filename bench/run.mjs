// `npm run bench`: prints the benchmark tables and writes bench/results.json.
// Figures are ratios measured in one run (these machines are noisy); nothing here is a test.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEngine } from './engine.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: cpus().length, model: cpus()[0]?.model },
  engine: benchEngine({ root: join(root, 'node_modules'), minBytes: 50 * 1024 * 1024, runs }),
};

console.log('\nEngine throughput (core Scanner, corpus from node_modules)');
console.table(results.engine);
writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`wrote ${join('bench', 'results.json')}`);
