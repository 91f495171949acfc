/**
 * How each package manager installs packages and runs the hook setup, for `init`:
 *
 * - versions that support the running Node (lint-staged 17 needs Node 22.22.1; on older Node
 *   its 16.x line is installed: same config, same behaviour);
 * - which lifecycle script installs the hooks for a teammate who clones and installs: npm,
 *   pnpm and Yarn 1 run `prepare`; Yarn 2+ does not, so husky documents `postinstall` there;
 * - Yarn Plug'n'Play (Yarn 2+'s default linker) has no node_modules: packages are found through
 *   .pnp.cjs, and hooks run tools with `yarn <bin>` (no node_modules/.bin to put on PATH).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface Manager {
  name: PackageManager;
  /** Yarn 2 or later ("berry"). */
  berry: boolean;
  /** Yarn's Plug'n'Play linker: no node_modules. */
  pnp: boolean;
}

/** Packages whose newest major needs a newer Node than kernel-secrets supports: [name, minimum node, spec below it]. */
const NODE_BOUND_VERSIONS: [string, [number, number, number], string][] = [['lint-staged', [22, 22, 1], 'lint-staged@^16.2.0']];

function nodeAtLeast(min: [number, number, number], version: string): boolean {
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((have[i] ?? 0) !== min[i]) return (have[i] ?? 0) > min[i]!;
  return true;
}

/** The install spec of each package for this Node (`lint-staged@^16.2.0` on Node 20). */
export function installSpecs(packages: readonly string[], nodeVersion = process.version): string[] {
  return packages.map((name) => {
    const bound = NODE_BOUND_VERSIONS.find(([n]) => n === name);
    return bound && !nodeAtLeast(bound[1], nodeVersion) ? bound[2] : name;
  });
}

/** Yarn's flavour from the `packageManager` field, .yarnrc.yml and yarn.lock, at `dir`. */
export function detectYarn(declared: string | undefined, dir: string): Pick<Manager, 'berry' | 'pnp'> {
  const rc = join(dir, '.yarnrc.yml');
  const lock = join(dir, 'yarn.lock');
  const major = declared?.startsWith('yarn@') ? Number(declared.slice(5).split('.')[0]) : undefined;
  const berry =
    major !== undefined ? major >= 2 : existsSync(rc) || (existsSync(lock) && !readFileSync(lock, 'utf8').includes('yarn lockfile v1'));
  if (!berry) return { berry: false, pnp: false };
  const linker = existsSync(rc) ? /^nodeLinker:\s*["']?([\w-]+)/m.exec(readFileSync(rc, 'utf8'))?.[1] : undefined;
  return { berry: true, pnp: (linker ?? 'pnp') === 'pnp' };
}

/** The lifecycle script that installs the hooks when a teammate installs. */
export function hookInstallScript(m: Manager): 'prepare' | 'postinstall' {
  return m.berry ? 'postinstall' : 'prepare';
}

/** `yarn <bin>` under Plug'n'Play (no node_modules/.bin); otherwise the bin itself. */
export function binCommand(m: Manager, command: string): string {
  return m.pnp ? `yarn ${command}` : command;
}

/**
 * How a person runs a project bin in a shell or a CI step: `npx eslint .` with npm, `pnpm exec`,
 * `yarn <bin>` (under Plug'n'Play there is no node_modules/.bin, so `npx` finds nothing), `bunx`.
 */
export function shellCommand(m: Manager, command: string): string {
  switch (m.name) {
    case 'npm':
      return `npx ${command}`;
    case 'pnpm':
      return `pnpm exec ${command}`;
    case 'yarn':
      return `yarn ${command}`;
    case 'bun':
      return `bunx ${command}`;
  }
}

/** Under Plug'n'Play: whether .pnp.cjs resolves `name` for the project in `dir`. */
export function pnpResolves(dir: string, name: string): boolean {
  const pnpFile = join(dir, '.pnp.cjs');
  if (!existsSync(pnpFile)) return false;
  try {
    const load = createRequire(pnpFile);
    // Fresh each time: the install that init runs rewrites .pnp.cjs.
    delete load.cache[pnpFile];
    const api = load(pnpFile) as { resolveToUnqualified(request: string, issuer: string): string | null };
    return api.resolveToUnqualified(`${name}/package.json`, join(dir, 'package.json')) !== null;
  } catch {
    return false;
  }
}

export function installCommand(m: Manager, packages: readonly string[]): string[] {
  const specs = installSpecs(packages);
  switch (m.name) {
    case 'npm':
      return ['npm', 'install', '--save-dev', ...specs];
    case 'pnpm':
      return ['pnpm', 'add', '--save-dev', ...specs];
    case 'yarn':
      return ['yarn', 'add', '--dev', ...specs];
    case 'bun':
      return ['bun', 'add', '--dev', ...specs];
  }
}
