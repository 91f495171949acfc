/**
 * History scans skip reading files whose added lines cannot hold a finding (core's
 * `Scanner.mayFind`). These commits change only the line holding the token, with its
 * credential name on an unchanged line: the skip must never hide them.
 */
import { describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();

describe('scan --commits with the changed-lines prefilter', () => {
  it.each([
    ['a multi-line KernelClient call', 'client.ts', (v: string) => `const client = new KernelClient(\n  "${v}",\n);\n`],
    ['a Kubernetes env value', 'deploy.yaml', (v: string) => `env:\n  - name: KERNEL_TOKEN\n    value: "${v}"\n`],
  ])('finds a token changed alone on its line in %s', (_what, file, make) => {
    const repo = newRepo();
    repo.write(file, make('YOUR_TOKEN'));
    repo.write('notes.md', 'rev 1\n');
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'placeholder']);
    const base = repo.gitOk(['rev-parse', 'HEAD']).trim();
    const token = randomToken();
    repo.write(file, make(token));
    repo.write('notes.md', 'rev 2\n'); // a file the prefilter may skip
    repo.gitOk(['commit', '--quiet', '--no-verify', '-am', 'rotate']);
    const r = repo.cli(['scan', '--commits', `${base}..HEAD`]);
    expect(r.status).toBe(1);
    expect(r.output).toContain(`${file}:`);
    expectNoSecret(r.output, token);
  });
});

describe('scan --all remembers blobs it scanned clean', () => {
  it('does not read a clean blob again when it comes back at the same path, and still finds the token each time it comes back', () => {
    const repo = newRepo();
    const token = randomToken();
    const v1 = 'const headers = { token: process.env.KERNEL_TOKEN };\n';
    const v2 = 'const headers = { token: process.env.KERNEL_TOKEN_PROD };\n';
    const leaky = `${v1}const KERNEL_TOKEN = "${token}";\n`;
    const commit = (content: string, message: string) => {
      repo.write('src/client.ts', content);
      repo.gitOk(['add', '.']);
      repo.gitOk(['commit', '--quiet', '--no-verify', '-m', message]);
      return repo.gitOk(['rev-parse', 'HEAD']).trim();
    };
    const first = commit(v1, 'v1');
    commit(v2, 'v2');
    commit(v1, 'back to v1'); // v1's blob again, with an added line: remembered as clean, not read
    const leaked = commit(leaky, 'leak');
    commit(v2, 'back to v2'); // remembered as clean too
    const again = commit(leaky, 'leak again'); // the leaky blob again: it had a hit, so it is read again
    const r = repo.cli(['scan', '--all', '--format', 'json'], { env: { KERNEL_SECRETS_DEBUG: '1' } });
    expect(r.status).toBe(1);
    // Requests run ahead of the scan: in so short a history both twins were asked for before v1 and v2 were scanned.
    expect(r.stderr).toContain(
      `kernel-secrets:scan history: blobs scanned clean before: 0 not read again, 2 not scanned again (${v1.length + v2.length} bytes)`,
    );
    const report = JSON.parse(r.stdout) as {
      summary: { files: number; commits: number };
      findings: { commit: string; exposure: unknown }[];
    };
    // Every version counts as scanned, read or remembered (the repository's first commit holds other files).
    expect(report.summary.commits).toBe(Number(repo.gitOk(['rev-list', '--count', '--all'])));
    const before = repo.cli(['scan', '--commits', `${first}~1`, '--format', 'json']);
    expect(report.summary.files).toBe(6 + (JSON.parse(before.stdout) as { summary: { files: number } }).summary.files);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]!.commit).toBe(leaked);
    expect(JSON.stringify(report.findings[0]!.exposure)).toContain(again.slice(0, 12));
    expectNoSecret(r.output, token);
  });
});
