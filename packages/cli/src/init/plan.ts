/**
 * The changes `init` makes, computed before anything is written so `--dry-run` can show them
 * and a second run can see there is nothing to do.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { loadProjectConfig } from '@kernel-secrets/core/node';
import { toPosix } from '../scan/setup.js';
import { ESLINT_CONFIG_FILES, eslintConfigText, LINT_STAGED_ESLINT_COMMAND, lintStagedGlob } from './eslint-config.js';
import { mergeHook, type HookCommand } from './hook-file.js';
import { serialise, withLintStagedTask, withPrepareScript, type PackageJson } from './package-json.js';
import { wireEslintConfig, wireInstructions } from './eslint-wire.js';
import { binCommand, hookInstallScript } from './package-manager.js';
import { isInstalled, usesTypeScript, type InitProject } from './project.js';
import { ensureLine } from './text-lines.js';

export interface FileChange {
  path: string;
  before: string | undefined;
  after: string;
  executable?: boolean;
}

export interface InitPlan {
  changes: FileChange[];
  /** Things init did not change but the user should know (an existing ESLint config, …). */
  notes: string[];
}

export const GITATTRIBUTES_LINE = '.husky/* text eol=lf';

const LINT_STAGED_CONFIG_FILES = [
  '.lintstagedrc',
  '.lintstagedrc.json',
  '.lintstagedrc.yaml',
  '.lintstagedrc.yml',
  '.lintstagedrc.mjs',
  '.lintstagedrc.cjs',
  '.lintstagedrc.js',
  'lint-staged.config.js',
  'lint-staged.config.mjs',
  'lint-staged.config.cjs',
  'lint-staged.config.ts',
  'lint-staged.config.mts',
  'lint-staged.config.cts',
];

/** --lint-staged: ESLint on staged JS/TS in package.json's lint-staged, or a note for a config file of its own. */
function withLintStagedEslint(pkg: PackageJson, dir: string, withTypeScript: boolean, notes: string[]): PackageJson {
  const other = LINT_STAGED_CONFIG_FILES.find((f) => existsSync(join(dir, f)));
  if (!other) return withLintStagedTask(pkg, lintStagedGlob(withTypeScript), LINT_STAGED_ESLINT_COMMAND);
  if (!(read(join(dir, other)) ?? '').includes('eslint'))
    notes.push(`${other} exists: add "${lintStagedGlob(withTypeScript)}": "${LINT_STAGED_ESLINT_COMMAND}" to it so staged JS/TS is linted`);
  return pkg;
}

