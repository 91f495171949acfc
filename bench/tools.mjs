// Installs the tools we compare against into bench/.work/tools on first use, so the product's
// own install stays lean (they are not devDependencies). Versions are pinned for comparable runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COMPETITORS = {
  secretlint: '13.0.6',
  '@secretlint/secretlint-rule-preset-recommend': '13.0.6',
  'eslint-plugin-no-secrets': '2.3.3',
};

export function ensureTools(workDir) {
  const dir = join(workDir, 'tools');
  const marker = join(dir, `.installed-${Object.values(COMPETITORS).join('-')}`);
  if (existsSync(marker)) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'kernel-secrets-bench-tools', private: true }, null, 2));
  const specs = Object.entries(COMPETITORS).map(([n, v]) => `${n}@${v}`);
  console.log(`bench: installing ${specs.join(' ')} into ${dir}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], { cwd: dir, stdio: 'inherit' });
  writeFileSync(marker, '');
  return dir;
}
