/**
 * End to end: the pre-commit hook that `kernel-secrets init` installs (husky →
 * `kernel-secrets scan --staged`; with `--lint-staged`, lint-staged first), from the packed packages, against real `git commit` in temp
 * repositories. Each case shows that what the commit would contain is what gets scanned: the
 * index git is committing into, in every way people commit. Tokens are generated per run and
 * never appear in any output.
 */
import { describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, TempRepo, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();

/** A repo with a.env and b.env committed (hooks bypassed), for the `git commit <path>` cases. */
function twoFileRepo() {
  const repo = newRepo();
  repo.write('a.env', 'A=1\n');
  repo.write('b.env', 'B=1\n');
  repo.gitOk(['add', '.']);
  repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'two files']);
  return repo;
}

/** A settings file whose line `line` (1-based) holds the token. */
function envFile(token: string, before = 2): string {
  const lines = Array.from({ length: before }, (_, i) => `SETTING_${i}=value${i}`);
  return [...lines, `KERNEL_TOKEN=${token}`, 'LOG_LEVEL=info', ''].join('\n');
}

describe('git commit with the installed hook', () => {
  it('blocks a staged token, leaves HEAD where it was and names the file and line', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('config/settings.env', envFile(token));
    repo.gitOk(['add', 'config/settings.env']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'add settings']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('config/settings.env:3:14');
    expect(r.output).toContain('context/kernel-variable');
    expect(r.output).toContain('Settings › Security › API Tokens');
    expect(r.output).toContain('Commit blocked');
    expectNoSecret(r.output, token);
    // Nothing lost: the file is still staged and still on disk.
    expect(repo.gitOk(['diff', '--cached', '--name-only'])).toBe('config/settings.env');
  });

  it('lets a clean commit through', () => {
    const repo = newRepo();
    repo.write('config/settings.env', 'KERNEL_TOKEN=${KERNEL_TOKEN}\nLOG_LEVEL=debug\n');
    repo.write('src/client.js', 'export const token = process.env.KERNEL_TOKEN;\n');
    repo.gitOk(['add', '.']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'clean settings']);
    expect(r.status, r.output).toBe(0);
    expect(repo.head()).not.toBe(head);
    expect(repo.show('src/client.js')).toContain('process.env.KERNEL_TOKEN');
  });

  it('blocks `git commit -a` with a token in a tracked, unstaged file', () => {
    const repo = newRepo();
    repo.write('deploy.env', 'REGION=eu\n');
    repo.gitOk(['add', 'deploy.env']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'deploy settings']);
    const token = randomToken();
    repo.write('deploy.env', `REGION=eu\nKERNEL_TOKEN=${token}\n`);
    const head = repo.head();
    const r = repo.git(['commit', '-a', '-m', 'update deploy settings']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('deploy.env:2:14');
    expectNoSecret(r.output, token);
    // git -a used a temporary index; the real one is untouched.
    expect(repo.gitOk(['diff', '--cached', '--name-only'])).toBe('');
    expect(repo.read('deploy.env')).toContain('KERNEL_TOKEN=');
  });

  it('blocks `git commit <path>` with a token in that path', () => {
    const repo = twoFileRepo();
    const token = randomToken();
    repo.write('b.env', `B=1\nKERNEL_TOKEN=${token}\n`);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'only b', '--', 'b.env']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('b.env:2:14');
    expectNoSecret(r.output, token);
  });

  it('scans the temporary index of `git commit <path>`: a token staged in another file is not in that commit', () => {
    const repo = twoFileRepo();
    const token = randomToken();
    repo.write('a.env', `A=1\nKERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', 'a.env']); // staged, but `git commit b.env` does not commit it
    repo.write('b.env', 'B=2\n');
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'only b', '--', 'b.env']);
    expect(r.status, r.output).toBe(0);
    expect(repo.head()).not.toBe(head);
    expect(repo.show('b.env')).toBe('B=2');
    expect(repo.show('a.env')).toBe('A=1');
    expectNoSecret(r.output, token);
    // The token is still staged, and the next plain commit is blocked.
    const blocked = repo.git(['commit', '-m', 'now a']);
    expectBlocked(repo, blocked, repo.head());
    expect(blocked.output).toContain('a.env:2:14');
  });

  it('blocks the very first commit of a repository', () => {
    const repo = newRepo({ baseCommit: false });
    expect(repo.head()).toBeUndefined();
    const token = randomToken();
    repo.write('settings.env', envFile(token, 0));
    repo.gitOk(['add', '-A']);
    const r = repo.git(['commit', '-m', 'initial commit']);
    expectBlocked(repo, r, undefined);
    expect(r.output).toContain('settings.env:1:14');
    expectNoSecret(r.output, token);
    // Without the token the first commit goes through (the init files included).
    repo.write('settings.env', 'LOG_LEVEL=info\n');
    repo.gitOk(['add', '-A']);
    const ok = repo.git(['commit', '-m', 'initial commit']);
    expect(ok.status, ok.output).toBe(0);
    expect(repo.head()).toBeDefined();
  });

  it('blocks `git commit --amend` that adds a token, keeping the original commit', () => {
    const repo = newRepo();
    repo.write('notes.md', '# Notes\n');
    repo.gitOk(['add', 'notes.md']);
    expect(repo.git(['commit', '-m', 'notes']).status).toBe(0);
    const head = repo.head();
    const token = randomToken();
    repo.write(
      'notes.md',
      `# Notes\n\n\`\`\`sh\ncurl -H "Authorization: Bearer ${token}" https://kernel.asimov.com/api/v1/constructs\n\`\`\`\n`,
    );
    repo.gitOk(['add', 'notes.md']);
    const r = repo.git(['commit', '--amend', '--no-edit']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('notes.md:4:');
    expect(r.output).toContain('authorization-header/bearer');
    expectNoSecret(r.output, token);
  });

  it('scans a renamed file under its new name and reports its new lines only', () => {
    const repo = newRepo();
    const body = Array.from({ length: 20 }, (_, i) => `line ${i} of a file that is moved`);
    repo.write('old-name.txt', body.join('\n') + '\n');
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'file']);
    // A pure rename brings no new content: it passes.
    repo.gitOk(['mv', 'old-name.txt', 'renamed.txt']);
    const pure = repo.git(['commit', '-m', 'rename']);
    expect(pure.status, pure.output).toBe(0);
    // A rename that adds a token is blocked, at the new path.
    const token = randomToken();
    repo.gitOk(['mv', 'renamed.txt', 'app.env']);
    repo.write('app.env', [...body.slice(0, 2), `KERNEL_TOKEN=${token}`, ...body.slice(2)].join('\n') + '\n');
    repo.gitOk(['add', '-A']);
    expect(repo.gitOk(['diff', '--cached', '--name-status', '-M'])).toMatch(/^R\d+\s+renamed\.txt\s+app\.env$/);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'move and change']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('app.env:3:14');
    expectNoSecret(r.output, token);
  });

  it('deleting a file that holds a token is not blocked', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('leaked.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'oops (bypassed the hook)']);
    repo.gitOk(['rm', '--quiet', 'leaked.env']);
    const r = repo.git(['commit', '-m', 'remove leaked file']);
    expect(r.status, r.output).toBe(0);
    expectNoSecret(r.output, token);
  });

  it('names files with spaces, unicode, leading dashes, brackets and backslashes', () => {
    const repo = newRepo();
    const names = ['with space.env', 'ünïcødé-конфиг.env', '-leading-dash.env', '[brackets] (1).env', 'back\\slash.env', 'quote"d.env'];
    const tokens = names.map(() => randomToken());
    names.forEach((name, i) => repo.write(`odd/${name}`, `# ${i}\nKERNEL_TOKEN=${tokens[i]}\n`));
    repo.gitOk(['add', '--', 'odd']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'odd names']);
    expectBlocked(repo, r, head);
    // git sends a hook's stdout to stderr.
    for (const name of names) expect(r.output).toContain(`odd/${name}:2:14`);
    expectNoSecret(r.output, ...tokens);
  });
});

