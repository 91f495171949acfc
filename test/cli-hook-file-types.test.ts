/**
 * End to end: the installed pre-commit hook blocks a token in each kind of file people commit
 * it in, including files git calls binary. One repository; each case stages one file, tries to
 * commit, and unstages it again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectBlocked, expectNoSecret, randomToken, TempRepo } from './support/git-repo.js';

let repo: TempRepo;
beforeAll(() => {
  repo = TempRepo.create();
});
afterAll(() => repo?.remove());

interface FileCase {
  name: string;
  path: string;
  content: (token: string) => string | Buffer;
  /** `path:line:` the report must name. */
  where: string;
  rule: string;
  /** Extra environment for the commit (the developer's own live token). */
  env?: (token: string) => NodeJS.ProcessEnv;
}

function notebook(token: string): string {
  const cell = (source: string[]) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });
  return JSON.stringify(
    {
      cells: [
        cell(['import os\n']),
        cell(['from kernel import KernelClient\n', `client = KernelClient(token="${token}")\n`, 'client.constructs.list()\n']),
      ],
      metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

/** Bytes git treats as binary (NUL bytes, PNG signature) with the token in a printable run. */
function binaryWith(text: string): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)),
    Buffer.from([0, 0, 0]),
    Buffer.from(text, 'latin1'),
    Buffer.from([0, 0xff, 0xfe, 0, 1, 2, 3]),
  ]);
}

const CASES: FileCase[] = [
  { name: '.env', path: '.env', content: (t) => `PORT=3000\nKERNEL_TOKEN=${t}\n`, where: '.env:2:14', rule: 'context/kernel-variable' },
  {
    name: 'Jupyter notebook',
    path: 'analysis/explore.ipynb',
    content: notebook,
    where: 'analysis/explore.ipynb:',
    rule: 'context/kernel-client',
  },
  {
    name: 'YAML workflow',
    path: '.github/workflows/deploy.yml',
    content: (t) =>
      `name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      KERNEL_TOKEN: ${t}\n    steps:\n      - run: ./deploy.sh\n`,
    where: '.github/workflows/deploy.yml:7:21',
    rule: 'context/kernel-variable',
  },
  {
    name: 'Dockerfile',
    path: 'Dockerfile',
    content: (t) => `FROM python:3.12-slim\nENV KERNEL_TOKEN=${t}\nCMD ["python", "app.py"]\n`,
    where: 'Dockerfile:2:18',
    rule: 'context/kernel-variable',
  },
  {
    name: 'Markdown',
    path: 'docs/api.md',
    content: (t) => `# API\n\n\`\`\`sh\ncurl -H "Authorization: Bearer ${t}" https://kernel.asimov.com/api/v1/constructs\n\`\`\`\n`,
    where: 'docs/api.md:4:',
    rule: 'authorization-header/bearer',
  },
  {
    name: 'binary file',
    path: 'assets/logo.png',
    content: (t) => binaryWith(`KERNEL_TOKEN=${t}`),
    where: 'assets/logo.png:',
    rule: 'context/kernel-variable',
  },
  {
    name: 'binary file holding the live token from KERNEL_TOKEN, with no context',
    path: 'cache/session.db',
    content: (t) => binaryWith(`sess:${t}:v1`),
    where: 'cache/session.db:',
    rule: 'known/raw',
    env: (t) => ({ KERNEL_TOKEN: t }),
  },
  {
    name: 'UTF-16 text (a Windows editor)',
    path: 'scripts/setup.ps1',
    content: (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`$env:KERNEL_TOKEN = "${t}"\r\nWrite-Host "ok"\r\n`, 'utf16le')]),
    where: 'scripts/setup.ps1:1:',
    rule: 'context/kernel-variable',
  },
];

describe('a token in each file type blocks the commit', () => {
  it.each(CASES)('$name', (c) => {
    const token = randomToken();
    repo.write(c.path, c.content(token));
    repo.gitOk(['add', '--', c.path]);
    try {
      const head = repo.head();
      const r = repo.git(['commit', '-m', `add ${c.path}`], c.env ? { env: c.env(token) } : {});
      expectBlocked(repo, r, head);
      expect(r.output).toContain(c.where);
      expect(r.output).toContain(c.rule);
      expectNoSecret(r.output, token);
    } finally {
      repo.gitOk(['rm', '--quiet', '--cached', '--force', '--', c.path]);
    }
  });

  it('git itself calls the PNG binary (the scan does not depend on git reading it as text)', () => {
    repo.write('probe.png', binaryWith('no secrets here'));
    // --numstat prints `-  -` for a binary file (exit code 1: the files differ).
    expect(repo.git(['diff', '--no-index', '--numstat', '/dev/null', 'probe.png']).stdout.startsWith('-\t-\t')).toBe(true);
  });
});
