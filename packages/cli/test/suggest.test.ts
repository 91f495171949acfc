import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/args/parse.js';
import { helpText, MAIN_HELP } from '../src/args/help.js';
import { nearest } from '../src/args/suggest.js';
import { CliError } from '../src/errors.js';

function message(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (err) {
    if (err instanceof CliError) return err.oneLine();
    throw err;
  }
  throw new Error(`${argv.join(' ')} parsed`);
}

describe('option errors in the CLI’s words', () => {
  it.each([
    [['scan', '--fromat', 'json'], 'unknown option --fromat for scan (did you mean --format?); run `kernel-secrets scan --help` for usage'],
    [['scan', '--form', 'json'], 'unknown option --form for scan (did you mean --format?)'],
    [['scan', '--stagd'], 'unknown option --stagd for scan (did you mean --staged?)'],
    [['init', '--dryrun'], 'unknown option --dryrun for init (did you mean --dry-run?); run `kernel-secrets init --help` for usage'],
    [['baseline', '--qiet'], 'unknown option --qiet for baseline (did you mean --quiet?)'],
    [['scan', '--zzzzzz'], 'unknown option --zzzzzz for scan; run'],
    [['scan', '-o'], '--output needs a value; run `kernel-secrets scan --help` for usage'],
    [['scan', '--staged=yes'], '--staged takes no value'],
    [['scan', '--commits', '-p'], '--commits needs a value, not an option (write --commits=<value>'],
    [['sacn'], 'unknown command "sacn" (did you mean scan?)'],
    [['--staged'], 'options come after a command, e.g. `kernel-secrets scan --staged`'],
  ])('%j', (argv, expected) => {
    expect(message(argv)).toContain(expected);
  });

  it('suggests only what is close', () => {
    expect(nearest('--fail', ['fail-on', 'format'])).toBe('fail-on');
    expect(nearest('--colour', ['color', 'config'])).toBe('color');
    expect(nearest('--x', ['format', 'output'])).toBeUndefined();
  });

  it('`scan --commits --all` (SECURITY.md) is --all', () => {
    expect(parseCommandLine(['scan', '--commits', '--all'])).toMatchObject({ target: { kind: 'commits', ranges: [], all: true } });
  });
});

describe('help pages', () => {
  it('each command has its own page, naming its own options; -f is documented', () => {
    const pages = ['scan', 'init', 'baseline', 'known'].map((c) => helpText(c));
    expect(new Set([...pages, MAIN_HELP]).size).toBe(5);
    for (const [i, c] of ['scan', 'init', 'baseline', 'known'].entries()) expect(pages[i]).toMatch(new RegExp(`^kernel-secrets ${c}: `));
    expect(helpText('scan')).toContain('-f, --format');
    expect(MAIN_HELP).toContain('-f, --format');
    expect(helpText('init')).toContain('--dry-run');
    expect(helpText('known')).toContain('--user');
    expect(helpText('nope')).toBe(MAIN_HELP);
  });

  it('documents every option the parser accepts, per command', async () => {
    const src = await import('node:fs').then((fs) => fs.readFileSync(new URL('../src/args/parse.ts', import.meta.url), 'utf8'));
    const checked: string[] = [];
    for (const [, command, block] of src.matchAll(/const (\w+)_OPTIONS = \{([^;]*)\} as const/g)) {
      for (const [, name] of block!.matchAll(/^\s+'?([a-z-]+)'?: \{/gm)) {
        expect(helpText(command!.toLowerCase()), `${command} --${name}`).toContain(`--${name}`);
        checked.push(`${command!.toLowerCase()} --${name}`);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining(['scan --format', 'scan --stdin-filename', 'init --no-install', 'known --user', 'baseline --file']),
    );
  });
});
