// Hostile inputs, timed: the cases whose linearity `npm test` checks by counted regex work
// (test/hardening-inputs.test.ts, packages/core/test/regex-safety.test.ts) are timed here
// against ordinary text of the same size scanned in the same process. Run on its own:
// `node bench/hostile.mjs` (after `npm install`, which builds). Reports ratios, never a verdict.
import { randomBytes } from 'node:crypto';
import { Scanner } from '@kernel-secrets/core';
import { timeMedian } from './stats.mjs';

const MB = 1024 * 1024;
const fill = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const sample = randomBytes(30).toString('base64url');
const CASES = {
  '10 MB single-line minified': fill('function a(b,c){return b.map(function(d){return d+c})}var e={x:1,y:[2,3],z:"str"};', 10 * MB),
  '1 MB of one character': `${'a'.repeat(MB)}\nKERNEL_TOKEN=${sample}\n`,
  '1 MB of = glued to a token': `KERNEL_TOKEN=${sample} ${'='.repeat(MB)}`,
  'nested JSON, 50k levels': '{"a":'.repeat(50_000) + `{"kernel_token":"${sample}"}` + '}'.repeat(50_000),
  '100k short lines': `${'x\n'.repeat(100_000)}token = "${sample}"\n`,
  '1 MB of token="': fill('token="', MB),
  '1 MB of spaces': fill(' ', MB),
};
const ordinary = (size) =>
  fill('import { fetchConstructs } from "./api";\nconst headers = { "Content-Type": "application/json" };\n', size);

const runs = Number(process.env.BENCH_RUNS ?? 5);
const scanner = new Scanner();
const rows = Object.entries(CASES).map(([name, text]) => {
  const yardstick = ordinary(text.length);
  const ms = timeMedian(() => scanner.scan(text), runs);
  const baseMs = timeMedian(() => scanner.scan(yardstick), runs);
  return {
    case: name,
    bytes: text.length,
    ms: Number(ms.toFixed(1)),
    ordinaryMs: Number(baseMs.toFixed(1)),
    ratio: Number((ms / baseMs).toFixed(2)),
  };
});
console.table(rows);
