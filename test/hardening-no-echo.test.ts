/**
 * Secrets are never echoed. Properties over random tokens in random places (see
 * support/hardening/hostile-tokens.ts: issuer-shaped tokens and tokens full of `$&`, `%s`,
 * `{0}`, quotes and regex syntax), checked on everything a person or a CI log sees:
 *
 * - the CLI's four report formats for staged, tree and history scans, with debug logging on
 *   (DEBUG=*), tokens on reported lines, on unchanged neighbouring lines shown as code-frame
 *   context, and allowed by fingerprint;
 * - the CLI's error paths: a config or baseline holding a token in the wrong place, and a crash
 *   inside the engine whose error message shows the text it was reading, quoted or pasted in;
 * - the ESLint rules' messages, suggestions and fixes.
 *
 * "Echoed" means the full token or any 8 consecutive characters of it (the redacted preview
 * shows at most 4). Each property also checks that the tokens were actually found, so it
 * cannot pass by finding nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Linter, type ESLint } from 'eslint';
import kernelSecrets from 'eslint-plugin-kernel-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken } from './support/git-repo.js';
import {
  anyToken,
  generatedToken,
  HOSTILE_PIECES,
  placedTokens,
  placeToken,
  sha256,
  TEXT_CONTEXTS,
  type GeneratedToken,
  type PlacedToken,
} from './support/hardening/hostile-tokens.js';
import { injectScannerCrash } from './support/hardening/inject-crash.js';
import { expectCouldNotScan, parseJsonReport, Scratch, type Run, type Workdir } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

const FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;

/** Describes a counterexample without its tokens (fast-check prints this, not the values). */
function describePlacement(placed: readonly PlacedToken[]): string {
  return placed
    .map(
      (p) =>
        `${p.shape} token (${p.token.length} chars) in context #${p.context}${p.committed ? ', committed' : ''}${p.allowed ? ', allowed' : ''}`,
    )
    .join('; ');
}

function expectNothingEchoed(runs: readonly Run[], tokens: readonly string[], what: string): void {
  for (const r of runs) {
    try {
      expectNoSecret(r.output, ...tokens);
    } catch {
      expect.fail(`${what}: output echoes (part of) a token`);
    }
  }
}

describe('report formats never echo a token', () => {
  it('staged (4 formats), tree and history scans, debug logging on', () => {
    fc.assert(
      fc.property(placedTokens, (placed) => {
        const wd = scratch.plainRepo();
        const live = Object.fromEntries(placed.map((p, i) => [`KS_LIVE_${i}`, p.token]));
        wd.write(
          'kernel-secrets.config.json',
          JSON.stringify({ envVars: Object.keys(live), allowedFingerprints: placed.filter((p) => p.allowed).map((p) => sha256(p.token)) }),
        );
        // Alternate two files; committed tokens' lines sit between the new ones.
        const files = ['config/app.env', 'docs/notes.md'];
        const base = new Map(files.map((f) => [f, ['# kept']]));
        const next = new Map(files.map((f) => [f, ['# kept']]));
        placed.forEach((p, i) => {
          const file = files[i % 2]!;
          const line = placeToken(TEXT_CONTEXTS[p.context]!, p.token);
          if (p.committed) base.get(file)!.push(line);
          next.get(file)!.push(line);
        });
        for (const f of files) wd.write(f, base.get(f)!.join('\n') + '\n');
        wd.gitOk(['add', '.']);
        wd.gitOk(['commit', '--quiet', '-m', 'base']);
        for (const f of files) wd.write(f, next.get(f)!.join('\n') + '\n');
        wd.gitOk(['add', '.']);

        const env = { ...live, DEBUG: '*' };
        const runs: Run[] = FORMATS.map((format) => wd.cli(['scan', '--staged', '--format', format], { env }));
        runs.push(wd.cli(['scan', '.'], { env }));
        wd.gitOk(['commit', '--quiet', '--allow-empty', '-m', 'more']); // empty when every token was committed already
        runs.push(wd.cli(['scan', '--commits', 'HEAD~1..HEAD'], { env }));
        const tokens = placed.map((p) => p.token);
        expectNothingEchoed(runs, tokens, describePlacement(placed));

        // Not vacuous: every new, not-allowed token was found (and so was shown, redacted).
        const reported = new Set(parseJsonReport(runs[1]!).findings.map((f) => f.fingerprint));
        const missed = placed.filter((p) => !p.committed && !p.allowed && !reported.has(sha256(p.token)));
        expect(missed.map((p) => `${p.shape} token in context #${p.context}`)).toEqual([]);
        for (const r of runs) expect([0, 1]).toContain(r.status);
      }),
      { numRuns: 6, endOnFailure: true },
    );
  });
});

