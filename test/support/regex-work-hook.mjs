// The regex-work counter (see regex-work.ts). Imported by regex-work.ts for this process, and
// preloaded with `node --import` into a child process (REGEX_WORK_HOOK), where, when
// $REGEX_WORK_OUT is set, it counts in every thread and appends one JSON line per thread to
// that file at exit.
import { appendFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

/** Wraps RegExp.prototype.exec to count searches, characters covered and patterns run. */
export function instrumentRegExp() {
  const original = RegExp.prototype.exec;
  const counter = { calls: 0, chars: 0, patterns: new Set() };
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
  return { counter, restore: () => void (RegExp.prototype.exec = original) };
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
