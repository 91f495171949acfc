/** What every formatter is given besides the report. */
import type { Severity } from '@kernel-secrets/core';

export interface FormatOptions {
  colour: boolean;
  quiet: boolean;
  failOn: Severity;
  /** Path as printed: relative to the repository root (or the scanned directory outside a repository). */
  showPath(path: string): string;
}
