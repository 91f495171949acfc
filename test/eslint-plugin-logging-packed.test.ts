/**
 * End to end for kernel-secrets/no-auth-header-logging: the PACKED plugin (npm pack tarball,
 * installed by the global setup next to ESLint 10 as `eslint` and ESLint 9 as `eslint9`) run
 * through each version's real `ESLint` class, loading a real `eslint.config.js` a user would
 * write:
 *
 * - `configs.recommended` on JavaScript (espree) and on TypeScript without type information;
 * - `configs['recommended-type-checked']` with `parserOptions.projectService` and with
 *   `parserOptions.project`, where the typed checks add what only types can tell;
 * - `configs['recommended-type-checked']` on a file without type information, which must give
 *   one clear error for the file instead of silently skipping the typed checks.
 *
 * Expected reports are marked ⟦…⟧ in each file; rule, message id, line, column, endLine and
 * endColumn are asserted, and nothing else from this rule may be reported.
 */
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unmark } from '../packages/eslint-plugin/test/support/marked-code.js';

const RULE = 'kernel-secrets/no-auth-header-logging';

interface SampleFile {
  /** Path in the project; its folder picks the config block below. */
  file: string;
  /** Code with each expected report marked ⟦…⟧. */
  code: string;
  /** Message id of the marked reports (default credentialLogged). */
  messageIds?: readonly string[];
}

const SAMPLES: SampleFile[] = [
  {
    file: 'src/handlers.js',
    code: `import axios from 'axios';
import pino from 'pino';

const logger = pino();

export function handle(req) {
  console.log('incoming', ⟦req.headers⟧);
  logger.info({ auth: ⟦req.headers.authorization⟧ }, 'request');
  const { authorization: credential, ...rest } = req.headers;
  console.log(\`credential=\${⟦credential⟧}\`, rest);
  process.stdout.write(JSON.stringify(⟦process.env⟧));
}

export async function load(url) {
  try {
    return await axios.get(url);
  } catch (err) {
    console.error('load failed', ⟦err⟧, err.message);
  }
}
`,
  },
  {
    file: 'src/clean.js',
    code: `export function handle(req, token) {
  const { authorization, ...safeHeaders } = req.headers;
  console.log(safeHeaders, req.headers['content-type'], !!authorization, token.length);
  console.log(req.headers.authorization?.split(' ')[0], redact(req.headers), JSON.stringify(req.headers, ['host']));
  console.warn('Authorization header missing', usage.total_tokens);
}
`,
  },
  {
    // configs.recommended on TypeScript without type information: syntactic checks only.
    file: 'syntactic/service.ts',
    code: `export function send(headers: Headers, token: string): void {
  headers.set('Authorization', \`Bearer \${token}\`);
  console.log(⟦token⟧);
  console.log(headers.get('x-request-id'));
}
`,
  },
  {
    // recommended-type-checked with projectService: the Headers-typed parameter `h` is a source.
    file: 'typed/service.ts',
    code: `export function send(h: Headers, init: RequestInit, accessToken: string): void {
  console.log(⟦h⟧, ⟦init⟧);
  console.log(⟦accessToken⟧, h.get('x-request-id'));
}
`,
  },
  {
    // recommended-type-checked with parserOptions.project: an object type with an Authorization property.
    file: 'project/client.ts',
    code: `interface Credentials { Authorization: string; scope: string }
export function show(credentials: Credentials, scope: string): void {
  console.info(⟦credentials⟧, scope);
}
`,
  },
  {
    // recommended-type-checked where no type information exists: one error on the file, syntactic checks still run.
    file: 'no-types/script.js',
    code: `⟦⟧export function run(req) {
  console.log(⟦req.headers⟧);
}
`,
    messageIds: ['typeInformationMissing', 'credentialLogged'],
  },
];

const TSCONFIG = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['ES2023', 'DOM'],
    types: [],
    strict: true,
    noEmit: true,
  },
  include: ['*.ts'],
});

/** What a user puts in eslint.config.js to use both configs. */
const ESLINT_CONFIG = `import kernelSecrets from 'eslint-plugin-kernel-secrets';
import tsParser from '@typescript-eslint/parser';

export default [
  { files: ['src/**/*.js'], ...kernelSecrets.configs.recommended },
  { files: ['syntactic/**/*.ts'], ...kernelSecrets.configs.recommended, languageOptions: { parser: tsParser } },
  {
    files: ['typed/**/*.ts'],
    ...kernelSecrets.configs['recommended-type-checked'],
    languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['project/**/*.ts'],
    ...kernelSecrets.configs['recommended-type-checked'],
    languageOptions: { parser: tsParser, parserOptions: { project: './project/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  { files: ['no-types/**/*.js'], ...kernelSecrets.configs['recommended-type-checked'] },
];
`;

interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
  fatal?: boolean;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

interface ESLintLike {
  lintFiles(patterns: string[]): Promise<{ filePath: string; messages: LintMessage[] }[]>;
}

interface ESLintModule {
  ESLint: { version: string; new (options: { cwd: string }): ESLintLike };
}

let project = '';

beforeAll(() => {
  const packedProject = inject('packedProject');
  project = realpathSync(mkdtempSync(join(tmpdir(), 'ks-logging-e2e-')));
  symlinkSync(join(packedProject, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'e2e-logging', private: true, type: 'module' }));
  writeFileSync(join(project, 'eslint.config.js'), ESLINT_CONFIG);
  for (const folder of ['typed', 'project']) {
    mkdirSync(join(project, folder), { recursive: true });
    writeFileSync(join(project, folder, 'tsconfig.json'), TSCONFIG);
  }
  for (const sample of SAMPLES) {
    mkdirSync(dirname(join(project, sample.file)), { recursive: true });
    writeFileSync(join(project, sample.file), unmark(sample.code).code);
  }
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The ESLint class of `pkg` exactly as installed in the packed project. */
async function loadESLint(pkg: 'eslint' | 'eslint9'): Promise<ESLintModule['ESLint']> {
  const requireFromProject = createRequire(join(project, 'package.json'));
  const entry = requireFromProject.resolve(pkg);
  expect(entry.startsWith(realpathSync(inject('packedProject')))).toBe(true);
  return ((await import(pathToFileURL(entry).href)) as ESLintModule).ESLint;
}

describe.each([
  { pkg: 'eslint', major: 10 },
  { pkg: 'eslint9', major: 9 },
] as const)('no-auth-header-logging, packed, with ESLint $major ($pkg)', ({ pkg, major }) => {
  let results: Map<string, LintMessage[]>;

  beforeAll(async () => {
    const ESLint = await loadESLint(pkg);
    expect(Number(ESLint.version.split('.')[0])).toBe(major);
    const eslint = new ESLint({ cwd: project });
    const linted = await eslint.lintFiles(SAMPLES.map((s) => s.file));
    results = new Map(linted.map((r) => [relative(project, r.filePath).split('\\').join('/'), r.messages]));
  }, 120_000);

  it('uses the plugin from the packed tarball', () => {
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'eslint-plugin-kernel-secrets', 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(installed.name).toBe('eslint-plugin-kernel-secrets');
    expect(results.size).toBe(SAMPLES.length);
  });

  it.each(SAMPLES.map((s) => [s.file, s] as const))('%s: every expected report at its exact range, and nothing else', (_file, sample) => {
    const messages = results.get(sample.file);
    expect(messages, `no result for ${sample.file}`).toBeDefined();
    expect(messages!.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
    const { spans } = unmark(sample.code);
    const actual = messages!
      .filter((m) => m.ruleId === RULE)
      .map((m) => ({ messageId: m.messageId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn }));
    const expected = spans.map((span, i) => ({
      messageId: sample.messageIds?.[i] ?? 'credentialLogged',
      line: span.line,
      column: span.column,
      endLine: span.endLine,
      endColumn: span.endColumn,
    }));
    expect(actual).toEqual(expected);
  });

  it('names the source and the sink, and suggests a redacted form', () => {
    const [first] = results.get('src/handlers.js')!.filter((m) => m.ruleId === RULE);
    expect(first?.message).toBe(
      "`req.headers` is a request's headers (they include Authorization) and reaches `console.log`. Log `redactHeaders(req.headers)` from @kernel-secrets/redact (Authorization masked), or only the headers you need (`const { authorization, ...rest } = req.headers`).",
    );
    const typed = results.get('typed/service.ts')!.find((m) => m.ruleId === RULE);
    expect(typed?.message).toContain('a value whose type carries request headers (Headers)');
    const missing = results.get('no-types/script.js')!.find((m) => m.messageId === 'typeInformationMissing');
    expect(missing?.message).toContain('projectService');
  });
});
