import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../src/git/line-splitter.js';

/** The reference: split the whole stream's bytes at LF and decode each line as latin1. */
function referenceLines(bytes: Buffer): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
    lines.push(bytes.toString('latin1', start, nl));
    start = nl + 1;
  }
  if (start < bytes.length) lines.push(bytes.toString('latin1', start));
  return lines;
}

function splitInChunks(bytes: Buffer, cuts: number[]): string[] {
  const splitter = new LineSplitter();
  const lines: string[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    lines.push(...splitter.push(bytes.subarray(from, cut)));
    from = cut;
  }
  lines.push(...splitter.push(bytes.subarray(from)), ...splitter.end());
  return lines;
}

describe('LineSplitter', () => {
  it('gives the lines of the whole stream, byte for byte as latin1, however the stream is chunked', () => {
    // Bytes biased towards LF, CR and high bytes, cut at arbitrary places (inside lines, at LFs, empty chunks).
    const byte = fc.oneof(fc.constant(10), fc.constant(13), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 400 }), fc.array(fc.nat(), { maxLength: 12 }), (values, cuts) => {
        const bytes = Buffer.from(values);
        expect(splitInChunks(bytes, cuts)).toEqual(referenceLines(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('joins a long line that arrives in many chunks once', () => {
    const line = Buffer.alloc(1024 * 1024, 'a');
    const bytes = Buffer.concat([line, Buffer.from('\nnext\n')]);
    const cuts = Array.from({ length: 160 }, (_, i) => (i + 1) * 6554);
    const lines = splitInChunks(bytes, cuts);
    expect(lines.map((l) => l.length)).toEqual([line.length, 4]);
  });
});
