// Builds a real-world text corpus from installed packages: .js/.ts/.json/.md files under
// node_modules folders, in a stable order, up to a size budget. Third-party code is what
// ordinary code looks like, so findings on it are almost all false positives.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';

const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json', '.md']);
/** Single files above this are skipped: one huge bundle would dominate the corpus. */
const MAX_FILE = 4 * 1024 * 1024;

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

/** Returns { files: [{ path, text }], bytes } totalling at least `minBytes` (or all there is). */
export function buildCorpus(roots, minBytes) {
  const files = [];
  let bytes = 0;
  for (const root of [roots].flat()) {
    for (const path of walk(root)) {
      const size = statSync(path).size;
      if (size === 0 || size > MAX_FILE) continue;
      files.push({ path, text: readFileSync(path, 'utf8') });
      bytes += size;
      if (bytes >= minBytes) return { files, bytes };
    }
  }
  return { files, bytes };
}

/**
 * Copies the corpus to `dir` (outside any git repo, without node_modules in its path, so no
 * tool skips it by default ignore rules). Reused when the file list is unchanged.
 */
export function writeCorpus(corpus, dir) {
  const listing = corpus.files.map((f) => f.path).join('\n');
  const stamp = join(dir, '.corpus-listing');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === listing) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const [i, f] of corpus.files.entries()) {
    // Flatten "node_modules" out of the path: scanners skip such folders by default.
    const rel = relative('/', f.path)
      .split('/')
      .filter((p) => p !== 'node_modules')
      .join('/');
    const target = join(dir, 'files', String(i % 100), rel);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(f.path, target);
  }
  writeFileSync(stamp, listing);
  return dir;
}
