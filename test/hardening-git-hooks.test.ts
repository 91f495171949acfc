/**
 * The hook under the environments git gives it. `git commit -a`, `git commit <path>` and
 * `git commit -i` commit from a temporary index named in GIT_INDEX_FILE (with intent-to-add
 * entries filled in); `--git-dir` and `--work-tree` arrive as an absolute GIT_DIR and
 * `GIT_WORK_TREE=.`, also when the hook then `cd`s into a monorepo package; a linked worktree
 * has its own GIT_DIR and index; a user may export GIT_INDEX_FILE for an index of their own.
 * In each case the installed hook must scan the index being committed and refuse the token,
 * leaving index, working tree and refs as they were. Also: `core.hooksPath` set before `init`,
 * and a hook whose tool is not installed.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken } from './support/git-repo.js';
import { attemptBlockedCommit } from './support/hardening/repo-state.js';
import { settingsEnv, SETTINGS_TOKEN_AT } from './support/hardening/settings-file.js';
import { Scratch, Workdir } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

/** A project with a tracked, token-free `services/api/settings.env` to change. */
function projectWithTrackedSettings(): Workdir {
  const wd = scratch.repo();
  wd.write('services/api/settings.env', 'PORT=3000\nKERNEL_TOKEN=\nLOG_LEVEL=info\n');
  wd.write('services/api/main.py', 'print("api")\n');
  wd.gitOk(['add', '.']);
  wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'api service']);
  return wd;
}

describe('temporary and alternative indexes', () => {
  let wd: Workdir;
  beforeAll(() => {
    wd = projectWithTrackedSettings();
  });
  // Each case changes the tracked file in the working tree only; git builds the index it commits.
  const cases: { name: string; args: string[]; cwd?: string }[] = [
    { name: '`git commit -a` run from a subdirectory (GIT_PREFIX set)', args: ['-a', '-m', 'update settings'], cwd: 'services/api' },
    {
      name: '`git commit <path>` run from a subdirectory (next-index lock)',
      args: ['-m', 'update settings', '--', 'settings.env'],
      cwd: 'services/api',
    },
    { name: '`git commit -i <path>`', args: ['-i', '-m', 'update settings', '--', 'services/api/settings.env'] },
  ];

  it.each(cases)('$name: blocked', ({ args, cwd }) => {
    const token = randomToken();
    wd.write('services/api/settings.env', settingsEnv(token));
    const r = attemptBlockedCommit(wd, args, cwd ? { cwd: wd.path(cwd) } : {});
    expect(r.output).toContain(`settings.env:${SETTINGS_TOKEN_AT}`);
    expectNoSecret(r.output, token);
    wd.gitOk(['checkout', '--', 'services/api/settings.env']);
  });

  it('`git --git-dir=… --work-tree=… commit` from outside the repository (absolute GIT_DIR, GIT_WORK_TREE=.): blocked', () => {
    const token = randomToken();
    wd.write('services/api/settings.env', settingsEnv(token));
    wd.gitOk(['add', 'services/api/settings.env']);
    const r = attemptBlockedCommit(wd, ['-m', 'update settings'], { cwd: scratch.dir('ks-elsewhere-') }, [
      '--git-dir',
      wd.path('.git'),
      '--work-tree',
      wd.root,
    ]);
    expect(r.output).toContain(`services/api/settings.env:${SETTINGS_TOKEN_AT}`);
    expectNoSecret(r.output, token);
    wd.gitOk(['reset', '--quiet', '--', 'services/api/settings.env']);
    wd.gitOk(['checkout', '--', 'services/api/settings.env']);
  });

  it('`git commit -a` with an intent-to-add file (`git add -N`): its content is in the index being committed; blocked', () => {
    const token = randomToken();
    wd.write('deploy/new.env', settingsEnv(token));
    wd.gitOk(['add', '--intent-to-add', 'deploy/new.env']);
    const r = attemptBlockedCommit(wd, ['-a', '-m', 'new settings']);
    expect(r.output).toContain(`deploy/new.env:${SETTINGS_TOKEN_AT}`);
    expectNoSecret(r.output, token);
    wd.gitOk(['rm', '--quiet', '--force', 'deploy/new.env']);
  });

  it('an index of the user’s own (GIT_INDEX_FILE exported): that index is scanned, not .git/index', () => {
    const token = randomToken();
    const altIndex = join(scratch.dir('ks-alt-index-'), 'index');
    const env = { GIT_INDEX_FILE: altIndex };
    wd.gitOk(['read-tree', 'HEAD'], { env });
    wd.write('deploy/prod.env', settingsEnv(token));
    wd.gitOk(['add', 'deploy/prod.env'], { env });
    expect(wd.gitOk(['diff', '--cached', '--name-only'])).toBe(''); // the default index has nothing staged
    const r = attemptBlockedCommit(wd, ['-m', 'prod settings'], { env });
    expect(r.output).toContain(`deploy/prod.env:${SETTINGS_TOKEN_AT}`);
    expectNoSecret(r.output, token);
  });
});

