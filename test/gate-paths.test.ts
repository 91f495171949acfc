/**
 * End to end: the paths into history that skip pre-commit, with the hooks `kernel-secrets init`
 * installs. Commit and tag messages are scanned (commit-msg hook, history and pre-push);
 * `git am` is gated by pre-applypatch; a rebase that commits with `-n` is caught by the
 * post-rewrite warning and then by pre-push; and pre-push decides what the remote lacks from
 * the remote itself, not from stale remote-tracking refs.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, type TempRepo, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  dirs.push(dir);
  return dir;
}

function bareRemote(repo: TempRepo): string {
  const remote = tempDir('ks-remote-');
  repo.gitOk(['init', '--quiet', '--bare', remote]);
  repo.gitOk(['remote', 'add', 'origin', remote]);
  repo.gitOk(['push', '--quiet', '-u', 'origin', 'main']);
  return remote;
}

function remoteRef(repo: TempRepo, ref: string): string {
  return repo.gitOk(['ls-remote', 'origin', ref]);
}

describe('commit and tag messages', () => {
  it('the commit-msg hook blocks a token in the message', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('notes.txt', 'hello\n');
    repo.gitOk(['add', 'notes.txt']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', `deploy fix\n\nused KERNEL_TOKEN=${token} to test`]);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('<commit message>:3:');
    expect(r.output).toContain('the message holds a token');
    expectNoSecret(r.output, token);
  });

  it('history scans and pre-push read commit messages and annotated tag messages', () => {
    const repo = newRepo();
    bareRemote(repo);
    const inMessage = randomToken();
    const inTag = randomToken();
    repo.gitOk(['commit', '--quiet', '--no-verify', '--allow-empty', '-m', `wip\n\nKERNEL_TOKEN=${inMessage}`]);
    const commit = repo.head()!;
    const all = repo.cli(['scan', '--all', '--format', 'json']);
    expect(all.status, all.output).toBe(1);
    const found = (JSON.parse(all.stdout) as { findings: { path: string; commit?: string }[] }).findings;
    expect(found).toContainEqual(expect.objectContaining({ path: '<commit message>', commit }));
    const push = repo.git(['push', 'origin', 'main']);
    expect(push.status).not.toBe(0);
    expect(remoteRef(repo, 'refs/heads/main')).not.toContain(commit);

    // A clean branch, an annotated tag whose message holds a token.
    repo.gitOk(['reset', '--quiet', '--hard', 'HEAD~1']);
    repo.gitOk(['tag', '-a', 'v1.0.0', '-m', `release\n\nAuthorization: Bearer ${inTag}`]);
    const tags = repo.cli(['scan', '--all', '--format', 'json']);
    expect((JSON.parse(tags.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual(['<tag v1.0.0>']);
    const tagPush = repo.git(['push', 'origin', 'v1.0.0']);
    expect(tagPush.status).not.toBe(0);
    expect(remoteRef(repo, 'refs/tags/v1.0.0')).toBe('');
    expectNoSecret(all.output + push.output + tags.output + tagPush.output, inMessage, inTag);
  });
});

describe('paths that skip pre-commit', () => {
  it('`git am` is gated by pre-applypatch: the patch is not committed', () => {
    const source = newRepo();
    const token = randomToken();
    source.write('deploy/prod.env', `KERNEL_TOKEN=${token}\n`);
    source.gitOk(['add', '-A']);
    source.gitOk(['commit', '--quiet', '--no-verify', '-m', 'add prod settings']);
    const patchDir = tempDir('ks-patch-');
    source.gitOk(['format-patch', '--quiet', '-1', '-o', patchDir]);

    const repo = newRepo();
    const head = repo.head();
    const r = repo.git(['am', join(patchDir, '0001-add-prod-settings.patch')]);
    expect(r.status).not.toBe(0);
    expect(repo.head()).toBe(head);
    expect(r.output).toContain('deploy/prod.env:1:14');
    expectNoSecret(r.output, token);
    repo.git(['am', '--abort']);
  });

  it('`git rebase --continue` after an edit stop commits with -n: post-rewrite names the commit at once, pre-push refuses it', () => {
    const repo = newRepo();
    bareRemote(repo);
    repo.write('notes.txt', 'hello\n');
    repo.gitOk(['add', '-A']);
    repo.gitOk(['commit', '--quiet', '-m', 'notes']);
    const edit = repo.git(['rebase', '-i', 'HEAD~1'], { env: { GIT_SEQUENCE_EDITOR: "sed -i -e 's/^pick/edit/'" } });
    expect(edit.status, edit.output).toBe(0);
    const token = randomToken();
    repo.write('notes.txt', `hello\nKERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    const rebased = repo.git(['rebase', '--continue'], { env: { GIT_EDITOR: 'true' } });
    const rewritten = repo.head()!;
    expect(rebased.output).toContain(`the rewritten commit ${rewritten} holds a token`);
    expect(rebased.output).toContain('`git push` will refuse it');
    const before = remoteRef(repo, 'refs/heads/main');
    const push = repo.git(['push', 'origin', 'main']);
    expect(push.status).not.toBe(0);
    expect(remoteRef(repo, 'refs/heads/main')).toBe(before);
    expectNoSecret(rebased.output + push.output, token);
  });
});

describe('pre-push does not trust stale remote-tracking refs', () => {
  it('a token purged from the remote by force-push does not go back up with a teammate’s new branch', () => {
    const alice = newRepo();
    const remote = bareRemote(alice);
    const token = randomToken();
    alice.write('prod.env', `KERNEL_TOKEN=${token}\n`);
    alice.gitOk(['add', '-A']);
    alice.gitOk(['commit', '--quiet', '--no-verify', '-m', 'oops']);
    alice.gitOk(['push', '--quiet', '--no-verify', 'origin', 'main']);

    // Bob fetched while the token was on the remote: his origin/main still points at it.
    const bob = newRepo();
    bob.gitOk(['remote', 'add', 'origin', remote]);
    bob.gitOk(['fetch', '--quiet', 'origin']);
    bob.gitOk(['checkout', '--quiet', '-b', 'feature', 'origin/main']);

    // Alice purges the token by force-push.
    alice.gitOk(['reset', '--quiet', '--hard', 'HEAD~1']);
    alice.write('clean.txt', 'purged\n');
    alice.gitOk(['add', '-A']);
    alice.gitOk(['commit', '--quiet', '--no-verify', '-m', 'purge']);
    alice.gitOk(['push', '--quiet', '--no-verify', '--force', 'origin', 'main']);

    // Bob, without fetching, pushes a new branch on top of the purged commit.
    bob.write('feature.txt', 'work\n');
    bob.gitOk(['add', '-A']);
    bob.gitOk(['commit', '--quiet', '-m', 'feature']);
    const r = bob.git(['push', 'origin', 'feature']);
    expect(r.status).not.toBe(0);
    expect(remoteRef(bob, 'refs/heads/feature')).toBe('');
    expect(r.output).toContain('prod.env:1:14');
    expectNoSecret(r.output, token);
  });
});
