/**
 * History scans skip reading files whose added lines cannot hold a finding (core's
 * `Scanner.mayFind`). These commits change only the line holding the token, with its
 * credential name on an unchanged line: the skip must never hide them.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();

const hex = () => randomBytes(20).toString('hex');
/** A token in three literals of its own lines: `KERNEL_TOKEN = (` above joins them. */
const split = (v: string) => `KERNEL_TOKEN = (\n    "${v.slice(0, 14)}"\n    "${v.slice(14, 28)}"\n    "${v.slice(28)}"\n)\n`;

describe('scan --commits with the changed-lines prefilter', () => {
  it.each([
    ['a multi-line KernelClient call', 'client.ts', (v: string) => `const client = new KernelClient(\n  "${v}",\n);\n`, randomToken],
    ['a Kubernetes env value', 'deploy.yaml', (v: string) => `env:\n  - name: KERNEL_TOKEN\n    value: "${v}"\n`, randomToken],
    // A bound 40-hex value is a token; alone it would be a commit id.
    ['a hex token in a wrapped assignment', 'settings.py', (v: string) => `KERNEL_TOKEN = (\n    "${v}"\n)\n`, hex],
    ['a hex Kubernetes env value', 'deploy.yaml', (v: string) => `env:\n  - name: KERNEL_TOKEN\n    value: ${v}\n`, hex],
    ['a token split into literals', 'config.py', split, randomToken],
  ])('finds a token changed alone on its line in %s', (_what, file, make, value) => {
    const repo = newRepo();
    repo.write(file, make('YOUR_TOKEN_GOES_HERE_AND_IS_LONG_ENOUGH_'));
    repo.write('notes.md', 'rev 1\n');
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'placeholder']);
    const base = repo.gitOk(['rev-parse', 'HEAD']).trim();
    const token = value();
    repo.write(file, make(token));
    repo.write('notes.md', 'rev 2\n'); // a file the prefilter may skip
    repo.gitOk(['commit', '--quiet', '--no-verify', '-am', 'rotate']);
    const r = repo.cli(['scan', '--commits', `${base}..HEAD`]);
    expect(r.status).toBe(1);
    expect(r.output).toContain(`${file}:`);
    expectNoSecret(r.output, token);
  });

  it('counts without reading a file whose added lines are integrity hashes, paths and versions', () => {
    const repo = newRepo();
    const lock = (version: string) =>
      `{\n  "packages": {\n    "node_modules/@socket.io/component-emitter": {\n      "version": "${version}",\n` +
      `      "resolved": "https://registry.npmjs.org/@socket.io/component-emitter/-/component-emitter-${version}.tgz",\n` +
      `      "integrity": "sha512-${randomBytes(64).toString('base64')}"\n    }\n  }\n}\n`;
    repo.write('package-lock.json', lock('3.1.0'));
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'lock']);
    const base = repo.gitOk(['rev-parse', 'HEAD']).trim();
    repo.write('package-lock.json', lock('3.1.2'));
    repo.gitOk(['commit', '--quiet', '--no-verify', '-am', 'bump']);
    const r = repo.cli(['scan', '--commits', `${base}..HEAD`, '--format', 'json']);
    expect(r.status).toBe(0);
    const { summary } = JSON.parse(r.stdout) as { summary: { files: number; bytes: number } };
    // Examined (its added lines), so counted; never read, so no bytes.
    expect(summary).toMatchObject({ files: 1, bytes: 0 });
  });
});

describe('scan --all remembers blobs it scanned clean', () => {
  it('does not read a clean blob again when it comes back at the same path, and still finds the token each time it comes back', () => {
    const repo = newRepo();
    const token = randomToken();
    // Random ids alone on their lines pass the prefilter (a name above could bind them); the file scan finds them unbound.
    const v1 = `const ids = [\n  "${randomToken()}",\n];\n`;
    const v2 = `const ids = [\n  "${randomToken()}",\n];\n`;
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
