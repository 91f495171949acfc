import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/args/parse.js';
import { CliError } from '../src/errors.js';

describe('parseCommandLine', () => {
  it('scan targets', () => {
    expect(parseCommandLine(['scan'])).toMatchObject({ name: 'scan', target: { kind: 'paths', paths: ['.'] } });
    expect(parseCommandLine(['scan', 'a', 'b'])).toMatchObject({ target: { kind: 'paths', paths: ['a', 'b'] } });
    expect(parseCommandLine(['scan', '--staged'])).toMatchObject({ target: { kind: 'staged' } });
    expect(parseCommandLine(['scan', '--commits', 'main..HEAD', '--commits', 'v1..v2'])).toMatchObject({
      target: { kind: 'commits', ranges: ['main..HEAD', 'v1..v2'], all: false },
    });
    expect(parseCommandLine(['scan', '--all'])).toMatchObject({ target: { kind: 'commits', ranges: [], all: true } });
    expect(parseCommandLine(['scan', '--pre-push', 'origin', 'git@example.com:x.git'])).toMatchObject({
      target: { kind: 'pre-push', remote: 'origin' },
    });
    expect(parseCommandLine(['scan', '--stdin', '--stdin-filename', 'x.py'])).toMatchObject({
      target: { kind: 'stdin', filename: 'x.py' },
    });
  });

  it('output options and their defaults', () => {
    expect(parseCommandLine(['scan'])).toMatchObject({ output: { format: 'pretty', failOn: 'error', quiet: false } });
    const cmd = parseCommandLine([
      'scan',
      '-f',
      'sarif',
      '-o',
      'r.sarif',
      '--fail-on',
      'warning',
      '--no-color',
      '-q',
      '--no-baseline',
      '-c',
      'cfg.json',
    ]);
    expect(cmd).toMatchObject({
      configPath: 'cfg.json',
      baseline: false,
      output: { format: 'sarif', outputFile: 'r.sarif', failOn: 'warning', color: false, quiet: true },
    });
  });

  it('rejects what would be ambiguous or unsafe, with one fixable message', () => {
    const bad = [
      ['scan', '--staged', 'file.txt'],
      ['scan', '--staged', '--commits', 'x'],
      ['scan', '--commits=-p'],
      ['scan', '--stdin-filename', 'x'],
      ['scan', '--format', 'xml'],
      ['scan', '--color', '--no-color'],
      ['scan', '--unknown'],
      ['known', 'add', 'a-token-on-the-command-line'],
      ['known'],
      ['init', 'extra'],
      ['nope'],
    ];
    for (const argv of bad) {
      expect(() => parseCommandLine(argv), argv.join(' ')).toThrow(CliError);
    }
  });

  it('help and version', () => {
    expect(parseCommandLine([])).toEqual({ name: 'help' });
    expect(parseCommandLine(['scan', '--help'])).toEqual({ name: 'help', topic: 'scan' });
    expect(parseCommandLine(['--version'])).toEqual({ name: 'version' });
  });
});

describe('pre-push input', async () => {
  const { parsePrePushInput, preCommitFrameworkUpdate } = await import('../src/git/pre-push.js');
  const L = 'a'.repeat(40);
  const R = 'b'.repeat(40);
  const Z = '0'.repeat(40);

  it('reads the ref lines git gives a pre-push hook', () => {
    expect(parsePrePushInput(`refs/heads/main ${L} refs/heads/main ${R}\nrefs/heads/gone ${Z} refs/heads/gone ${R}\n`)).toEqual([
      { localOid: L, remoteOid: R },
      { localOid: Z, remoteOid: R },
    ]);
    expect(parsePrePushInput('')).toEqual([]);
    expect(() => parsePrePushInput('not a ref line')).toThrow(CliError);
  });

  it("reads the pre-commit framework's variables", () => {
    expect(preCommitFrameworkUpdate({ PRE_COMMIT_TO_REF: L, PRE_COMMIT_FROM_REF: R, PRE_COMMIT_REMOTE_NAME: 'origin' })).toEqual({
      update: { localOid: L, remoteOid: R },
      remote: 'origin',
    });
    expect(preCommitFrameworkUpdate({ PRE_COMMIT_TO_REF: L })).toEqual({ update: { localOid: L, remoteOid: Z } });
    expect(preCommitFrameworkUpdate({})).toBeUndefined();
  });

  it("pre-commit's first push of a branch (no FROM/TO refs) names the local branch; neither at all cannot pass", () => {
    // What pre-commit sets when the pushed history reaches a root commit ("all files").
    expect(
      preCommitFrameworkUpdate({ PRE_COMMIT: '1', PRE_COMMIT_LOCAL_BRANCH: 'refs/heads/main', PRE_COMMIT_REMOTE_NAME: 'origin' }),
    ).toEqual({ localRef: 'refs/heads/main', remote: 'origin' });
    expect(preCommitFrameworkUpdate({ PRE_COMMIT: '1' })).toEqual({ unknown: true });
  });
});
