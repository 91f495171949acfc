import { describe, expect, it } from 'vitest';
import { BLOCK_END, BLOCK_START, mergeHook, type HookCommand } from '../src/init/hook-file.js';
import { ensureLine } from '../src/init/text-lines.js';
import { withLintStagedTask, withPrepareScript, serialise } from '../src/init/package-json.js';

const COMMANDS: HookCommand[] = [
  { line: 'lint-staged', alreadyRunBy: /\blint-staged\b/ },
  { line: 'kernel-secrets scan --staged', alreadyRunBy: /kernel-secrets\s+scan\s+(?:.*\s)?--staged\b/ },
];

describe('mergeHook', () => {
  it('writes a marked block into a new hook', () => {
    const text = mergeHook(undefined, [], COMMANDS);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]!.startsWith(BLOCK_START)).toBe(true);
    expect(lines.slice(1, -1)).toEqual(['lint-staged', 'kernel-secrets scan --staged']);
    expect(lines.at(-1)).toBe(BLOCK_END);
  });

  it('is idempotent and replaces only its own block', () => {
    const first = mergeHook('echo before\n', [], COMMANDS);
    expect(mergeHook(first, [], COMMANDS)).toBe(first);
    const edited = first.replace('lint-staged\n', '') + 'echo after\n';
    const again = mergeHook(edited, [], COMMANDS);
    expect(again.split('\n')).toEqual([
      'echo before',
      expect.stringMatching(/^# >>>/),
      'lint-staged',
      'kernel-secrets scan --staged',
      BLOCK_END,
      'echo after',
      '',
    ]);
  });

  it("does not repeat what the user's lines already run, and goes before a final exit", () => {
    const text = mergeHook('npx lint-staged\nexit 0\n', [], COMMANDS);
    const lines = text.split('\n');
    expect(lines[0]).toBe('npx lint-staged');
    expect(lines).not.toContain('lint-staged');
    expect(lines.indexOf('kernel-secrets scan --staged')).toBeLessThan(lines.indexOf('exit 0'));
    // Everything already there: nothing to add.
    const user = 'npx lint-staged\nnpx kernel-secrets scan --quiet --staged\n';
    expect(mergeHook(user, [], COMMANDS)).toBe(user);
  });

  it('keeps a preamble (cd into a monorepo subfolder) inside the block', () => {
    expect(mergeHook(undefined, ["cd 'app'"], COMMANDS).split('\n')[1]).toBe("cd 'app'");
  });
});

describe('line files and package.json edits', () => {
  it('adds a line once, keeping CRLF files CRLF', () => {
    const once = ensureLine('*.png binary\r\n', '.husky/* text eol=lf', 'why');
    expect(once).toBe('*.png binary\r\n\r\n# why\r\n.husky/* text eol=lf\r\n');
    expect(ensureLine(once, '.husky/* text eol=lf', 'why')).toBe(once);
    expect(ensureLine(undefined, '.kernel-secrets/', 'why')).toBe('# why\n.kernel-secrets/\n');
  });

  it('keeps existing scripts and lint-staged tasks', () => {
    const pkg = { name: 'x', scripts: { prepare: 'tsc -b' }, 'lint-staged': { '*.css': 'stylelint' } };
    expect(withPrepareScript(pkg, 'husky').scripts!['prepare']).toBe('tsc -b && husky');
    expect(withPrepareScript({ scripts: { prepare: 'husky' } }, 'husky')).toEqual({ scripts: { prepare: 'husky' } });
    expect(withLintStagedTask(pkg, '*.js', 'eslint')['lint-staged']).toEqual({ '*.css': 'stylelint', '*.js': 'eslint' });
    const hasEslint = { 'lint-staged': { '*.ts': 'eslint --fix' } };
    expect(withLintStagedTask(hasEslint, '*.js', 'eslint')).toBe(hasEslint);
    expect(serialise({ a: 1 }, '{\n\t"a": 0\n}\n')).toBe('{\n\t"a": 1\n}\n');
  });
});
