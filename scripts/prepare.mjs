// `prepare`: in a development checkout (dev dependencies installed), build every package and
// install this repository's own git hooks. Installed as a package instead (the pre-commit
// framework installs this repository with `npm install -g git+file://…`, which runs `prepare`
// with no dev dependencies), there is nothing to build: the bin, bin/kernel-secrets.mjs, is
// committed. So this step does nothing there, instead of failing with "tsc: not found".
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const tsc = 'node_modules/typescript/bin/tsc';
if (!existsSync(tsc)) {
  console.log('kernel-secrets: installed as a package (no dev dependencies); bin/kernel-secrets.mjs needs no build');
} else {
  execFileSync(process.execPath, [tsc, '-b'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle-redact.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/install-hooks.mjs'], { stdio: 'inherit' });
}
