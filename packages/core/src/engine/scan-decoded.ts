/**
 * A decoded file scanned part by part: the file's own text, then each archive member's own text
 * (text/decode.ts `members`), each as a text of its own with the member's path, so the context
 * that judges a value (a signing key quoted nearby, a Kernel mention, the file type a path
 * names) comes from the member it sits in. Positions are put back into the whole text, so a
 * caller's lines and code frames are the decoded text's.
 */
import type { DecodedText } from '../text/decode.js';
import type { Finding, ScanOptions, ScanResult } from '../types.js';
import { LineIndex } from './lines.js';
import type { Scanner } from './scanner.js';

export function scanDecoded(scanner: Scanner, decoded: DecodedText, options: ScanOptions = {}): ScanResult {
  const members = decoded.members ?? [];
  if (members.length === 0) return scanner.scan(decoded.text, options);
  // Lines given for a diff mean nothing in an archive's decoded text: every line counts.
  const { onlyLines: _lines, ...rest } = options;
  const lines = new LineIndex(decoded.text);
  const result: ScanResult = { findings: [], suppressed: [] };
  const parts = [{ name: undefined as string | undefined, start: 0, end: decoded.ownEnd ?? decoded.text.length }, ...members];
  for (const part of parts) {
    if (part.end <= part.start) continue;
    const path = [rest.path, part.name].filter((p) => p !== undefined).join(' › ') || undefined;
    const scanned = scanner.scan(decoded.text.slice(part.start, part.end), { ...rest, path });
    const lineShift = lines.position(part.start).line - 1;
    const place = <F extends Finding>(f: F): F => ({
      ...f,
      offset: f.offset + part.start,
      endOffset: f.endOffset + part.start,
      line: f.line + lineShift,
      endLine: f.endLine + lineShift,
    });
    result.findings.push(...scanned.findings.map(place));
    result.suppressed.push(...scanned.suppressed.map(place));
  }
  return result;
}
