/**
 * Command-line parsing with node:util parseArgs (strict: an unknown option is an error, never
 * ignored). Negated flags (--no-color, --no-install, --no-baseline) are declared as options of
 * their own so parsing does not depend on parseArgs' newer `allowNegative`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Severity } from '@kernel-secrets/core';
import { CliError } from '../errors.js';
import { describeParseError, nearest } from './suggest.js';
import { DEFAULT_VERIFY_TIMEOUT_MS, MAX_VERIFY_TIMEOUT_MS } from '../verify/limits.js';
import { OUTPUT_FORMATS, type Command, type OutputFormat, type ScanTarget } from './commands.js';

type Options = NonNullable<ParseArgsConfig['options']>;

// Options several commands take, declared once so that `-c`, `-q` and `-h` mean one thing everywhere.
const HELP = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;
const CONFIG = { config: { type: 'string', short: 'c' } } as const satisfies Options;
const QUIET = { quiet: { type: 'boolean', short: 'q' } } as const satisfies Options;

const SCAN_OPTIONS = {
  staged: { type: 'boolean' },
  commits: { type: 'string', multiple: true },
  all: { type: 'boolean' },
  'pre-push': { type: 'boolean' },
  'commit-msg': { type: 'string' },
  'post-rewrite': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  ...CONFIG,
  'policy-from': { type: 'string' },
  'fail-on': { type: 'string' },
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  ...QUIET,
  verify: { type: 'boolean' },
  'verify-timeout': { type: 'string' },
  ...HELP,
} as const satisfies Options;

const VERIFY_OPTIONS = { timeout: { type: 'string' }, ...HELP } as const satisfies Options;

const BASELINE_OPTIONS = { file: { type: 'string' }, ...CONFIG, ...QUIET, ...HELP } as const satisfies Options;

const INIT_OPTIONS = {
  'dry-run': { type: 'boolean' },
  'no-install': { type: 'boolean' },
  'lint-staged': { type: 'boolean' },
  ...HELP,
} as const satisfies Options;

const KNOWN_OPTIONS = { user: { type: 'boolean' }, ...CONFIG, ...HELP } as const satisfies Options;

function parse<T extends Options>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (err) {
    throw usage(describeParseError(err as { code?: string; message: string }, command, options), command);
  }
}

function usage(message: string, command?: string): CliError {
  return new CliError(message, `run \`kernel-secrets ${command ? `${command} ` : ''}--help\` for usage`);
}

const COMMANDS = ['scan', 'init', 'baseline', 'known', 'verify', 'help', 'version'];

function unknownCommand(typed: string): string {
  if (typed.startsWith('-')) return `unknown option ${typed}; options come after a command, e.g. \`kernel-secrets scan ${typed}\``;
  const suggestion = nearest(typed, COMMANDS);
  return `unknown command "${typed}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
}

/** `--commits --all` (as written in SECURITY.md and by habit) means `--all`. */
function commitsAll(args: string[]): string[] {
  return args.filter((a, i) => !(a === '--commits' && args[i + 1] === '--all'));
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw usage(`${option} must be one of ${allowed.join(', ')} (got "${value}")`, 'scan');
  return value as T;
}

function scanTarget(v: ReturnType<typeof parse<typeof SCAN_OPTIONS>>['values'], positionals: string[]): ScanTarget {
  const modes = [
    v.staged && '--staged',
    v.commits && '--commits',
    v.all && '--all',
    v['pre-push'] && '--pre-push',
    v.stdin && '--stdin',
    v['commit-msg'] !== undefined && '--commit-msg',
    v['post-rewrite'] && '--post-rewrite',
  ].filter(Boolean);
  const commitsAndAll = modes.length === 2 && modes.includes('--commits') && modes.includes('--all');
  if (modes.length > 1 && !commitsAndAll) throw usage(`${modes.join(' and ')} cannot be combined`, 'scan');
  if (v['stdin-filename'] !== undefined && !v.stdin) throw usage('--stdin-filename needs --stdin', 'scan');
  if (v['pre-push']) {
    if (positionals.length > 2) throw usage('--pre-push takes the remote name and URL that git passes to the hook', 'scan');
    return positionals[0] ? { kind: 'pre-push', remote: positionals[0] } : { kind: 'pre-push' };
  }
  // git passes the post-rewrite hook the command that rewrote (amend, rebase).
  if (v['post-rewrite']) return { kind: 'post-rewrite' };
  if (modes.length > 0 && positionals.length > 0) throw usage(`${modes[0]} does not take paths (got "${positionals[0]}")`, 'scan');
  if (v.staged) return { kind: 'staged' };
  if (v['commit-msg'] !== undefined) {
    if (!v['commit-msg']) throw usage('--commit-msg needs the message file git passes to the hook ("$1")', 'scan');
    return { kind: 'commit-msg', file: v['commit-msg'] };
  }
  if (v.stdin) return v['stdin-filename'] ? { kind: 'stdin', filename: v['stdin-filename'] } : { kind: 'stdin' };
  if (v.commits || v.all) {
    const ranges = v.commits ?? [];
    for (const r of ranges) {
      // Passed to git after --end-of-options; refusing a leading dash also keeps the message clear.
      if (!r || r.startsWith('-')) throw usage(`--commits needs a revision range such as origin/main..HEAD (got "${r}")`, 'scan');
    }
    return { kind: 'commits', ranges, all: !!v.all };
  }
  return { kind: 'paths', paths: positionals.length > 0 ? positionals : ['.'] };
}

