/**
 * End to end: the packed `kernel-secrets scan` outside the hook: tree scans (.gitignore,
 * ignorePaths, explicit paths), history scans (ranges, --all, merge-only content), stdin, the
 * four output formats, `known add`, and every way a scan can fail closed with exit code 2.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomJwt } from './support/tokens.js';
import { expectNoSecret, packedProject, randomToken, run, TempRepo, testEnv, Workdir } from './support/git-repo.js';

const cleanup: (() => void)[] = [];
afterAll(() => {
  for (const c of cleanup.splice(0)) c();
});
function newRepo(options?: Parameters<typeof TempRepo.create>[0]): TempRepo {
  const repo = TempRepo.create(options);
  cleanup.push(() => repo.remove());
  return repo;
}

function expectOneLineError(r: { status: number | null; stderr: string }, text: string | RegExp): void {
  expect(r.status).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^kernel-secrets: /);
  if (typeof text === 'string') expect(lines[0]).toContain(text);
  else expect(lines[0]).toMatch(text);
}

describe('scan [paths]', () => {
  let repo: TempRepo;
  const tracked = randomToken();
  const ignored = randomToken();
  const configured = randomToken();
  beforeAll(() => {
    repo = newRepo();
    repo.write('.gitignore', `${repo.read('.gitignore')}dist/\n`);
    repo.write('kernel-secrets.config.json', JSON.stringify({ ignorePaths: ['test/fixtures/'] }) + '\n');
    repo.write('src/settings.env', `KERNEL_TOKEN=${tracked}\n`);
    repo.write('dist/bundle.env', `KERNEL_TOKEN=${ignored}\n`);
    repo.write('test/fixtures/sample.env', `KERNEL_TOKEN=${configured}\n`);
    repo.write('src/clean.txt', 'nothing to see\n');
  });

  it('scans the tree, honouring .gitignore and ignorePaths', () => {
    const r = repo.cli(['scan', '.']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('src/settings.env:1:14');
    expect(r.stdout).not.toContain('dist/bundle.env');
    expect(r.stdout).not.toContain('test/fixtures/sample.env');
    expect(r.stdout).toContain('1 file skipped by ignorePaths');
    expectNoSecret(r.output, tracked, ignored, configured);
  });

  it('always scans paths named explicitly (lint-staged, editors)', () => {
    const r = repo.cli(['scan', 'dist/bundle.env', 'test/fixtures/sample.env']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('dist/bundle.env:1:14');
    expect(r.stdout).toContain('test/fixtures/sample.env:1:14');
    expectNoSecret(r.output, tracked, ignored, configured);
  });

  it('shows paths relative to the repository root, wherever it runs', () => {
    const r = repo.cli(['scan', '.'], { cwd: repo.path('src') });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^src\/settings\.env:1:14/m);
  });

  it('walks a directory outside any repository, skipping node_modules', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ks-plain-')));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const token = randomToken();
    mkdirSync(join(dir, 'conf'));
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'conf', 'app.env'), `KERNEL_TOKEN=${token}\n`);
    writeFileSync(join(dir, 'node_modules', 'dep', 'x.env'), `KERNEL_TOKEN=${token}\n`);
    const r = new Workdir(dir, testEnv({ GIT_CEILING_DIRECTORIES: dir })).cli(['scan', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('conf/app.env:1:14');
    expect(r.stdout).not.toContain('node_modules');
    expectNoSecret(`${r.stdout}${r.stderr}`, token);
  });

  it('a missing path is exit 2 with one line', () => {
    expectOneLineError(repo.cli(['scan', 'no/such/file.env']), 'no such file or directory');
  });
});

describe('scan --commits', () => {
  let repo: TempRepo;
  const branchToken = randomToken();
  const mergeToken = randomToken();
  let mergeCommit: string;
  beforeAll(() => {
    repo = newRepo();
    const base = Array.from({ length: 8 }, (_, i) => `SETTING_${i}=${i}`);
    const edit = (i: number, text: string) => base.map((l, n) => (n === i ? text : l)).join('\n') + '\n';
    repo.write('settings.env', base.join('\n') + '\n');
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'base']);
    repo.gitOk(['checkout', '--quiet', '-b', 'side']);
    repo.write('settings.env', edit(1, 'SETTING_1=side'));
    repo.write('side.env', `KERNEL_TOKEN=${branchToken}\n`);
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'side']);
    repo.gitOk(['checkout', '--quiet', 'main']);
    repo.write('settings.env', edit(6, 'SETTING_6=main'));
    repo.gitOk(['commit', '--quiet', '--no-verify', '-am', 'main']);
    // An "evil merge": the token is in neither parent, only in the merge's own resolution.
    repo.git(['merge', '--no-commit', '--no-ff', 'side']);
    repo.write(
      'settings.env',
      edit(1, 'SETTING_1=side').replace('SETTING_6=6', 'SETTING_6=main').replace('SETTING_3=3', `KERNEL_TOKEN=${mergeToken}`),
    );
    repo.gitOk(['add', '.']);
    repo.gitOk(['commit', '--quiet', '--no-verify', '-m', 'merge side']);
    mergeCommit = repo.head()!;
  });

  it('finds content that enters only through a merge commit', () => {
    const r = repo.cli(['scan', '--commits', 'HEAD^1..HEAD', '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: { path: string; line: number; commit: string }[]; summary: { commits: number } };
    expect(report.summary.commits).toBe(2); // the merge and the side commit
    expect(report.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'settings.env', line: 4, commit: mergeCommit }),
        expect.objectContaining({ path: 'side.env', line: 1 }),
      ]),
    );
    expect(report.findings).toHaveLength(2);
    expectNoSecret(r.output, branchToken, mergeToken);
  });

  it('--all scans every commit of every ref; a range without tokens passes', () => {
    const all = repo.cli(['scan', '--all']);
    expect(all.status).toBe(1);
    expect(all.stdout).toContain('side.env:1:14');
    expect(all.stdout).toContain('settings.env:4:14');
    expectNoSecret(all.output, branchToken, mergeToken);
    const clean = repo.cli(['scan', '--commits', 'main~2..main~1']);
    expect(clean.status, clean.output).toBe(0);
    expect(clean.stdout).toContain('scanned 1 commit');
  });

  it('an unknown range is exit 2 with one line', () => {
    expectOneLineError(repo.cli(['scan', '--commits', 'origin/nope..HEAD']), 'fetch-depth: 0');
    expectOneLineError(repo.cli(['scan', '--commits=--output=x']), '--commits needs a revision range');
  });
});

describe('output formats', () => {
  let repo: TempRepo;
  const token = randomToken();
  const path = 'conf/we,ird:name 100%.env';
  beforeAll(() => {
    repo = newRepo();
    repo.write(path, `# line 1\nKERNEL_TOKEN=${token}\n`);
  });

  it('json', () => {
    const r = repo.cli(['scan', 'conf', '--format', 'json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as { blocking: boolean; findings: Record<string, unknown>[] };
    expect(json.blocking).toBe(true);
    expect(json.findings[0]).toMatchObject({
      path,
      line: 2,
      column: 14,
      endLine: 2,
      endColumn: 54,
      ruleId: 'context/kernel-variable',
      severity: 'error',
    });
    expect(json.findings[0]!['fingerprint']).toMatch(/^[0-9a-f]{64}$/);
    expect(json.findings[0]!['preview']).toBe(`${token.slice(0, 4)}…(40 chars)`);
    expectNoSecret(r.output, token);
  });

  it('sarif 2.1.0 as GitHub code scanning reads it', () => {
    const r = repo.cli(['scan', 'conf', '--format', 'sarif', '--output', 'results.sarif']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const text = repo.read('results.sarif');
    expectNoSecret(text, token);
    const sarif = JSON.parse(text) as {
      version: string;
      $schema: string;
      runs: {
        tool: {
          driver: { name: string; rules: { id: string; shortDescription: { text: string }; properties: Record<string, unknown> }[] };
        };
        results: Record<string, any>[];
      }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('kernel-secrets');
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['context/kernel-variable']);
    expect(run.tool.driver.rules[0]!.properties['security-severity']).toMatch(/^\d+(\.\d+)?$/);
    const result = run.results[0]!;
    expect(result['ruleId']).toBe('context/kernel-variable');
    expect(result['ruleIndex']).toBe(0);
    expect(result['level']).toBe('error');
    expect(result['locations'][0].physicalLocation.artifactLocation.uri).toBe('conf/we%2Cird%3Aname%20100%25.env');
    expect(result['locations'][0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 14, endLine: 2, endColumn: 54 });
    expect(Object.values(result['partialFingerprints'] as Record<string, string>)[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('github workflow annotations, escaped', () => {
    const r = repo.cli(['scan', 'conf', '--format', 'github']);
    expect(r.status).toBe(1);
    const annotation = r.stdout.split('\n')[0]!;
    expect(annotation).toMatch(
      /^::error file=conf\/we%2Cird%3Aname 100%25\.env,line=2,col=14,endLine=2,endColumn=54,title=kernel-secrets context\/kernel-variable::/,
    );
    expect(annotation).toContain('%0A'); // the remediation on its own line, not a new command
    expectNoSecret(r.output, token);
  });

  it('pretty: colour only when asked, NO_COLOR honoured, --quiet silent when clean', () => {
    expect(repo.cli(['scan', 'conf']).stdout).not.toContain('\x1b[');
    expect(repo.cli(['scan', 'conf', '--color']).stdout).toContain('\x1b[31m');
    expect(repo.cli(['scan', 'conf'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain('\x1b[');
    expect(repo.cli(['scan', 'conf', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\x1b[');
    repo.write('clean/readme.txt', 'hello\n');
    const quiet = repo.cli(['scan', 'clean', '--quiet']);
    expect(quiet.status).toBe(0);
    expect(quiet.stdout).toBe('');
  });
});

describe('scan --stdin and --fail-on', () => {
  it('scans piped text under the given file name', () => {
    const repo = newRepo();
    const token = randomToken();
    const r = repo.cli(['scan', '--stdin', '--stdin-filename', 'src/app.py'], {
      input: `import os\nclient = KernelClient(token="${token}")\n`,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('src/app.py:2:30');
    expect(r.stdout).toContain('context/kernel-client');
    expectNoSecret(r.output, token);
    expect(repo.cli(['scan', '--stdin'], { input: 'nothing here\n' }).status).toBe(0);
  });

  it('shows a named file repository-relative from a subfolder, reading the root from disk (git only where the case is not plain)', () => {
    const repo = newRepo();
    const token = randomToken();
    const input = `client = KernelClient(token="${token}")\n`;
    repo.write('src/lib/keep.txt', '');
    const debug = { KERNEL_SECRETS_DEBUG: 'git' };
    const plain = repo.cli(['scan', '--stdin', '--stdin-filename', 'app.py'], { input, cwd: repo.path('src/lib'), env: debug });
    expect(plain.status).toBe(1);
    expect(plain.stdout).toContain('src/lib/app.py:1:');
    expect(plain.stderr).not.toContain('$ git');
    // A linked worktree's .git is a file: git is asked, and the path is relative to that worktree.
    const linked = `${repo.root}-linked`;
    repo.gitOk(['worktree', 'add', '-q', linked]);
    const viaGit = repo.cli(['scan', '--stdin', '--stdin-filename', 'src/app.py'], { input, cwd: linked, env: debug });
    expect(viaGit.status).toBe(1);
    expect(viaGit.stdout).toContain('src/app.py:1:');
    expect(viaGit.stderr).toContain('$ git rev-parse --show-toplevel');
    expectNoSecret(plain.output + viaGit.output, token);
    rmSync(linked, { recursive: true, force: true });
  });

  it('an expired JWT is a warning: it fails only with --fail-on warning', () => {
    const repo = newRepo();
    const jwt = randomJwt({ sub: 'user', exp: 1_000_000_000 });
    const input = `const session = "${jwt}";\n`;
    const byDefault = repo.cli(['scan', '--stdin', '--format', 'json'], { input });
    expect(byDefault.status).toBe(0);
    expect((JSON.parse(byDefault.stdout) as { findings: { severity: string }[] }).findings[0]!.severity).toBe('warning');
    const strict = repo.cli(['scan', '--stdin', '--fail-on', 'warning'], { input });
    expect(strict.status).toBe(1);
    expectNoSecret(byDefault.output + strict.output, jwt);
  });
});

describe('kernel-secrets known add', () => {
  it('stores the fingerprint (never the token) in a git-ignored file, and scans then find the token', () => {
    const repo = newRepo();
    const token = randomToken();
    const r = repo.cli(['known', 'add'], { input: `${token}\n` });
    expect(r.status, r.output).toBe(0);
    expectNoSecret(r.output, token);
    const file = repo.read('.kernel-secrets/known-fingerprints');
    expectNoSecret(file, token);
    expect(file).toMatch(/^[0-9a-f]{64}$/m);
    expect(repo.git(['check-ignore', '-q', '.kernel-secrets/known-fingerprints']).status).toBe(0);
    // A value with no credential context at all: only the fingerprint can find it.
    repo.write('data/export.csv', `id,session\n1,${token}\n`);
    const scan = repo.cli(['scan', 'data']);
    expect(scan.status).toBe(1);
    expect(scan.stdout).toContain('known/fingerprint');
    expectNoSecret(scan.output, token);
    expect(repo.cli(['known', 'list']).stdout).toContain(/^[0-9a-f]{64}$/m.exec(file)![0]);
  });

  it('refuses a token given as an argument', () => {
    const repo = newRepo({ init: false });
    expectOneLineError(repo.cli(['known', 'add', 'abc']), 'never from the command line');
  });
});

describe('exit code 2: could not scan', () => {
  it('`scan --staged` outside a git repository', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ks-norepo-')));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const r = new Workdir(dir, testEnv({ GIT_CEILING_DIRECTORIES: dir })).cli(['scan', '--staged']);
    expectOneLineError(r, 'not inside a git work tree');
  });

  it('an invalid config blocks the commit with one line naming the file', () => {
    const repo = newRepo();
    repo.write('kernel-secrets.config.json', '{ "ignorePaths": [ }\n');
    repo.write('notes.txt', 'hello\n');
    // Staged with the commit: the gate reads the config being committed (an untracked one is not policy).
    repo.gitOk(['add', 'notes.txt', 'kernel-secrets.config.json']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'notes']);
    expect(r.status).not.toBe(0);
    expect(repo.head()).toBe(head);
    expect(r.output).toMatch(/kernel-secrets: invalid kernel-secrets config: .*kernel-secrets\.config\.json/);
    const direct = repo.cli(['scan', '--staged']);
    expectOneLineError(direct, 'kernel-secrets.config.json');
    const unknownKey = newRepo();
    unknownKey.write('kernel-secrets.config.json', JSON.stringify({ ignorePath: ['x'] }));
    expectOneLineError(unknownKey.cli(['scan', '.']), 'ignorePath');
  });

  it('a staged object missing from the object database', () => {
    const repo = newRepo();
    // --info-only records a blob id without the object: what a corrupt repository looks like.
    repo.gitOk(['update-index', '--add', '--cacheinfo', `100644,${'1'.repeat(40)},ghost.env`, '--info-only']);
    expectOneLineError(repo.cli(['scan', '--staged']), /unable to read 1{40}; run `git fsck`/);
  });

  it('a hook that changed directory: a relative GIT_INDEX_FILE resolves against the root; a missing index fails', () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('sub/dir/settings.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', '.']);
    const r = repo.cli(['scan', '--staged'], { cwd: repo.path('sub/dir'), env: { GIT_INDEX_FILE: '.git/index' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('settings.env:1:14');
    expectNoSecret(r.output, token);
    expectOneLineError(repo.cli(['scan', '--staged'], { env: { GIT_INDEX_FILE: '.git/no-such-index' } }), 'names no index file');
  });

  it('bad usage', () => {
    const repo = newRepo({ init: false });
    expectOneLineError(repo.cli(['scan', '--bogus']), 'unknown option --bogus for scan');
    expectOneLineError(repo.cli(['scan', '--staged', '--stdin']), 'cannot be combined');
    expectOneLineError(repo.cli(['scan', '--format', 'xml']), '--format must be one of pretty, json, sarif, github');
    expectOneLineError(repo.cli(['frobnicate']), 'unknown command');
  });
});

describe('the packed bin', () => {
  it('runs through node_modules/.bin like `npx kernel-secrets`', () => {
    const bin = join(packedProject(), 'node_modules', '.bin', 'kernel-secrets');
    const r = run(bin, ['--version'], { cwd: packedProject(), env: testEnv() });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^kernel-secrets \d+\.\d+\.\d+/);
  });

  it('is a symlinked node_modules away from any project (sanity of the helper)', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ks-link-')));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    symlinkSync(join(packedProject(), 'node_modules'), join(dir, 'node_modules'), 'dir');
    const r = run(process.execPath, [join(dir, 'node_modules', 'kernel-secrets', 'dist', 'cli.js'), '--help'], {
      cwd: dir,
      env: testEnv(),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kernel-secrets scan --staged');
  });
});
