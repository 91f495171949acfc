/**
 * The opt-in live check end to end, with the packed CLI against a local stand-in for Kernel's
 * API (test/support/kernel-api.ts, a worker thread on 127.0.0.1): `verify` with the token on
 * stdin, `scan --verify` in a file scan and the pre-commit scan. Every run checks what reached
 * the server (method, path, the Authorization header, how many requests) and that no output
 * holds a token. Nothing here reaches the network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizationFingerprint, FakeKernelApi, type Behaviour } from './support/kernel-api.js';
import { NOT_TIED_REASON } from '../packages/cli/src/verify/kernel-tie.js';
import { expectNoSecret, randomToken, tempRepos, type TempRepo } from './support/git-repo.js';
import { randomJwt } from './support/tokens.js';

const newRepo = tempRepos();
let api: FakeKernelApi;
beforeAll(async () => {
  api = await FakeKernelApi.start();
});
afterAll(async () => {
  await api.close();
});

const viaApi = () => ({ KERNEL_SECRETS_API_URL: api.url });

async function expectOneRequestFor(token: string): Promise<void> {
  const { requests } = await api.log();
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/constructs', authorization: authorizationFingerprint(token) });
}

describe('kernel-secrets verify (token on stdin)', () => {
  it.each([
    [200, 1, 'is live (HTTP 200: Kernel accepted it'],
    [403, 1, 'is live (HTTP 403: a valid token that lacks a scope'],
    [401, 0, 'is not live (HTTP 401: wrong, expired or revoked'],
  ] as const)('HTTP %i: exit %i, one line with the preview and fingerprint', async (status, exit, says) => {
    const repo = newRepo({ init: false });
    const token = randomToken();
    await api.plan(new Map([[token, { status }]]));
    const r = repo.cli(['verify'], { input: `${token}\n`, env: viaApi() });
    expect(r.status, r.stderr).toBe(exit);
    expect(r.stdout).toContain(says);
    expect(r.stdout).toContain(`${token.slice(0, 4)}…(40 chars)`);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    if (exit === 1) expect(r.stdout).toContain('Revoke it now.');
    expectNoSecret(r.output, token);
    await expectOneRequestFor(token);
  });

  it.each([
    [{ status: 429 }, [], 'HTTP 429: rate limited', 'try again later'],
    [{ status: 503 }, [], 'HTTP 503', 'try again later'],
    [{ status: 307, redirect: 'http://127.0.0.1:1/elsewhere' }, [], 'HTTP 307: a redirect, not followed', 'KERNEL_SECRETS_API_URL'],
    [{ status: 200, silent: true }, ['--timeout', '200'], 'no answer within 200 ms', 'raise --timeout'],
  ] as [Behaviour, string[], string, string][])('could not tell (%j): exit 2, one line saying why', async (behaviour, args, why, fix) => {
    const repo = newRepo({ init: false });
    const token = randomToken();
    await api.plan(new Map([[token, behaviour]]));
    const r = repo.cli(['verify', ...args], { input: token, env: viaApi() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^kernel-secrets: could not tell whether .{4}…\(40 chars\) \(fingerprint [0-9a-f]{64}\) is live/);
    expect(r.stderr).toContain(why);
    expect(r.stderr).toContain(fix);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectNoSecret(r.output, token);
    await expectOneRequestFor(token);
  });

  it('a token on the command line is refused (exit 2, not echoed, nothing sent)', async () => {
    const repo = newRepo({ init: false });
    const token = randomToken();
    await api.plan(new Map([[token, { status: 200 }]]));
    for (const args of [
      ['verify', token],
      ['verify', '--timeout', token],
      ['verify', `--token=${token}`],
    ]) {
      const r = repo.cli(args, { env: viaApi() });
      expect(r.status).toBe(2);
      expectNoSecret(r.output, token);
    }
    expect(repo.cli(['verify', token], { env: viaApi() }).stderr).toContain('pipe it: `printenv KERNEL_TOKEN | kernel-secrets verify`');
    expect((await api.log()).requests).toHaveLength(0);
  });

  it('nothing on stdin: exit 2 asking for the token', () => {
    const r = newRepo({ init: false }).cli(['verify'], { input: '', env: viaApi() });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('expected one token on stdin');
  });
});

describe('KERNEL_SECRETS_API_URL', () => {
  it.each([['verify'], ['scan', '--verify', '.']])(
    'http: to a host that is not loopback is refused before anything is read or sent: %s',
    async (...args) => {
      const repo = newRepo({ init: false });
      const token = randomToken();
      repo.write('app.env', `KERNEL_TOKEN=${token}\n`);
      await api.plan(new Map());
      const r = repo.cli(args, { input: token, env: { KERNEL_SECRETS_API_URL: 'http://kernel.example.com' } });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'kernel-secrets: KERNEL_SECRETS_API_URL uses http: to a host that is not a loopback address; a token must not cross a network unencrypted: use https:; ' +
          "set it to a base URL such as https://kernel.asimov.com, or unset it to use Kernel's API\n",
      );
      expectNoSecret(r.output, token);
    },
  );
});

interface JsonFinding {
  path: string;
  ruleId: string;
  severity: string;
  message: string;
  fingerprint: string;
  liveness?: { verdict: string; reason: string; status?: number; endpoint: string };
}

describe('scan --verify', () => {
  function projectWithTokens(repo: TempRepo) {
    const live = randomToken();
    const revoked = randomToken();
    const limited = randomToken();
    // An expired JWT is only a warning, until Kernel says it is live.
    const jwt = randomJwt({ sub: randomToken(12), exp: 1_000_000_000 });
    repo.write('a.env', `KERNEL_TOKEN=${live}\nKERNEL_API_TOKEN=${revoked}\n`);
    repo.write('b.env', `KERNEL_TOKEN=${live}\nKERNEL_AUTH_TOKEN=${limited}\n`);
    repo.write('c.md', `Kernel sample: ${jwt}\n`);
    // Bound only to a generic name: it may be another service's key, so it is never sent to Kernel.
    const other = randomToken();
    repo.write('d.py', `api_key = "${other}"\n`);
    return { live, revoked, limited, jwt, other, all: [live, revoked, limited, jwt, other] };
  }

  it('asks once per distinct token; a live one is an error with "revoke it now"; JSON carries each verdict', async () => {
    const repo = newRepo({ init: false });
    const t = projectWithTokens(repo);
    await api.plan(
      new Map<string, Behaviour>([
        [t.live, { status: 200 }],
        [t.revoked, { status: 401 }],
        [t.limited, { status: 429 }],
        [t.jwt, { status: 403 }],
      ]),
    );
    const r = repo.cli(['scan', '--verify', '--format', 'json', '.'], { env: viaApi() });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toBe(`kernel-secrets: asking ${api.url} whether 4 tokens are live (--verify)\n`);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    const byPath = (path: string) => findings.filter((f) => f.path === path);
    expect(findings).toHaveLength(6);
    expect(findings.every((f) => f.liveness?.endpoint === api.url)).toBe(true);
    expect(byPath('d.py').map((f) => f.liveness?.reason)).toEqual([NOT_TIED_REASON]);
    const verdicts = findings.map((f) => `${f.path} ${f.liveness?.verdict} ${f.liveness?.status} ${f.severity}`).sort();
    expect(verdicts).toEqual([
      'a.env live 200 error',
      'a.env not-live 401 error',
      'b.env live 200 error',
      'b.env unknown 429 error',
      'c.md live 403 error',
      'd.py unknown undefined error',
    ]);
    expect(byPath('c.md')[0]!.message).toMatch(/\(live: revoke it now\)$/);
    expect(findings.filter((f) => f.message.endsWith('(live: revoke it now)'))).toHaveLength(3);
    const { requests, maxInFlight } = await api.log();
    expect(requests).toHaveLength(4);
    expect(requests.every((q) => q.method === 'GET' && q.path === '/api/v1/constructs')).toBe(true);
    expect(new Set(requests.map((q) => q.authorization))).toEqual(
      new Set([t.live, t.revoked, t.limited, t.jwt].map(authorizationFingerprint)),
    );
    expect(maxInFlight).toBeLessThanOrEqual(4);
    expectNoSecret(r.output, ...t.all);
  });

  it('pretty opens with "Revoke now"; SARIF carries liveness as a property', async () => {
    const repo = newRepo({ init: false });
    const t = projectWithTokens(repo);
    await api.plan(new Map([[t.live, { status: 200 }]]));
    const pretty = repo.cli(['scan', '--verify', '.'], { env: viaApi() });
    expect(pretty.status).toBe(1);
    const lines = pretty.stdout.split('\n');
    expect(lines[0]).toMatch(/^Revoke now: 1 live Kernel token \(Kernel accepted it\)\. Treat it as leaked/);
    expect(lines[1]).toMatch(/^ {2}a\.env:1:14 {2}.{4}…\(40 chars\) {2}fingerprint [0-9a-f]{64}$/);
    expect(lines[2]).toMatch(/^ {2}b\.env:1:14 /);
    expect(pretty.stdout).toContain(`liveness LIVE (HTTP 200: Kernel accepted it, asked ${api.url})`);
    expect(pretty.stdout).toContain(`liveness not live (HTTP 401: wrong, expired or revoked, asked ${api.url})`);
    await api.plan(new Map([[t.live, { status: 200 }]]));
    const sarif = repo.cli(['scan', '--verify', '--format', 'sarif', '.'], { env: viaApi() });
    const results = (JSON.parse(sarif.stdout) as { runs: { results: { level: string; properties: JsonFinding }[] }[] }).runs[0]!.results;
    expect(results.map((x) => x.properties.liveness?.verdict).sort()).toEqual([
      'live',
      'live',
      'not-live',
      'not-live',
      'not-live',
      'unknown',
    ]);
    expect(pretty.stdout).toContain(`liveness unknown (${NOT_TIED_REASON}`);
    expectNoSecret(pretty.output + sarif.output, ...t.all);
  });

  it('without --verify nothing is sent and no finding has a verdict', async () => {
    const repo = newRepo({ init: false });
    const t = projectWithTokens(repo);
    await api.plan(new Map([[t.live, { status: 200 }]]));
    const r = repo.cli(['scan', '--format', 'json', '.'], { env: viaApi() });
    expect(r.status).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.some((f) => f.liveness !== undefined)).toBe(false);
    // The expired JWT the live check raises to an error above.
    expect(findings.filter((f) => f.path === 'c.md').map((f) => f.severity)).toEqual(['warning']);
    expect((await api.log()).requests).toHaveLength(0);
  });

  it('a token an allow directive lets through is not a finding, so it is not sent', async () => {
    const repo = newRepo({ init: false });
    const token = randomToken();
    repo.write('fixture.env', `KERNEL_TOKEN=${token} # kernel-secrets-allow: generated test value\n`);
    await api.plan(new Map([[token, { status: 200 }]]));
    const r = repo.cli(['scan', '--verify', '.'], { env: viaApi() });
    expect(r.status, r.stdout).toBe(0);
    expect(r.stderr).toBe('');
    expect((await api.log()).requests).toHaveLength(0);
    expectNoSecret(r.output, token);
  });

  it('the token itself is checked, not the encoding found: your KERNEL_TOKEN in base64, a token inside a base64 blob', async () => {
    const repo = newRepo({ init: false });
    const mine = randomToken();
    const inner = randomToken();
    const blob = Buffer.from(`KERNEL_TOKEN=${inner}\n`).toString('base64');
    repo.write('deploy.yaml', `data:\n  mine: ${Buffer.from(mine).toString('base64')}\n  settings: ${blob}\n`);
    // Only an escaped form is in the file: the value sent comes from KERNEL_TOKEN.
    const slashed = `${randomToken(20)}/${randomToken(20)}`;
    repo.write('escaped.json', `{ "t": "${slashed.replace('/', '\\/')}" }\n`);
    await api.plan(new Map([[mine, { status: 200 }]]));
    const r = repo.cli(['scan', '--verify', '--format', 'json', '.'], {
      env: { ...viaApi(), KERNEL_TOKEN: mine, KERNEL_API_TOKEN: slashed },
    });
    expect(r.status, r.stderr).toBe(1);
    const all = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(all.filter((f) => f.path === 'escaped.json').map((f) => `${f.ruleId} ${f.liveness?.verdict}`)).toEqual([
      'known/JS-escaped not-live',
    ]);
    const findings = all.filter((f) => f.path === 'deploy.yaml');
    // (Inside the decoded blob the engine sees the raw token, so the rule may be known/raw or known/base64.)
    expect(findings.map((f) => `${f.ruleId.split('/')[0]} ${f.liveness?.verdict}`).sort()).toEqual(['context not-live', 'known live']);
    const { requests } = await api.log();
    expect(new Set(requests.map((q) => q.authorization))).toEqual(new Set([mine, inner, slashed].map(authorizationFingerprint)));
    expectNoSecret(r.output, mine, inner, blob, slashed);
  });

  it('in the pre-commit scan when asked for explicitly; the hooks init writes never ask', async () => {
    const repo = newRepo();
    const token = randomToken();
    repo.write('app.env', `KERNEL_TOKEN=${token}\n`);
    repo.gitOk(['add', 'app.env']);
    await api.plan(new Map([[token, { status: 200 }]]));
    const r = repo.cli(['scan', '--staged', '--verify', '--format', 'json'], { env: viaApi() });
    expect(r.status, r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.liveness?.verdict)).toEqual(['live']);
    await expectOneRequestFor(token);
    // The commit itself (husky's pre-commit hook, lint-staged) sends nothing.
    await api.plan(new Map([[token, { status: 200 }]]));
    expect(repo.git(['commit', '-m', 'token'], { env: viaApi() }).status).not.toBe(0);
    expect((await api.log()).requests).toHaveLength(0);
    const written = [
      ...readdirSync(repo.path('.husky'))
        .filter((f) => f !== '_')
        .map((f) => readFileSync(join(repo.path('.husky'), f), 'utf8')),
      repo.read('package.json'),
    ];
    expect(written.some((text) => text.includes('--verify'))).toBe(false);
  });
});

describe('shipped hook definitions', () => {
  it('no pre-commit framework hook or CI action passes --verify', () => {
    for (const file of ['.pre-commit-hooks.yaml', 'action.yml']) {
      expect(readFileSync(join(import.meta.dirname, '..', file), 'utf8').includes('--verify'), file).toBe(false);
    }
  });
});
