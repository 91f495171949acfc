/**
 * Splits a byte stream into lines without decoding the content. Git output can hold any bytes
 * (binary blobs shown with --text, non-UTF-8 text); only header lines are ever interpreted,
 * and those are ASCII, so each line is handed over as a latin1 string (one char per byte).
 */

export class LineSplitter {
  /**
   * Pieces of the current, unfinished line. Kept as a list and joined once the line ends: a
   * 10 MB minified line arrives in ~160 chunks, and re-concatenating the carry with every
   * chunk would copy it quadratically.
   */
  private carry: Buffer[] = [];

  /** Complete lines in `chunk` (plus any carried partial line), without their `\n`. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    let nl = chunk.indexOf(10);
    if (nl === -1) {
      this.carry.push(Buffer.from(chunk)); // the stream may reuse its buffer
      return lines;
    }
    if (this.carry.length > 0) {
      lines.push(Buffer.concat([...this.carry, chunk.subarray(0, nl)]).toString('latin1'));
      this.carry = [];
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    for (; nl !== -1; nl = chunk.indexOf(10, start)) {
      lines.push(chunk.toString('latin1', start, nl));
      start = nl + 1;
    }
    if (start < chunk.length) this.carry.push(Buffer.from(chunk.subarray(start)));
    return lines;
  }

  /** The last line when the stream did not end with `\n`. */
  end(): string[] {
    const rest = Buffer.concat(this.carry);
    this.carry = [];
    return rest.length > 0 ? [rest.toString('latin1')] : [];
  }
}
