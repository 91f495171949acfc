/**
 * Odd bytes through the CLI, staged and committed: binary files with a token in a printable
 * run, invalid UTF-8, UTF-16 LE/BE with and without BOM, CRLF and CR-only line endings, and a
 * Kubernetes Secret whose base64 `.env` holds the token. Each file is first committed without
 * the token; the staged change then puts it on line 3 (or into the blob), so the reported line
 * must agree with the file as an editor shows it, whatever git's idea of a line is.
 *
 * One repository: every file is staged at once, scanned once staged (`scan --staged`) and once
 * committed (`scan --commits`), and each case reads its own file's result. One hook commit checks
 * that the installed hook refuses them (index, working tree and refs unchanged).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, randomToken } from './support/git-repo.js';
import { executableWithUtf16String, pngWithText, pycWithConstant, sqliteWithRow, zipWithFile } from './support/hardening/binary-files.js';
import { attemptBlockedCommit } from './support/hardening/repo-state.js';
import { parseJsonReport, Scratch, type JsonReport, type Run, type Workdir } from './support/hardening/workdir.js';

const scratch = new Scratch();
afterAll(() => scratch.removeAll());

/** The developer's own live token (exported as KERNEL_TOKEN): found in any bytes, no context needed. */
const LIVE = randomToken();
const env = { KERNEL_TOKEN: LIVE };

const settingsLines = (value: string) => ['# settings', 'PORT=3000', `KERNEL_TOKEN=${value}`, 'LOG_LEVEL=info', ''];

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

interface FileCase {
  name: string;
  path: string;
  /** The file's content holding `token`, or the placeholder 'changeme' in the base commit. */
  content: (token: string) => Buffer | string;
  /** `line:column` of the finding. Undefined: any line (binary files have no lines of their own). */
  at?: string;
  rule: string;
  /** The token is the developer's live one (no context around it in the bytes). */
  live?: boolean;
}

const kubernetesSecret = (token: string) =>
  [
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: kernel-credentials',
    'type: Opaque',
    'data:',
    `  .env: ${Buffer.from(`PORT=3000\nKERNEL_TOKEN=${token}\n`).toString('base64')}`,
    '',
  ].join('\n');

const CASES: FileCase[] = [
  {
    name: 'PNG with the token in a tEXt chunk',
    path: 'assets/logo.png',
    content: (t) => pngWithText(`KERNEL_TOKEN=${t}`),
    rule: 'context/kernel-variable',
  },
  {
    name: 'SQLite database with the live token in a row',
    path: 'cache/session.sqlite',
    content: (t) => sqliteWithRow('KERNEL_TOKEN', t),
    rule: 'known/raw',
    live: true,
  },
  {
    name: 'compiled Python (.pyc) with the live token as a constant',
    path: 'app/__pycache__/settings.cpython-312.pyc',
    content: (t) => pycWithConstant('KERNEL_TOKEN', t),
    rule: 'known/raw',
    live: true,
  },
  {
    name: 'zip archive with a stored .env member',
    path: 'dist/bundle.zip',
    content: (t) => zipWithFile('.env', `PORT=3000\nKERNEL_TOKEN=${t}\n`),
    rule: 'context/kernel-variable',
  },
  {
    name: 'zip archive with a deflated .env member',
    path: 'dist/lambda.zip',
    content: (t) => zipWithFile('.env', `PORT=3000\nKERNEL_TOKEN=${t}\n${'LOG_LEVEL=info\n'.repeat(20)}`, 'deflated'),
    rule: 'context/kernel-variable',
  },
  {
    name: 'gzip-compressed .env',
    path: 'backup/env.gz',
    content: (t) => gzipSync(`PORT=3000\nKERNEL_TOKEN=${t}\n`),
    rule: 'context/kernel-variable',
  },
  {
    name: 'Windows executable with a bearer token in a UTF-16 string',
    path: 'tools/uploader.exe',
    content: (t) => executableWithUtf16String(`Authorization: Bearer ${t}`),
    rule: 'authorization-header/bearer',
  },
  {
    name: 'invalid UTF-8 around the token',
    path: 'config/latin1.env',
    content: (t) =>
      Buffer.concat([
        Buffer.from('# caf'),
        Buffer.from([0xe9, 0xff, 0xc3, 0x28]),
        Buffer.from(`\nPORT=3000\nKERNEL_TOKEN=${t} # `),
        Buffer.from([0x80, 0xbf, 0xfe]),
        Buffer.from('\nLOG_LEVEL=info\n'),
      ]),
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'UTF-16 LE with BOM',
    path: 'scripts/le-bom.env',
    content: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(settingsLines(t).join('\r\n'), 'utf16le')]),
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'UTF-16 LE without BOM',
    path: 'scripts/le.env',
    content: (t) => Buffer.from(settingsLines(t).join('\r\n'), 'utf16le'),
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'UTF-16 BE with BOM',
    path: 'scripts/be-bom.env',
    content: (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(settingsLines(t).join('\r\n'))]),
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'UTF-16 BE without BOM',
    path: 'scripts/be.env',
    content: (t) => utf16be(settingsLines(t).join('\n')),
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'UTF-8 with BOM',
    path: 'config/bom.env',
    content: (t) => `\uFEFF${settingsLines(t).join('\n')}`,
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'text with a stray NUL byte (read as binary)',
    path: 'config/nul.env',
    content: (t) => `# settings\0\n${settingsLines(t).slice(1).join('\n')}`,
    rule: 'context/kernel-variable',
  },
  {
    name: 'CRLF line endings',
    path: 'config/windows.env',
    content: (t) => settingsLines(t).join('\r\n'),
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'CR-only line endings (classic Mac)',
    path: 'config/classic-mac.env',
    content: (t) => settingsLines(t).join('\r'),
    at: '3:14',
    rule: 'context/kernel-variable',
  },
  {
    name: 'Kubernetes Secret with a base64 .env holding KERNEL_TOKEN',
    path: 'k8s/secret.yaml',
    content: kubernetesSecret,
    at: '7:9',
    rule: 'context/kernel-variable',
  },
];

