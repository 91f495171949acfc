/**
 * `kernel-secrets` as a library: the same entry point the bin uses, and the pieces other tools
 * may want (formatters, the staged-changes reader). The CLI is the supported interface.
 */
export { main } from './main.js';
export { parseCommandLine } from './args/parse.js';
export type { Command, ScanCommand, OutputFormat, OutputOptions, ScanTarget } from './args/commands.js';
export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_COULD_NOT_SCAN, CliError } from './errors.js';
export { formatReport, type FormatOptions } from './format/index.js';
export type { ScanReport, ReportedFinding, ScanSummary, ScanMode, FrameLine } from './scan/report.js';
export { BASELINE_FILE_NAME } from './scan/baseline.js';
export type { CliIO } from './io/cli-io.js';
