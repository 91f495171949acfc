/**
 * `scan --all` over a generated history with the merge shapes that broke it on
 * expressjs/express (issue #16): files deleted by a merge whose parents disagree (git 2.39
 * prints the result count as 2^64 − 1), merges whose last hunk git counts one line short,
 * conflicts resolved by deleting the file, octopus merges (plain and "evil"), and renames in
 * merges. The scan must complete and still find the tokens that enter only through merge
 * resolutions, on the right commit and line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, TempRepo } from './support/git-repo.js';

interface JsonReport {
  findings: { path: string; line: number; commit: string }[];
  summary: { commits: number };
}

/** Two branches from one base, each with its own version of `files`; returns to `main`. */
function diverge(repo: TempRepo, name: string, base: Record<string, string>, ours: Record<string, string>, theirs: Record<string, string>) {
  const commitAll = (message: string) => {
    repo.gitOk(['add', '-A']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '--allow-empty', '-m', message]);
  };
  const apply = (files: Record<string, string>) => {
    for (const [path, content] of Object.entries(files)) {
      if (content === '') repo.gitOk(['rm', '--quiet', '--', path]);
      else repo.write(path, content);
    }
  };
  apply(base);
  commitAll(`${name}: base`);
  repo.gitOk(['checkout', '--quiet', '-b', name]);
  apply(theirs);
  commitAll(`${name}: theirs`);
  repo.gitOk(['checkout', '--quiet', 'main']);
  apply(ours);
  commitAll(`${name}: ours`);
}

/** Merges `branch` into main, resolving with `result` (a file set to '' is deleted), and returns the merge id. */
function mergeResolved(repo: TempRepo, branch: string, result: Record<string, string>): string {
  repo.git(['merge', '--no-commit', '--no-ff', branch]); // conflicts are expected
  for (const [path, content] of Object.entries(result)) {
    if (content === '') repo.gitOk(['rm', '--quiet', '--force', '--ignore-unmatch', '--', path]);
    else {
      repo.write(path, content);
      repo.gitOk(['add', '--', path]);
    }
  }
  repo.gitOk(['commit', '--quiet', '--no-verify', '-m', `merge ${branch}`]);
  return repo.head()!;
}

