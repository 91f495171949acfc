/**
 * Splits a byte stream into lines without decoding the content. Git output can hold any bytes
 * (binary blobs shown with --text, non-UTF-8 text); only header lines are ever interpreted,
 * and those are ASCII, so each line is handed over as a latin1 string (one char per byte).
 */

export class LineSplitter {
  private carry: Buffer | undefined;

  /** Complete lines in `chunk` (plus any carried partial line), without their `\n`. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    let data = chunk;
    if (this.carry) {
      data = Buffer.concat([this.carry, chunk]);
      this.carry = undefined;
    }
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      lines.push(data.toString('latin1', start, nl));
      start = nl + 1;
    }
    if (start < data.length) this.carry = Buffer.from(data.subarray(start));
    return lines;
  }

  /** The last line when the stream did not end with `\n`. */
  end(): string[] {
    const rest = this.carry;
    this.carry = undefined;
    return rest && rest.length > 0 ? [rest.toString('latin1')] : [];
  }
}
