import { describe, expect, it } from 'vitest';
import { DiffParseError, DiffParser, parseDiffText } from '../src/git/diff-parser.js';
import { unquoteGitPath } from '../src/git/quote.js';

const Z = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const C = 'c'.repeat(40);

describe('unquoteGitPath', () => {
  it('returns plain names as they are and decodes C-style quoting with octal bytes', () => {
    expect(unquoteGitPath('plain name.txt').toString('utf8')).toBe('plain name.txt');
    expect(unquoteGitPath('"\\303\\274n\\303\\257.txt"').toString('utf8')).toBe('ünï.txt');
    expect(unquoteGitPath('"tab\\there \\"quoted\\" back\\\\slash\\n"').toString('utf8')).toBe('tab\there "quoted" back\\slash\n');
  });

  it('rejects malformed quoting', () => {
    expect(() => unquoteGitPath('"unterminated')).toThrow();
    expect(() => unquoteGitPath('"bad \\q escape"')).toThrow();
  });
});

describe('DiffParser: plain diffs', () => {
  it('records added lines per file and reads hunk bodies by their counts, not their look', () => {
    const text = [
      `:100644 100644 ${A} ${B} M\tconfig.txt`,
      `:000000 100644 ${Z} ${C} A\t"sp\\303\\244ce name.env"`,
      '',
      'diff --git a/config.txt b/config.txt',
      'index aaaaaaa..bbbbbbb 100644',
      '--- a/config.txt',
      '+++ b/config.txt',
      '@@ -2,2 +2,3 @@ context text',
      '-old',
      '-- a/looks-like-a-header',
      '++++ b/not-a-header',
      '+diff --git a/x b/x',
      '+@@ -1 +1 @@',
      '@@ -10 +11,0 @@',
      '-removed only',
      'diff --git "a/sp\\303\\244ce name.env" "b/sp\\303\\244ce name.env"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/sp\\303\\244ce name.env"',
      '@@ -0,0 +1,2 @@',
      '+A=1',
      '+B=2',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    const files = parseDiffText(text);
    expect(files.map((f) => [f.path, f.status, f.oid, [...f.addedLines]])).toEqual([
      ['config.txt', 'M', B, [2, 3, 4]],
      ['späce name.env', 'A', C, [1, 2]],
    ]);
  });

  it('reads every well-formed hunk header and refuses malformed ones, with or without counts and context', () => {
    const diff = (header: string, body: string[]) =>
      [`:100644 100644 ${A} ${B} M\tf.txt`, '', 'diff --git a/f.txt b/f.txt', '--- a/f.txt', '+++ b/f.txt', header, ...body, ''].join('\n');
    const added = (header: string, body: string[]) => [...parseDiffText(diff(header, body))[0]!.addedLines];
    expect(added('@@ -3 +3 @@', ['-a', '+b'])).toEqual([3]);
    expect(added('@@ -3,0 +4,2 @@ function f() {', ['+b', '+c'])).toEqual([4, 5]);
    expect(added('@@ -0012,1 +0012 @@', ['-a', '+b'])).toEqual([12]);
    expect(added('@@ -5,2 +4,0 @@', ['-a', '-b'])).toEqual([]);
    // Counts are what git said: a body longer or shorter than the header is an error.
    expect(() => added('@@ -3 +3 @@', ['-a', '+b', '+c'])).toThrow(DiffParseError);
    expect(() => added('@@ -3 +3,2 @@', ['-a', '+b'])).toThrow(DiffParseError);
    for (const bad of [
      '@@ -3 +3 @@x',
      '@@ -1,2,3 +4 @@',
      '@@ -a +1 @@',
      '@@ -1 +1',
      '@@  -1 +1 @@',
      '@@@ -1 +1 @@@',
      '@@ -1 +99999999999 @@',
    ])
      expect(() => added(bad, ['+b']), bad).toThrow(DiffParseError);
  });

  it('handles renames, deletions and the trailing tab git adds to names with spaces', () => {
    const text = [
      `:100644 100644 ${A} ${B} R086\told name.txt\tnew name.txt`,
      `:100644 000000 ${A} ${Z} D\tgone.txt`,
      '',
      'diff --git a/old name.txt b/new name.txt',
      'similarity index 86%',
      'rename from old name.txt',
      'rename to new name.txt',
      '--- a/old name.txt\t',
      '+++ b/new name.txt\t',
      '@@ -3,0 +4 @@',
      '+inserted',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100644',
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      '-a',
      '-b',
    ].join('\n');
    const [renamed, deleted] = parseDiffText(text);
    expect(renamed).toMatchObject({ path: 'new name.txt', oldPath: 'old name.txt', status: 'R086' });
    expect([...renamed!.addedLines]).toEqual([4]);
    expect(deleted).toMatchObject({ path: 'gone.txt', status: 'D', oid: Z });
    expect(deleted!.addedLines.size).toBe(0);
  });

  it('counts context lines (inter-hunk context, suppressBlankEmpty) without marking them added', () => {
    const text = [
      `:100644 100644 ${A} ${B} M\tf`,
      '',
      'diff --git a/f b/f',
      '--- a/f',
      '+++ b/f',
      '@@ -1,3 +1,4 @@',
      '+new',
      ' same',
      '',
      '-gone',
      '+also new',
    ].join('\n');
    expect([...parseDiffText(text)[0]!.addedLines]).toEqual([1, 4]);
  });

  it('reads the staged diff of a conflicted path (`* Unmerged path`)', () => {
    const files = parseDiffText([`:100644 000000 ${A} ${Z} U\tf`, '', '* Unmerged path f', ''].join('\n'));
    expect(files.map((f) => [f.path, f.status])).toEqual([['f', 'U']]);
  });

  it('fails on output it does not understand instead of guessing', () => {
    expect(() =>
      parseDiffText([`:100644 100644 ${A} ${B} M\tf`, '', 'diff --git a/f b/f', '+++ b/f', '@@ -1 +1,2 @@', '+one', 'garbage'].join('\n')),
    ).toThrow(DiffParseError);
    expect(() =>
      parseDiffText([`:100644 100644 ${A} ${B} M\tf`, '', 'diff --git a/f b/f', '+++ b/f', '@@ -1 +1,2 @@', '+one'].join('\n')),
    ).toThrow(/inside a hunk/);
    expect(() => parseDiffText(['diff --git a/f b/f', '+++ b/f'].join('\n'))).toThrow(/missing from the raw listing/);
    expect(() => parseDiffText([`:100644 100644 ${A} ${B} M\tf`, '', '@@ -1 +1 @@', '+x'].join('\n'))).toThrow(
      'unexpected line "@@ -1 +1 @@"',
    );
  });
});

describe('DiffParser: history with merge commits', () => {
  it('splits commits and reads combined (--cc) hunks, keeping lines new to a parent', () => {
    const merge = 'd'.repeat(40);
    const p1 = 'e'.repeat(40);
    const p2 = 'f'.repeat(40);
    const lines = [
      `\x01${merge} ${p1} ${p2}`,
      '',
      `::100644 100644 100644 ${A} ${B} ${C} MM\tf`,
      '',
      'diff --cc f',
      'index aaaaaaa,bbbbbbb..ccccccc',
      '--- a/f',
      '+++ b/f',
      '@@@ -2,2 -2,2 +2,2 @@@',
      '- 2',
      '- 3',
      '+ 2side',
      ' -3',
      '++3evil',
      `\x01${p1} ${A}`,
      '',
      `:100644 100644 ${A} ${B} M\tg`,
      '',
      'diff --git a/g b/g',
      '--- a/g',
      '+++ b/g',
      '@@ -1 +1 @@',
      '-x',
      '+y',
      `\x01${A} `,
      '',
    ];
    const parser = new DiffParser();
    for (const l of lines.slice(0, 10)) parser.pushLine(l);
    expect(parser.take()).toEqual([]); // nothing complete yet
    for (const l of lines.slice(10)) parser.pushLine(l);
    const done = [...parser.take(), ...parser.end()];
    expect(done.map((c) => [c.commit, c.parents.length, c.files.map((f) => [f.path, [...f.addedLines]])])).toEqual([
      [merge, 2, [['f', [2, 3]]]],
      [p1, 1, [['g', [1]]]],
      [A, 0, []],
    ]);
    expect(done[0]!.files[0]!.oid).toBe(C);
  });
});

describe('DiffParser: combined diffs as git 2.39 prints them', () => {
  const merge = 'd'.repeat(40);
  const p1 = 'e'.repeat(40);
  const p2 = 'f'.repeat(40);
  const parseMerge = (raw: string, body: string[]) => {
    const parser = new DiffParser();
    for (const l of [`\x01${merge} ${p1} ${p2}`, '', raw, '', ...body]) parser.pushLine(l);
    return parser.end()[0]!.files;
  };

  it('reads a file deleted by a merge, whose result count git prints as 2^64 - 1', () => {
    // Shape of expressjs/express 6455e954, lib/express/plugins/common-logger.js.
    const files = parseMerge(`::100644 100644 000000 ${A} ${B} ${Z} DD\tgone.js`, [
      'diff --cc gone.js',
      'index aaaaaaa,bbbbbbb..0000000',
      'deleted file mode 100644,100644',
      '--- a/gone.js',
      '+++ /dev/null',
      '@@@ -1,1 -1,2 +1,18446744073709551615 @@@',
      '--both',
      ' -second only',
      '--both again',
      `\x01${p1} ${A}`,
    ]);
    expect(files.map((f) => [f.path, f.status, f.addedLines.size])).toEqual([['gone.js', 'DD', 0]]);
  });

  it('reads hunks at the end of the result whose counts are one short, wrapped or not', () => {
    // expressjs/express b309b873 lib/utils.js (a parent count wrapped) and 043eeaa6 codeql.yml (nothing wrapped).
    const files = parseMerge(`::100644 100644 100644 ${A} ${B} ${C} MM\tf`, [
      'diff --cc f',
      'index aaaaaaa,bbbbbbb..ccccccc',
      '--- a/f',
      '+++ b/f',
      '@@@ -267,18446744073709551615 -276,2 +261,1 @@@ context',
      '+ new to parent 1',
      '+ new to parent 1 again',
      ' -only in parent 2',
      '@@@ -71,0 -64,1 +71,0 @@@ jobs',
      '- parent 1 line',
      '+ result line from parent 2',
      ' -parent 2 line',
    ]);
    expect([...files[0]!.addedLines]).toEqual([71, 261, 262]);
  });

  it('resumes a hunk whose counts ran out one line early, and reads octopus hunks', () => {
    const p3 = '1'.repeat(40);
    const parser = new DiffParser();
    for (const l of [
      `\x01${merge} ${p1} ${p2} ${p3}`,
      '',
      `:::100644 100644 100644 100644 ${A} ${B} ${C} ${A} MMM\tf`,
      '',
      'diff --cc f',
      'index aaaaaaa,bbbbbbb,ccccccc..aaaaaaa',
      '--- a/f',
      '+++ b/f',
      '@@@@ -3,0 -3,0 -3,0 +3,1 @@@@',
      '+++evil resolution',
      // Printed (1, 0, 0, 0); the body holds (2, 0, 1, 1): the counts run out after the first line.
      '@@@@ -10,1 -10,0 -10,0 +10,0 @@@@',
      '-  x',
      '-  x2',
      '+  y',
    ])
      parser.pushLine(l);
    expect([...parser.end()[0]!.files[0]!.addedLines]).toEqual([3, 10]);
  });

  it('marks a binary merge result as new throughout (git ignores --text there)', () => {
    const files = parseMerge(`::100644 100644 100644 ${A} ${B} ${C} MM\t"bin \\303\\244.dat"`, [
      'diff --cc "bin \\303\\244.dat"',
      'index aaaaaaa,bbbbbbb..ccccccc',
      'Binary files differ',
    ]);
    expect(files[0]!.addedLines.has(1) && files[0]!.addedLines.has(10_000_000)).toBe(true);
    expect(files[0]!.addedText).toBeUndefined();
  });

  it('still fails on counts that are really wrong, naming the commit and the file', () => {
    const raw = `::100644 100644 100644 ${A} ${B} ${C} MM\tf`;
    const head = ['diff --cc f', 'index aaaaaaa,bbbbbbb..ccccccc', '--- a/f', '+++ b/f'];
    // Two lines more than the header says: one is git's undercount, two is not.
    expect(() => parseMerge(raw, [...head, '@@@ -1,0 -1,0 +1,0 @@@', '++a', '++b'])).toThrow(
      new RegExp(`^hunk longer than its header says in commit ${merge}, file "f"$`),
    );
    expect(() => parseMerge(raw, [...head, '@@@ -1,1 -1,1 +1,99999999999 @@@', '--x'])).toThrow(/bad hunk count "99999999999" in commit/);
    expect(() => parseMerge(raw, [...head, '@@@ -1,1 -1,1 +1,2 @@@', '++a'])).toThrow(/diff ended inside a hunk in commit .*, file "f"/);
    expect(() => parseMerge(raw, [...head, 'similarly index 9%'])).toThrow(/unexpected line "similarly index 9%" in commit/);
    // Plain diffs have no such quirk: 2^64 - 1 there is malformed.
    expect(() =>
      parseDiffText(
        [`:100644 000000 ${A} ${Z} D\tf`, '', 'diff --git a/f b/f', '+++ /dev/null', '@@ -1,1 +1,18446744073709551615 @@', '-x'].join('\n'),
      ),
    ).toThrow(/bad hunk count/);
  });

  it('reads quoted names that git ends with a tab because they hold a space', () => {
    const files = parseDiffText(
      [
        `:000000 100644 ${Z} ${C} A\t"dir/utf-8 \\355\\225\\234.txt"`,
        '',
        'diff --git "a/dir/utf-8 \\355\\225\\234.txt" "b/dir/utf-8 \\355\\225\\234.txt"',
        'new file mode 100644',
        '--- /dev/null',
        '+++ "b/dir/utf-8 \\355\\225\\234.txt"\t',
        '@@ -0,0 +1 @@',
        '+x',
      ].join('\n'),
    );
    expect(files.map((f) => [f.path, [...f.addedLines]])).toEqual([['dir/utf-8 한.txt', [1]]]);
  });
});

describe('LineRanges', async () => {
  const { LineRanges } = await import('../src/git/line-ranges.js');
  it('stores runs of lines compactly and answers lookups', () => {
    const r = new LineRanges();
    for (let n = 1; n <= 100_000; n++) r.add(n);
    r.add(200_000);
    r.add(5); // already there
    expect(r.size).toBe(100_001);
    expect(r.has(1) && r.has(100_000) && r.has(200_000)).toBe(true);
    expect(r.has(0) || r.has(100_001) || r.has(199_999)).toBe(false);
  });
  it('stays correct when lines arrive out of order', () => {
    const r = new LineRanges();
    for (const n of [10, 12, 11, 3, 4, 20]) r.add(n);
    expect([...r]).toEqual([3, 4, 10, 11, 12, 20]);
  });
});
