/**
 * End to end: the exposure verdict of history findings (issue #15, part 1). Real git in temp
 * repositories, a bare repository as the remote, the packed CLI. Each finding of `scan
 * --commits`, `--all` and `--pre-push` says which commit introduced its token, whether a
 * remote-tracking ref or a tag holds it, which branches do, whether HEAD still has it, and what
 * to do first; JSON and SARIF carry the same facts. The git calls it costs are counted from the
 * CLI's own git trace (KERNEL_SECRETS_DEBUG), never timed.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, tempRepos, type Run, type TempRepo } from './support/git-repo.js';

interface ExposureJson {
  introducedIn: string;
  commits: string[];
  reach: string;
  pushed: boolean;
  remotes: string[];
  tags: string[];
  branches: string[];
  pushedSince?: string;
  atHead: string;
  nextStep: string;
}

interface FindingJson {
  path: string;
  commit: string;
  fingerprint: string;
  exposure?: ExposureJson;
}

const newRepo = tempRepos();
const remotes: string[] = [];
afterEach(() => {
  for (const dir of remotes.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Commits `files` past the hooks (a token that got in with --no-verify), at `date` if given; returns the commit id. */
function commit(repo: TempRepo, files: Record<string, string | null>, message: string, date?: string): string {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) repo.gitOk(['rm', '--quiet', '--', path]);
    else repo.write(path, content);
  }
  repo.gitOk(['add', '-A']);
  const env = date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {};
  repo.gitOk(['commit', '--quiet', '--no-verify', '--allow-empty', '-m', message], { env });
  return repo.head()!;
}

/** A bare repository in a temp dir as `origin`, with main pushed (hooks skipped: the test pushes what it chooses). */
function addRemote(repo: TempRepo): void {
  const remote = realpathSync(mkdtempSync(join(tmpdir(), 'ks-remote-')));
  remotes.push(remote);
  repo.gitOk(['init', '--quiet', '--bare', remote]);
  repo.gitOk(['remote', 'add', 'origin', remote]);
  pushQuietly(repo, 'main');
}

function pushQuietly(repo: TempRepo, ref: string): void {
  repo.gitOk(['push', '--quiet', '--no-verify', 'origin', ref]);
}

function scan(repo: TempRepo, args: readonly string[], tokens: string[], env: NodeJS.ProcessEnv = {}): Run {
  const r = repo.cli(['scan', ...args], { env });
  expectNoSecret(r.output, ...tokens);
  return r;
}

function findings(r: Run): FindingJson[] {
  expect(r.status, r.stderr).toBe(1);
  return (JSON.parse(r.stdout) as { findings: FindingJson[] }).findings;
}

function exposureOf(r: Run): ExposureJson {
  const [f, ...more] = findings(r);
  expect(more).toHaveLength(0);
  expect(f!.exposure).toBeDefined();
  return f!.exposure!;
}

