// The regex-work counter (see regex-work.ts). Imported by regex-work.ts for this process, and
// preloaded with `node --import` into a child process (REGEX_WORK_HOOK), where, when
// $REGEX_WORK_OUT is set, it counts in every thread and appends one JSON line per thread to
// that file at exit.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** The counter that WebAssembly calls add to (the innermost instrumentRegExp still running). */
let wasmCounter = null;

/**
 * Core's keyword pass runs long texts through a WebAssembly module (engine/wasm-keywords.ts), not
 * a regex: its calls count as searches too, as `wasm:<export>`, each covering the offsets it was
 * asked to scan (`scan(text, n, from, limit, …)`, `runs(text, from, limit, …)`). Installed once:
 * instances made while one count ran are still called during the next.
 */
function instrumentWebAssembly() {
  const api = globalThis.WebAssembly;
  if (!api || api.Instance.countsWork) return;
  const Original = api.Instance;
  const Counting = function (module, imports) {
    const instance = new Original(module, imports);
    const exports = {};
    for (const [name, value] of Object.entries(instance.exports)) {
      exports[name] =
        typeof value !== 'function'
          ? value
          : (...args) => {
              // `runLength` only reads a result back: it scans nothing.
              const covered = name === 'scan' ? args[3] - args[2] : name === 'runs' ? args[2] - args[1] : undefined;
              if (wasmCounter && covered !== undefined) {
                wasmCounter.calls++;
                wasmCounter.chars += Math.max(1, covered);
                wasmCounter.patterns.add(`wasm:${name}`);
              }
              return value(...args);
            };
    }
    return { exports };
  };
  Counting.countsWork = true;
  api.Instance = Counting;
}

/** Wraps RegExp.prototype.exec to count searches, characters covered and patterns run. */
export function instrumentRegExp() {
  const original = RegExp.prototype.exec;
  const counter = { calls: 0, chars: 0, patterns: new Set() };
  instrumentWebAssembly();
  const outer = wasmCounter;
  wasmCounter = counter;
  RegExp.prototype.exec = function (input) {
    const text = String(input);
    const start = this.global || this.sticky ? this.lastIndex : 0;
    const m = original.call(this, text);
    counter.calls++;
    counter.patterns.add(`/${this.source}/${this.flags}`);
    // A match covers up to its end; a failed search the rest of the text; a failed sticky attempt one position.
    if (m) counter.chars += Math.max(1, m.index + m[0].length - start);
    else counter.chars += this.sticky ? 1 : Math.max(1, text.length - start);
    return m;
  };
  return {
    counter,
    restore: () => {
      RegExp.prototype.exec = original;
      wasmCounter = outer;
    },
  };
}

const out = process.env.REGEX_WORK_OUT;
if (out) {
  const { counter } = instrumentRegExp();
  process.on('exit', () =>
    appendFileSync(
      out,
      `${JSON.stringify({ calls: counter.calls, chars: counter.chars, patterns: [...counter.patterns], main: isMainThread })}\n`,
    ),
  );
}
