// Engine throughput: the core Scanner over a corpus from node_modules, against a floor in the
// same process (lower-casing every file and counting its lines: the least any scanner does).
import { Scanner, TEXT_DETECTORS } from '@kernel-secrets/core';
import { BINDING_KEYWORDS } from '../packages/core/dist/catalogue/binding-rules.js';
import { KeywordSet } from '../packages/core/dist/engine/keyword-set.js';
import { mb, timeMedian } from './stats.mjs';

/**
 * The keyword pass alone, as the scanner builds it: the WebAssembly module against the regex it
 * replaced, same run. Both must give the same offsets on every file, and both must have read
 * every character of the corpus, or the ratio is not about the same work.
 */
function benchKeywordPass(files, runs) {
  const set = new KeywordSet([...TEXT_DETECTORS.flatMap((d) => d.keywords), ...BINDING_KEYWORDS], BINDING_KEYWORDS);
  const pass = (scan) => {
    let offsets = 0;
    let chars = 0;
    for (const f of files) {
      offsets += scan(f.text).positions.length;
      chars += f.text.length;
    }
    return { offsets, chars };
  };
  let wasm;
  let regex;
  const wasmMs = timeMedian(() => (wasm = pass((t) => set.scan(t))), runs);
  const regexMs = timeMedian(() => (regex = pass((t) => set.scanWithRegex(t))), runs);
  for (const f of files) {
    if (JSON.stringify(set.scan(f.text)) !== JSON.stringify(set.scanWithRegex(f.text)))
      throw new Error(`bench: keyword passes differ on ${f.path}`);
  }
  const total = files.reduce((n, f) => n + f.text.length, 0);
  if (wasm.chars !== total || regex.chars !== total) throw new Error('bench: a keyword pass did not read the whole corpus');
  return {
    keywordOffsets: wasm.offsets,
    keywordWasmMs: Math.round(wasmMs),
    keywordRegexMs: Math.round(regexMs),
    keywordRatio: +(regexMs / wasmMs).toFixed(2),
  };
}

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
    ...benchKeywordPass(files, runs),
  };
}
