/**
 * Repository shapes the pre-commit scan meets in the wild. Each one either works (the staged
 * token is reported, exit 1, and the installed hook refuses the commit) or exits 2 with one
 * line saying why; `scan --staged` never exits 0 without having read the index. Every hook
 * scenario also checks that index, working tree and refs are byte for byte unchanged.
 */
import { symlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken, testEnv } from './support/git-repo.js';
import { attemptBlockedCommit } from './support/hardening/repo-state.js';
import { settingsEnv, SETTINGS_TOKEN_AT } from './support/hardening/settings-file.js';
import { expectCouldNotScan, parseJsonReport, Scratch, Workdir, type Run } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

function stageToken(wd: Workdir, rel: string, token = randomToken(), extraAddArgs: string[] = []): string {
  wd.write(rel, settingsEnv(token));
  wd.gitOk(['add', ...extraAddArgs, '--', rel]);
  return token;
}

/** The scan worked: exit 1, a finding at settingsEnv's token for each path, no secret in the output. */
function expectFound(r: Run, paths: string[], tokens: string[]): void {
  const report = parseJsonReport(r);
  expect(r.status, r.stderr).toBe(1);
  for (const path of paths) expect(report.findings.map((f) => `${f.path}:${f.line}:${f.column}`)).toContain(`${path}:${SETTINGS_TOKEN_AT}`);
  expectNoSecret(r.output, ...tokens);
}

describe('no repository, no git', () => {
  it('outside any repository: `scan --staged` exits 2, a tree scan still reads the files', () => {
    const dir = scratch.dir('ks-norepo-');
    const wd = new Workdir(dir, testEnv({ GIT_CEILING_DIRECTORIES: dir }));
    const token = randomToken();
    wd.write('settings.env', settingsEnv(token));
    expectCouldNotScan(wd.cli(['scan', '--staged']), 'not inside a git work tree');
    expectFound(wd.cli(['scan', '.', '--format', 'json']), ['settings.env'], [token]);
  });

  it('git not installed (PATH without git): every git-backed scan exits 2', () => {
    const wd = scratch.repo();
    const token = stageToken(wd, 'settings.env');
    const noGit = { PATH: scratch.dir('ks-empty-bin-') };
    for (const args of [
      ['scan', '--staged'],
      ['scan', '.'],
      ['scan', '--commits', 'HEAD'],
    ]) {
      const r = wd.cli(args, { env: noGit });
      expectCouldNotScan(r, 'git was not found on PATH');
      expectNoSecret(r.output, token);
    }
  });
});

describe('bare repositories', () => {
  let bare: Workdir;
  const historic = randomToken();
  beforeAll(() => {
    const src = scratch.repo();
    src.write('deploy/settings.env', settingsEnv(historic));
    src.gitOk(['add', '.']);
    src.gitOk(['commit', '--quiet', '--no-verify', '-m', 'deploy settings']);
    bare = new Workdir(scratch.dir('ks-bare-'));
    bare.gitOk(['clone', '--quiet', '--bare', src.root, bare.root]);
  });

  it('`scan --staged` in a bare repository exits 2 (there is no index); its history is scanned', () => {
    expectCouldNotScan(bare.cli(['scan', '--staged']), 'not inside a git work tree');
    expectFound(bare.cli(['scan', '--all', '--format', 'json']), ['deploy/settings.env'], [historic]);
  });

  it('a bare repository with a separate work tree (GIT_DIR + GIT_WORK_TREE, dotfiles style): its index is scanned', () => {
    const home = scratch.dir('ks-dotfiles-');
    const env = { GIT_DIR: bare.root, GIT_WORK_TREE: home };
    const wd = new Workdir(home);
    const token = randomToken();
    wd.write('.config/kernel.env', settingsEnv(token));
    wd.gitOk(['add', '.config/kernel.env'], { env });
    expectFound(wd.cli(['scan', '--staged', '--format', 'json'], { env }), ['.config/kernel.env'], [token]);
  });
});

describe('HEAD states', () => {
  it('detached HEAD: the hook blocks the commit', () => {
    const wd = scratch.repo();
    wd.write('README.md', '# project\n');
    wd.gitOk(['add', 'README.md']);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'readme']);
    wd.gitOk(['checkout', '--quiet', '--detach', 'HEAD~1']);
    const token = stageToken(wd, 'settings.env');
    const r = attemptBlockedCommit(wd, ['-m', 'settings']);
    expect(r.output).toContain(`settings.env:${SETTINGS_TOKEN_AT}`);
    expectNoSecret(r.output, token);
  });

  it('unborn branch (`git checkout --orphan`): everything in the index is new and scanned; the hook blocks', () => {
    const wd = scratch.repo();
    wd.gitOk(['checkout', '--quiet', '--orphan', 'fresh-start']);
    const token = stageToken(wd, 'settings.env');
    expectFound(wd.cli(['scan', '--staged', '--format', 'json']), ['settings.env'], [token]);
    attemptBlockedCommit(wd, ['-m', 'fresh start']);
  });
});

