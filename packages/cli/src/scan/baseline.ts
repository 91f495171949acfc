/**
 * Baselines: the file format and reader live in `@kernel-secrets/core/node` (shared with the
 * ESLint plugin, so a baselined finding is silenced by both); here their errors become the
 * CLI's one-line "could not scan" errors.
 */
import {
  BaselineError,
  parseBaseline as parseBaselineText,
  readBaseline as readBaselineFile,
  type Baseline,
} from '@kernel-secrets/core/node';
import { existsSync } from 'node:fs';
import { CliError } from '../errors.js';

export {
  BASELINE_FILE_NAME,
  BASELINE_VERSION,
  Baseline,
  baselineText,
  type BaselineEntry,
  type BaselineFile,
} from '@kernel-secrets/core/node';

export function readBaseline(file: string): Baseline {
  try {
    return readBaselineFile(file);
  } catch (err) {
    if (err instanceof BaselineError) throw new CliError(err.message, err.fix);
    throw err;
  }
}

/** A baseline committed at a git ref (the gate's policy), with the CLI's one-line errors. */
export function parseBaseline(text: string, file: string): Baseline {
  try {
    return parseBaselineText(text, file);
  } catch (err) {
    if (err instanceof BaselineError) throw new CliError(err.message, err.fix);
    throw err;
  }
}

export function readBaselineIfPresent(file: string): Baseline | undefined {
  return existsSync(file) ? readBaseline(file) : undefined;
}
