/**
 * Parser for the one diff shape the CLI asks git for: `--raw -p -U0 --text --no-abbrev` with
 * `core.quotePath=true` (staged: `git diff-index --cached`; history: `git log --cc` with a
 * `\x01<commit> <parents>` header per commit). From it we take, per changed file, the blob id of
 * the new content and the line numbers git reports as added, so that findings are reported on
 * new lines only while the whole blob is scanned.
 *
 * Hunk bodies are consumed by the counts in their headers, never by pattern: a content line can
 * look like `+++ b/x` or `diff --git`, and guessing would let such a file slip through. Outside
 * hunks only the lines git documents are accepted (see EXTENDED_HEADERS); anything else is an
 * error naming the commit and file (the caller fails closed).
 *
 * Combined diffs (`diff --cc`, merges) have one documented-by-source quirk, handled in
 * `Hunk.undercounted`: with `-U0`, git up to at least 2.39 prints every count of a hunk that
 * reaches the end of the merge result one too low (combine-diff.c subtracts the end-of-file
 * sentinel line twice). A count that was 0 wraps to 2^64 − 1 (`18446744073709551615`; 2^32 − 1
 * where `long` is 32 bits), which is what stopped `scan --all` on expressjs/express; the others
 * are simply one short, and the hunk's last lines arrive after its counts are spent.
 *
 * `--cc` rather than `-m`: `-m` prints a merge as one full `diff --git` per parent, so everything a
 * branch brought in would be read again at every merge; `--cc` keeps only what differs from every
 * parent, which is where a merge's own content (a conflict resolution) is.
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
  /**
   * Combined hunks only: whether the end-of-file correction (one more line in every count) has
   * been applied. It is applied at most once per hunk: when a count is −1, when a line would
   * take a count below zero, or when a body line follows a hunk whose counts are spent.
   */
  undercounted: boolean;
}

/** What git prints outside hunks that we read past: extended headers of `diff --git` and `diff --cc`. */
const EXTENDED_HEADERS = [
  'index ',
  'old mode ',
  'new mode ',
  'mode ', // combined: `mode 100644,100755..100644`
  'new file mode ',
  'deleted file mode ',
  'similarity index ',
  'dissimilarity index ',
  'rename from ',
  'rename to ',
  'copy from ',
  'copy to ',
  '--- ',
];

export class DiffParseError extends Error {}

/** A one-parent hunk header with well-formed ranges: `@@ -a[,b] +c[,d] @@`, then the end or ` <context>`. */
const PLAIN_HUNK_HEADER = /^@@ -(\d{1,10})(?:,(\d{1,10}))? \+(\d{1,10})(?:,(\d{1,10}))? @@(?: |$)/;

/** `unsigned long` −1 as git prints it on 64-bit and on LLP64/32-bit builds. */
const WRAPPED_MINUS_ONE = new Set(['18446744073709551615', '4294967295']);

function parseCount(text: string | undefined, fallback: number, combined: boolean): number {
  if (text === undefined) return fallback;
  if (combined && WRAPPED_MINUS_ONE.has(text)) return -1;
  if (!/^\d{1,10}$/.test(text)) throw new DiffParseError(`bad hunk count "${text.slice(0, 30)}"`);
  return Number(text);
}

/** `-12,3` / `+4` → [start, count]. */
function parseRange(token: string, sign: '-' | '+', combined: boolean): [number, number] {
  if (!token.startsWith(sign)) throw new DiffParseError(`bad hunk range "${token.slice(0, 30)}"`);
  const [start, count] = token.slice(1).split(',');
  return [parseCount(start, 0, combined), parseCount(count, 1, combined)];
}

/** Whether `line` has the shape of a combined hunk's body line: one `+`/`-`/space column per parent. */
function isCombinedBodyLine(line: string, parents: number): boolean {
  if (line.length < parents) return false;
  for (let i = 0; i < parents; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 43 && c !== 45) return false;
  }
  return true;
}

/** Whether a hunk line needs a count that is already spent: a removed line counts in its `-` columns, a result line in its ` ` columns and the result. */
function overflows(h: Hunk, prefix: string, removed: boolean): boolean {
  if (!removed && h.resultRemaining === 0) return true;
  const column = removed ? '-' : ' ';
  for (let i = 0; i < h.parents; i++) if (prefix[i] === column && h.parentRemaining[i] === 0) return true;
  return false;
}