describe('scan --all: where each token has been', () => {
  it('a commit only this clone has: not pushed, still at HEAD', () => {
    const repo = newRepo();
    const token = randomToken();
    const c = commit(repo, { 'deploy/prod.env': `KERNEL_TOKEN=${token}\n` }, 'add prod settings');
    const e = exposureOf(scan(repo, ['--all', '--format', 'json'], [token]));
    expect(e).toMatchObject({ introducedIn: c, commits: [c], reach: 'local', pushed: false, remotes: [], tags: [], branches: ['main'] });
    expect(e.atHead).toBe('present');
    expect(e.pushedSince).toBeUndefined();
    const pretty = scan(repo, ['--all'], [token]);
    expect(pretty.status).toBe(1);
    expect(pretty.stdout).toContain('exposure: not pushed (only on main), still at HEAD: remove it, amend or rebase it away, then rotate');
  });

  it('a pushed commit whose token a later commit removed: rotate now, then clean history (JSON, SARIF, pretty)', () => {
    const repo = newRepo();
    addRemote(repo);
    const base = repo.head()!;
    const token = randomToken();
    const c = commit(repo, { 'app/settings.env': `REGION=eu\nKERNEL_TOKEN=${token}\n` }, 'settings', '2026-11-30T10:00:00+00:00');
    pushQuietly(repo, 'main');
    commit(repo, { 'app/settings.env': 'REGION=eu\n' }, 'remove the token');
    const committed = repo.gitOk(['show', '-s', '--format=%cI', c]);

    const e = exposureOf(scan(repo, ['--commits', `${base}..HEAD`, '--format', 'json'], [token]));
    expect(e).toMatchObject({
      introducedIn: c,
      reach: 'pushed',
      pushed: true,
      remotes: ['origin/main'],
      branches: ['main'],
      atHead: 'removed',
    });
    expect(e.pushedSince).toBe(committed);

    const sarif = scan(repo, ['--commits', `${base}..HEAD`, '--format', 'sarif'], [token]);
    expect(sarif.status).toBe(1);
    const result = (
      JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string }; properties: { exposure?: ExposureJson } }[] }[] }
    ).runs[0]!.results[0]!;
    expect(result.properties.exposure).toMatchObject({ reach: 'pushed', remotes: ['origin/main'], atHead: 'removed', introducedIn: c });
    expect(result.message.text).toContain('Exposure: pushed to origin/main');

    const pretty = scan(repo, ['--commits', `${base}..HEAD`], [token]);
    expect(pretty.status).toBe(1);
    expect(pretty.stdout).toContain(
      'exposure: pushed to origin/main (committed 2026-11-30), removed at HEAD but still in history: rotate now, then clean history',
    );
  });

  it('a token only on a side branch: named by its branch, not at HEAD', () => {
    const repo = newRepo();
    repo.gitOk(['checkout', '--quiet', '-b', 'experiment']);
    const token = randomToken();
    const c = commit(repo, { 'notebook.py': `KernelClient(token="${token}")\n` }, 'try the client');
    repo.gitOk(['checkout', '--quiet', 'main']);
    const e = exposureOf(scan(repo, ['--all', '--format', 'json'], [token]));
    expect(e).toMatchObject({ introducedIn: c, reach: 'local', branches: ['experiment'], atHead: 'absent' });
    const pretty = scan(repo, ['--all'], [token]);
    expect(pretty.stdout).toContain('exposure: not pushed (only on experiment), not at HEAD: amend or rebase it away, then rotate');
  });

  it('an annotated tag holding the commit counts as shared', () => {
    const repo = newRepo();
    const token = randomToken();
    const c = commit(repo, { 'release.env': `KERNEL_TOKEN=${token}\n` }, 'release settings', '2026-10-01T08:00:00+00:00');
    repo.gitOk(['tag', '-a', 'v1.0', '-m', 'first release']);
    commit(repo, { 'release.env': null }, 'drop the settings');
    const e = exposureOf(scan(repo, ['--all', '--format', 'json'], [token]));
    expect(e).toMatchObject({ introducedIn: c, reach: 'tagged', pushed: true, remotes: [], tags: ['v1.0'], atHead: 'removed' });
    const pretty = scan(repo, ['--all'], [token]);
    expect(pretty.stdout).toContain(
      'exposure: in tag v1.0 (committed 2026-10-01), which may have been pushed, removed at HEAD but still in history: rotate now, then clean history',
    );
  });
});

describe('a token in a commit message', () => {
  it('has no file to check at HEAD: the verdict says it is in a message', () => {
    const repo = newRepo();
    const token = randomToken();
    const c = commit(repo, {}, `deploy with KERNEL_TOKEN=${token}`);
    const e = exposureOf(scan(repo, ['--all', '--format', 'json'], [token]));
    expect(e).toMatchObject({ introducedIn: c, reach: 'local', branches: ['main'], atHead: 'message' });
    const pretty = scan(repo, ['--all'], [token]);
    expect(pretty.stdout).toContain(
      'exposure: not pushed (only on main), in a commit or tag message: amend or rebase it away, then rotate',
    );
  });
});

