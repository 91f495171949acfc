/**
 * End to end: a known false positive is let through by an allow directive or by a baseline
 * entry, while a new token in the same file still blocks, through the installed hook and
 * through full scans.
 */
import { describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, TempRepo, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();

describe('allow directive', () => {
  it('lets the allowed line through and still blocks a new token in the same file', () => {
    const repo = newRepo();
    const fixture = randomToken();
    repo.write(
      'test/fixtures.env',
      `# sample values for the parser tests\nKERNEL_TOKEN=${fixture} # kernel-secrets-allow: test fixture, not a credential\n`,
    );
    repo.gitOk(['add', '.']);
    const allowed = repo.git(['commit', '-m', 'fixtures']);
    expect(allowed.status, allowed.output).toBe(0);
    expect(allowed.output).toContain('1 allowed by directive');

    const fresh = randomToken();
    repo.write('test/fixtures.env', `${repo.read('test/fixtures.env')}KERNEL_API_KEY=${fresh}\n`);
    repo.gitOk(['add', '.']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'another fixture']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('test/fixtures.env:3:16');
    expect(r.output).not.toContain('test/fixtures.env:2:');
    expectNoSecret(r.output, fixture, fresh);
  });
});

describe('baseline', () => {
  /** A repository that already had a token in history before adopting the hook. */
  function adoptedRepo(legacy: string): TempRepo {
    const repo = newRepo();
    repo.write('legacy/config.env', ['REGION=eu', `KERNEL_TOKEN=${legacy}`, 'TIMEOUT=30', 'RETRIES=3', ''].join('\n'));
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'from before the hook']);
    return repo;
  }

  it('`kernel-secrets baseline` records fingerprint, detector and path: no line numbers, no secret', () => {
    const legacy = randomToken();
    const repo = adoptedRepo(legacy);
    const r = repo.cli(['baseline']);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain('wrote 1 baseline entry to kernel-secrets.baseline.json');
    expectNoSecret(r.output, legacy);
    const text = repo.read('kernel-secrets.baseline.json');
    expectNoSecret(text, legacy);
    const baseline = JSON.parse(text) as { version: number; entries: Record<string, unknown>[] };
    expect(baseline.version).toBe(1);
    expect(baseline.entries).toHaveLength(1);
    expect(baseline.entries[0]).toMatchObject({ path: 'legacy/config.env', detector: 'context', rule: 'kernel-variable' });
    expect(baseline.entries[0]!['fingerprint']).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(baseline.entries[0]!).sort()).toEqual(['detector', 'fingerprint', 'path', 'rule']);
    // A full scan passes with the baseline and fails without it.
    expect(repo.cli(['scan', '.']).status).toBe(0);
    const without = repo.cli(['scan', '.', '--no-baseline']);
    expect(without.status).toBe(1);
    expectNoSecret(without.output, legacy);
  });

  it('`kernel-secrets baseline` run again keeps the reasons reviewers accepted, and drops entries no longer found', () => {
    const legacy = randomToken();
    const repo = adoptedRepo(legacy);
    expect(repo.cli(['baseline']).status).toBe(0);
    const first = JSON.parse(repo.read('kernel-secrets.baseline.json')) as { entries: Record<string, unknown>[] };
    first.entries[0]!['reason'] = 'rotated 2026-11; kept until the history rewrite';
    first.entries.push({
      path: 'gone.env',
      detector: 'context',
      rule: 'kernel-variable',
      fingerprint: 'f'.repeat(64),
      reason: 'removed file',
    });
    repo.write('kernel-secrets.baseline.json', JSON.stringify(first, null, 2));
    expect(repo.cli(['baseline']).status).toBe(0);
    const second = JSON.parse(repo.read('kernel-secrets.baseline.json')) as { entries: Record<string, unknown>[] };
    expect(second.entries).toHaveLength(1);
    expect(second.entries[0]).toMatchObject({ path: 'legacy/config.env', reason: 'rotated 2026-11; kept until the history rewrite' });
  });

  it('lets the baselined token move within its file while a new token in that file blocks', () => {
    const legacy = randomToken();
    const repo = adoptedRepo(legacy);
    expect(repo.cli(['baseline']).status).toBe(0);
    repo.gitOk(['add', 'kernel-secrets.baseline.json']);
    expect(repo.git(['commit', '-m', 'adopt kernel-secrets with a baseline']).status).toBe(0);

    // Reordering re-adds the legacy line (a new line for git): the baseline still matches.
    repo.write('legacy/config.env', ['REGION=eu', 'TIMEOUT=30', 'RETRIES=3', `KERNEL_TOKEN=${legacy}`, ''].join('\n'));
    repo.gitOk(['add', '.']);
    const moved = repo.git(['commit', '-m', 'reorder settings']);
    expect(moved.status, moved.output).toBe(0);
    expect(moved.output).toContain('1 in baseline');

    const fresh = randomToken();
    repo.write('legacy/config.env', `${repo.read('legacy/config.env')}KERNEL_API_TOKEN=${fresh}\n`);
    repo.gitOk(['add', '.']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'new token']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('legacy/config.env:5:18');
    expect(r.output).not.toContain('legacy/config.env:4:');
    expectNoSecret(r.output, legacy, fresh);
  });
});