describe('partial clones of the history or the tree', () => {
  let shallow: Workdir;
  const historic = randomToken();
  beforeAll(() => {
    const src = scratch.repo();
    src.write('deploy/settings.env', settingsEnv(historic));
    src.gitOk(['add', '.']);
    src.gitOk(['commit', '--quiet', '--no-verify', '-m', 'deploy settings']);
    src.write('README.md', '# project\n');
    src.gitOk(['add', '.']);
    src.gitOk(['commit', '--quiet', '--no-verify', '-m', 'readme']);
    shallow = new Workdir(scratch.dir('ks-shallow-'));
    shallow.gitOk(['clone', '--quiet', '--depth', '1', `file://${src.root}`, shallow.root]);
    shallow.installHooks();
  });

  it('shallow clone: the hook blocks a staged token', () => {
    expect(shallow.gitOk(['rev-parse', '--is-shallow-repository'])).toBe('true');
    const token = stageToken(shallow, 'staging.env');
    expectFound(shallow.cli(['scan', '--staged', '--format', 'json']), ['staging.env'], [token]);
    attemptBlockedCommit(shallow, ['-m', 'staging']);
    shallow.gitOk(['rm', '--quiet', '--cached', 'staging.env']);
  });

  it('shallow clone: history scans see the boundary commit whole, and a range past it exits 2', () => {
    const all = shallow.cli(['scan', '--all', '--format', 'json']);
    expectFound(all, ['deploy/settings.env'], [historic]);
    expectCouldNotScan(shallow.cli(['scan', '--commits', 'HEAD~1..HEAD']), 'HEAD~1..HEAD', 'fetch-depth');
  });

  it('sparse checkout (cone mode, sparse index): tokens inside and outside the cone are scanned; the hook blocks', () => {
    const wd = scratch.repo();
    wd.write('services/api/main.py', 'print("api")\n');
    wd.write('services/web/index.html', '<p>web</p>\n');
    wd.gitOk(['add', '.']);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'services']);
    // The project files (.husky holds the hook scripts) stay in the cone; services/web leaves it.
    wd.gitOk(['sparse-checkout', 'set', '--cone', '--sparse-index', 'services/api', '.husky']);
    expect(wd.gitOk(['ls-files', '--sparse'])).toContain('services/web/');
    const inside = stageToken(wd, 'services/api/settings.env');
    const outside = stageToken(wd, 'services/web/settings.env', randomToken(), ['--sparse']);
    expectFound(
      wd.cli(['scan', '--staged', '--format', 'json']),
      ['services/api/settings.env', 'services/web/settings.env'],
      [inside, outside],
    );
    attemptBlockedCommit(wd, ['-m', 'settings']);
  });
});

describe('what git stores for special entries', () => {
  it('submodule: a gitlink change does not break the scan; a token beside it blocks; inside the submodule its own index is scanned', () => {
    const lib = scratch.plainRepo();
    lib.write('lib.py', 'VERSION = 1\n');
    lib.gitOk(['add', '.']);
    lib.gitOk(['commit', '--quiet', '-m', 'lib']);
    const wd = scratch.repo();
    wd.gitOk(['-c', 'protocol.file.allow=always', 'submodule', 'add', '--quiet', lib.root, 'vendor/lib']);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'vendor lib']);
    const sub = new Workdir(wd.path('vendor/lib'), wd.env);
    sub.write('lib.py', 'VERSION = 2\n');
    sub.gitOk(['commit', '--quiet', '-am', 'lib 2']);
    wd.gitOk(['add', 'vendor/lib']);
    const token = stageToken(wd, 'settings.env');

    const top = wd.cli(['scan', '--staged', '--format', 'json']);
    expectFound(top, ['settings.env'], [token]);
    expect(parseJsonReport(top).findings.every((f) => f.path === 'settings.env')).toBe(true);
    attemptBlockedCommit(wd, ['-m', 'settings and lib 2']);

    // Committing inside the submodule is the submodule repository's own gate: its index (under .git/modules) is read.
    const inner = stageToken(sub, 'leak.env');
    expectFound(sub.cli(['scan', '--staged', '--format', 'json']), ['leak.env'], [inner]);
  });

  it('symlink: git stores the link target text, and a token in it is found (hook and history)', () => {
    const wd = scratch.repo();
    const token = randomToken();
    symlinkSync(`config/KERNEL_TOKEN=${token}`, wd.path('current-config'));
    wd.gitOk(['add', 'current-config']);
    expect(wd.gitOk(['ls-files', '--stage', 'current-config'])).toMatch(/^120000 /);
    const r = attemptBlockedCommit(wd, ['-m', 'link the config']);
    expect(r.output).toContain('current-config:1:');
    expectNoSecret(r.output, token);
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'link the config']);
    const history = wd.cli(['scan', '--commits', 'HEAD~1..HEAD', '--format', 'json']);
    expect(history.status).toBe(1);
    expect(parseJsonReport(history).findings.map((f) => f.path)).toEqual(['current-config']);
    expectNoSecret(history.output, token);
  });
});
