/**
 * The GitHub Action (action.yml) and the `--output` summary line, end to end: the action's scan
 * step (scripts/action/scan.sh) runs with the environment GitHub gives a composite step, in a real
 * clone of a real "origin", with the packed CLI: a pull request that adds a token gets exit code 1,
 * a SARIF report whose rules link to their docs (helpUri) and one summary line in the log; a clean
 * one gets 0; a shallow clone gets 2 and the fetch-depth hint.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, packedCli, randomToken, testEnv } from './support/git-repo.js';
import { REPO_ROOT } from './support/packed-project.js';
import { Scratch } from './support/hardening/workdir.js';

const { parse } = createRequire(import.meta.url)('yaml') as { parse: (text: string) => any };
const scratch = new Scratch();
afterAll(() => scratch.removeAll());

let origin: string;
let token: string;

/** A bare origin with `main` (clean) and `feature` (adds a token in its second commit). */
beforeAll(() => {
  token = randomToken();
  const work = scratch.plainRepo();
  work.write('README.md', '# app\n');
  work.gitOk(['add', '-A']);
  work.gitOk(['commit', '--quiet', '-m', 'base']);
  work.gitOk(['branch', '-M', 'main']);
  work.gitOk(['checkout', '--quiet', '-b', 'clean']);
  work.write('src/app.py', 'print("hello")\n');
  work.gitOk(['add', '-A']);
  work.gitOk(['commit', '--quiet', '-m', 'clean change']);
  work.gitOk(['checkout', '--quiet', '-b', 'feature', 'main']);
  work.write('src/app.py', 'print("hello")\n');
  work.gitOk(['add', '-A']);
  work.gitOk(['commit', '--quiet', '-m', 'first']);
  work.write('config/.env', `KERNEL_TOKEN=${token}\n`);
  work.gitOk(['add', '-A']);
  work.gitOk(['commit', '--quiet', '-m', 'second']);
  origin = scratch.dir('ks-origin-');
  work.gitOk(['clone', '--quiet', '--bare', work.root, origin]);
});

/** actions/checkout of `branch` (full history unless `depth`), then the action's scan step. */
function runAction(branch: string, opts: { depth?: number; env?: NodeJS.ProcessEnv } = {}) {
  const dir = scratch.dir('ks-checkout-');
  const env = testEnv();
  const clone = spawnSync(
    'git',
    [
      'clone',
      '--quiet',
      '--no-single-branch',
      ...(opts.depth ? ['--depth', String(opts.depth)] : []),
      '--branch',
      branch,
      `file://${origin}`,
      dir,
    ],
    { env, encoding: 'utf8' },
  );
  if (clone.status !== 0) throw new Error(clone.stderr);
  const outputs = join(scratch.dir('ks-runner-'), 'github_output');
  writeFileSync(outputs, '');
  const r = spawnSync('bash', [join(REPO_ROOT, 'scripts/action/scan.sh')], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...env,
      // What GitHub sets for a composite step on a pull_request event, and the step's env from action.yml.
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_ACTION_PATH: REPO_ROOT,
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: outputs,
      KS_BASE_REF: 'main',
      KS_FORMAT: 'sarif',
      KS_OUTPUT: 'kernel-secrets.sarif',
      KS_FAIL_ON: 'error',
      KS_CLI: packedCli(),
      ...opts.env,
    },
  });
  const exitCode = /^exit-code=(\d+)$/m.exec(readFileSync(outputs, 'utf8'))?.[1];
  return { ...r, dir, exitCode, read: (rel: string) => readFileSync(join(dir, rel), 'utf8') };
}

describe('action.yml', () => {
  it('runs scripts/action/scan.sh and passes it every input the script reads', () => {
    const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
    expect(action.runs.using).toBe('composite');
    const scan = action.runs.steps.find((s: { id?: string }) => s.id === 'scan');
    expect(scan.run).toContain('$GITHUB_ACTION_PATH/scripts/action/scan.sh');
    const script = readFileSync(join(REPO_ROOT, 'scripts/action/scan.sh'), 'utf8');
    const read = new Set([...script.matchAll(/\$\{(KS_[A-Z_]+)/g)].map((m) => m[1]));
    read.delete('KS_CLI'); // test and custom-build override, not an input
    expect([...read].sort()).toEqual(Object.keys(scan.env).sort());
    expect(action.runs.steps.some((s: { uses?: string }) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  it('a pull request that adds a token: exit code 1, SARIF with helpUri, one summary line on stderr', () => {
    const r = runAction('feature');
    expect(r.status, r.stderr).toBe(0); // the step itself never fails: the upload must still run
    expect(r.exitCode, r.stderr).toBe('1');
    const sarif = JSON.parse(r.read('kernel-secrets.sarif'));
    const results = sarif.runs[0].results as { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(['config/.env']);
    for (const rule of sarif.runs[0].tool.driver.rules) {
      expect(rule.helpUri).toMatch(
        /^https:\/\/github\.com\/[\w-]+\/kernel-secrets\/blob\/main\/packages\/cli\/docs\/findings\.md#[a-z-]+$/,
      );
      const anchor = (rule.helpUri as string).split('#')[1]!;
      expect(readFileSync(join(REPO_ROOT, 'packages/cli/docs/findings.md'), 'utf8')).toContain(`\n## ${anchor}\n`);
    }
    expect(r.stderr).toContain(
      'kernel-secrets: 1 finding (1 error, 0 warnings) in 1 file · scanned 2 commits (2 files) · sarif report in kernel-secrets.sarif',
    );
    expectNoSecret(r.stdout + r.stderr + r.read('kernel-secrets.sarif'), token);
  });

  it('a clean pull request: exit code 0 and the summary line', () => {
    const r = runAction('clean');
    expect(r.exitCode, r.stderr).toBe('0');
    expect(r.stderr).toMatch(
      /kernel-secrets: no Kernel tokens found · scanned \d+ commits? \(\d+ files?\) · sarif report in kernel-secrets\.sarif/,
    );
  });

  it('without a CLI in the project, runs the one bundled in the action (bin/kernel-secrets.mjs)', () => {
    const r = runAction('feature', { env: { KS_CLI: '' } });
    expect(r.exitCode, r.stderr).toBe('1');
    expect(r.stderr).toContain('kernel-secrets: 1 finding (1 error, 0 warnings) in 1 file');
  });

  it('a shallow clone: exit code 2 with the fetch-depth hint, before anything is scanned', () => {
    const r = runAction('feature', { depth: 1 });
    expect(r.exitCode).toBe('2');
    expect(r.stderr).toMatch(/::error title=kernel-secrets::.*shallow clone.*fetch-depth: 0/);
  });

  it('a push event scans <before>..<after>', () => {
    const base = spawnSync('git', ['--git-dir', origin, 'rev-parse', 'main'], { encoding: 'utf8' }).stdout.trim();
    const r = runAction('feature', { env: { GITHUB_EVENT_NAME: 'push', KS_BEFORE: base, KS_AFTER: 'HEAD', KS_BASE_REF: '' } });
    expect(r.exitCode, r.stderr).toBe('1');
    expect(r.stderr).toContain(`scanning ${base}..HEAD`);
  });
});