/** A timeout in milliseconds; the value is not quoted back (it might be a token typed in the wrong place). */
function milliseconds(value: string | undefined, option: string, command: string): number {
  if (value === undefined) return DEFAULT_VERIFY_TIMEOUT_MS;
  const ms = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(ms >= 1 && ms <= MAX_VERIFY_TIMEOUT_MS))
    throw usage(`${option} takes a whole number of milliseconds from 1 to ${MAX_VERIFY_TIMEOUT_MS}`, command);
  return ms;
}

export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help')
    return { name: 'help', ...(rest[0] ? { topic: rest[0] } : {}) };
  if (first === '--version' || first === '-v' || first === 'version') return { name: 'version' };
  switch (first) {
    case 'scan': {
      const { values: v, positionals } = parse(commitsAll(rest), SCAN_OPTIONS, 'scan');
      if (v.help) return { name: 'help', topic: 'scan' };
      if (v.color && v['no-color']) throw usage('--color and --no-color cannot be combined', 'scan');
      if (v.baseline !== undefined && v['no-baseline']) throw usage('--baseline and --no-baseline cannot be combined', 'scan');
      const format: OutputFormat = oneOf(v.format, OUTPUT_FORMATS, '--format', 'pretty');
      const failOn: Severity = oneOf(v['fail-on'], ['error', 'warning'] as const, '--fail-on', 'error');
      if (v['verify-timeout'] !== undefined && !v.verify) throw usage('--verify-timeout needs --verify', 'scan');
      return {
        name: 'scan',
        target: scanTarget(v, positionals),
        ...(v.config ? { configPath: v.config } : {}),
        ...(v['policy-from'] !== undefined ? { policyFrom: v['policy-from'] } : {}),
        ...(v['no-baseline'] ? { baseline: false } : v.baseline !== undefined ? { baseline: v.baseline } : {}),
        output: {
          format,
          failOn,
          quiet: !!v.quiet,
          ...(v.output ? { outputFile: v.output } : {}),
          ...(v.color ? { color: true } : v['no-color'] ? { color: false } : {}),
        },
        ...(v.verify ? { verify: { timeoutMs: milliseconds(v['verify-timeout'], '--verify-timeout', 'scan') } } : {}),
      };
    }
    case 'verify': {
      const { values: v, positionals } = parse(rest, VERIFY_OPTIONS, 'verify');
      if (v.help) return { name: 'help', topic: 'verify' };
      // Not quoted back: whatever was typed there is likely the token itself.
      if (positionals.length > 0)
        throw usage(
          'verify reads the token from stdin, never from the command line (it would stay in your shell history and be visible to other processes); pipe it: `printenv KERNEL_TOKEN | kernel-secrets verify`',
          'verify',
        );
      return { name: 'verify', timeoutMs: milliseconds(v.timeout, '--timeout', 'verify') };
    }
    case 'baseline': {
      const { values: v, positionals } = parse(rest, BASELINE_OPTIONS, 'baseline');
      if (v.help) return { name: 'help', topic: 'baseline' };
      return {
        name: 'baseline',
        paths: positionals.length > 0 ? positionals : ['.'],
        quiet: !!v.quiet,
        ...(v.config ? { configPath: v.config } : {}),
        ...(v.file ? { file: v.file } : {}),
      };
    }
    case 'init': {
      const { values: v, positionals } = parse(rest, INIT_OPTIONS, 'init');
      if (v.help) return { name: 'help', topic: 'init' };
      if (positionals.length > 0) throw usage(`init takes no arguments (got "${positionals[0]}")`, 'init');
      return { name: 'init', dryRun: !!v['dry-run'], install: !v['no-install'], lintStaged: !!v['lint-staged'] };
    }
    case 'known': {
      const { values: v, positionals } = parse(rest, KNOWN_OPTIONS, 'known');
      if (v.help) return { name: 'help', topic: 'known' };
      const action = positionals[0];
      if (action !== 'add' && action !== 'list')
        throw usage('known needs an action: `known add` (token on stdin) or `known list`', 'known');
      if (positionals.length > 1)
        throw usage('known add reads the token from stdin, never from the command line (it would stay in your shell history)', 'known');
      return { name: 'known', action, user: !!v.user, ...(v.config ? { configPath: v.config } : {}) };
    }
    default:
      throw usage(unknownCommand(first));
  }
}
