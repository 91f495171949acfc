/**
 * `kernel-secrets init`: sets a project up so a token cannot be committed. Installs husky and
 * ESLint with the plugin when missing (printing the command), writes the hooks (pre-commit and
 * pre-merge-commit: `scan --staged`; pre-push: `scan --pre-push`; the message hooks), wires the
 * plugin into the ESLint config (its rules run in the editor and in CI, and init says so),
 * `.gitattributes` and `.gitignore` lines, then activates the hooks with husky. `--lint-staged`
 * also runs ESLint on staged JS/TS in the pre-commit hook. Idempotent; `--dry-run` shows the
 * changes only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError } from '@kernel-secrets/core';
import type { InitCommand } from '../args/commands.js';
import { CliError, EXIT_CLEAN } from '../errors.js';
import { GitRepo } from '../git/repo.js';
import { describeChange, writeChanges } from '../init/apply.js';
import { planInit, type InitOptions, type InitPlan } from '../init/plan.js';
import {
  installCommand,
  installedPackageDir,
  isDeclared,
  isInstalled,
  loadInitProject,
  shellCommand,
  usesTypeScript,
  type InitProject,
} from '../init/project.js';
import type { CliIO } from '../io/cli-io.js';

/** node:child_process, loaded when init runs a tool (the bundle holds every command; others never need it). */
const childProcess = (): typeof import('node:child_process') => process.getBuiltinModule('node:child_process');

/** What the setup needs: the hook runner, ESLint with our plugin (editor, CI), and this CLI; lint-staged only when asked for. */
function requiredPackages(project: InitProject, options: InitOptions): string[] {
  return [
    'husky',
    ...(options.lintStaged ? ['lint-staged'] : []),
    'eslint',
    'eslint-plugin-kernel-secrets',
    'kernel-secrets',
    // A TypeScript project also needs the parser, or ESLint lints its JS files only.
    ...(usesTypeScript(project) ? ['@typescript-eslint/parser'] : []),
  ];
}

/**
 * Where the ESLint rules run, said on every run: the default hook leaves them out (loading
 * ESLint alone costs most of a second per commit), so users must know to keep them in CI.
 */
function whereEslintRuns(project: InitProject, options: InitOptions): string[] {
  // In the project's package manager's words: under Yarn Plug'n'Play `npx eslint .` finds no ESLint.
  const eslint = shellCommand(project.manager, 'eslint .');
  if (options.lintStaged)
    return [`The pre-commit hook runs ESLint on staged JS/TS (lint-staged), then the token scan. Keep \`${eslint}\` in CI too.`];
  return [
    'The pre-commit hook runs the token scan only (fast). The ESLint rules (no-hardcoded-token, no-auth-header-logging) run in your editor and in CI: add this step to your CI job:',
    `  ${eslint}`,
    `To run ESLint on staged JS/TS in the hook as well (about a second per commit): ${shellCommand(project.manager, 'kernel-secrets init --lint-staged')}`,
  ];
}

function plan(project: InitProject, options: InitOptions): InitPlan {
  try {
    return planInit(project, options);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 'fix the config, then run init again');
    throw err;
  }
}

