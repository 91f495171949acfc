/**
 * End to end: the PACKED eslint-plugin-kernel-secrets (npm pack tarball, installed by the global
 * setup next to ESLint 10 as `eslint` and ESLint 9 as `eslint9`) run through the `ESLint` class
 * with real flat configs, in a child Node process as a user's CI or editor would run it:
 *
 * - `esm-two-line`: eslint.config.js with exactly the README's two lines (.js/.mjs/.cjs);
 * - `esm`: eslint.config.js adding JSX parsing and @typescript-eslint/parser for .ts/.tsx/.mts/.cts;
 * - `cjs`: the same as a CommonJS eslint.config.cjs (the package's `require` entry);
 * - `broken-config`: an invalid kernel-secrets.config.json gives one clear error per file.
 *
 * Expected problems are a table per rule (LINT_CASES): another rule's cases are added under its
 * id. In each case's code the reported ranges are marked « »; line, column, endLine and
 * endColumn are asserted. Tokens are generated at run time and must not appear in any output.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomToken } from './support/tokens.js';
import { PROCESS_TIMEOUT_MS } from './support/git-repo.js';

// ---------------------------------------------------------------------------------------------
// Generated values
// ---------------------------------------------------------------------------------------------

const T = randomToken();
/** The developer's own live token: exported as KERNEL_TOKEN to the ESLint process. */
const LIVE = randomToken();
/** Recorded in the project baseline (by `kernel-secrets baseline` itself) for baselined.js only. */
const BASELINED = randomToken();
/** Listed in the config's allowedFingerprints. */
const ALLOWED = randomToken();
const SECRETS = [T, LIVE, BASELINED, ALLOWED];

// ---------------------------------------------------------------------------------------------
// Cases: one table per rule
// ---------------------------------------------------------------------------------------------

interface LintCase {
  /** Path of the sample file in the project. */
  file: string;
  /** Code with each expected problem's range marked « ». */
  code: string;
  /** Suggestions each problem offers, when asserted. */
  suggestions?: number;
  /** Text every message of the case contains. */
  messageIncludes?: string;
}

const NO_HARDCODED_TOKEN: LintCase[] = [
  {
    file: 'sample.js',
    code: [
      `export const KERNEL_TOKEN = «"${T}"»;`,
      `export const tokenizer = "wordpiece";`,
      `export const client = new KernelClient({ token: «'${T}'» });`,
      `export const ASIMOV_PAT = «"${T}"»; // a credential name from kernel-secrets.config.json`,
      `export const greeting = «"${LIVE}"»; // the developer's own KERNEL_TOKEN`,
      `export const fixture = "${T}"; // kernel-secrets-allow: e2e fixture`,
      `export const message = "Your token has expired";`,
    ].join('\n'),
    suggestions: 1,
    messageIncludes: 'process.env.KERNEL_TOKEN or a secret manager',
  },
  {
    file: 'sample.mjs',
    code: `export const token = process.env.KERNEL_TOKEN ?? «"${T}"»;\nexport const auth = \`Bearer \${token}\`;`,
    suggestions: 1,
  },
  { file: 'sample.cjs', code: `module.exports = { headers: { Authorization: «"Bearer ${T}"» } };`, suggestions: 1 },
  { file: 'sample.jsx', code: `export const App = () => <KernelProvider token=«"${T}"» />;`, suggestions: 1 },
  {
    file: 'sample.ts',
    code: `const apiKey: string = «"${T}"»;\nexport class Api {\n  private token = «'${T}'»;\n  constructor(readonly key: string = apiKey) {}\n}`,
    suggestions: 1,
  },
  { file: 'sample.tsx', code: `export const App = (): unknown => <KernelProvider token={«"${T}"»} />;`, suggestions: 1 },
  { file: 'sample.mts', code: `declare const headers: Headers;\nheaders.set('Authorization', «\`Bearer ${T}\`»);`, suggestions: 1 },
  { file: 'sample.cts', code: `const cfg = { ['KERNEL_TOKEN']: «'${T}'» } as const;\nexport = cfg;`, suggestions: 1 },
  { file: 'ignored/leak.js', code: `export const KERNEL_TOKEN = "${T}"; // under ignorePaths` },
  // In step with the hook: the baseline silences exactly the (fingerprint, detector, path) it recorded…
  { file: 'baselined.js', code: `export const KERNEL_TOKEN = "${BASELINED}"; // in kernel-secrets.baseline.json` },
  // …so the same token in another file still blocks, as it does in the hook;
  { file: 'copied.js', code: `export const KERNEL_TOKEN = «"${BASELINED}"»; // same token, path not in the baseline` },
  // and allowedFingerprints silence a value everywhere.
  { file: 'allowed.js', code: `export const apiKey = "${ALLOWED}"; // fingerprint in allowedFingerprints` },
];

/** Rule id → its cases. Another rule's end-to-end cases are added here under its id. */
const LINT_CASES: Record<string, LintCase[]> = {
  'kernel-secrets/no-hardcoded-token': NO_HARDCODED_TOKEN,
};

interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Strips the « » marks and returns the 1-based ranges they enclosed (end exclusive, like ESLint). */
function unmark(marked: string): { code: string; ranges: Range[] } {
  let code = '';
  let line = 1;
  let column = 1;
  let open: { line: number; column: number } | undefined;
  const ranges: Range[] = [];
  for (const ch of marked) {
    if (ch === '«') open = { line, column };
    else if (ch === '»') ranges.push({ ...open!, endLine: line, endColumn: column });
    else {
      code += ch;
      if (ch === '\n') {
        line++;
        column = 1;
      } else column += ch.length;
    }
  }
  return { code, ranges };
}

// ---------------------------------------------------------------------------------------------
// Projects and the ESLint runner
// ---------------------------------------------------------------------------------------------

const CONFIG_BODY = `[
  kernelSecrets.configs.recommended,
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
]`;

type Variant = 'esm-two-line' | 'esm' | 'cjs' | 'broken-config';

const ESLINT_CONFIGS: Record<Variant, { file: string; text: string; extensions: readonly string[] }> = {
  'esm-two-line': {
    file: 'eslint.config.js',
    text: `import kernelSecrets from 'eslint-plugin-kernel-secrets';\nexport default [kernelSecrets.configs.recommended];\n`,
    extensions: ['.js', '.mjs', '.cjs'],
  },
  esm: {
    file: 'eslint.config.js',
    text: `import kernelSecrets from 'eslint-plugin-kernel-secrets';\nimport tsParser from '@typescript-eslint/parser';\n\nexport default ${CONFIG_BODY};\n`,
    extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'],
  },
  cjs: {
    file: 'eslint.config.cjs',
    text: `const kernelSecrets = require('eslint-plugin-kernel-secrets');\nconst tsParser = require('@typescript-eslint/parser');\n\nmodule.exports = ${CONFIG_BODY};\n`,
    extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'],
  },
  'broken-config': {
    file: 'eslint.config.cjs',
    text: `const kernelSecrets = require('eslint-plugin-kernel-secrets');\nconst tsParser = require('@typescript-eslint/parser');\n\nmodule.exports = ${CONFIG_BODY};\n`,
    extensions: ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts'],
  },
};

const KERNEL_SECRETS_CONFIG = JSON.stringify({
  credentialNames: ['ASIMOV_PAT'],
  ignorePaths: ['ignored/**'],
  allowedFingerprints: [createHash('sha256').update(ALLOWED).digest('hex')],
});
const BROKEN_KERNEL_SECRETS_CONFIG = JSON.stringify({ severity: { known: 'loud' } });

/** Runs in the project with `node lint.mjs <eslint package> <files…>`; prints what ESLint returned. */
const RUNNER = `import { relative } from 'node:path';
const [pkg, ...files] = process.argv.slice(2);
const { ESLint } = await import(pkg);
const eslint = new ESLint({ cwd: process.cwd() });
const results = await eslint.lintFiles(files);
process.stdout.write(JSON.stringify({
  version: ESLint.version,
  results: results.map((r) => ({
    file: relative(process.cwd(), r.filePath).split('\\\\').join('/'),
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId, messageId: m.messageId, message: m.message, fatal: m.fatal ?? false,
      line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
      suggestions: m.suggestions?.length ?? 0,
    })),
  })),
}));
`;

interface ReportedMessage extends Range {
  ruleId: string | null;
  messageId?: string;
  message: string;
  fatal: boolean;
  suggestions: number;
}

interface LintRun {
  version: string;
  stdout: string;
  results: { file: string; messages: ReportedMessage[] }[];
}

const ALL_CASES = Object.values(LINT_CASES).flat();

function extensionOf(file: string): string {
  return file.slice(file.lastIndexOf('.'));
}

const workspaces = new Map<Variant, string>();

/** A fresh project: node_modules of the packed install, a kernel-secrets config, an ESLint config, the samples. */
function createWorkspace(packedProject: string, variant: Variant): string {
  const dir = mkdtempSync(join(tmpdir(), `ks-eslint-${variant}-`));
  symlinkSync(join(packedProject, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `e2e-${variant}`, private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'kernel-secrets.config.json'),
    variant === 'broken-config' ? BROKEN_KERNEL_SECRETS_CONFIG : KERNEL_SECRETS_CONFIG,
  );
  writeFileSync(join(dir, ESLINT_CONFIGS[variant].file), ESLINT_CONFIGS[variant].text);
  writeFileSync(join(dir, 'lint.mjs'), RUNNER);
  for (const c of ALL_CASES) {
    mkdirSync(dirname(join(dir, c.file)), { recursive: true });
    writeFileSync(join(dir, c.file), `${unmark(c.code).code}\n`);
  }
  // The baseline the hook uses, written by the packed CLI itself (format and paths are the CLI's).
  if (variant !== 'broken-config') {
    execFileSync(join(dir, 'node_modules', '.bin', 'kernel-secrets'), ['baseline', 'baselined.js'], { cwd: dir, stdio: 'ignore' });
  }
  return dir;
}

