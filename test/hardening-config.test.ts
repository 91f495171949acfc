/**
 * A malformed config is refused, never half-applied: exit 2, one line on stderr naming the
 * offending key and why, no report on stdout (nothing was scanned), whatever the scan mode and
 * format, and the hook refuses the commit. A token is staged throughout, so a scan that went
 * ahead with what it could parse would exit 1 with a report instead.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken } from './support/git-repo.js';
import { attemptBlockedCommit } from './support/hardening/repo-state.js';
import { expectCouldNotScan, Scratch, type Workdir } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

interface ConfigCase {
  name: string;
  /** kernel-secrets.config.json text, or the `kernelSecrets` value for package.json. */
  file?: string;
  packageJson?: unknown;
  /** What the one line must say: the key and the reason. */
  says: (string | RegExp)[];
}

const VALID_FORMAT = { id: 'org-pat', prefix: 'kpat_', pattern: 'kpat_[A-Za-z0-9]{40}' };

const CASES: ConfigCase[] = [
  { name: 'bad JSON (trailing comma)', file: '{ "ignorePaths": ["dist/"], }\n', says: ['kernel-secrets.config.json', 'is not valid JSON'] },
  { name: 'unknown key', file: JSON.stringify({ ignorePath: ['dist/'] }), says: ['ignorePath is not a known option'] },
  {
    name: 'wrong type',
    file: JSON.stringify({ thresholds: { maxFileSize: '10MB' } }),
    says: ['thresholds.maxFileSize must be an integer'],
  },
  {
    name: 'catastrophic regex (a+)+$',
    file: JSON.stringify({ formats: [{ id: 'org', pattern: '(a+)+$' }] }),
    says: ['formats[0].pattern', /backtracking/],
  },
  {
    name: 'a valid format next to an invalid threshold (no half config)',
    file: JSON.stringify({ formats: [VALID_FORMAT], thresholds: { minLength: 2 } }),
    says: ['thresholds.minLength must be ≥ 8'],
  },
  {
    name: 'invalid `kernelSecrets` in package.json',
    packageJson: { severity: { context: 'fatal' } },
    says: ['package.json', 'severity.context must be one of'],
  },
];

let wd: Workdir;
let packageJson: string;
const tokens: string[] = [];
beforeAll(() => {
  wd = scratch.repo();
  packageJson = readFileSync(wd.path('package.json'), 'utf8');
  const token = randomToken();
  const orgToken = `kpat_${randomToken()}`;
  tokens.push(token, orgToken);
  wd.write('config/settings.env', `PORT=3000\nKERNEL_TOKEN=${token}\nORG_PAT=${orgToken}\n`);
  wd.gitOk(['add', 'config/settings.env']);
});

/** Writes and stages the config: the gate judges a commit with the config it commits (and HEAD's). */
function writeConfig(c: ConfigCase): string {
  if (c.file !== undefined) wd.write('kernel-secrets.config.json', c.file);
  if (c.packageJson !== undefined)
    writeFileSync(wd.path('package.json'), JSON.stringify({ ...JSON.parse(packageJson), kernelSecrets: c.packageJson }, null, 2));
  const file = c.file !== undefined ? 'kernel-secrets.config.json' : 'package.json';
  wd.gitOk(['add', file]);
  return file;
}

afterEach(() => {
  wd.gitOk(['rm', '--quiet', '--cached', '--ignore-unmatch', 'kernel-secrets.config.json']);
  rmSync(wd.path('kernel-secrets.config.json'), { force: true });
  writeFileSync(wd.path('package.json'), packageJson);
  wd.gitOk(['add', 'package.json']);
});

describe('malformed config', () => {
  it('control: with a valid config the staged tokens are found', () => {
    writeConfig({ name: 'valid', file: JSON.stringify({ formats: [VALID_FORMAT] }), says: [] });
    const r = wd.cli(['scan', '--staged', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('format/custom:org-pat');
  });

  it.each(CASES)('$name: exit 2, one line with the key and reason, nothing scanned, in every mode and format', (c) => {
    const file = writeConfig(c);
    const modes = [
      ['scan', '--staged'],
      ['scan', '--staged', '--format', 'json'],
      ['scan', 'config', '--format', 'sarif'],
      // History is judged by committed policy; -c names this file explicitly.
      ['scan', '--commits', 'HEAD', '--format', 'github', '-c', file],
    ];
    for (const args of modes) {
      const r = wd.cli(args);
      expectCouldNotScan(r, ...c.says);
      expect(r.stdout, `${args.join(' ')} printed a report`).toBe('');
      expectNoSecret(r.output, ...tokens);
    }
  });

  it('the hook refuses the commit with the same line', () => {
    writeConfig(CASES.find((c) => c.name.startsWith('catastrophic'))!);
    const r = attemptBlockedCommit(wd, ['-m', 'settings']);
    expect(r.output).toMatch(/^kernel-secrets: invalid kernel-secrets config: .*formats\[0\]\.pattern/m);
    expectNoSecret(r.output, ...tokens);
  });
});
