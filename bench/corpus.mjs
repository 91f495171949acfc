// Builds a real-world text corpus from installed packages: .js/.ts/.json/.md files under
// node_modules folders, in a stable order, up to a size budget. Third-party code is what
// ordinary code looks like, so findings on it are almost all false positives.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';

const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json', '.md']);
/** Single files above this are skipped: one huge bundle would dominate the corpus. */
const MAX_FILE = 4 * 1024 * 1024;
/** The corpus is laid out in this many slices, so ¼, ½ and all of it are lists of slice folders. */
export const SLICES = 4;

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

/** Returns { files: [{ path, text, size }], bytes } totalling at least `minBytes` (or all there is). */
export function buildCorpus(roots, minBytes) {
  const files = [];
  const seen = new Set();
  let bytes = 0;
  for (const root of [roots].flat()) {
    for (const path of walk(root)) {
      const size = statSync(path).size;
      if (size === 0 || size > MAX_FILE) continue;
      const text = readFileSync(path, 'utf8');
      // The same package installed twice is one file's worth of evidence.
      const key = `${size}:${text.slice(0, 256)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({ path, text, size });
      bytes += size;
      if (bytes >= minBytes) return { files, bytes };
    }
  }
  return { files, bytes };
}

/** Whether `dir` is inside a git work tree: the corpus must not be (scan would ask git for the files). */
export function insideGitWorkTree(dir) {
  try {
    return (
      execFileSync('git', ['rev-parse', '--is-inside-work-tree'], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() === 'true'
    );
  } catch {
    return false;
  }
}

/**
 * Copies the corpus to `dir` (which must be outside any git work tree, and without
 * node_modules in its paths, so no tool skips files by default ignore rules), file i into
 * slice i % SLICES. Reused when the file list (paths and sizes) is unchanged. Returns, per fraction (¼, ½, 1),
 * the slice folders and the files and bytes they hold, for the bench to check what each tool read.
 */
export function writeCorpus(corpus, dir) {
  mkdirSync(dir, { recursive: true });
  if (insideGitWorkTree(dir)) throw new Error(`bench: the corpus folder ${dir} is inside a git work tree; choose another (BENCH_DIR)`);
  // Paths and sizes: a source file that changed since the last copy (a cache under node_modules
  // rewritten by a test run) must be copied again, or the bench would expect bytes it cannot find.
  const listing = corpus.files.map((f) => `${f.path}\t${f.size}`).join('\n');
  const stamp = join(dir, '.corpus-listing');
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === listing)) {
    rmSync(join(dir, 'slices'), { recursive: true, force: true });
    for (const [i, f] of corpus.files.entries()) {
      // Flatten "node_modules" out of the path: scanners skip such folders by default.
      const rel = relative('/', f.path)
        .split('/')
        .filter((p) => p !== 'node_modules')
        .join('/');
      const target = join(dir, 'slices', String(i % SLICES), rel);
      mkdirSync(dirname(target), { recursive: true });
      cpSync(f.path, target);
    }
    writeFileSync(stamp, listing);
  }
  const fractions = {};
  for (const n of [1, 2, 4]) {
    const slices = Array.from({ length: n }, (_, s) => join(dir, 'slices', String(s)));
    const inSlices = corpus.files.filter((_, i) => i % SLICES < n);
    fractions[`${n}/${SLICES}`] = {
      dirs: slices,
      files: inSlices.length,
      bytes: inSlices.reduce((sum, f) => sum + f.size, 0),
    };
  }
  return fractions;
}
