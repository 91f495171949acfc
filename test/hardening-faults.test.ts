/**
 * Faults inside a scan fail closed: an object git cannot read and a detector that throws each
 * make `scan` exit 2 with one line saying why, and make the pre-commit hook refuse the commit
 * (HEAD, index, working tree and refs unchanged). Real git, the packed CLI, the installed hooks.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken } from './support/git-repo.js';
import { attemptBlockedCommit } from './support/hardening/repo-state.js';
import { settingsEnv } from './support/hardening/settings-file.js';
import { injectScannerCrash, type CrashInjection } from './support/hardening/inject-crash.js';
import { expectCouldNotScan, Scratch, type Workdir } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

/** Path of the loose object file of `oid`. */
function looseObject(wd: Workdir, oid: string): string {
  return wd.path(`.git/objects/${oid.slice(0, 2)}/${oid.slice(2)}`);
}

describe('an object git cannot read', () => {
  const damage: Record<string, (file: string) => void> = {
    'deleted from .git/objects after staging': (file) => rmSync(file, { force: true }),
    'corrupted in .git/objects after staging': (file) => {
      const bytes = readFileSync(file);
      rmSync(file, { force: true }); // loose objects are read-only
      writeFileSync(file, Buffer.concat([bytes.subarray(0, 2), Buffer.from('not zlib data')]));
    },
  };

  it.each(Object.keys(damage))('%s: scan exits 2 and the hook blocks the commit', (how) => {
    const wd = scratch.repo();
    const token = randomToken();
    wd.write('config/settings.env', settingsEnv(token));
    wd.gitOk(['add', 'config/settings.env']);
    const oid = wd.gitOk(['rev-parse', ':config/settings.env']);
    damage[how]!(looseObject(wd, oid));

    const direct = wd.cli(['scan', '--staged']);
    expectCouldNotScan(direct, oid, 'git fsck');
    expect(direct.stdout).toBe('');

    const commit = attemptBlockedCommit(wd, ['-m', 'settings']);
    expect(commit.output).toMatch(/^kernel-secrets: .*git fsck/m);
    expectNoSecret(direct.output + commit.output, token);
  });
});

describe('a detector that throws', () => {
  let wd: Workdir;
  let crash: CrashInjection;
  const token = randomToken();
  beforeAll(() => {
    wd = scratch.repo();
    crash = injectScannerCrash(scratch.dir('ks-crash-'));
    // A commit with a token (so the history scan reads it), then a staged change with one.
    wd.write('config/settings.env', settingsEnv(token));
    wd.gitOk(['add', 'config/settings.env']);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'settings']);
    wd.write('config/staging.env', settingsEnv(token));
    wd.gitOk(['add', 'config/staging.env']);
  });

  it('the injection really reaches the installed engine (control: without it the token is found)', () => {
    expect(wd.cli(['scan', '--staged']).status).toBe(1);
  });

  it.each([
    ['scan --staged', ['scan', '--staged']],
    ['scan <paths>', ['scan', 'config']],
    ['scan --commits', ['scan', '--commits', 'HEAD~1..HEAD']],
    ['scan --stdin', ['scan', '--stdin']],
  ])('%s exits 2 with one line and no report', (_name, args) => {
    const r = wd.cli(args, { env: crash.env, input: `KERNEL_TOKEN=${token}\n` });
    expectCouldNotScan(r, crash.marker);
    expect(r.stdout).toBe('');
  });

  it('the pre-commit hook blocks the commit', () => {
    const r = attemptBlockedCommit(wd, ['-m', 'staging settings'], { env: crash.env });
    expect(r.output).toMatch(new RegExp(`^kernel-secrets: .*${crash.marker}`, 'm'));
  });
});
