import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { plainWorkTreeTop } from '../src/git/plain-work-tree.js';

// Real git in temporary repositories: the answer read from disk must be git's own, and every
// case this module does not read must be left to git (undefined).
const base = realpathSync(mkdtempSync(join(tmpdir(), 'ks-plain-tree-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const env: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'],
  HOME: base,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: join(base, 'gitconfig'),
  // Set in some environments (this one included); it says nothing about where the repository is.
  GIT_SSL_CAINFO: '/dev/null',
};
writeFileSync(join(base, 'gitconfig'), '[user]\n\tname = t\n\temail = t@example.invalid\n[init]\n\tdefaultBranch = main\n');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim();
}

function newRepo(name: string): string {
  const dir = join(base, name);
  mkdirSync(join(dir, 'src', 'deep'), { recursive: true });
  git(dir, 'init', '-q');
  return dir;
}

describe('plainWorkTreeTop', () => {
  it("gives git's --show-toplevel from the root, a subfolder and a symlinked path", () => {
    const repo = newRepo('plain');
    symlinkSync(join(repo, 'src'), join(base, 'link-to-src'));
    for (const cwd of [repo, join(repo, 'src'), join(repo, 'src', 'deep'), join(base, 'link-to-src', 'deep')]) {
      expect(plainWorkTreeTop(cwd, env)).toBe(git(cwd, 'rev-parse', '--show-toplevel'));
    }
  });

  it('leaves to git a linked worktree and a submodule-style .git file', () => {
    const repo = newRepo('with-worktree');
    writeFileSync(join(repo, 'a.txt'), 'a\n');
    git(repo, 'add', 'a.txt');
    git(repo, 'commit', '-q', '-m', 'a');
    const linked = join(base, 'linked');
    git(repo, 'worktree', 'add', '-q', linked);
    expect(git(linked, 'rev-parse', '--show-toplevel')).toBe(linked);
    expect(plainWorkTreeTop(linked, env)).toBeUndefined();
    // The main work tree, which now has a worktrees/ folder, is still plain.
    expect(plainWorkTreeTop(repo, env)).toBe(repo);
  });

  it('leaves to git what changes its discovery: GIT_DIR, GIT_WORK_TREE, -c, ceilings', () => {
    const repo = newRepo('variables');
    for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_CEILING_DIRECTORIES', 'GIT_CONFIG_PARAMETERS', 'GIT_INDEX_FILE']) {
      expect(plainWorkTreeTop(repo, { ...env, [name]: join(repo, '.git') }), name).toBeUndefined();
    }
    expect(plainWorkTreeTop(repo, env)).toBe(repo);
  });

  it('leaves to git a config it would read differently (core.worktree, core.bare) and a .git that is not a repository', () => {
    const moved = newRepo('core-worktree');
    git(moved, 'config', 'core.worktree', join(moved, 'src'));
    expect(git(join(moved, 'src'), 'rev-parse', '--show-toplevel')).toBe(join(moved, 'src'));
    expect(plainWorkTreeTop(join(moved, 'src'), env)).toBeUndefined();

    const bare = newRepo('core-bare');
    git(bare, 'config', 'core.bare', 'true');
    expect(plainWorkTreeTop(bare, env)).toBeUndefined();

    // An empty .git folder inside a repository: git skips it and answers the outer repository.
    const outer = newRepo('outer');
    mkdirSync(join(outer, 'src', '.git'));
    expect(git(join(outer, 'src'), 'rev-parse', '--show-toplevel')).toBe(outer);
    expect(plainWorkTreeTop(join(outer, 'src'), env)).toBeUndefined();
    // Inside the git directory itself git answers differently again.
    expect(plainWorkTreeTop(join(outer, '.git', 'refs'), env)).toBeUndefined();
  });

  it('finds nothing outside a repository, and says so by leaving it to git', () => {
    const plain = join(base, 'not-a-repo');
    mkdirSync(plain);
    expect(plainWorkTreeTop(plain, env)).toBeUndefined();
    expect(plainWorkTreeTop(join(base, 'does-not-exist'), env)).toBeUndefined();
  });
});
