/**
 * End to end: merges, pushes and a monorepo subfolder, with the hooks `kernel-secrets init`
 * installs from the packed packages. Merge content is gated whether the merge stops on a
 * conflict (pre-commit) or completes by itself (pre-merge-commit); the pre-push hook scans the
 * commits a push would publish; and in a monorepo the scan covers the whole index, not just the
 * folder lint-staged (init --lint-staged) works in.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, TempRepo } from './support/git-repo.js';

const cleanup: (() => void)[] = [];
function newRepo(options?: Parameters<typeof TempRepo.create>[0]): TempRepo {
  const repo = TempRepo.create(options);
  cleanup.push(() => repo.remove());
  return repo;
}
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** Ten numbered lines: edits on different lines merge cleanly, on the same line conflict. */
const BASE = Array.from({ length: 10 }, (_, i) => `SETTING_${i}=${i}`);

function withLine(index: number, text: string): string {
  return BASE.map((l, i) => (i === index ? text : l)).join('\n') + '\n';
}

function repoWithBranches(mainLine: [number, string], sideLine: [number, string], sideToken?: string): TempRepo {
  const repo = newRepo();
  repo.write('settings.env', BASE.join('\n') + '\n');
  repo.gitOk(['add', 'settings.env']);
  repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'base settings']);
  repo.gitOk(['checkout', '--quiet', '-b', 'side']);
  repo.write('settings.env', withLine(...sideLine));
  if (sideToken) repo.write('side.env', `KERNEL_TOKEN=${sideToken}\n`);
  repo.gitOk(['add', '-A']);
  // --no-verify: a token that got onto a branch past the hook (or arrived from a remote).
  repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'side change']);
  repo.gitOk(['checkout', '--quiet', 'main']);
  repo.write('settings.env', withLine(...mainLine));
  repo.gitOk(['commit', '--quiet', '--no-verify', '-am', 'main change']);
  return repo;
}

describe('merge commits', () => {
  it('blocks a conflict resolution that introduces a token (pre-commit)', () => {
    const repo = repoWithBranches([3, 'SETTING_3=main'], [3, 'SETTING_3=side']);
    const merge = repo.git(['merge', 'side', '-m', 'merge side']);
    expect(merge.status).not.toBe(0); // conflict
    const token = randomToken();
    repo.write('settings.env', withLine(3, `KERNEL_TOKEN=${token}`));
    repo.gitOk(['add', 'settings.env']);
    const head = repo.head();
    const r = repo.git(['commit', '--no-edit']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('settings.env:4:14');
    expectNoSecret(r.output, token);
    expect(repo.exists('.git/MERGE_HEAD')).toBe(true); // the merge is still in progress, nothing lost
  });

  it('blocks a merge that completes by itself when it brings in a token (pre-merge-commit)', () => {
    const token = randomToken();
    const repo = repoWithBranches([1, 'SETTING_1=main'], [8, 'SETTING_8=side'], token);
    const head = repo.head();
    const r = repo.git(['merge', '--no-ff', 'side', '-m', 'merge side']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('side.env:1:14');
    expectNoSecret(r.output, token);
  });

  it('lets a clean merge through', () => {
    const repo = repoWithBranches([1, 'SETTING_1=main'], [8, 'SETTING_8=side']);
    const head = repo.head();
    const r = repo.git(['merge', '--no-ff', 'side', '-m', 'merge side']);
    expect(r.status, r.output).toBe(0);
    expect(repo.head()).not.toBe(head);
    expect(repo.gitOk(['rev-list', '--parents', '-n', '1', 'HEAD']).split(' ')).toHaveLength(3);
  });
});

describe('git push with the installed pre-push hook', () => {
  function withRemote(): { repo: TempRepo; remote: string } {
    const repo = newRepo();
    const remote = realpathSync(mkdtempSync(join(tmpdir(), 'ks-remote-')));
    cleanup.push(() => rmSync(remote, { recursive: true, force: true }));
    repo.gitOk(['init', '--quiet', '--bare', remote]);
    repo.gitOk(['remote', 'add', 'origin', remote]);
    const first = repo.git(['push', '--quiet', '-u', 'origin', 'main']);
    expect(first.status, first.output).toBe(0);
    return { repo, remote };
  }

  function remoteRef(repo: TempRepo, ref: string): string {
    return repo.git(['ls-remote', 'origin', ref]).stdout.trim();
  }

  it('blocks pushing a commit that contains a token, and the remote is unchanged', () => {
    const { repo } = withRemote();
    const before = remoteRef(repo, 'refs/heads/main');
    repo.write('clean.txt', 'hello\n');
    repo.gitOk(['add', 'clean.txt']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'clean']);
    const token = randomToken();
    repo.write('deploy/prod.env', `REGION=eu\nKERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', 'deploy/prod.env']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'bypassed the pre-commit hook']);
    const offending = repo.head()!;
    const r = repo.git(['push', 'origin', 'main']);
    expect(r.status).not.toBe(0);
    expect(remoteRef(repo, 'refs/heads/main')).toBe(before);
    expect(r.output).toContain('deploy/prod.env:2:14');
    expect(r.output).toContain(`introduced in commit ${offending}`);
    expectNoSecret(r.output, token);
  });

  it('blocks pushing a new branch whose commits contain a token', () => {
    const { repo } = withRemote();
    repo.gitOk(['checkout', '--quiet', '-b', 'feature']);
    const token = randomToken();
    repo.write('notes.md', `Use \`Authorization: Bearer ${token}\` for now.\n`);
    repo.gitOk(['add', 'notes.md']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'notes']);
    const r = repo.git(['push', 'origin', 'feature']);
    expect(r.status).not.toBe(0);
    expect(remoteRef(repo, 'refs/heads/feature')).toBe('');
    expect(r.output).toContain('notes.md:1:');
    expectNoSecret(r.output, token);
  });

  it('lets a clean push through', () => {
    const { repo } = withRemote();
    repo.write('clean.txt', 'hello\n');
    repo.gitOk(['add', 'clean.txt']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'clean']);
    const r = repo.git(['push', 'origin', 'main']);
    expect(r.status, r.output).toBe(0);
    expect(remoteRef(repo, 'refs/heads/main').split('\t')[0]).toBe(repo.head());
  });
});

describe('monorepo: the JS project in a subfolder', () => {
  it('installs the hooks for the subfolder and still gates files outside it', () => {
    const repo = newRepo({ packageDir: 'app', lintStaged: true });
    expect(repo.gitOk(['config', 'core.hooksPath'])).toBe('app/.husky/_');
    repo.write('app/src/index.js', 'export const answer = 42;\n');
    const token = randomToken();
    repo.write('services/api/settings.env', `PORT=8080\nKERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'app and api']);
    expectBlocked(repo, r, head);
    // lint-staged ran ESLint on the app's JS first; then the scan covered the whole index.
    expect(r.output).toContain('eslint --max-warnings=0');
    expect(r.output).toContain('services/api/settings.env:2:14');
    expectNoSecret(r.output, token);
  });
});
