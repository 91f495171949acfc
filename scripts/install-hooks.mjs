// `prepare` step: installs this repo's own git hooks with husky, when this is a git checkout.
// Skipped (without failing the install) outside a work tree, e.g. when installed from a tarball.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

let inWorkTree;
try {
  inWorkTree =
    execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() ===
    'true';
} catch {
  inWorkTree = false;
}
if (!inWorkTree || !existsSync('.husky')) {
  console.log('kernel-secrets: not a git work tree; skipping hook install');
} else {
  execFileSync(process.execPath, ['node_modules/husky/bin.js'], { stdio: 'inherit' });
}