describe('partial staging (git add -p)', () => {
  /** A tracked file long enough that edits at its top and bottom are separate hunks. */
  function trackedFile(repo: TempRepo, name: string, line: (i: number) => string): string[] {
    const lines = Array.from({ length: 30 }, (_, i) => line(i));
    repo.write(name, lines.join('\n') + '\n');
    repo.gitOk(['add', name]);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', `add ${name}`]);
    return lines;
  }

  /** Stages the first hunk only, answering `git add -p` on stdin. */
  function stageFirstHunkOnly(repo: TempRepo, name: string): void {
    repo.gitOk(['add', '-p', '--', name], { input: 'y\nn\n' });
  }

  it('a token only in the unstaged hunk does not block, and that hunk stays in the working tree', () => {
    // With --lint-staged and a JS file: lint-staged hides the unstaged hunk while ESLint runs, and must put it back.
    const repo = newRepo({ lintStaged: true });
    const lines = trackedFile(repo, 'src/service.js', (i) => `export const OPTION_${i} = ${i};`);
    const token = randomToken();
    const edited = ['export const OPTION_0 = 100;', ...lines.slice(1), `export const KERNEL_TOKEN = '${token}';`];
    repo.write('src/service.js', edited.join('\n') + '\n');
    stageFirstHunkOnly(repo, 'src/service.js');
    expect(repo.gitOk(['diff', '--cached'])).toContain('+export const OPTION_0 = 100;');
    expect(repo.gitOk(['diff', '--cached'])).not.toContain('KERNEL_TOKEN');
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'change option 0']);
    expect(r.status, r.output).toBe(0);
    expect(repo.head()).not.toBe(head);
    expect(repo.show('src/service.js')).toContain('OPTION_0 = 100');
    expect(repo.show('src/service.js')).not.toContain('KERNEL_TOKEN');
    // The unstaged hunk (with the token) is still in the working tree, still unstaged.
    expect(repo.read('src/service.js')).toBe(edited.join('\n') + '\n');
    expect(repo.git(['diff', '--name-only']).stdout.trim()).toBe('src/service.js');
    expectNoSecret(r.output, token);
  });

  it('a token only in the staged hunk blocks even when the working copy no longer has it', () => {
    const repo = newRepo();
    const lines = trackedFile(repo, 'service.env', (i) => `OPTION_${i}=${i}`);
    const token = randomToken();
    repo.write('service.env', [`KERNEL_TOKEN=${token}`, ...lines.slice(1), 'OPTION_LAST=1'].join('\n') + '\n');
    stageFirstHunkOnly(repo, 'service.env');
    // Working copy fixed afterwards, index not: the commit would still contain the token.
    const fixed = ['KERNEL_TOKEN=${KERNEL_TOKEN}', ...lines.slice(1), 'OPTION_LAST=1'].join('\n') + '\n';
    repo.write('service.env', fixed);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'token in index only']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('service.env:1:14');
    expectNoSecret(r.output, token);
    expect(repo.read('service.env')).toBe(fixed);
  });
});
