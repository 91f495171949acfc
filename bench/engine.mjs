// Engine throughput: the core Scanner over a corpus from node_modules, against a floor in the
// same process (lower-casing every file and counting its lines: the least any scanner does).
import { Scanner } from '@kernel-secrets/core';
import { mb, timeMedian } from './stats.mjs';

export function benchEngine({ corpus, runs }) {
  const { files, bytes } = corpus;
  const scanner = new Scanner();
  let findings = 0;
  const engineMs = timeMedian(() => {
    findings = 0;
    for (const f of files) findings += scanner.scan(f.text, { path: f.path }).findings.length;
  }, runs);
  const floorMs = timeMedian(() => {
    let lines = 0;
    for (const f of files) {
      const lower = f.text.toLowerCase();
      for (let i = lower.indexOf('\n'); i !== -1; i = lower.indexOf('\n', i + 1)) lines++;
    }
    return lines;
  }, runs);
  return {
    files: files.length,
    megabytes: Number(mb(bytes).toFixed(1)),
    engineMBps: Number((mb(bytes) / (engineMs / 1000)).toFixed(1)),
    floorMBps: Number((mb(bytes) / (floorMs / 1000)).toFixed(1)),
    ratioToFloor: Number((engineMs / floorMs).toFixed(2)),
    findings,
  };
}
