// Builds a real-world text corpus from installed packages: .js/.ts/.json/.md files under
// node_modules, in a stable order, up to a size budget. Third-party code is what ordinary
// code looks like, so findings on it are almost all false positives.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json', '.md']);
/** Single files above this are skipped: minified bundles would dominate the corpus. */
const MAX_FILE = 2 * 1024 * 1024;

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && EXTENSIONS.has(extname(e.name))) yield p;
  }
}

/** Returns [{ path, text }] totalling at least `minBytes` (or all there is). */
export function buildCorpus(root, minBytes) {
  const files = [];
  let bytes = 0;
  for (const path of walk(root)) {
    const size = statSync(path).size;
    if (size === 0 || size > MAX_FILE) continue;
    files.push({ path, text: readFileSync(path, 'utf8') });
    bytes += size;
    if (bytes >= minBytes) break;
  }
  return { files, bytes };
}
