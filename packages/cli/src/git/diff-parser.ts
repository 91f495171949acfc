/**
 * Parser for the one diff shape the CLI asks git for: `--raw -p -U0 --text --no-abbrev` with
 * `core.quotePath=true` (staged: `git diff-index --cached`; history: `git log --cc` with a
 * `\x01<commit> <parents>` header per commit). From it we take, per changed file, the blob id of
 * the new content and the line numbers git reports as added, so that findings are reported on
 * new lines only while the whole blob is scanned.
 *
 * Hunk bodies are consumed by the counts in their headers, never by pattern: a content line can
 * look like `+++ b/x` or `diff --git`, and guessing would let such a file slip through.
 * Anything the parser does not understand is an error (the caller fails closed).
 */
import { LineRanges } from './line-ranges.js';
import { pathBytesToString, unquoteGitPath } from './quote.js';

export const COMMIT_HEADER_MARK = '\x01';

export interface ChangedFile {
  /** Post-image path relative to the repository root, `/`-separated. */
  path: string;
  /** Exact bytes of `path`, for keys and file-system access. */
  pathKey: string;
  /** Pre-image path for renames. */
  oldPath?: string;
  /** Raw status: `A`, `M`, `D`, `R086`, `T`, `U`; combined (merge) diffs: one letter per parent. */
  status: string;
  /** Post-image mode: `100644`, `100755`, `120000` (symlink), `160000` (submodule), `000000` (deleted). */
  mode: string;
  /** Post-image object id (all zeros when deleted). */
  oid: string;
  /** 1-based lines of the post-image that git reports as new. */
  addedLines: LineRanges;
  /**
   * The text of those lines (latin1, one char per byte), kept up to ADDED_TEXT_LIMIT so a
   * history scan can ask the engine whether the file is worth reading at all; undefined once
   * the limit is passed (then the file is always read).
   */
  addedText?: string | undefined;
}

/** Bytes of added text kept per file; past this the file is simply read and scanned. */
export const ADDED_TEXT_LIMIT = 1024 * 1024;

export interface CommitChanges {
  /** Undefined for the staged diff. */
  commit?: string;
  parents: string[];
  files: ChangedFile[];
}

interface Hunk {
  /** Lines still expected per parent (one entry for a plain diff). */
  parentRemaining: number[];
  resultRemaining: number;
  nextLine: number;
  parents: number;
}

export class DiffParseError extends Error {}

function parseCount(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,10}$/.test(text)) throw new DiffParseError(`bad hunk count "${text}"`);
  return Number(text);
}

/** `-12,3` / `+4` → [start, count]. */
function parseRange(token: string, sign: '-' | '+'): [number, number] {
  if (!token.startsWith(sign)) throw new DiffParseError(`bad hunk range "${token}"`);
  const [start, count] = token.slice(1).split(',');
  return [parseCount(start, 0), parseCount(count, 1)];
}

export class DiffParser {
  private current: CommitChanges | undefined;
  private byPath = new Map<string, ChangedFile>();
  /** Target of the section being read: a file, null for `+++ /dev/null` (deleted), undefined before `+++`. */
  private file: ChangedFile | null | undefined;
  private hunk: Hunk | undefined;
  /** Parents of the section being read: 1 for `diff --git`, n for `diff --cc`. */
  private sectionParents = 1;
  private readonly done: CommitChanges[] = [];

  /** `implicitCommit`: the staged diff has no commit headers; everything belongs to one change set. */
  constructor(implicitCommit = false) {
    if (implicitCommit) this.current = { parents: [], files: [] };
  }

  /** Change sets completed so far (removed from the parser). */
  take(): CommitChanges[] {
    return this.done.splice(0, this.done.length);
  }

  end(): CommitChanges[] {
    if (this.hunk) throw new DiffParseError('diff ended inside a hunk');
    this.finishCommit();
    return this.take();
  }

  pushLine(line: string): void {
    if (this.hunk) {
      this.hunkLine(line);
      return;
    }
    const first = line.charCodeAt(0);
    if (line.startsWith(COMMIT_HEADER_MARK)) return this.commitHeader(line);
    if (first === 58 /* : */) return this.rawLine(line);
    if (line.startsWith('diff ')) return this.sectionHeader(line);
    if (line.startsWith('+++ ')) return this.newFileLine(line);
    if (line.startsWith('@@')) return this.hunkHeader(line);
    // index, mode, rename/similarity, ---, Binary, blank lines: nothing we need.
  }

