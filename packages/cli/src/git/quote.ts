/**
 * Git's C-style path quoting. With `core.quotePath=true` git prints every path that holds a
 * byte >= 0x80, a control character, `"` or `\` as `"..."` with backslash escapes and octal
 * bytes, so the header lines we parse are plain ASCII and the exact bytes can be recovered.
 */

const SIMPLE_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Raw bytes of a path as git printed it (quoted or not). Throws on a malformed quote. */
export function unquoteGitPath(text: string): Buffer {
  if (!text.startsWith('"')) return Buffer.from(text, 'latin1');
  if (text.length < 2 || !text.endsWith('"')) throw new Error(`malformed quoted path from git: ${text}`);
  const bytes: number[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i]!;
    if (c !== '\\') {
      bytes.push(text.charCodeAt(i) & 0xff);
      continue;
    }
    const next = text[++i];
    if (next === undefined) throw new Error(`malformed quoted path from git: ${text}`);
    if (next >= '0' && next <= '7') {
      const octal = text.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(octal)) throw new Error(`malformed octal escape in path from git: ${text}`);
      bytes.push(parseInt(octal, 8));
      i += 2;
    } else if (next in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[next]!);
    } else {
      throw new Error(`unknown escape \\${next} in path from git: ${text}`);
    }
  }
  return Buffer.from(bytes);
}

/** Path bytes → the string we show and match (UTF-8; invalid bytes become U+FFFD). */
export function pathBytesToString(bytes: Buffer): string {
  return bytes.toString('utf8');
}