function runInstall(project: InitProject, packages: string[], io: CliIO): void {
  const [bin, ...args] = installCommand(project.manager, packages);
  io.stdout.write(`kernel-secrets init: installing ${packages.join(', ')}\n$ ${[bin, ...args].join(' ')}\n`);
  const result = childProcess().spawnSync(bin!, args, {
    cwd: project.packageDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
    // Adding dev dependencies changes the lockfile by design; Yarn 2+ refuses to when CI is set
    // (enableImmutableInstalls defaults to true there), which would fail init in CI images.
    env: { ...process.env, YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' },
  });
  if (result.error || result.status !== 0) {
    throw new CliError(
      `\`${[bin, ...args].join(' ')}\` failed (${result.error?.message ?? `exit code ${result.status}`})`,
      'run it yourself, then `kernel-secrets init --no-install`',
    );
  }
}

function hooksPathFromTop(project: InitProject): string {
  return project.packageDirFromTop === '' ? '.husky' : `${project.packageDirFromTop}/.husky`;
}

/** Runs husky (it sets core.hooksPath and writes .husky/_) unless the hooks are already active. */
async function activateHooks(project: InitProject, repo: GitRepo, io: CliIO): Promise<string[]> {
  const wanted = `${hooksPathFromTop(project)}/_`;
  const previous = await repo.config('core.hooksPath');
  if (previous === wanted && existsSync(join(project.packageDir, '.husky', '_', 'h'))) return [];
  // Hooks git ran until now stop running once husky owns core.hooksPath: say so.
  const notes: string[] = [];
  if (previous && previous !== wanted)
    notes.push(`note: core.hooksPath was ${previous}; move any hooks you keep there into ${hooksPathFromTop(project)}/`);
  else if (!previous && SAMPLE_FREE_HOOKS.some((h) => existsSync(join(project.topLevel, '.git', 'hooks', h)))) {
    notes.push(`note: .git/hooks has hooks of its own; git no longer runs them, move them into ${hooksPathFromTop(project)}/`);
  }
  if (project.manager.pnp) return runHuskyThroughYarn(project, repo, io, wanted, notes);
  const huskyDir = installedPackageDir(project, 'husky');
  if (!huskyDir)
    throw new CliError(
      'husky is not installed, so the hooks cannot be activated',
      'install it (`npm install --save-dev husky`) and run `kernel-secrets init` again',
    );
  const manifest = JSON.parse(readFileSync(join(huskyDir, 'package.json'), 'utf8')) as {
    version?: string;
    bin?: string | Record<string, string>;
  };
  const major = Number(manifest.version?.split('.')[0]);
  if (!(major >= 9))
    throw new CliError(
      `husky ${manifest.version ?? '?'} is installed; kernel-secrets needs husky 9 or later`,
      'run `npm install --save-dev husky@latest`, then `kernel-secrets init` again',
    );
  const bin = typeof manifest.bin === 'string' ? manifest.bin : (manifest.bin?.['husky'] ?? 'bin.js');
  // husky must run from the repository root (it looks for .git there) and takes the hooks dir relative to it.
  const result = childProcess().spawnSync(process.execPath, [join(huskyDir, bin), hooksPathFromTop(project)], {
    cwd: project.topLevel,
    encoding: 'utf8',
    env: io.env,
  });
  const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if ((await repo.config('core.hooksPath')) !== wanted) {
    throw new CliError(
      `husky did not activate the hooks${said ? ` (${said})` : ''}`,
      `run \`git config core.hooksPath ${wanted}\` or fix the cause, then run init again`,
    );
  }
  return [`activated the hooks: git config core.hooksPath ${wanted}`, ...notes];
}

/** Under Yarn Plug'n'Play husky lives in a zip archive: run it the way the project runs bins, `yarn husky`. */
async function runHuskyThroughYarn(project: InitProject, repo: GitRepo, io: CliIO, wanted: string, notes: string[]): Promise<string[]> {
  const result = childProcess().spawnSync('yarn', ['husky', hooksPathFromTop(project)], {
    cwd: project.topLevel,
    encoding: 'utf8',
    env: io.env,
  });
  const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if ((await repo.config('core.hooksPath')) !== wanted)
    throw new CliError(
      `\`yarn husky\` did not activate the hooks${said ? ` (${said})` : ''}`,
      `run \`git config core.hooksPath ${wanted}\` or fix the cause, then run init again`,
    );
  return [`activated the hooks: git config core.hooksPath ${wanted}`, ...notes];
}

/** Hooks a user may have written by hand (git's own `*.sample` files do not run). */
const SAMPLE_FREE_HOOKS = [
  'pre-commit',
  'pre-merge-commit',
  'pre-push',
  'commit-msg',
  'prepare-commit-msg',
  'post-commit',
  'post-checkout',
  'post-merge',
];

export async function runInit(cmd: InitCommand, io: CliIO): Promise<number> {
  const repo = await GitRepo.find(io.cwd, io.env);
  if (!repo?.topLevel) throw new CliError(`${io.cwd} is not inside a git work tree`, 'run `git init` first, then `kernel-secrets init`');
  let project = loadInitProject(io.cwd, repo.topLevel);
  const options: InitOptions = { lintStaged: cmd.lintStaged };
  const missing = requiredPackages(project, options).filter((name) => !isDeclared(project, name) && !isInstalled(project, name));
  const out: string[] = [];

  if (cmd.dryRun) {
    const p = plan(project, options);
    out.push('kernel-secrets init --dry-run: nothing is written. These changes would be made:');
    if (missing.length > 0)
      out.push(`run ${cmd.install ? '' : '(skipped by --no-install) '}${installCommand(project.manager, missing).join(' ')}`);
    for (const c of p.changes) out.push(describeChange(c, io.cwd));
    out.push(
      `run husky ${hooksPathFromTop(project)} (sets git config core.hooksPath ${hooksPathFromTop(project)}/_) unless already active`,
    );
    for (const n of p.notes) out.push(`note: ${n}`);
    out.push(...whereEslintRuns(project, options));
    io.stdout.write(out.join('\n') + '\n');
    return EXIT_CLEAN;
  }

  if (missing.length > 0) {
    if (cmd.install) {
      runInstall(project, missing, io);
      project = loadInitProject(io.cwd, repo.topLevel); // the install rewrote package.json
    } else {
      const notInstalled = missing.filter((n) => !isInstalled(project, n));
      if (notInstalled.length > 0)
        out.push(
          `note: not installed (--no-install): ${notInstalled.join(', ')}; install with: ${installCommand(project.manager, notInstalled).join(' ')}`,
        );
    }
  }
  if (!isInstalled(project, 'husky')) {
    throw new CliError(
      'husky is not installed, so the hooks cannot be activated',
      `run \`${installCommand(project.manager, ['husky']).join(' ')}\`, then \`kernel-secrets init\` again`,
    );
  }
  const p = plan(project, options);
  writeChanges(p.changes);
  for (const c of p.changes) out.push(`${c.before === undefined ? 'created' : 'updated'} ${relative(io.cwd, c.path) || c.path}`);
  const activated = await activateHooks(project, repo, io);
  out.push(...activated);
  for (const n of p.notes) out.push(`note: ${n}`);
  if (p.changes.length === 0 && activated.length === 0) out.unshift('kernel-secrets init: already set up; nothing to change.');
  else {
    out.unshift('kernel-secrets init: done.');
    out.push('Commit these files. From now on a staged Kernel token blocks `git commit`, and a pushed one blocks `git push`.');
  }
  out.push(...whereEslintRuns(project, options));
  io.stdout.write(out.join('\n') + '\n');
  return EXIT_CLEAN;
}