/** A printable, bounded rendering of a path or line for error messages. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);
}

export class DiffParser {
  private current: CommitChanges | undefined;
  private byPath = new Map<string, ChangedFile>();
  /** Target of the section being read: a file, null for `+++ /dev/null` (deleted), undefined before `+++`. */
  private file: ChangedFile | null | undefined;
  private hunk: Hunk | undefined;
  /** Parents of the section being read: 1 for `diff --git`, n for `diff --cc`. */
  private sectionParents = 1;
  /** Where in the output we are: raw listing, a section's headers, or its hunks. */
  private phase: 'raw' | 'headers' | 'hunks' = 'raw';
  /** Path named by the section header, for messages. */
  private sectionPath = '';
  /** A combined hunk whose counts are spent but that may be one of git's undercounted ones. */
  private resumable: Hunk | undefined;
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
    if (this.hunk) throw new DiffParseError(`diff ended inside a hunk${this.location()}`);
    this.finishCommit();
    return this.take();
  }

  pushLine(line: string): void {
    try {
      if (this.hunk) return this.hunkLine(line);
      if (this.resumable) {
        const h = this.resumable;
        this.resumable = undefined;
        if (isCombinedBodyLine(line, h.parents)) {
          this.hunk = h;
          this.correctUndercount(h);
          return this.hunkLine(line);
        }
      }
      this.outsideHunk(line);
    } catch (err) {
      if (err instanceof DiffParseError) throw new DiffParseError(`${err.message}${this.location()}`);
      throw err;
    }
  }

  /** ` in commit <id>, file "<path>"`, as far as known. */
  private location(): string {
    const commit = this.current?.commit ? ` in commit ${this.current.commit}` : '';
    const file = this.phase === 'raw' ? '' : `${commit ? ',' : ' in'} file ${quoted(this.sectionPath)}`;
    return `${commit}${file}`;
  }

  private outsideHunk(line: string): void {
    if (line.startsWith(COMMIT_HEADER_MARK)) return this.commitHeader(line);
    if (line.startsWith('diff ')) return this.sectionHeader(line);
    if (this.phase === 'raw') {
      if (line.charCodeAt(0) === 58 /* : */) return this.rawLine(line);
      if (line === '') return; // between the commit header, the raw listing and the patches
      // diff-index's patch for a conflicted path (its raw line says `U`; staged.ts reports it).
      if (line.startsWith('* Unmerged path ')) return;
    } else if (line.startsWith('@@')) {
      this.phase = 'hunks';
      return this.hunkHeader(line);
    } else if (this.phase === 'headers') {
      if (line.startsWith('+++ ')) return this.newFileLine(line);
      if (EXTENDED_HEADERS.some((h) => line.startsWith(h))) return;
      if (line.startsWith('Binary files ')) return this.binarySection();
    } else if (line.startsWith('\\')) {
      return; // "\ No newline at end of file" after a hunk's last line
    }
    throw new DiffParseError(`unexpected line ${quoted(line.slice(0, 60))}`);
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
    this.phase = 'raw';
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
    this.phase = 'headers';
    this.sectionPath = line.replace(/^diff --(git|cc|combined) /, '');
    if (line.startsWith('diff --git ')) this.sectionParents = 1;
    else if (line.startsWith('diff --cc ') || line.startsWith('diff --combined '))
      this.sectionParents = Math.max(2, this.changes().parents.length);
    else throw new DiffParseError(`unknown diff header ${quoted(line)}`);
  }

  /**
   * `Binary files differ`: git prints this for a merge's combined diff even with `--text`
   * (combine-diff.c does not look at that flag). The merge result is new to us as a whole, so
   * every line of it counts as added and the blob is read (no added text to prefilter on).
   */
  private binarySection(): void {
    // A plain diff never says this under --text; if one does, its content went unseen.
    if (this.sectionParents === 1) throw new DiffParseError('binary diff despite --text');
    // Combined headers name the result path alone, quoted like the raw listing.
    const file = this.byPath.get(unquoteGitPath(this.sectionPath).toString('latin1'));
    if (!file) throw new DiffParseError('binary section for a file missing from the raw listing');
    file.addedLines.addAll();
    file.addedText = undefined;
  }

  /** `+++ b/path` (or `+++ "b/…"` quoted, or `+++ /dev/null`). Names with spaces end in a tab. */
  private newFileLine(line: string): void {
    let name = line.slice(4);
    if (name === '/dev/null') {
      this.file = null; // deleted: its hunks remove lines only
      return;
    }
    // git ends a name holding a space with a tab, quoted or not; a real tab in a name is always quoted (`\t`).
    if (name.endsWith('\t')) name = name.slice(0, -1);
    const bytes = unquoteGitPath(name);
    if (bytes.subarray(0, 2).toString('latin1') !== 'b/') throw new DiffParseError(`unexpected path prefix in "${line.slice(0, 120)}"`);
    const key = bytes.subarray(2).toString('latin1');
    const file = this.byPath.get(key);
    if (!file) throw new DiffParseError(`patch for a file missing from the raw listing: ${pathBytesToString(bytes.subarray(2))}`);
    this.file = file;
  }

  /** `@@ -a,b +c,d @@` or, for an n-parent merge, `@@@ -a,b -c,d +e,f @@@`. */
  private hunkHeader(line: string): void {
    if (this.file === undefined) throw new DiffParseError(`hunk without a file: ${quoted(line)}`);
    const parents = this.sectionParents;
    // The usual case (an ordinary commit's hunk) in one match; anything else, odd or malformed,
    // takes the general path below, which explains what is wrong.
    const plain = parents === 1 ? PLAIN_HUNK_HEADER.exec(line) : null;
    if (plain) {
      const [, , oldCount, start, count] = plain;
      const hunk: Hunk = {
        parentRemaining: [oldCount === undefined ? 1 : Number(oldCount)],
        resultRemaining: count === undefined ? 1 : Number(count),
        nextLine: Number(start),
        parents,
        undercounted: false,
      };
      this.hunk = hunk;
      return this.endHunkIfDone(hunk);
    }
    const combined = parents > 1;
    const marker = '@'.repeat(parents + 1);
    const tokens = line.split(' ');
    if (tokens[0] !== marker || tokens[parents + 2] !== marker) throw new DiffParseError(`bad hunk header ${quoted(line)}`);
    const parentRemaining: number[] = [];
    for (let i = 1; i <= parents; i++) parentRemaining.push(parseRange(tokens[i]!, '-', combined)[1]);
    const [start, count] = parseRange(tokens[parents + 1]!, '+', combined);
    const hunk: Hunk = { parentRemaining, resultRemaining: count, nextLine: start, parents, undercounted: false };
    if (count < 0 || parentRemaining.some((n) => n < 0)) this.correctUndercount(hunk);
    this.hunk = hunk;
    this.endHunkIfDone(hunk);
  }

  /** git's end-of-file undercount in a combined `-U0` hunk (see the file comment): one more line per count. */
  private correctUndercount(h: Hunk): void {
    if (h.parents === 1 || h.undercounted) throw new DiffParseError('hunk longer than its header says');
    h.undercounted = true;
    h.resultRemaining++;
    for (let i = 0; i < h.parents; i++) h.parentRemaining[i]!++;
  }

  private endHunkIfDone(h: Hunk): void {
    if (h.resultRemaining !== 0 || h.parentRemaining.some((n) => n !== 0)) return;
    this.hunk = undefined;
    // Its last lines may still come (undercounted); the next line tells.
    if (h.parents > 1 && !h.undercounted) this.resumable = h;
  }

  private hunkLine(line: string): void {
    const h = this.hunk!;
    if (h.parents === 1) return this.plainHunkLine(h, line);
    if (line.startsWith('\\')) return; // "\ No newline at end of file"
    // diff.suppressBlankEmpty prints an empty context line as "" instead of " ".
    const prefix = line.length >= h.parents ? line.slice(0, h.parents) : ' '.repeat(h.parents);
    if (!/^[ +-]+$/.test(prefix)) throw new DiffParseError(`unexpected line inside a hunk: ${quoted(line.slice(0, 40))}`);
    const removed = prefix.includes('-');
    // A line the counts have no room for: only git's undercount (combined diffs) explains it.
    if (overflows(h, prefix, removed)) this.correctUndercount(h);
    if (removed) {
      // A line of the parents only: in parent i when column i is '-'.
      for (let i = 0; i < h.parents; i++) if (prefix[i] === '-') h.parentRemaining[i]!--;
    } else {
      // A line of the result: new relative to every parent whose column is '+'. Reporting a line
      // new to any parent is a superset of "new to all", so merge content is never missed.
      if (prefix.includes('+')) this.added(h, line);
      for (let i = 0; i < h.parents; i++) if (prefix[i] === ' ') h.parentRemaining[i]!--;
      h.nextLine++;
      h.resultRemaining--;
    }
    this.endHunkIfDone(h);
  }

  /**
   * hunkLine for a one-parent diff (every line of an ordinary commit): the same rules, read off
   * the first character instead of building and matching a prefix per line.
   */
  private plainHunkLine(h: Hunk, line: string): void {
    const c = line.length === 0 ? 32 : line.charCodeAt(0); // diff.suppressBlankEmpty: "" is " "
    if (c === 92 /* \ */) return; // "\ No newline at end of file"
    if (c === 45 /* - */) {
      if (h.parentRemaining[0] === 0) this.correctUndercount(h);
      h.parentRemaining[0]!--;
    } else if (c === 43 /* + */ || c === 32) {
      if (h.resultRemaining === 0 || (c === 32 && h.parentRemaining[0] === 0)) this.correctUndercount(h);
      if (c === 43) this.added(h, line);
      else h.parentRemaining[0]!--;
      h.nextLine++;
      h.resultRemaining--;
    } else {
      throw new DiffParseError(`unexpected line inside a hunk: ${quoted(line.slice(0, 40))}`);
    }
    this.endHunkIfDone(h);
  }

  /** A line new to the result: its number, and its text for the prefilter (up to ADDED_TEXT_LIMIT). */
  private added(h: Hunk, line: string): void {
    if (!this.file) throw new DiffParseError('added line in a deleted file');
    this.file.addedLines.add(h.nextLine);
    const text = this.file.addedText;
    if (text !== undefined)
      this.file.addedText = text.length + line.length > ADDED_TEXT_LIMIT ? undefined : `${text}${line.slice(h.parents)}\n`;
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