let wd: Workdir;
const tokens = new Map<string, string>();
let staged: { run: Run; report: JsonReport };
let committed: { run: Run; report: JsonReport };
let stagedPretty: Run;

beforeAll(() => {
  wd = scratch.repo();
  for (const c of CASES) wd.write(c.path, c.content(c.live ? 'not-a-live-value' : 'changeme'));
  wd.gitOk(['add', '.']);
  wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'files without tokens']);
  for (const c of CASES) {
    const token = c.live ? LIVE : randomToken();
    tokens.set(c.path, token);
    wd.write(c.path, c.content(token));
  }
  wd.gitOk(['add', '.']);
  const stagedRun = wd.cli(['scan', '--staged', '--format', 'json'], { env });
  staged = { run: stagedRun, report: parseJsonReport(stagedRun) };
  stagedPretty = wd.cli(['scan', '--staged'], { env });
});

function findingsFor(report: JsonReport, path: string): JsonReport['findings'] {
  return report.findings.filter((f) => f.path === path);
}

describe('a staged token in odd bytes is found at the right place', () => {
  it.each(CASES)('$name', (c) => {
    const found = findingsFor(staged.report, c.path);
    expect(found.map((f) => f.ruleId)).toContain(c.rule);
    if (c.at) {
      expect(found.map((f) => `${f.line}:${f.column}`)).toContain(c.at);
      expect(stagedPretty.stdout).toContain(`${c.path}:${c.at}`);
    }
  });

  it('the scan fails (exit 1) and prints no token in either format', () => {
    expect(staged.run.status).toBe(1);
    expect(stagedPretty.status).toBe(1);
    expectNoSecret(staged.run.output + stagedPretty.output, ...tokens.values());
  });

  it('the installed hook refuses the commit', () => {
    const r = attemptBlockedCommit(wd, ['-m', 'add tokens'], { env });
    for (const c of CASES) expect(r.output).toContain(`${c.path}:${c.at ?? ''}`);
    expectNoSecret(r.output, ...tokens.values());
  });
});

describe('the same files once committed are found by a history scan', () => {
  beforeAll(() => {
    wd.gitOk(['commit', '--quiet', '--no-verify', '-m', 'add tokens']);
    const run = wd.cli(['scan', '--commits', 'HEAD~1..HEAD', '--format', 'json'], { env });
    committed = { run, report: parseJsonReport(run) };
  });

  it.each(CASES)('$name', (c) => {
    const found = findingsFor(committed.report, c.path);
    expect(found.map((f) => f.ruleId)).toContain(c.rule);
    if (c.at) expect(found.map((f) => `${f.line}:${f.column}`)).toContain(c.at);
    expectNoSecret(committed.run.output, tokens.get(c.path)!);
  });
});