function read(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** How the hook calls a tool: husky puts node_modules/.bin on PATH at the repository root only. */
/**
 * Matches a hook line that already runs `kernel-secrets scan` with one of `flags`, by words
 * rather than a `(?:.*\s)?` regex, which backtracks quadratically on long lines.
 */
function runsScanWith(flags: readonly string[]): { test(line: string): boolean } {
  return {
    test(line) {
      const words = line.split(/[\s]/).filter(Boolean);
      const at = words.findIndex((w, i) => /(?:^|\/)kernel-secrets$/.test(w) && words[i + 1] === 'scan');
      return at !== -1 && words.slice(at + 2).some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`)));
    },
  };
}

function tool(project: InitProject, command: string): string {
  if (project.manager.pnp) return binCommand(project.manager, command);
  return project.packageDirFromTop === '' ? command : `npx --no -- ${command}`;
}

/** What `init` was asked for beyond the defaults. */
export interface InitOptions {
  /** The pre-commit hook also runs lint-staged (ESLint on staged JS/TS) before the scan. */
  lintStaged: boolean;
}

export function hookCommands(
  project: InitProject,
  options: InitOptions,
): Record<
  'pre-commit' | 'pre-merge-commit' | 'pre-push' | 'commit-msg' | 'pre-applypatch' | 'applypatch-msg' | 'post-rewrite',
  HookCommand[]
> {
  const scanStaged: HookCommand = { line: tool(project, 'kernel-secrets scan --staged'), alreadyRunBy: runsScanWith(['--staged']) };
  const scanMessage: HookCommand = {
    line: `${tool(project, 'kernel-secrets scan --commit-msg')} "$1"`,
    alreadyRunBy: runsScanWith(['--commit-msg']),
  };
  return {
    // The token scan alone by default: about the cost of starting node. Loading ESLint alone
    // takes most of a second, so it runs in the editor and CI unless asked for (--lint-staged);
    // then lint-staged goes first and the scan of the whole index stays the final gate.
    'pre-commit': options.lintStaged ? [{ line: tool(project, 'lint-staged'), alreadyRunBy: /\blint-staged\b/ }, scanStaged] : [scanStaged],
    // A merge that completes without conflicts runs pre-merge-commit, not pre-commit.
    'pre-merge-commit': [scanStaged],
    'pre-push': [
      { line: `${tool(project, 'kernel-secrets scan --pre-push')} "$@"`, alreadyRunBy: runsScanWith(['--pre-push', '--commits']) },
    ],
    // The message is committed too (`git commit -n` skips this hook as well as pre-commit; pre-push is the backstop).
    'commit-msg': [scanMessage],
    // `git am` runs these instead of pre-commit: the patch is applied to the index, then committed.
    'pre-applypatch': [scanStaged],
    'applypatch-msg': [scanMessage],
    // After `commit --amend` and rebase (`rebase --continue` commits with `-n`): warns at once; pre-push refuses.
    'post-rewrite': [
      { line: `${tool(project, 'kernel-secrets scan --post-rewrite')} "$@"`, alreadyRunBy: runsScanWith(['--post-rewrite']) },
    ],
  };
}

function hookPreamble(project: InitProject): string[] {
  if (project.packageDirFromTop === '') return [];
  return [
    `# git runs hooks at the repository root; this project is in ${project.packageDirFromTop}/`,
    `cd ${shQuote(project.packageDirFromTop)}`,
  ];
}

export function planInit(project: InitProject, options: InitOptions): InitPlan {
  const changes: FileChange[] = [];
  const notes: string[] = [];
  const change = (path: string, before: string | undefined, after: string, executable?: boolean): void => {
    if (before !== after) changes.push({ path, before, after, ...(executable ? { executable } : {}) });
  };
  const dir = project.packageDir;
  const withTypeScript = isInstalled(project, '@typescript-eslint/parser');

  // package.json: the install script that runs husky (`prepare`; `postinstall` on Yarn 2+, which
  // does not run `prepare`) and, with --lint-staged, lint-staged's ESLint task.
  const hooksFromTop = project.packageDirFromTop === '' ? '.husky' : `${project.packageDirFromTop}/.husky`;
  const husky = project.packageDirFromTop === '' ? 'husky' : `cd ${toPosix(relative(dir, project.topLevel))} && husky ${hooksFromTop}`;
  let pkg = withPrepareScript(project.packageJson, husky, hookInstallScript(project.manager));
  if (options.lintStaged) pkg = withLintStagedEslint(pkg, dir, withTypeScript, notes);
  if (pkg !== project.packageJson) change(project.packageJsonPath, project.packageJsonText, serialise(pkg, project.packageJsonText));

  // ESLint config with the plugin, unless the project has its own.
  const eslintConfig = ESLINT_CONFIG_FILES.find((f) => existsSync(join(dir, f)));
  if (!eslintConfig) change(join(dir, 'eslint.config.mjs'), undefined, eslintConfigText(withTypeScript));
  else {
    const path = join(dir, eslintConfig);
    const text = read(path) ?? '';
    if (!text.includes('kernel-secrets')) {
      const wired = wireEslintConfig(eslintConfig, text);
      if (wired) change(path, text, wired);
      else notes.push(wireInstructions(eslintConfig, text));
    }
  }
  if (usesTypeScript(project) && !withTypeScript)
    notes.push(
      'TypeScript files are not linted: @typescript-eslint/parser is not installed (the token scan still covers them); install it and run init again',
    );

  // Hooks.
  const preamble = hookPreamble(project);
  for (const [name, commands] of Object.entries(hookCommands(project, options))) {
    const path = join(dir, '.husky', name);
    const before = read(path);
    change(path, before, mergeHook(before, preamble, commands), before === undefined);
  }

  // Hooks are shell scripts: CRLF checkouts break them.
  const attributes = join(dir, '.gitattributes');
  change(
    attributes,
    read(attributes),
    ensureLine(read(attributes), GITATTRIBUTES_LINE, 'husky hooks are shell scripts: keep LF line endings (kernel-secrets init)'),
  );

  // The known-fingerprints file lists your live tokens' fingerprints: never committed.
  const { config, root } = loadProjectConfig({ cwd: dir });
  const knownFile = isAbsolute(config.knownFingerprintsFile) ? config.knownFingerprintsFile : join(root, config.knownFingerprintsFile);
  const knownDir = relative(root, dirname(knownFile));
  if (knownDir && !knownDir.startsWith('..') && !isAbsolute(knownDir)) {
    const gitignore = join(root, '.gitignore');
    change(
      gitignore,
      read(gitignore),
      ensureLine(read(gitignore), `${toPosix(knownDir)}/`, 'fingerprints of your live Kernel tokens (kernel-secrets known add)'),
    );
  }
  return { changes, notes };
}
