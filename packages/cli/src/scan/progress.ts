/**
 * A one-line progress bar on stderr for long history scans. Only on a terminal (never in CI
 * logs or pipes), throttled, and erased when done so the report starts on a clean line.
 */

const MIN_TOTAL = 20;
const INTERVAL_MS = 100;
const WIDTH = 24;

export class Progress {
  private done = 0;
  private last = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean },
    private readonly total: number,
    private readonly label: string,
    enabled: boolean,
  ) {
    this.enabled = enabled && stream.isTTY === true && total >= MIN_TOTAL;
  }

  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < INTERVAL_MS && this.done < this.total) return;
    this.last = now;
    const ratio = Math.min(1, this.done / this.total);
    const filled = Math.round(ratio * WIDTH);
    this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${this.done}/${this.total}`);
  }

  end(): void {
    if (this.enabled) this.stream.write('\r\x1b[2K');
  }
}
