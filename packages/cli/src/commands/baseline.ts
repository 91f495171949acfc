/**
 * `kernel-secrets baseline`: records today's findings in the tree so an existing repository can
 * adopt the hook and block only new tokens. The recorded tokens are still in history: the
 * message says so, because a baseline hides a finding, it does not make a leaked token safe.
 */
import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROTATE_STEPS } from '@kernel-secrets/core';
import type { BaselineCommand } from '../args/commands.js';
import { CliError, EXIT_CLEAN } from '../errors.js';
import type { CliIO } from '../io/cli-io.js';
import { BASELINE_FILE_NAME, baselineText, readBaselineIfPresent } from '../scan/baseline.js';
import { createScanSetup } from '../scan/setup.js';
import { scanPaths } from './scan-paths.js';

export async function runBaseline(cmd: BaselineCommand, io: CliIO): Promise<number> {
  const setup = await createScanSetup({ cwd: io.cwd, env: io.env, configPath: cmd.configPath, baseline: false });
  const report = await scanPaths(setup, cmd.paths, io.env);
  const file = cmd.file ? resolve(io.cwd, cmd.file) : join(setup.configRoot, BASELINE_FILE_NAME);
  // Read before writing: reasons recorded in the current file survive the rewrite.
  const previous = readBaselineIfPresent(file);
  try {
    writeFileSync(file, baselineText(report.findings, previous));
  } catch (err) {
    throw new CliError(
      `cannot write ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
      'choose a writable path with --file',
    );
  }
  if (!cmd.quiet) {
    const shown = relative(io.cwd, file) || file;
    const entries = new Set(report.findings.map((f) => `${f.fingerprint}\0${f.detector}\0${f.path}`)).size;
    const lines = [
      `kernel-secrets: wrote ${entries} baseline entr${entries === 1 ? 'y' : 'ies'} to ${shown} (fingerprints and paths only, no secrets).`,
      cmd.file
        ? `Pass it to scans with --baseline ${shown}; findings listed in it no longer block.`
        : 'Commit it: scans pick it up automatically, and findings listed in it no longer block.',
    ];
    if (entries > 0) lines.push(`The recorded tokens are still in your files and history. For any that is real: ${ROTATE_STEPS}`);
    io.stdout.write(lines.join('\n') + '\n');
  }
  return EXIT_CLEAN;
}
