#!/usr/bin/env node
// The `kernel-secrets` bin. A committed file rather than build output, so that npm links it (and
// marks it executable) even in a fresh checkout where `dist/` is built after the link step.
// The packed package also holds the CLI bundled in one file (`bundle/`, built by `prepack`): the
// hooks start this process on every commit, and one module loads faster than ~80. A development
// checkout has no bundle and runs dist/ as tsc built it; so does KERNEL_SECRETS_NO_BUNDLE=1
// (dist/ imports the installed @kernel-secrets/core, which the bundle holds a copy of).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

// Node 22.8+ can keep V8's compiled code between runs (`module.enableCompileCache`): the hooks
// start this process on every commit, and compiling the bundle is a large part of what it costs
// over a bare `node` (Node 22.23, medians of 21: `scan --staged` of one file 128 -> 117 ms,
// `--version` 66 -> 56 ms; V8 keeps the top-level code, so functions first run later still
// compile). The cache goes to the user's own cache folder, never a shared temporary one (another
// user could plant code there); NODE_COMPILE_CACHE chooses another, NODE_DISABLE_COMPILE_CACHE=1
// turns it off. Node 20 has no such API: nothing happens there.
if (typeof module.enableCompileCache === 'function') {
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    module.enableCompileCache(process.env.NODE_COMPILE_CACHE ? undefined : join(base, 'kernel-secrets', 'compile-cache'));
  } catch {
    // No home folder, a read-only one: run without the cache.
  }
}

const bundle = new URL('../bundle/kernel-secrets.mjs', import.meta.url);
const useBundle = !process.env.KERNEL_SECRETS_NO_BUNDLE && existsSync(bundle);
import(useBundle ? bundle.href : '../dist/cli.js').catch((err) => {
  const missing = err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js');
  process.stderr.write(
    missing
      ? 'kernel-secrets: the CLI is not built (dist/cli.js is missing); run `npm install` (or `npx tsc -b`) and try again\n'
      : `kernel-secrets: internal error while starting: ${String((err && err.message) || err).split('\n')[0]}\n`,
  );
  process.exitCode = 2;
});