function filesFor(variant: Variant): string[] {
  const extensions = ESLINT_CONFIGS[variant].extensions;
  return ALL_CASES.map((c) => c.file).filter((f) => extensions.includes(extensionOf(f)));
}

function runEslint(eslintPackage: 'eslint' | 'eslint9', variant: Variant): LintRun {
  const dir = workspaces.get(variant)!;
  const env: NodeJS.ProcessEnv = { ...process.env, KERNEL_TOKEN: LIVE };
  delete env['KERNEL_API_TOKEN'];
  delete env['KERNEL_API_KEY'];
  const stdout = execFileSync(process.execPath, ['lint.mjs', eslintPackage, ...filesFor(variant)], {
    cwd: dir,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: PROCESS_TIMEOUT_MS,
  });
  return { ...(JSON.parse(stdout) as Omit<LintRun, 'stdout'>), stdout };
}

function expectNoSecretIn(run: LintRun): void {
  for (const secret of SECRETS) expect(run.stdout.includes(secret), 'a full token appears in ESLint output').toBe(false);
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

beforeAll(() => {
  const packedProject = inject('packedProject');
  for (const variant of Object.keys(ESLINT_CONFIGS) as Variant[]) workspaces.set(variant, createWorkspace(packedProject, variant));
});

afterAll(() => {
  for (const dir of workspaces.values()) rmSync(dir, { recursive: true, force: true });
});

const ESLINTS = [
  { pkg: 'eslint', major: '10' },
  { pkg: 'eslint9', major: '9' },
] as const;

describe.each(ESLINTS)('packed plugin with ESLint $major ($pkg)', ({ pkg, major }) => {
  it.each(['esm-two-line', 'esm', 'cjs'] as const)('%s config: every expected problem, at its exact range, and nothing else', (variant) => {
    const run = runEslint(pkg, variant);
    expect(run.version.split('.')[0]).toBe(major);
    expectNoSecretIn(run);

    const linted = filesFor(variant);
    expect(run.results.map((r) => r.file).sort()).toEqual([...linted].sort());
    for (const result of run.results) {
      // Parse errors and config problems come without a rule id.
      expect(
        result.messages.filter((m) => m.fatal || m.ruleId === null),
        result.file,
      ).toEqual([]);
    }

    for (const [ruleId, cases] of Object.entries(LINT_CASES)) {
      for (const c of cases.filter((x) => linted.includes(x.file))) {
        const messages = run.results.find((r) => r.file === c.file)!.messages.filter((m) => m.ruleId === ruleId);
        const ranges = messages.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }));
        expect(ranges, `${ruleId} in ${c.file}`).toEqual(unmark(c.code).ranges);
        for (const m of messages) {
          if (c.suggestions !== undefined) expect(m.suggestions, `${ruleId} suggestions in ${c.file}`).toBe(c.suggestions);
          if (c.messageIncludes !== undefined) expect(m.message).toContain(c.messageIncludes);
        }
      }
    }
  });

  it('agrees with the hook: the CLI blocks exactly the baseline/allowlist cases ESLint reports', () => {
    const dir = workspaces.get('esm')!;
    const files = ['baselined.js', 'copied.js', 'allowed.js'];
    let cli = '';
    try {
      execFileSync(join(dir, 'node_modules', '.bin', 'kernel-secrets'), ['scan', '--format', 'json', ...files], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      cli = (err as { stdout: string }).stdout;
    }
    const blocked = [...new Set((JSON.parse(cli) as { findings: { path: string }[] }).findings.map((f) => f.path))].sort();
    const run = runEslint(pkg, 'esm');
    const reported = run.results
      .filter((r) => files.includes(r.file) && r.messages.some((m) => m.ruleId === 'kernel-secrets/no-hardcoded-token'))
      .map((r) => r.file)
      .sort();
    expect(reported).toEqual(['copied.js']);
    expect(blocked).toEqual(reported);
  });

  it('broken kernel-secrets config: one clear error per file, no crash, no silent pass', () => {
    const run = runEslint(pkg, 'broken-config');
    expectNoSecretIn(run);
    expect(run.results).toHaveLength(filesFor('broken-config').length);
    for (const result of run.results) {
      const own = result.messages.filter((m) => m.ruleId === 'kernel-secrets/no-hardcoded-token');
      expect(own, result.file).toHaveLength(1);
      expect(own[0]).toMatchObject({ messageId: 'configError', line: 1, column: 1, fatal: false });
      expect(own[0]!.message).toMatch(
        /^kernel-secrets could not check this file for hardcoded tokens: invalid kernel-secrets config: .*kernel-secrets\.config\.json: severity\.known /,
      );
      expect(
        result.messages.filter((m) => m.fatal || m.ruleId === null),
        result.file,
      ).toEqual([]);
    }
  });
});