describe('a monorepo (hooks `cd` into the package folder)', () => {
  it('`git --git-dir=… --work-tree=… commit` (GIT_WORK_TREE=. relative to the root, not the folder): blocked', () => {
    const wd = scratch.repo({ packageDir: 'app' });
    const token = randomToken();
    wd.write('api/settings.env', settingsEnv(token));
    wd.gitOk(['add', 'api/settings.env']);
    const r = attemptBlockedCommit(wd, ['-m', 'api settings'], { cwd: scratch.dir('ks-elsewhere-') }, [
      '--git-dir',
      wd.path('.git'),
      '--work-tree',
      wd.root,
    ]);
    expect(r.output).toContain(`api/settings.env:${SETTINGS_TOKEN_AT}`);
    expectNoSecret(r.output, token);
  });
});

describe('the hook without the tool', () => {
  it('node_modules missing (cloned, `npm install` not run, hooks already active): the commit fails closed', () => {
    const wd = scratch.repo();
    rmSync(wd.path('node_modules'));
    const token = randomToken();
    wd.write('settings.env', settingsEnv(token));
    wd.gitOk(['add', 'settings.env']);
    const r = attemptBlockedCommit(wd, ['-m', 'settings'], {}, [], /pre-commit script failed|command not found|not found/);
    expectNoSecret(r.output, token);
  });
});

describe('linked worktree', () => {
  let main: Workdir;
  let wt: Workdir;
  beforeAll(() => {
    main = projectWithTrackedSettings();
    wt = new Workdir(join(scratch.dir('ks-worktrees-'), 'feature'), main.env);
    main.gitOk(['worktree', 'add', '--quiet', '-b', 'feature', wt.root]);
    // node_modules and husky's generated .husky/_ are per checkout: what `npm install` does there.
    wt.installHooks();
  });

  it.each([
    { name: 'plain commit of a staged file', stage: true, args: ['-m', 'settings'] },
    { name: '`git commit -a`', stage: false, args: ['-a', '-m', 'settings'] },
    { name: '`git commit <path>`', stage: false, args: ['-m', 'settings', '--', 'services/api/settings.env'] },
  ])('$name in the linked worktree: blocked, its own index and HEAD untouched', ({ stage, args }) => {
    const token = randomToken();
    wt.write('services/api/settings.env', settingsEnv(token));
    if (stage) wt.gitOk(['add', 'services/api/settings.env']);
    const mainHead = main.head();
    const r = attemptBlockedCommit(wt, args);
    expect(r.output).toContain(`services/api/settings.env:${SETTINGS_TOKEN_AT}`);
    expect(main.head()).toBe(mainHead);
    expectNoSecret(r.output, token);
    wt.gitOk(['reset', '--quiet', '--', 'services/api/settings.env']);
    wt.gitOk(['checkout', '--', 'services/api/settings.env']);
  });
});

describe('core.hooksPath already set before `kernel-secrets init`', () => {
  it('init takes over the hooks path, says what it replaced, and the hook then blocks a token', () => {
    const wd = scratch.repo({ init: false });
    const ownHooks = wd.path('githooks');
    mkdirSync(ownHooks);
    writeFileSync(join(ownHooks, 'pre-commit'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(ownHooks, 'pre-commit'), 0o755);
    wd.gitOk(['config', 'core.hooksPath', 'githooks']);

    const init = wd.cli(['init', '--no-install']);
    expect(init.status, init.output).toBe(0);
    expect(init.stdout).toMatch(/core\.hooksPath was githooks/);
    expect(wd.gitOk(['config', 'core.hooksPath'])).toBe('.husky/_');

    wd.gitOk(['add', '-A']);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'set up kernel-secrets']);
    const token = randomToken();
    wd.write('settings.env', settingsEnv(token));
    wd.gitOk(['add', 'settings.env']);
    const r = attemptBlockedCommit(wd, ['-m', 'settings']);
    expect(r.output).toContain(`settings.env:${SETTINGS_TOKEN_AT}`);
    expectNoSecret(r.output, token);
  });
});
