/**
 * Splits a byte stream into lines without decoding the content. Git output can hold any bytes
 * (binary blobs shown with --text, non-UTF-8 text); only header lines are ever interpreted,
 * and those are ASCII, so each line is handed over as a latin1 string (one char per byte).
 *
 * Each chunk is decoded once and split as a string: latin1 maps byte i to char i, so the
 * string's `\n` positions are the bytes' and the pieces are exactly the per-line decodes. A
 * history scan splits millions of lines, and one native decode per line cost more than the
 * split itself.
 */

export class LineSplitter {
  /**
   * Pieces of the current, unfinished line. Kept as a list and joined once the line ends: a
   * 10 MB minified line arrives in ~160 chunks, and re-concatenating the carry with every
   * chunk would copy it quadratically.
   */
  private carry: string[] = [];

  /** Complete lines in `chunk` (plus any carried partial line), without their `\n`. */
  push(chunk: Buffer): string[] {
    const text = chunk.toString('latin1');
    const lines: string[] = [];
    let start = 0;
    let nl = text.indexOf('\n');
    if (nl === -1) {
      this.carry.push(text);
      return lines;
    }
    if (this.carry.length > 0) {
      this.carry.push(text.slice(0, nl));
      lines.push(this.carry.join(''));
      this.carry = [];
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    for (; nl !== -1; nl = text.indexOf('\n', start)) {
      lines.push(text.slice(start, nl));
      start = nl + 1;
    }
    if (start < text.length) this.carry.push(text.slice(start));
    return lines;
  }

  /** The last line when the stream did not end with `\n`. */
  end(): string[] {
    const rest = this.carry.join('');
    this.carry = [];
    return rest.length > 0 ? [rest] : [];
  }
}
