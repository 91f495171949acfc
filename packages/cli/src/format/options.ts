/** What every formatter is given besides the report. */
import type { Severity } from '@kernel-secrets/core';

export interface FormatOptions {
  colour: boolean;
  quiet: boolean;
  failOn: Severity;
  /** Path as a person at this terminal would type it (relative to their working directory). */
  showPath(path: string): string;
}
