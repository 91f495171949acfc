// The commit a user feels: `git commit` of 1, 10 and 200 small files with no hooks, with a
// husky hook that only runs `node -e 0`, with `kernel-secrets scan --staged` alone, with the
// previous default (lint-staged + ESLint, then the scan), and with the hook this build's
// `kernel-secrets init` writes (its commit-msg hook runs too: a second `kernel-secrets` process
// per commit). A 1-file commit in a 2,000-file repository shows whether the cost grows with the
// repository. Every commit is undone (`git reset --soft`) before the next.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LINT_STAGED_ESLINT_COMMAND, lintStagedGlob } from '../packages/cli/dist/init/eslint-config.js';
import { compare } from './proc.mjs';

const GIT_ID = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false'];
const git = (cwd, args) => execFileSync('git', [...GIT_ID, ...args], { cwd, encoding: 'utf8' }).trim();

/** A small, valid TypeScript module (ESLint must parse it: a cut-off corpus file would not). */
const moduleText = (i, rev) =>
  `// module ${i}\n` +
  Array.from(
    { length: 40 },
    (_, k) => `export const value${k} = { id: ${i * 100 + k}, label: 'item ${k} r${rev}', enabled: ${k % 2 === 0} };\n`,
  ).join('');

/**
 * A repository of `base` committed modules set up by the real `kernel-secrets init` (husky,
 * lint-staged, ESLint config), dependencies linked from this monorepo's node_modules, and a
 * staged change of `changed` files (half modified, half new). Returns the hook variants.
 */
function hookRepo(outsideDir, root, base, changed, baselineRoot) {
  const dir = join(outsideDir, `hook-${base}-${changed}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  git(dir, ['init', '-q', '-b', 'main']);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, '.gitignore'), 'node_modules\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'hook-bench', private: true, type: 'module' }, null, 2) + '\n');
  for (let i = 0; i < base; i++) writeFileSync(join(dir, 'src', `m${i}.ts`), moduleText(i, 0));
  const init = execFileSync(process.execPath, [join(root, 'packages/cli/dist/cli.js'), 'init', '--no-install'], {
    cwd: dir,
    encoding: 'utf8',
  });
  // The old default's lint-staged task (init writes it only with --lint-staged), for that variant.
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg['lint-staged'] ??= { [lintStagedGlob(true)]: LINT_STAGED_ESLINT_COMMAND };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  git(dir, ['add', '-A']);
  git(dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-qm', 'base']);
  const baseCommit = git(dir, ['rev-parse', 'HEAD']);
  for (let i = 0; i < changed; i++) {
    const name = i % 2 ? `m${i}.ts` : `new${i}.ts`;
    writeFileSync(join(dir, 'src', name), moduleText(i, 1));
  }
  git(dir, ['add', '-A']);
  // Alternative husky folders, with husky's own runner (`_/`) copied from the one init activated.
  const huskyDir = (name, script) => {
    const d = join(dir, '.bench-hooks', name);
    cpSync(join(dir, '.husky', '_'), join(d, '_'), { recursive: true });
    writeFileSync(join(d, 'pre-commit'), script);
    return join(d, '_');
  };
  mkdirSync(join(dir, '.bench-hooks', 'none'), { recursive: true });
  const variants = {
    'hooks off': join(dir, '.bench-hooks', 'none'),
    'node -e 0 hook': huskyDir('node', 'node -e 0\n'),
    'scan-only hook': huskyDir('scan', 'kernel-secrets scan --staged\n'),
    // The same scan from tsc's dist/ (~80 modules), as this checkout ran it before the bundle.
    'scan-only hook, dist/': huskyDir('dist', `node ${JSON.stringify(join(root, 'packages/cli/dist/cli.js'))} scan --staged\n`),
    ...(baselineRoot
      ? {
          'scan-only hook, baseline build': huskyDir(
            'baseline',
            `node ${JSON.stringify(join(baselineRoot, 'packages/cli/dist/cli.js'))} scan --staged\n`,
          ),
        }
      : {}),
    'lint-staged + scan (old default)': huskyDir('old', 'lint-staged\nkernel-secrets scan --staged\n'),
    'init hook (this build)': join(dir, '.husky', '_'),
  };
  return { dir, baseCommit, variants, init, preCommit: readFileSync(join(dir, '.husky', 'pre-commit'), 'utf8') };
}

/**
 * The packed package's bin runs bundle/kernel-secrets.mjs when it exists; this checkout's
 * workspace link has none. Put the fresh bundle there while the hook part runs, so the hooks
 * `init` writes run what users' hooks run, and take it away afterwards (a left-over bundle
 * would hide later source changes from `npx kernel-secrets`).
 */
export function benchHook(options) {
  const bundleDir = join(options.root, 'packages/cli/bundle');
  if (existsSync(bundleDir)) throw new Error(`bench: ${bundleDir} exists (a failed npm pack?); remove it first`);
  mkdirSync(bundleDir);
  try {
    for (const f of readdirSync(dirname(options.cli))) cpSync(join(dirname(options.cli), f), join(bundleDir, f));
    return hookTable(options);
  } finally {
    rmSync(bundleDir, { recursive: true, force: true });
  }
}

function hookTable({ root, outsideDir, runs, baselineRoot }) {
  const rows = {};
  const ratios = {};
  let preCommit;
  for (const [base, changed] of [
    [50, 1],
    [50, 10],
    [400, 200],
    [2000, 1],
  ]) {
    const repo = hookRepo(join(outsideDir, 'hooks'), root, base, changed, baselineRoot);
    preCommit = repo.preCommit;
    const commands = Object.fromEntries(
      Object.entries(repo.variants).map(([name, hooksPath]) => [
        name,
        {
          cmd: 'git',
          args: [...GIT_ID, '-c', `core.hooksPath=${hooksPath}`, 'commit', '-qm', 'bench'],
          options: { cwd: repo.dir },
          // Back to the staged change, uncommitted.
          before: () => git(repo.dir, ['reset', '-q', '--soft', repo.baseCommit]),
        },
      ]),
    );
    const r = compare(commands, runs);
    const label = `${changed} file${changed > 1 ? 's' : ''} (repo of ${base})`;
    for (const [name, m] of Object.entries(r)) {
      if (m.status !== 0) throw new Error(`bench: ${name} did not commit (${label}): ${(m.stdout + m.stderr).trim().slice(0, 400)}`);
      rows[`${label}: ${name}`] = { 'wall ms': +m.ms.toFixed(0), 'cpu ms': +m.cpuMs.toFixed(0), 'peak RSS MB': +m.rssMB.toFixed(0) };
    }
    const committed = git(repo.dir, ['diff', '--name-only', repo.baseCommit, 'HEAD']).split('\n').filter(Boolean).length;
    if (committed !== changed) throw new Error(`bench: the last commit holds ${committed} files, not ${changed}`);
    const floor = r['node -e 0 hook'].ms;
    ratios[label] = Object.fromEntries(
      Object.entries(r)
        .filter(([name]) => name !== 'node -e 0 hook')
        .map(([name, m]) => [name, +(m.ms / floor).toFixed(2)]),
    );
    ratios[label]['init hook ms'] = +r['init hook (this build)'].ms.toFixed(0);
  }
  return { rows, ratiosToNodeHook: ratios, initPreCommit: preCommit };
}
