/**
 * End to end: the policy (config and baseline) comes from trusted ground, and a change's own
 * policy changes are findings. The hook judges the index with HEAD's committed policy, history
 * and CI scans with the range base's, pre-push with what the remote has; a suppression the
 * change adds passes only with a reason, and is then listed for reviewers.
 */
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, type TempRepo, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();
const remotes: string[] = [];
afterEach(() => {
  for (const r of remotes.splice(0)) rmSync(r, { recursive: true, force: true });
});

const CONFIG = 'kernel-secrets.config.json';

interface JsonReport {
  findings: { path: string; message: string; fingerprint: string }[];
  suppressions: { kind: string; path: string; fingerprint: string; reason?: string; accepted: boolean }[];
  policyChanges: { file: string; change: string }[];
}

function json(text: string): JsonReport {
  return JSON.parse(text) as JsonReport;
}

function fingerprintOf(repo: TempRepo): string {
  const r = repo.cli(['scan', '--staged', '--format', 'json']);
  const report = json(r.stdout);
  expect(report.findings.length, r.output).toBeGreaterThan(0);
  return report.findings[0]!.fingerprint;
}

function withRemote(repo: TempRepo): string {
  const remote = realpathSync(mkdtempSync(join(tmpdir(), 'ks-remote-')));
  remotes.push(remote);
  repo.gitOk(['init', '--quiet', '--bare', remote]);
  repo.gitOk(['remote', 'add', 'origin', remote]);
  repo.gitOk(['push', '--quiet', '-u', 'origin', 'main']);
  return remote;
}

describe('scan --staged judges the index with the policy committed at HEAD', () => {
  it('an untracked config with ignorePaths does not let a token commit', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write(CONFIG, JSON.stringify({ ignorePaths: ['*.env'] }));
    repo.write('prod.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', 'prod.env']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'token']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('prod.env:1:14');
    expectNoSecret(r.output, token);
    // A tree scan is not a commit: it keeps reading the working tree's config.
    expect(repo.cli(['scan', '.']).status).toBe(0);
  });

  it('a config that switches the detector off, staged with the token, is reported and not applied to itself', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write(CONFIG, JSON.stringify({ severity: { context: 'off' }, ignorePaths: ['deploy/'] }));
    repo.write('deploy/prod.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'token and a weaker config']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('deploy/prod.env:1:14');
    expect(r.output).toContain('lowers severity.context from error to off');
    expect(r.output).toContain('adds ignorePaths "deploy/"');
    expectNoSecret(r.output, token);
    // An explicit -c is the user's own choice: it applies.
    expect(repo.cli(['scan', '--staged', '-c', CONFIG]).status).toBe(0);
  });

  it('once the team has committed the config, it applies to later commits', () => {
    const repo = newRepo();
    repo.write(CONFIG, JSON.stringify({ ignorePaths: ['fixtures/'] }));
    repo.gitOk(['add', CONFIG]);
    expect(repo.git(['commit', '-m', 'policy']).status).toBe(0);
    const token = randomToken();
    repo.write('fixtures/sample.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    const r = repo.git(['commit', '-m', 'fixture']);
    expect(r.status, r.output).toBe(0);
    expectNoSecret(r.output, token);
  });

  it('`kernel-secrets baseline` committed with the token blocks; an entry with a reason passes and is listed', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('legacy.env', `KERNEL_TOKEN=${token}\n`);
    expect(repo.cli(['baseline']).status).toBe(0);
    repo.gitOk(['add', '-A']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'token with its baseline']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('adds it to the baseline without a reason');
    expectNoSecret(r.output, token);

    const baseline = JSON.parse(repo.read('kernel-secrets.baseline.json')) as { entries: Record<string, unknown>[] };
    baseline.entries[0]!['reason'] = 'revoked in Kernel on 2026-11-30, kept for the migration test';
    repo.write('kernel-secrets.baseline.json', JSON.stringify(baseline, null, 2));
    repo.gitOk(['add', '-A']);
    const listed = repo.cli(['scan', '--staged', '--format', 'json']);
    expect(listed.status, listed.output).toBe(0);
    expect(json(listed.stdout).suppressions).toEqual([
      expect.objectContaining({
        kind: 'baseline',
        path: 'legacy.env',
        accepted: true,
        reason: expect.stringContaining('revoked') as string,
      }),
    ]);
    const ok = repo.git(['commit', '-m', 'baseline with a reason']);
    expect(ok.status, ok.output).toBe(0);
    expect(ok.output).toContain('is let through by a baseline entry: revoked');
    expectNoSecret(ok.output + listed.output, token);
  });

  it('allowedFingerprints: a bare fingerprint added with the token blocks; { fingerprint, reason } passes and is listed', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('docs/example.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    const fp = fingerprintOf(repo);
    repo.write(CONFIG, JSON.stringify({ allowedFingerprints: [fp] }));
    repo.gitOk(['add', '-A']);
    const head = repo.head();
    const bare = repo.git(['commit', '-m', 'allow without a reason']);
    expectBlocked(repo, bare, head);
    expect(bare.output).toContain('adds its fingerprint to allowedFingerprints without a reason');

    repo.write(CONFIG, JSON.stringify({ allowedFingerprints: [{ fingerprint: fp, reason: 'documentation sample, never issued' }] }));
    repo.gitOk(['add', '-A']);
    const github = repo.cli(['scan', '--staged', '--format', 'github']);
    expect(github.status, github.output).toBe(0);
    expect(github.stdout).toMatch(/^::notice file=docs\/example\.env,line=1,col=14,.*documentation sample, never issued$/m);
    const sarif = JSON.parse(repo.cli(['scan', '--staged', '--format', 'sarif']).stdout) as {
      runs: { results: { level: string; ruleId: string }[] }[];
    };
    expect(sarif.runs[0]!.results).toContainEqual(expect.objectContaining({ level: 'note', ruleId: 'kernel-secrets/suppression' }));
    expect(repo.git(['commit', '-m', 'allow with a reason']).status).toBe(0);
    expectNoSecret(bare.output + github.output, token);
  });

  it('a new allow directive passes only with a reason', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('sample.py', `KERNEL_TOKEN = "${token}"  # kernel-secrets-allow\n`);
    repo.gitOk(['add', '-A']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'directive without reason']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('gives no reason');
    repo.write('sample.py', `KERNEL_TOKEN = "${token}"  # kernel-secrets-allow: parser test vector\n`);
    repo.gitOk(['add', '-A']);
    const ok = repo.git(['commit', '-m', 'directive with reason']);
    expect(ok.status, ok.output).toBe(0);
    expect(ok.output).toContain('is let through by an allow directive: parser test vector');
    expectNoSecret(r.output + ok.output, token);
  });
});