  private commitHeader(line: string): void {
    this.finishCommit();
    const [commit, ...parents] = line.slice(1).trim().split(' ').filter(Boolean);
    if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) throw new DiffParseError(`bad commit header "${line.slice(1, 80)}"`);
    this.current = { commit, parents, files: [] };
  }

  private finishCommit(): void {
    if (this.current) this.done.push(this.current);
    this.current = undefined;
    this.byPath.clear();
    this.file = undefined;
  }

  private changes(): CommitChanges {
    if (!this.current) throw new DiffParseError('diff output before any commit header');
    return this.current;
  }

  /** `:100644 100644 <old> <new> M\tpath`, `:… R086\told\tnew`, `::m1 m2 m3 o1 o2 n MM\tpath`. */
  private rawLine(line: string): void {
    const tab = line.indexOf('\t');
    if (tab === -1) throw new DiffParseError(`bad raw diff line "${line.slice(0, 120)}"`);
    const colons = /^:+/.exec(line)![0].length;
    const meta = line.slice(colons, tab).split(' ');
    const parents = colons;
    if (meta.length !== 2 * (parents + 1) + 1) throw new DiffParseError(`bad raw diff line "${line.slice(0, 120)}"`);
    const mode = meta[parents]!;
    const oid = meta[2 * parents + 1]!;
    const status = meta[2 * parents + 2]!;
    const paths = line.slice(tab + 1).split('\t');
    const target = unquoteGitPath(paths[paths.length - 1]!);
    const file: ChangedFile = {
      path: pathBytesToString(target),
      pathKey: target.toString('latin1'),
      status,
      mode,
      oid,
      addedLines: new LineRanges(),
      addedText: '',
    };
    if (paths.length === 2) file.oldPath = pathBytesToString(unquoteGitPath(paths[0]!));
    this.changes().files.push(file);
    this.byPath.set(file.pathKey, file);
  }

  private sectionHeader(line: string): void {
    this.file = undefined;
    if (line.startsWith('diff --git ')) this.sectionParents = 1;
    else if (line.startsWith('diff --cc ') || line.startsWith('diff --combined '))
      this.sectionParents = Math.max(2, this.changes().parents.length);
    else throw new DiffParseError(`unknown diff header "${line.slice(0, 120)}"`);
  }

  /** `+++ b/path` (or `+++ "b/…"` quoted, or `+++ /dev/null`). Names with spaces end in a tab. */
  private newFileLine(line: string): void {
    let name = line.slice(4);
    if (name === '/dev/null') {
      this.file = null; // deleted: its hunks remove lines only
      return;
    }
    if (!name.startsWith('"') && name.endsWith('\t')) name = name.slice(0, -1);
    const bytes = unquoteGitPath(name);
    if (bytes.subarray(0, 2).toString('latin1') !== 'b/') throw new DiffParseError(`unexpected path prefix in "${line.slice(0, 120)}"`);
    const key = bytes.subarray(2).toString('latin1');
    const file = this.byPath.get(key);
    if (!file) throw new DiffParseError(`patch for a file missing from the raw listing: ${pathBytesToString(bytes.subarray(2))}`);
    this.file = file;
  }

  /** `@@ -a,b +c,d @@` or, for an n-parent merge, `@@@ -a,b -c,d +e,f @@@`. */
  private hunkHeader(line: string): void {
    if (this.file === undefined) throw new DiffParseError(`hunk without a file: "${line.slice(0, 120)}"`);
    const parents = this.sectionParents;
    const marker = '@'.repeat(parents + 1);
    const tokens = line.split(' ');
    if (tokens[0] !== marker || tokens[parents + 2] !== marker) throw new DiffParseError(`bad hunk header "${line.slice(0, 120)}"`);
    const parentRemaining: number[] = [];
    for (let i = 1; i <= parents; i++) parentRemaining.push(parseRange(tokens[i]!, '-')[1]);
    const [start, count] = parseRange(tokens[parents + 1]!, '+');
    const hunk: Hunk = { parentRemaining, resultRemaining: count, nextLine: start, parents };
    if (!this.hunkDone(hunk)) this.hunk = hunk;
  }

  private hunkDone(h: Hunk): boolean {
    return h.resultRemaining === 0 && h.parentRemaining.every((n) => n === 0);
  }

  private hunkLine(line: string): void {
    const h = this.hunk!;
    if (line.startsWith('\\')) return; // "\ No newline at end of file"
    // diff.suppressBlankEmpty prints an empty context line as "" instead of " ".
    const prefix = line.length >= h.parents ? line.slice(0, h.parents) : ' '.repeat(h.parents);
    if (!/^[ +-]+$/.test(prefix)) throw new DiffParseError(`unexpected line inside a hunk: "${line.slice(0, 40)}"`);
    if (prefix.includes('-')) {
      // A line of the parents only: in parent i when column i is '-'.
      for (let i = 0; i < h.parents; i++) if (prefix[i] === '-') h.parentRemaining[i]!--;
    } else {
      // A line of the result: new relative to every parent whose column is '+'. Reporting a line
      // new to any parent is a superset of "new to all", so merge content is never missed.
      if (prefix.includes('+')) {
        if (!this.file) throw new DiffParseError('added line in a deleted file');
        this.file.addedLines.add(h.nextLine);
        const text = this.file.addedText;
        if (text !== undefined)
          this.file.addedText = text.length + line.length > ADDED_TEXT_LIMIT ? undefined : `${text}${line.slice(h.parents)}\n`;
      }
      for (let i = 0; i < h.parents; i++) if (prefix[i] === ' ') h.parentRemaining[i]!--;
      h.nextLine++;
      h.resultRemaining--;
    }
    if (h.resultRemaining < 0 || h.parentRemaining.some((n) => n < 0)) throw new DiffParseError('hunk longer than its header says');
    if (this.hunkDone(h)) this.hunk = undefined;
  }
}

/** Parses a complete diff held in memory (the staged diff). */
export function parseDiffText(text: string): ChangedFile[] {
  const parser = new DiffParser(true);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) parser.pushLine(line);
  return parser.end().flatMap((c) => c.files);
}
