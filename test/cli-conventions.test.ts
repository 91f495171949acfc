/**
 * CLI conventions with the packed bin: a help page per command, option errors that name the
 * option and suggest the nearest, `scan --commits --all` as SECURITY.md writes it, and paths
 * relative to the repository root in every line, also when the hook runs in a monorepo package.
 */
import { describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();

describe('kernel-secrets <command> --help', () => {
  it('prints that command’s own page, exit 0', () => {
    const repo = newRepo();
    const pages = new Map<string, string>();
    for (const argv of [
      ['--help'],
      ['scan', '--help'],
      ['init', '-h'],
      ['baseline', '--help'],
      ['known', '--help'],
      ['verify', '--help'],
      ['help', 'scan'],
    ]) {
      const r = repo.cli(argv);
      expect(r.status, argv.join(' ')).toBe(0);
      pages.set(argv.join(' '), r.stdout);
    }
    expect(pages.get('scan --help')).toMatch(/^kernel-secrets scan: /);
    expect(pages.get('help scan')).toBe(pages.get('scan --help'));
    expect(pages.get('init -h')).toMatch(/^kernel-secrets init: /);
    expect(pages.get('verify --help')).toMatch(/^kernel-secrets verify: /);
    expect(new Set(pages.values()).size).toBe(6);
  });

  it('an unknown option: exit 2, one line naming it and the nearest option', () => {
    const repo = newRepo();
    const r = repo.cli(['scan', '--fromat', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'kernel-secrets: unknown option --fromat for scan (did you mean --format?); run `kernel-secrets scan --help` for usage\n',
    );
  });

  it('`scan --commits --all` scans the whole history', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('old.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '-A']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'old']);
    const r = repo.cli(['scan', '--commits', '--all', '--format', 'json']);
    expect(r.status, r.stderr).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['old.env']);
  });
});

describe('paths relative to the repository root', () => {
  it('a monorepo package’s hook prints services/api/… and nothing with ../', () => {
    const repo = newRepo({ packageDir: 'app' });
    const token = randomToken();
    repo.write('services/api/app.py', `KERNEL_TOKEN = "${token}"\n`);
    repo.gitOk(['add', '-A']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'api']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('services/api/app.py:1:');
    expect(r.output).not.toContain('../');
    expectNoSecret(r.output, token);
    // The same from a subfolder by hand, tree scan included.
    for (const argv of [
      ['scan', '--staged'],
      ['scan', '../services'],
    ]) {
      const s = repo.cli(argv, { cwd: repo.path('app') });
      expect(s.stdout, argv.join(' ')).toMatch(/^services\/api\/app\.py:1:/m);
      expect(s.stdout).not.toContain('../');
    }
  });
});
