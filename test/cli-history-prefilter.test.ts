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
