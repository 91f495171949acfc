#!/usr/bin/env node
// The `kernel-secrets` bin. A committed file rather than build output, so that npm links it (and
// marks it executable) even in a fresh checkout where `dist/` is built after the link step.
import('../dist/cli.js').catch((err) => {
  const missing = err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli.js');
  process.stderr.write(
    missing
      ? 'kernel-secrets: the CLI is not built (dist/cli.js is missing); run `npm install` (or `npx tsc -b`) and try again\n'
      : `kernel-secrets: internal error while starting: ${String((err && err.message) || err).split('\n')[0]}\n`,
  );
  process.exitCode = 2;
});