describe('history and CI: the policy at the range base', () => {
  it("the README's CI command reports a token whose commit also switched the check off", () => {
    const repo = newRepo();
    const base = repo.head()!;
    const token = randomToken();
    repo.write(CONFIG, JSON.stringify({ severity: { context: 'off' } }));
    repo.write('prod.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'bypassed the hook']);
    const r = repo.cli(['scan', '--commits', `${base}..HEAD`, '--format', 'sarif']);
    expect(r.status, r.output).toBe(1);
    const sarif = JSON.parse(r.stdout) as { runs: { results: { level: string; ruleId: string; message: { text: string } }[] }[] };
    const results = sarif.runs[0]!.results;
    expect(results.filter((x) => x.level === 'error')).toHaveLength(1);
    expect(results.some((x) => x.ruleId === 'kernel-secrets/policy-change' && x.message.text.includes('severity.context'))).toBe(true);
    expectNoSecret(r.output, token);
    // --policy-from names the trusted ref explicitly; trusting the tip itself applies its config.
    expect(repo.cli(['scan', '--commits', `${base}..HEAD`, '--policy-from', 'HEAD']).status).toBe(0);
  });

  it('pre-push judges with what the remote has: the push is refused and the remote unchanged', () => {
    const repo = newRepo();
    withRemote(repo);
    const before = repo.gitOk(['ls-remote', 'origin', 'refs/heads/main']);
    const token = randomToken();
    repo.write(CONFIG, JSON.stringify({ ignorePaths: ['*.env'] }));
    repo.write('prod.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'bypassed the hook']);
    const r = repo.git(['push', 'origin', 'main']);
    expect(r.status).not.toBe(0);
    expect(repo.gitOk(['ls-remote', 'origin', 'refs/heads/main'])).toBe(before);
    expect(r.output).toContain('prod.env:1:14');
    expectNoSecret(r.output, token);
  });
});
