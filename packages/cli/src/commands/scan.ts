/** `kernel-secrets scan`: picks the target, runs it, prints the report, returns the exit code. */
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ScanCommand } from '../args/commands.js';
import type { GateTarget } from '../policy/gate.js';
import { CliError, EXIT_CLEAN, EXIT_FINDINGS } from '../errors.js';
import { wantsColour } from '../format/colour.js';
import { findingCounts, scannedCounts } from '../format/counts.js';
import { formatReport } from '../format/index.js';
import { terminalSafe } from '../scan/terminal-safe.js';
import type { CliIO } from '../io/cli-io.js';
import { readAll } from '../io/read-input.js';
import { blocks, type ScanReport } from '../scan/report.js';
import { createScanSetup, toPosix, type ScanSetup } from '../scan/setup.js';
import { scanPaths } from './scan-paths.js';
import { scanStdin } from './scan-stdin.js';
import type { VerifyRun } from '../verify/verify-findings.js';

async function runTarget(cmd: ScanCommand, setup: ScanSetup, io: CliIO, input: Promise<Buffer> | undefined): Promise<ScanReport> {
  const t = cmd.target;
  return t.kind === 'paths' ? scanPaths(setup, t.paths, io.env) : scanStdin(setup, io, t.kind === 'stdin' ? t.filename : undefined, input);
}

const GATE_KINDS: readonly string[] = ['staged', 'commits', 'pre-push', 'commit-msg', 'post-rewrite'];

function isGate(cmd: ScanCommand): cmd is ScanCommand & { target: GateTarget } {
  return GATE_KINDS.includes(cmd.target.kind);
}

/** `2 findings (2 errors, 0 warnings) in 1 file · scanned 12 files · sarif report in out.sarif` */
export function outputSummary(report: ScanReport, outputFile: string, format: string): string {
  return [
    findingCounts(report.findings),
    `scanned ${scannedCounts(report.summary)}`,
    `${format} report in ${terminalSafe(outputFile)}`,
  ].join(' · ');
}

/** `--verify`: the endpoint is checked before anything is scanned (exit 2 for an unsafe one). */
async function prepareVerify(cmd: ScanCommand, io: CliIO): Promise<VerifyRun | undefined> {
  if (!cmd.verify) return undefined;
  const [{ resolveEndpoint }, { TokenVault }] = await Promise.all([import('../verify/endpoint.js'), import('../verify/token-vault.js')]);
  return { endpoint: resolveEndpoint(io.env), timeoutMs: cmd.verify.timeoutMs, vault: new TokenVault() };
}

export async function runScan(cmd: ScanCommand, io: CliIO): Promise<number> {
  const started = performance.now();
  const verify = await prepareVerify(cmd, io);
  const onValue = verify ? (fp: string, value: string) => verify.vault.record(fp, value) : undefined;
  let setup: ScanSetup;
  let report: ScanReport;
  if (isGate(cmd)) {
    // What is being committed or pushed is judged with the policy from a trusted commit.
    ({ setup, report } = await (await import('../policy/gate.js')).runGateScan(cmd, io, onValue));
  } else {
    if (cmd.policyFrom) throw new CliError('--policy-from applies to --staged, --commits, --all and --pre-push', 'drop it for file scans');
    // Plain files and stdin: nothing is being committed, so the working tree's config applies.
    // Stdin is read while the setup is made (git and the config answer meanwhile).
    const input = cmd.target.kind === 'stdin' ? readAll(io.stdin) : undefined;
    input?.catch(() => undefined); // awaited, and its error reported, by scanStdin
    setup = await createScanSetup({
      cwd: io.cwd,
      env: io.env,
      configPath: cmd.configPath,
      baseline: cmd.baseline,
      // A named stdin file is matched against the baseline like the same file on disk: repository-relative
      // (only the top level is needed, read from disk where that is git's answer too).
      findRepo: cmd.target.kind !== 'stdin' ? true : cmd.target.filename !== undefined && 'on-disk-first',
      onValue,
    });
    report = await runTarget(cmd, setup, io, input);
  }
  if (verify) await (await import('../verify/verify-findings.js')).verifyFindings(report, verify, io, cmd.output.quiet);
  report.summary.durationMs = Math.round(performance.now() - started);
  if (setup.baselineFile) report.summary.baseline = toPosix(setup.baselineFile);

  const o = cmd.output;
  const toFile = o.outputFile !== undefined;
  const text = formatReport(o.format, report, {
    colour: o.format === 'pretty' && wantsColour(toFile ? undefined : io.stdout, o.color, io.env),
    quiet: o.quiet,
    failOn: o.failOn,
    // Relative to the repository root, as in every other format and in the findings' messages,
    // wherever the command runs from (a monorepo package's hook runs in its subfolder).
    showPath: (path) => (isAbsolute(path) ? toPosix(relative(setup.pathRoot, path)) || path : path),
  });
  if (toFile) {
    try {
      writeFileSync(resolve(io.cwd, o.outputFile!), text);
    } catch (err) {
      throw new CliError(
        `cannot write ${o.outputFile} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        'choose a writable path for --output',
      );
    }
    // The report went to a file: a CI log still shows, in one line, why the step passed or failed.
    io.stderr.write(`kernel-secrets: ${outputSummary(report, o.outputFile!, o.format)}\n`);
  } else if (text) {
    io.stdout.write(text);
  }
  return report.findings.some((f) => blocks(f, o.failOn)) ? EXIT_FINDINGS : EXIT_CLEAN;
}