describe('grouping the sightings of one token', () => {
  it('a token first committed locally and later pushed on another branch is reported as pushed', () => {
    const repo = newRepo();
    addRemote(repo);
    const token = randomToken();
    repo.gitOk(['checkout', '--quiet', '-b', 'wip']);
    const first = commit(repo, { 'config.env': `KERNEL_TOKEN=${token}\n` }, 'wip', '2030-01-01T00:00:00+00:00');
    repo.gitOk(['checkout', '--quiet', 'main']);
    // The same line again on main (a cherry-pick): folded into the first finding, and pushed.
    repo.gitOk(['cherry-pick', first], { env: { GIT_COMMITTER_DATE: '2030-01-02T00:00:00+00:00' } });
    const picked = repo.head()!;
    pushQuietly(repo, 'main');
    const e = exposureOf(scan(repo, ['--all', '--format', 'json'], [token]));
    expect(e).toMatchObject({ introducedIn: first, commits: [first, picked], reach: 'pushed', remotes: ['origin/main'] });
    expect(e.branches).toEqual(['main', 'wip']);
    expect(e.pushedSince).toBe('2030-01-02T00:00:00+00:00');
  });

  it('names the introducing commit by history order, not by a skewed commit date', () => {
    const repo = newRepo();
    const token = randomToken();
    const parent = commit(repo, { 'a.env': `KERNEL_TOKEN=${token}\n` }, 'parent', '2030-01-01T00:00:05+00:00');
    repo.gitOk(['checkout', '--quiet', '-b', 'side']);
    // A child whose clock was behind: plain `git log --reverse` would list it before its parent.
    const child = commit(repo, { 'b.env': `KERNEL_TOKEN=${token}\n` }, 'child', '2030-01-01T00:00:01+00:00');
    repo.gitOk(['checkout', '--quiet', 'main']);
    commit(repo, { 'c.txt': 'later\n' }, 'later', '2030-01-01T00:00:10+00:00');
    const r = scan(repo, ['--all', '--format', 'json'], [token]);
    const byPath = new Map(findings(r).map((f) => [f.path, f]));
    expect(byPath.get('a.env')?.commit).toBe(parent);
    expect(byPath.get('b.env')?.commit).toBe(child);
    expect(byPath.get('b.env')?.exposure?.introducedIn).toBe(parent);
    expect(byPath.get('b.env')?.exposure?.commits).toEqual([parent, child]);
    const pretty = scan(repo, ['--all'], [token]);
    expect(pretty.stdout).toContain(`introduced in commit ${child} (the token first appears in commit ${parent})`);
  });
});

describe('cost: git calls per distinct commit, none when clean', () => {
  const TRACE = { KERNEL_SECRETS_DEBUG: '1' };
  const calls = (r: Run, pattern: RegExp) => r.stderr.split('\n').filter((l) => l.includes(' $ git ') && pattern.test(l)).length;

  it('asks for the refs of each distinct commit once, however many findings it holds, and for all dates at once', () => {
    const repo = newRepo();
    addRemote(repo);
    const tokens = Array.from({ length: 5 }, () => randomToken());
    commit(
      repo,
      { 'a.env': `KERNEL_TOKEN=${tokens[0]}\n`, 'b.env': `KERNEL_TOKEN=${tokens[1]}\n`, 'c.env': `KERNEL_TOKEN=${tokens[2]}\n` },
      'one',
    );
    pushQuietly(repo, 'main');
    commit(repo, { 'd.env': `KERNEL_TOKEN=${tokens[3]}\n`, 'e.env': `KERNEL_TOKEN=${tokens[4]}\n` }, 'two');
    const r = scan(repo, ['--all', '--format', 'json'], tokens, TRACE);
    expect(findings(r).map((f) => f.exposure?.reach)).toEqual(['pushed', 'pushed', 'pushed', 'local', 'local']);
    // Branches and remote-tracking refs: one question per distinct commit; tags: one for all (no tag holds any).
    expect(calls(r, /for-each-ref .*--contains/)).toBe(2);
    expect(calls(r, /git tag .*--contains/)).toBe(1);
    expect(calls(r, /git log --no-walk/)).toBe(1); // every date at once
  });

  it('runs no exposure query when nothing is found', () => {
    const repo = newRepo();
    commit(repo, { 'readme.md': 'no secrets here\n' }, 'docs');
    const r = repo.cli(['scan', '--all', '--format', 'json'], { env: TRACE });
    expect(r.status, r.output).toBe(0);
    expect(calls(r, /--contains/)).toBe(0);
    expect(calls(r, /git log --no-walk/)).toBe(0);
  });
});

describe('the pre-push hook', () => {
  it('says in one line per finding that the blocked commits never left this clone', () => {
    const repo = newRepo();
    addRemote(repo);
    const tokens = [randomToken(), randomToken()];
    commit(repo, { 'one.env': `KERNEL_TOKEN=${tokens[0]}\n`, 'two.env': `KERNEL_TOKEN=${tokens[1]}\n` }, 'bypassed the pre-commit hook');
    const r = repo.git(['push', 'origin', 'main']);
    expect(r.status).not.toBe(0);
    expectNoSecret(r.output, ...tokens);
    const lines = r.output.split('\n').filter((l) => l.includes('exposure:'));
    expect(lines).toHaveLength(2);
    for (const l of lines)
      expect(l.trim()).toBe('exposure: not pushed (only on main), still at HEAD: remove it, amend or rebase it away, then rotate');
  });
});
