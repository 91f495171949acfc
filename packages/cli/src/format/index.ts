/** Picks the formatter for `--format`. */
import type { OutputFormat } from '../args/commands.js';
import type { ScanReport } from '../scan/report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import type { FormatOptions } from './options.js';
import { formatPretty } from './pretty.js';
import { formatSarif } from './sarif.js';

const FORMATTERS: Record<OutputFormat, (report: ScanReport, options: FormatOptions) => string> = {
  pretty: formatPretty,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
};

export function formatReport(format: OutputFormat, report: ScanReport, options: FormatOptions): string {
  return FORMATTERS[format](report, options);
}

export type { FormatOptions } from './options.js';
