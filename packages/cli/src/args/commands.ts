/** The parsed command line: what to run and with which options. */
import type { Severity } from '@kernel-secrets/core';

export const OUTPUT_FORMATS = ['pretty', 'json', 'sarif', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputOptions {
  format: OutputFormat;
  /** Write the report to this file instead of stdout. */
  outputFile?: string;
  /** true/false when forced by --color/--no-color; undefined → decide from the terminal and NO_COLOR. */
  color?: boolean;
  quiet: boolean;
  failOn: Severity;
}

export type ScanTarget =
  | { kind: 'staged' }
  | { kind: 'paths'; paths: string[] }
  | { kind: 'commits'; ranges: string[]; all: boolean }
  | { kind: 'pre-push'; remote?: string }
  /** `--commit-msg <file>`: the message of the commit being made (commit-msg, applypatch-msg hooks). */
  | { kind: 'commit-msg'; file: string }
  /** `--post-rewrite`: the commits an amend or rebase just wrote (post-rewrite hook; old/new ids on stdin). */
  | { kind: 'post-rewrite' }
  | { kind: 'stdin'; filename?: string };

export interface ScanCommand {
  name: 'scan';
  target: ScanTarget;
  configPath?: string;
  /** `--policy-from <ref>`: the trusted commit whose config and baseline the gate applies. */
  policyFrom?: string;
  /** A file, false for --no-baseline, undefined for the default file when present. */
  baseline?: string | false;
  output: OutputOptions;
  /** `--verify`: ask Kernel whether each found token is live (opt-in; sends the tokens). */
  verify?: { timeoutMs: number };
}

export interface BaselineCommand {
  name: 'baseline';
  paths: string[];
  configPath?: string;
  file?: string;
  quiet: boolean;
}

export interface InitCommand {
  name: 'init';
  dryRun: boolean;
  install: boolean;
  /** Opt-in: the pre-commit hook also runs lint-staged (ESLint on staged JS/TS), about a second per commit. */
  lintStaged: boolean;
}

export interface KnownCommand {
  name: 'known';
  action: 'add' | 'list';
  user: boolean;
  configPath?: string;
}

/** `kernel-secrets verify`: one token on stdin, checked against Kernel's API. */
export interface VerifyCommand {
  name: 'verify';
  timeoutMs: number;
}

export type Command =
  ScanCommand | BaselineCommand | InitCommand | KnownCommand | VerifyCommand | { name: 'help'; topic?: string } | { name: 'version' };
