/**
 * Packs core, eslint-plugin and cli with `npm pack` and installs the tarballs into a temp
 * project with the peer tools a user would have. The npm cache already holds ESLint & co.
 * from the repo's own install, so `--prefer-offline` keeps this quick.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const PACKAGES = ['packages/core', 'packages/redact', 'packages/eslint-plugin', 'packages/cli'];

/** The loggers and HTTP client `@kernel-secrets/redact` is tested with, as users install them (not needed by the repo itself). */
const REDACT_TARGETS = ['pino@10.4.0', 'winston@3.19.0', 'axios@1.21.1'];
const NPM_TIMEOUT_MS = 5 * 60_000;

/** Versions installed beside the packed packages; kept in step with the root devDependencies. */
function peerSpecs(): string[] {
  const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  const dev = root.devDependencies;
  return [
    `eslint@${dev['eslint']}`,
    `eslint9@${dev['eslint9']}`,
    `@typescript-eslint/parser@${dev['@typescript-eslint/parser']}`,
    `typescript@${dev['typescript']}`,
    `husky@${dev['husky']}`,
    `lint-staged@${dev['lint-staged']}`,
    ...REDACT_TARGETS,
  ];
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    // A hung registry or pack must fail the run, not hold it forever.
    timeout: NPM_TIMEOUT_MS,
    env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
  });
}

export function preparePackedProject(): string {
  const packDir = join(tmpdir(), `kernel-secrets-pack-${process.pid}-${Date.now()}`);
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  for (const pkg of PACKAGES) npm(['pack', '--silent', '--pack-destination', packDir], join(REPO_ROOT, pkg));
  const tarballs = readdirSync(packDir)
    .filter((f) => f.endsWith('.tgz'))
    .sort()
    .map((f) => join(packDir, f));
  if (tarballs.length !== PACKAGES.length) throw new Error(`npm pack produced ${tarballs.length} tarballs, expected ${PACKAGES.length}`);

  // Same tarballs + same peers → reuse the install from an earlier run on this machine.
  const hash = createHash('sha256');
  for (const t of tarballs) hash.update(readFileSync(t));
  hash.update(peerSpecs().join('\n'));
  const dir = join(tmpdir(), `kernel-secrets-e2e-${hash.digest('hex').slice(0, 16)}`);
  if (existsSync(join(dir, '.ready'))) return dir;

  // Install into a private folder, then rename it into place: two runs at once (two vitest
  // processes on one machine) must not wipe each other's install half-way.
  const staging = `${dir}.${process.pid}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), JSON.stringify({ name: 'packed-consumer', private: true, type: 'module' }, null, 2));
  npm(['install', '--prefer-offline', '--no-save', '--ignore-scripts', ...tarballs, ...peerSpecs()], staging);
  writeFileSync(join(staging, '.ready'), new Date().toISOString());
  try {
    renameSync(staging, dir);
  } catch {
    // Another run finished first with the same tarballs: use its install.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, '.ready'))) throw new Error(`could not prepare ${dir}`);
  }
  return dir;
}
