/**
 * Reads a child's stdout ahead of its consumer, up to a bound. A pipe holds 64 KiB, and a
 * stream's own buffer as much again: with plain backpressure, git blocks as soon as the
 * consumer is busy with a large commit, then the consumer idles while git catches up. Buffering
 * a few MiB lets git (one core) and the scan (the other) run at the same time, while memory
 * stays bounded: the stream is paused above HIGH_WATER and resumed below LOW_WATER.
 */
import type { Readable } from 'node:stream';
import { Wake } from './wake.js';

const HIGH_WATER = 8 * 1024 * 1024;
const LOW_WATER = 2 * 1024 * 1024;

export async function* readAhead(stream: Readable): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let buffered = 0;
  let ended = false;
  let failure: Error | undefined;
  const wake = new Wake();
  const notify = wake.notify;
  const onData = (chunk: Buffer): void => {
    queue.push(chunk);
    buffered += chunk.length;
    if (buffered > HIGH_WATER) stream.pause();
    notify();
  };
  const onEnd = (): void => {
    ended = true;
    notify();
  };
  const onError = (err: Error): void => {
    failure = err;
    notify();
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('error', onError);
  try {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        buffered -= chunk.length;
        if (buffered < LOW_WATER && stream.isPaused()) stream.resume();
        yield chunk;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await wake.wait();
    }
  } finally {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.off('error', onError);
  }
}
