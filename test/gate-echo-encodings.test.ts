/**
 * End to end: never echo a token, in paths too; the encodings the README promises.
 * A file named after the live token is a finding with the token masked in every format; a file
 * name with ESC/RLO cannot reach a CI log raw; UTF-16LE without BOM holding mostly Japanese is
 * decoded; the live token percent-encoded by Python's quote() is found.
 */
import { describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, tempRepos } from './support/git-repo.js';

const newRepo = tempRepos();
const FORMATS = ['pretty', 'json', 'sarif', 'github'];

describe('a token in a file path', () => {
  it('is a finding, masked in every format; the hook blocks the commit', () => {
    const repo = newRepo();
    const live = `${randomToken(24)}/${randomToken(12)}`;
    const env = { KERNEL_TOKEN: live };
    repo.write(`backup/${live}.txt`, 'nothing secret in here\n');
    repo.gitOk(['add', '-A']);
    for (const format of FORMATS) {
      const r = repo.cli(['scan', '--staged', '--format', format], { env });
      expect(r.status, format).toBe(1);
      expect(r.output).toContain('in the file path');
      expectNoSecret(r.output, live);
    }
    const head = repo.head();
    const c = repo.git(['commit', '-m', 'backup'], { env });
    expectBlocked(repo, c, head);
    expectNoSecret(c.output, live);
  });

  it('--format github replaces ESC and RLO in file names', () => {
    const repo = newRepo();
    const name = 'evil\u001b[31m\u202egpj.env';
    repo.write(name, `KERNEL_TOKEN=${randomToken()}\n`);
    repo.gitOk(['add', '-A']);
    const r = repo.cli(['scan', '--staged', '--format', 'github']);
    expect(r.status).toBe(1);
    expect([r.stdout.includes('\u001b'), r.stdout.includes('\u202e')]).toEqual([false, false]);
  });
});

describe('encodings', () => {
  it('UTF-16LE without BOM, mostly Japanese, is decoded and its token blocks', () => {
    const repo = newRepo();
    const token = randomToken();
    const text = `${'# 設定ファイルの説明です。本番環境では環境変数を使ってください。\n'.repeat(20)}KERNEL_TOKEN=${token}\n`;
    repo.write('settings.env', Buffer.from(text, 'utf16le'));
    repo.gitOk(['add', '-A']);
    const head = repo.head();
    const r = repo.git(['commit', '-m', 'settings']);
    expectBlocked(repo, r, head);
    expect(r.output).toContain('settings.env');
    expectNoSecret(r.output, token);
  });

  it("the live token percent-encoded as Python's quote() and quote_plus() does it, lower-case hex too", () => {
    const repo = newRepo();
    const live = `${randomToken(20)}/${randomToken(10)}!(x)`;
    const quote = [...live].map((c) => (/[A-Za-z0-9_.~/-]/.test(c) ? c : `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('');
    const plus = quote.replace(/\//g, '%2F');
    repo.write('a.log', `GET /callback?state=${quote}\n`);
    repo.write('b.log', `GET /callback?state=${plus.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())}\n`);
    repo.gitOk(['add', '-A']);
    const r = repo.cli(['scan', '--staged', '--format', 'json'], { env: { KERNEL_TOKEN: live } });
    const paths = (JSON.parse(r.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path).sort();
    expect(paths).toEqual(['a.log', 'b.log']);
    expectNoSecret(r.output, live);
  });
});

describe('declared formats run in linear time', () => {
  it('a format with nested bounded repeats is refused when the config is staged: exit 2, one line', () => {
    const repo = newRepo();
    repo.write('kernel-secrets.config.json', JSON.stringify({ formats: [{ id: 'org', pattern: '(?:[A-Za-z0-9]{1,8}){1,8}_pat' }] }));
    repo.write('data.txt', `${'a'.repeat(1000)}\n`);
    repo.gitOk(['add', '-A']);
    const r = repo.cli(['scan', '--staged']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('formats[0].pattern repeats a group');
  });
});
