/**
 * `kernel-secrets known add|list`: keeps SHA-256 fingerprints of your live tokens in a
 * git-ignored file, so the `known` detector finds them in any context without the token being
 * in your environment. The token is read from stdin (never from arguments, which end up in
 * shell history) and never printed: only its preview and fingerprint are.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { fingerprint, MIN_KNOWN_TOKEN_LENGTH, preview, Scanner } from '@kernel-secrets/core';
import { parseFingerprints, userFingerprintsFile } from '@kernel-secrets/core/node';
import type { KnownCommand } from '../args/commands.js';
import { CliError, EXIT_CLEAN } from '../errors.js';
import { GitRepo } from '../git/repo.js';
import type { CliIO } from '../io/cli-io.js';
import { readSecret } from '../io/read-input.js';
import { loadScanner } from '../scan/setup.js';

function targetFile(cmd: KnownCommand, io: CliIO): string {
  if (cmd.user) return userFingerprintsFile(io.env);
  const { config, root } = loadScanner({ cwd: io.cwd, env: io.env, configPath: cmd.configPath });
  return isAbsolute(config.knownFingerprintsFile) ? config.knownFingerprintsFile : join(root, config.knownFingerprintsFile);
}

/** The project file must never be committed: a `.gitignore` beside it, then git must agree. */
async function ensureIgnored(file: string, io: CliIO): Promise<void> {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  if (basename(dir) === '.kernel-secrets' && !existsSync(join(dir, '.gitignore'))) writeFileSync(join(dir, '.gitignore'), '*\n');
  const repo = await GitRepo.find(io.cwd, io.env);
  if (!repo?.topLevel) return;
  const ignored = (await repo.raw(['check-ignore', '--no-index', '--', file]).catch(() => '')).trim();
  if (!ignored) {
    throw new CliError(
      `${relative(io.cwd, file)} would not be ignored by git`,
      `add it to .gitignore first so the list of your live tokens' fingerprints is never committed`,
    );
  }
}

export async function runKnown(cmd: KnownCommand, io: CliIO): Promise<number> {
  const file = targetFile(cmd, io);
  const shown = relative(io.cwd, file) || file;
  if (cmd.action === 'list') {
    const list = existsSync(file) ? parseFingerprints(readFileSync(file, 'utf8'), file) : [];
    io.stdout.write(list.length > 0 ? list.join('\n') + '\n' : `kernel-secrets: no fingerprints in ${shown}\n`);
    return EXIT_CLEAN;
  }
  const token = (await readSecret(io, 'Paste the Kernel token (input hidden), then press Enter: ')).trim();
  if (token.length < MIN_KNOWN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new CliError(
      `expected one token of at least ${MIN_KNOWN_TOKEN_LENGTH} characters on stdin`,
      'pipe just the token, e.g. `pbpaste | kernel-secrets known add`',
    );
  }
  const fp = fingerprint(token);
  // Ask the engine whether a fingerprint match can ever find this value in a file.
  const probe = new Scanner({ known: { values: [], fingerprints: [fp] } }).scan(token);
  if (!probe.findings.some((f) => f.detector === 'known')) {
    throw new CliError(
      `the token (${preview(token)}) has characters that fingerprint matching cannot find in files`,
      'keep it in KERNEL_TOKEN in your environment instead; the scanner finds it there',
    );
  }
  if (!cmd.user) await ensureIgnored(file, io);
  else mkdirSync(dirname(file), { recursive: true });
  const existing = existsSync(file) ? parseFingerprints(readFileSync(file, 'utf8'), file) : [];
  if (existing.includes(fp)) {
    io.stdout.write(`kernel-secrets: ${preview(token)} is already known (fingerprint ${fp}) in ${shown}\n`);
    return EXIT_CLEAN;
  }
  const header = existsSync(file)
    ? ''
    : '# SHA-256 fingerprints of live Kernel tokens, one per line (kernel-secrets known add). Never commit this file.\n';
  const needsNewline = existsSync(file) && !readFileSync(file, 'utf8').endsWith('\n') && readFileSync(file, 'utf8').length > 0;
  appendFileSync(file, `${header}${needsNewline ? '\n' : ''}${fp}\n`, { mode: 0o600 });
  io.stdout.write(
    `kernel-secrets: added ${preview(token)} (fingerprint ${fp}) to ${shown}; scans now report this token wherever it appears as a value.\n`,
  );
  return EXIT_CLEAN;
}
