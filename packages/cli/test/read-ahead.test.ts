import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAhead } from '../src/git/read-ahead.js';

/** A stream of `count` chunks of `size` bytes, chunk i filled with byte i % 251, produced as fast as it is read. */
function source(count: number, size: number): { stream: Readable; produced: () => number } {
  let i = 0;
  const stream = new Readable({
    read() {
      if (i === count) this.push(null);
      else this.push(Buffer.alloc(size, i++ % 251));
    },
  });
  return { stream, produced: () => i };
}

describe('readAhead', () => {
  it('yields every chunk in order', async () => {
    const { stream } = source(40, 64 * 1024);
    let n = 0;
    for await (const chunk of readAhead(stream)) {
      expect(chunk.length).toBe(64 * 1024);
      expect(chunk[0]).toBe(n++ % 251);
    }
    expect(n).toBe(40);
  });

  it('reads ahead of a slow consumer, but no more than its bound (the stream is paused)', async () => {
    const { stream, produced } = source(1024, 64 * 1024); // 64 MiB in all
    const chunks = readAhead(stream);
    await chunks.next();
    // The consumer stops; the producer runs on until the bound (8 MiB = 128 chunks) is reached.
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(produced()).toBeGreaterThan(16); // well past a pipe's or a stream's own 64 KiB
    expect(produced()).toBeLessThan(200);
    expect(stream.isPaused()).toBe(true);
    let rest = 0;
    for await (const _ of chunks) rest++;
    expect(rest).toBe(1023);
  });

  it('passes a stream error on', async () => {
    const stream = new Readable({
      read() {
        this.destroy(new Error('boom'));
      },
    });
    await expect(async () => {
      for await (const _ of readAhead(stream)) void _;
    }).rejects.toThrow('boom');
  });
});