describe('error paths never echo a token', () => {
  let wd: Workdir;
  beforeAll(() => {
    wd = scratch.plainRepo();
    wd.write('README.md', '# project\n');
    wd.gitOk(['add', '.']);
  });

  /** A mistake a person makes with a token at hand, and the command that then fails. */
  const MISTAKES: { name: string; setup: (token: string) => { args: string[] } }[] = [
    {
      name: 'the token pasted into allowedFingerprints (instead of its fingerprint)',
      setup: (t) => (wd.write('kernel-secrets.config.json', JSON.stringify({ allowedFingerprints: [t] })), { args: ['scan', '--staged'] }),
    },
    {
      name: 'the token stored in the config under a key of its own',
      setup: (t) => (wd.write('kernel-secrets.config.json', JSON.stringify({ KERNEL_TOKEN: t })), { args: ['scan', '--staged'] }),
    },
    {
      name: 'the token pasted unquoted into the config (invalid JSON)',
      setup: (t) => (wd.write('kernel-secrets.config.json', `{ "allowedFingerprints": [${t}] }`), { args: ['scan', '--staged'] }),
    },
    {
      name: 'the token as a config key',
      setup: (t) => (wd.write('kernel-secrets.config.json', JSON.stringify({ [t]: true })), { args: ['scan', '--staged'] }),
    },
    {
      name: 'the token inside an invalid formats pattern',
      setup: (t) => (
        wd.write('kernel-secrets.config.json', JSON.stringify({ formats: [{ id: 'org', pattern: `(${t}` }] })),
        { args: ['scan', '--staged'] }
      ),
    },
    {
      name: '--config pointing at the file that holds the token',
      setup: (t) => (wd.write('.kernel-token', `${t}\n`), { args: ['scan', '--staged', '--config', '.kernel-token'] }),
    },
    {
      name: '--baseline pointing at the file that holds the token',
      setup: (t) => (wd.write('.kernel-token', `${t}\n`), { args: ['scan', '--staged', '--baseline', '.kernel-token'] }),
    },
  ];

  it.each(MISTAKES)('$name', ({ setup }) => {
    fc.assert(
      fc.property(anyToken, ({ shape, value }) => {
        wd.write('kernel-secrets.config.json', '{}');
        const { args } = setup(value);
        // Staged: the gate reads the config being committed (an untracked one is not its policy).
        wd.gitOk(['add', 'kernel-secrets.config.json']);
        const r = wd.cli(args);
        // Echo first: a failed exit-code assertion prints the output.
        expectNothingEchoed([r], [value], `${shape} token (${value.length} chars)`);
        expectCouldNotScan(r);
      }),
      { numRuns: 4, endOnFailure: true },
    );
  });

  /** Always tried first: a token with no quote or bracket in it, and a token cut short by the message. */
  const crashExamples = (): [GeneratedToken, number][] => [
    [
      generatedToken(
        'hostile',
        HOSTILE_PIECES.filter((p) => !/["'`{}[\]()]/.test(p))
          .map((p) => randomToken(4) + p)
          .join('') + randomToken(4),
      ),
      0,
    ],
    [generatedToken('base62', randomToken(40)), TEXT_CONTEXTS.findIndex((c) => c.startsWith('xxx'))],
  ];

  it.each(['quoted', 'raw'] as const)('a crash inside the engine whose message shows the text it was reading (%s)', (quoteInput) => {
    const crash = injectScannerCrash(scratch.dir('ks-crash-'), { quoteInput });
    fc.assert(
      fc.property(anyToken, fc.integer({ min: 0, max: TEXT_CONTEXTS.length - 1 }), ({ shape, value }, context) => {
        wd.write('kernel-secrets.config.json', '{}');
        const line = placeToken(TEXT_CONTEXTS[context]!, value);
        wd.write('config/app.env', `${line}\n`);
        wd.gitOk(['add', 'config/app.env']);
        const runs = [
          wd.cli(['scan', '--staged'], { env: crash.env }),
          wd.cli(['scan', '--stdin'], { env: crash.env, input: `${line}\n` }),
        ];
        expectNothingEchoed(runs, [value], `${shape} token in context #${context}`);
        for (const r of runs) expectCouldNotScan(r, crash.marker);
      }),
      { numRuns: 4, endOnFailure: true, examples: crashExamples() },
    );
  });
});

describe('ESLint rule messages never echo a token', () => {
  const dir = scratch.dir('ks-eslint-');
  const linter = new Linter({ cwd: dir });
  const config = (options: object = {}): Linter.Config[] => [
    {
      files: ['**/*.js'],
      // typescript-eslint's plugin type and ESLint's differ only in typing.
      plugins: { 'kernel-secrets': kernelSecrets as unknown as ESLint.Plugin },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      rules: { 'kernel-secrets/no-hardcoded-token': ['error', options], 'kernel-secrets/no-auth-header-logging': 'error' },
    },
  ];
  /** `{S}` is a string literal holding the token, `{B}` the same with a `Bearer ` prefix. */
  const JS_CONTEXTS = [
    'export const KERNEL_TOKEN = {S};',
    'const client = new KernelClient({ token: {S} });',
    'fetch(url, { headers: { Authorization: {B} } });',
    'const headers = { authorization: `Bearer ${{S}}` };',
    'export const apiKey = process.env.KERNEL_TOKEN ?? {S};',
    'console.log("using", {S});',
    'logger.info({ headers: { Authorization: {B} } }, {S});',
    'const cfg = { kernel: { token: {S} } }; console.log(cfg);',
    'throw new Error(`bad token ${{S}}`);',
    'const url = "https://kernel.asimov.com/api?token=" + {S};',
  ];

  function lint(code: string, options?: object): Linter.LintMessage[] {
    return linter.verify(code, config(options), { filename: join(dir, 'sample.js') });
  }

  it('messages, suggestions and fixes, for tokens in code and for the live token from KERNEL_TOKEN', () => {
    fc.assert(
      fc.property(anyToken, fc.integer({ min: 0, max: JS_CONTEXTS.length - 1 }), fc.boolean(), ({ shape, value }, context, live) => {
        const literal = JSON.stringify(value);
        const code = JS_CONTEXTS[context]!.replace('{S}', () => literal).replace('{B}', () => JSON.stringify(`Bearer ${value}`));
        const previous = process.env['KERNEL_TOKEN'];
        if (live) process.env['KERNEL_TOKEN'] = value;
        else delete process.env['KERNEL_TOKEN'];
        let messages: Linter.LintMessage[];
        try {
          messages = lint(code);
        } finally {
          if (previous === undefined) delete process.env['KERNEL_TOKEN'];
          else process.env['KERNEL_TOKEN'] = previous;
        }
        const what = `${shape} token (${value.length} chars) in JS context #${context}${live ? ' as the live token' : ''}`;
        expect(
          messages.filter((m) => m.fatal),
          what,
        ).toEqual([]);
        const shown = messages
          .map((m) => [m.message, m.fix?.text ?? '', ...(m.suggestions ?? []).flatMap((s) => [s.desc, s.fix.text])].join('\n'))
          .join('\n');
        try {
          expectNoSecret(shown, value);
        } catch {
          expect.fail(`${what}: a rule message, suggestion or fix echoes (part of) the token`);
        }
        // Not vacuous: a live token of an issuer's shape is reported wherever it is written. (The
        // plugin only asks the engine about strings with a run of token characters, so a live
        // token full of `$&`/`%s` is not looked at: nothing to echo either.)
        if (live && shape !== 'hostile')
          expect(
            messages.some((m) => m.ruleId === 'kernel-secrets/no-hardcoded-token'),
            what,
          ).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the config error message of a rule pointed at the file that holds the token', () => {
    fc.assert(
      fc.property(anyToken, ({ shape, value }) => {
        const tokenFile = join(dir, '.kernel-token');
        mkdirSync(dir, { recursive: true });
        writeFileSync(tokenFile, `${value}\n`);
        const messages = lint('export const x = 1;', { configFile: '.kernel-token' });
        expect(messages.map((m) => m.ruleId)).toContain('kernel-secrets/no-hardcoded-token');
        try {
          expectNoSecret(messages.map((m) => m.message).join('\n'), value);
        } catch {
          expect.fail(`${shape} token (${value.length} chars): the config error message echoes (part of) the token`);
        }
      }),
      { numRuns: 10, endOnFailure: true },
    );
  });
});