describe('scan --all over merges that delete, rename and resolve', () => {
  let repo: TempRepo;
  const tailToken = randomToken();
  const octopusToken = randomToken();
  const renameToken = randomToken();
  const merges: Record<string, string> = {};

  beforeAll(() => {
    repo = TempRepo.create();
    // Both sides change a file, the merge deletes it: `@@@ -1,n -1,m +1,18446744073709551615 @@@`.
    diverge(repo, 'deleted', { 'gone.txt': 'keep\n' }, { 'gone.txt': 'keep\nmain\n' }, { 'gone.txt': 'keep\nside\n' });
    merges['deleted'] = mergeResolved(repo, 'deleted', { 'gone.txt': '' });
    // A token new to both parents, then lines each parent had at the end of the file: the last
    // hunk reaches git's end-of-file sentinel and is printed with wrapped (−1) counts.
    diverge(
      repo,
      'tail',
      { 'tail.env': 'A=1\nW=2\n' },
      { 'tail.env': 'A=1\nV=3\nW=2\nX=4\n' },
      { 'tail.env': 'A=1\nU=5\nW=2\nY=6\nZ=7\n' },
    );
    merges['tail'] = mergeResolved(repo, 'tail', { 'tail.env': `A=1\nKERNEL_TOKEN=${tailToken}\nW=2\n` });
    // The merge result keeps one parent's line and drops that parent's tail: counts one short, none wrapped.
    diverge(repo, 'short', { 'short.txt': 'a\n' }, { 'short.txt': 'a\nold\n' }, { 'short.txt': 'a\nnew\nz1\nz2\n' });
    merges['short'] = mergeResolved(repo, 'short', { 'short.txt': 'a\nnew\n' });
    // Modify/delete conflict resolved by deleting the file.
    diverge(repo, 'moddel', { 'md.txt': 'one\n' }, { 'md.txt': 'one\ntwo\n' }, { 'md.txt': '' });
    merges['moddel'] = mergeResolved(repo, 'moddel', { 'md.txt': '' });
    // A rename on one side, an edit on the other, and a token added while merging.
    const renameBase = Array.from({ length: 8 }, (_, i) => `LINE_${i}=${i}`).join('\n') + '\n';
    diverge(repo, 'rename', { 'old-name.env': renameBase }, { 'old-name.env': renameBase.replace('LINE_1=1', 'LINE_1=main') }, {});
    repo.gitOk(['checkout', '--quiet', 'rename']);
    repo.gitOk(['mv', 'old-name.env', 'new-name.env']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'rename: move']);
    repo.gitOk(['checkout', '--quiet', 'main']);
    merges['rename'] = mergeResolved(repo, 'rename', {
      'new-name.env': renameBase.replace('LINE_1=1', 'LINE_1=main').replace('LINE_7=7', `KERNEL_TOKEN=${renameToken}`),
    });
    // Octopus merges: one plain, one "evil" (a token and a deletion made while merging).
    const shared = 'S=1\nT=2\n';
    repo.write('shared.env', shared);
    repo.write('doomed.txt', 'x\n');
    repo.gitOk(['add', '-A']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'octopus: base']);
    for (const b of ['o1', 'o2', 'o3']) {
      repo.gitOk(['checkout', '--quiet', '-b', b, 'main']);
      repo.write(`${b}.txt`, `${b}\n`);
      repo.gitOk(['add', '-A']);
      repo.gitOk(['commit', '--quiet', '--no-verify', '-m', b]);
    }
    repo.gitOk(['checkout', '--quiet', 'main']);
    repo.gitOk(['merge', '--quiet', '--no-ff', '-m', 'octopus', 'o1', 'o2', 'o3']);
    merges['octopus'] = repo.head()!;
    for (const b of ['e1', 'e2', 'e3']) {
      repo.gitOk(['checkout', '--quiet', '-b', b, 'main']);
      repo.write(`${b}.txt`, `${b}\n`);
      repo.gitOk(['add', '-A']);
      repo.gitOk(['commit', '--quiet', '--no-verify', '-m', b]);
    }
    repo.gitOk(['checkout', '--quiet', 'main']);
    repo.gitOk(['merge', '--no-commit', '--no-ff', 'e1', 'e2', 'e3']);
    repo.write('shared.env', `${shared}KERNEL_TOKEN=${octopusToken}\n`);
    repo.gitOk(['rm', '--quiet', '--force', 'doomed.txt']); // deleted in the result, in all three parents
    repo.gitOk(['add', '-A']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'evil octopus']);
    merges['evil'] = repo.head()!;
  });

  afterAll(() => repo.remove());

  it('the generated history has the shapes git 2.39 printed for express', () => {
    const log = repo.gitOk(['log', '--cc', '-p', '-U0', '--format=commit %H', '--all']);
    const commits = new Map(log.split(/^commit /m).map((part) => [part.slice(0, 40), part]));
    // Booleans, not the log itself: a failing match must not print the tokens.
    const has = (merge: string, pattern: RegExp) => pattern.test(commits.get(merges[merge]!) ?? '');
    expect(has('deleted', /^@@@ -1,\d+ -1,\d+ \+1,18446744073709551615 @@@$/m)).toBe(true);
    expect(has('tail', /^@@@ .*,18446744073709551615 @@@/m)).toBe(true);
    expect(has('short', /^@@@ -2,0 -2,2 \+2,0 @@@$/m)).toBe(true); // really 1, 3 and 1 lines
    expect(has('evil', /^@@@@@ -1,0 -1,0 -1,0 -1,0 \+1,18446744073709551615 @@@@@$/m)).toBe(true);
    expect(repo.gitOk(['rev-list', '--parents', '-n', '1', merges['evil']!]).split(' ')).toHaveLength(5);
  });

  it('completes and finds every token that entered through a merge resolution', () => {
    const r = repo.cli(['scan', '--all', '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.summary.commits).toBe(Number(repo.gitOk(['rev-list', '--all', '--count'])));
    expect(report.findings.map((f) => [f.path, f.line, f.commit]).sort()).toEqual(
      [
        ['new-name.env', 8, merges['rename']],
        ['shared.env', 3, merges['evil']],
        ['tail.env', 2, merges['tail']],
      ].sort(),
    );
    expectNoSecret(r.output, tailToken, octopusToken, renameToken);
  });

  it('scans each merge alone as the pre-push hook would after a merge', () => {
    for (const [name, commit] of Object.entries(merges)) {
      const r = repo.cli(['scan', '--commits', `${commit}^1..${commit}`, '--format', 'json']);
      expect(r.status, `${name}: ${r.stderr}`).toBeLessThan(2);
    }
  });
});
