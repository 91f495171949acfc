/**
 * The CLI's one git runner (packages/cli/src/git/process.ts), end to end with the packed CLI:
 * debug traces that never carry a credential or a file's content, "git was not found" said
 * once, and git's complaint read past GIT_TRACE noise.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();
const emptyDir = mkdtempSync(join(tmpdir(), 'ks-no-git-'));
const cleanup = [emptyDir];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

describe('the git runner', () => {
  it('traces git commands under DEBUG=* without the remote credential or any content (pre-push)', () => {
    const repo = newRepo();
    const password = randomToken();
    const url = `https://deploy-bot:${password}@git.example.invalid/team/app.git`;
    repo.gitOk(['remote', 'add', 'origin', url]);
    // The pre-push scan asks the remote what it has (one ls-remote for a new ref): route the
    // credential URL to a local bare repository, so git reads the URL from config as usual.
    const bare = mkdtempSync(join(tmpdir(), 'ks-bare-'));
    cleanup.push(bare);
    repo.gitOk(['init', '--quiet', '--bare', bare]);
    repo.gitOk(['config', `url.${bare}.insteadOf`, url]);
    const token = randomToken();
    repo.write('app.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', 'app.env']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'token']);
    const head = repo.head()!;
    const r = repo.cli(['scan', '--pre-push', 'origin', url], {
      input: `refs/heads/main ${head} refs/heads/main ${'0'.repeat(40)}\n`,
      env: { DEBUG: '*' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^kernel-secrets:git #\d+ \$ git .*ls-remote .*<operand>/m);
    expect(r.stderr).toMatch(/^kernel-secrets:git #\d+ exit 0 after \d+ ms$/m);
    expect(r.output).toContain('app.env:1:14');
    expectNoSecret(r.output, password, token);
  });

  it('says once that git was not found, and exits 2', () => {
    const repo = newRepo();
    const r = repo.cli(['scan', '--staged'], { env: { PATH: emptyDir } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['kernel-secrets: git was not found on PATH; install git or add it to PATH']);
  });

  it("reports git's own complaint, not its GIT_TRACE lines", () => {
    const repo = newRepo();
    const r = repo.cli(['scan', '--commits', 'no-such-branch..HEAD'], { env: { GIT_TRACE: '1' } });
    expect(r.status).toBe(2);
    const last = r.stderr.trim().split('\n').pop()!;
    // The first git read of a range is the policy at its base (gate), then the log itself.
    expect(last).toMatch(/^kernel-secrets: (git (log|rev-list) failed|cannot read the policy committed at no-such-branch).*no-such-branch/);
    expect(last).not.toMatch(/trace:/);
  });
});
