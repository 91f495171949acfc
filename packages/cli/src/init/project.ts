/**
 * What `init` needs to know about the project: where its package.json is, where the git
 * repository root is (they differ in a monorepo subfolder, and git runs hooks at the root),
 * which package manager it uses, and which tools are already installed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CliError } from '../errors.js';
import { toPosix } from '../scan/setup.js';
import type { PackageJson } from './package-json.js';
import { detectYarn, pnpResolves, type Manager, type PackageManager } from './package-manager.js';

export type { PackageManager } from './package-manager.js';
export { installCommand, shellCommand } from './package-manager.js';
import { REPOSITORY_URL, TOOL_VERSION } from '../version.js';

export interface InitProject {
  packageDir: string;
  topLevel: string;
  packageJsonPath: string;
  packageJsonText: string;
  packageJson: PackageJson;
  /** Path of packageDir from the repository root, `/`-separated ('' at the root). */
  packageDirFromTop: string;
  packageManager: PackageManager;
  /** The package manager with Yarn's flavour (berry, Plug'n'Play). */
  manager: Manager;
}

const LOCKFILES: [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lockb', 'bun'],
  ['bun.lock', 'bun'],
  ['package-lock.json', 'npm'],
];

function detectPackageManager(pkg: PackageJson, packageDir: string, topLevel: string): Manager {
  const field = typeof pkg['packageManager'] === 'string' ? pkg['packageManager'] : undefined;
  const declared = field?.split('@')[0];
  const manager = (name: PackageManager, dir: string): Manager =>
    name === 'yarn' ? { name, ...detectYarn(field, dir) } : { name, berry: false, pnp: false };
  if (declared === 'pnpm' || declared === 'yarn' || declared === 'bun' || declared === 'npm') return manager(declared, packageDir);
  for (let dir = packageDir; ; dir = dirname(dir)) {
    for (const [file, pm] of LOCKFILES) if (existsSync(join(dir, file))) return manager(pm, dir);
    if (dir === topLevel || dirname(dir) === dir) return manager('npm', packageDir);
  }
}

export function loadInitProject(cwd: string, topLevel: string): InitProject {
  let packageDir: string | undefined;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      packageDir = dir;
      break;
    }
    if (dir === topLevel || dirname(dir) === dir) break;
  }
  if (!packageDir)
    throw new CliError(
      `no package.json in ${cwd} or above it inside the repository, so there is no JavaScript project to add husky hooks to`,
      `without one (Python, Go…) use the pre-commit framework: in .pre-commit-config.yaml add \`repo: ${REPOSITORY_URL}\`, \`rev: v${TOOL_VERSION}\` and the hooks kernel-secrets, kernel-secrets-pre-push, kernel-secrets-commit-msg, then \`pre-commit install -t pre-commit -t pre-push -t commit-msg\` (${REPOSITORY_URL}#readme)`,
    );
  const packageJsonPath = join(packageDir, 'package.json');
  const packageJsonText = readFileSync(packageJsonPath, 'utf8');
  let packageJson: PackageJson;
  try {
    packageJson = JSON.parse(packageJsonText.replace(/^\uFEFF/, '')) as PackageJson;
  } catch (err) {
    throw new CliError(`${packageJsonPath} is not valid JSON (${(err as Error).message})`, 'fix package.json, then run init again');
  }
  if (!packageJson || typeof packageJson !== 'object' || Array.isArray(packageJson))
    throw new CliError(`${packageJsonPath} is not a JSON object`, 'fix package.json, then run init again');
  return {
    packageDir,
    topLevel,
    packageJsonPath,
    packageJsonText,
    packageJson,
    packageDirFromTop: toPosix(relative(topLevel, packageDir)),
    ...(() => {
      const manager = detectPackageManager(packageJson, packageDir, topLevel);
      return { manager, packageManager: manager.name };
    })(),
  };
}

/** Whether `name` is installed where Node (or Yarn's Plug'n'Play) would find it from packageDir. */
export function isInstalled(project: Pick<InitProject, 'packageDir'> & { manager?: Manager }, name: string): boolean {
  if (project.manager?.pnp) return pnpResolves(project.packageDir, name);
  for (let dir = project.packageDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/** Directory of an installed package (searched like isInstalled). */
export function installedPackageDir(project: Pick<InitProject, 'packageDir'>, name: string): string | undefined {
  for (let dir = project.packageDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function isDeclared(project: Pick<InitProject, 'packageJson'>, name: string): boolean {
  const pkg = project.packageJson;
  return ['dependencies', 'devDependencies', 'optionalDependencies'].some((k) => {
    const deps = pkg[k];
    return !!deps && typeof deps === 'object' && name in (deps as Record<string, unknown>);
  });
}

/**
 * Whether the project is written in TypeScript: a tsconfig.json, a `typescript` dependency, or
 * .ts sources at its top or in src/. Then init installs @typescript-eslint/parser so the lint
 * step covers .ts files too.
 */
export function usesTypeScript(project: Pick<InitProject, 'packageDir' | 'packageJson'>): boolean {
  if (existsSync(join(project.packageDir, 'tsconfig.json')) || isDeclared(project, 'typescript')) return true;
  return ['.', 'src'].some((sub) => {
    try {
      return readdirSync(join(project.packageDir, sub)).some((f) => /\.(?:ts|tsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts'));
    } catch {
      return false;
    }
  });
}
