/**
 * Reads blobs through one long-running `git cat-file --batch`: one process for a whole scan
 * instead of one per file. Requests go in on stdin and blobs stream back one at a time.
 */
import type { Writable } from 'node:stream';
import { CliError } from '../errors.js';
import { gitComplaint, spawnGit, type GitChild } from './process.js';

/** Bytes of queued requests (about 100 object ids) that are written to git in one go. */
const FLUSH_BYTES = 4096;

export interface Blob {
  oid: string;
  size: number;
  /** Undefined when the blob is larger than the reader's `maxBytes` (its bytes were skipped). */
  bytes: Buffer | undefined;
}

interface Waiter {
  resolve(blob: Blob): void;
  reject(error: Error): void;
}

export class BlobReader {
  private readonly child: GitChild;
  private readonly stdin: Writable;
  private readonly ready: Blob[] = [];
  private readonly waiters: Waiter[] = [];
  private header = Buffer.alloc(0);
  private body: { oid: string; size: number; bytes: Buffer | undefined; consumed: number } | undefined;
  private failure: Error | undefined;
  private readonly exited: Promise<void>;
  /** Requested ids not yet written to git's stdin. */
  private unsent = '';
  private flushScheduled = false;

  /** `maxBytes`: blobs larger than this are not held in memory (reported with `bytes: undefined`). */
  constructor(
    cwd: string,
    private readonly maxBytes = Number.MAX_SAFE_INTEGER,
  ) {
    const git = spawnGit(cwd, ['cat-file', '--batch'], { stdin: 'pipe' });
    this.child = git.child;
    this.stdin = git.child.stdin!; // piped above
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    // A write after git died (EPIPE) is reported through its exit below.
    this.stdin.on('error', () => undefined);
    this.exited = git.exit.then(
      (code) => {
        if (this.body || this.waiters.length > 0 || code !== 0) {
          const reason = gitComplaint(git.stderr()) ?? `exit code ${code}`;
          this.fail(new CliError(`git cat-file stopped before returning every object (${reason})`, 'check the repository with `git fsck`'));
        }
      },
      (err: Error) => this.fail(err),
    );
  }

  /**
   * Asks git for `oids` (sent in batches, see below) and returns their blobs, in order. Requests may be queued ahead
   * (history scans ask for the next commits' blobs while scanning this one) as long as their
   * results are consumed in the order they were requested. Missing or non-blob objects are errors.
   */
  request(oids: readonly string[]): AsyncGenerator<Blob> {
    if (oids.length > 0) {
      // Requests are batched into few writes (a history scan asks per commit, thousands of
      // times, and each write was a syscall plus a wake-up of git): they go to git once a
      // batch is full, when a reader is about to wait, or after the current I/O callback
      // (which parsed a whole chunk of git log, many commits), whichever comes first.
      this.unsent += oids.join('\n') + '\n';
      if (this.unsent.length >= FLUSH_BYTES) this.flush();
      else if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    }
    return this.results(oids.length);
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.unsent && !this.stdin.destroyed) this.stdin.write(this.unsent);
    this.unsent = '';
  }

  private async *results(count: number): AsyncGenerator<Blob> {
    for (let i = 0; i < count; i++) yield await this.next();
  }

  /** Ends the process; resolves once git has exited. */
  async close(): Promise<void> {
    this.flush();
    this.stdin.end();
    await this.exited;
  }

  private next(): Promise<Blob> {
    const blob = this.ready.shift();
    if (blob) return Promise.resolve(blob);
    if (this.failure) return Promise.reject(this.failure);
    this.flush(); // what is awaited may still be in the unsent batch
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private deliver(blob: Blob): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(blob);
    else this.ready.push(blob);
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const w of this.waiters.splice(0)) w.reject(error);
  }

  private onData(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && !this.failure) {
      if (this.body) {
        const body = this.body;
        // The blob's bytes, then one LF that git adds after each object.
        const wanted = body.size + 1 - body.consumed;
        const take = Math.min(wanted, chunk.length - pos);
        const dataEnd = pos + Math.min(take, Math.max(0, body.size - body.consumed));
        if (body.bytes) chunk.copy(body.bytes, body.consumed, pos, dataEnd);
        body.consumed += take;
        pos += take;
        if (body.consumed === body.size + 1) {
          this.body = undefined;
          this.deliver({ oid: body.oid, size: body.size, bytes: body.bytes });
        }
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      if (nl === -1) {
        this.header = Buffer.concat([this.header, chunk.subarray(pos)]);
        return;
      }
      const line = Buffer.concat([this.header, chunk.subarray(pos, nl)]).toString('latin1');
      this.header = Buffer.alloc(0);
      pos = nl + 1;
      this.onHeader(line);
    }
  }

  /** `<oid> blob <size>`, `<oid> missing`, `<oid> ambiguous`. */
  private onHeader(line: string): void {
    const [oid = '', type, size] = line.split(' ');
    if (type === 'blob' && size !== undefined && /^\d+$/.test(size)) {
      const bytes = Number(size);
      this.body = { oid, size: bytes, bytes: bytes <= this.maxBytes ? Buffer.allocUnsafe(bytes) : undefined, consumed: 0 };
      return;
    }
    const what =
      type === 'missing' || type === undefined
        ? 'is missing from the object database'
        : type === 'ambiguous'
          ? 'is ambiguous'
          : `is a ${type}, not a file`;
    this.fail(new CliError(`git object ${oid} ${what}`, 'run `git fsck` to check the repository, then stage the file again'));
    this.child.kill();
  }
}
