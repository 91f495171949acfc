/**
 * `scan --verify`: after the scan, each distinct fingerprint among the findings is checked once;
 * a live token becomes an error whose message says to revoke it, and every finding carries its
 * verdict (`liveness`) for the formats. Findings the baseline or an allowance let through are
 * not findings, so their tokens are never sent; nor are values nothing ties to Kernel
 * (`kernel-tie.ts`).
 */
import { plural } from '../format/counts.js';
import type { CliIO } from '../io/cli-io.js';
import type { ScanReport } from '../scan/report.js';
import { checkAll, LivenessClient } from './client.js';
import type { Endpoint } from './endpoint.js';
import { NOT_TIED_REASON, tiedToKernel } from './kernel-tie.js';
import type { Liveness } from './liveness.js';
import type { TokenVault } from './token-vault.js';

export interface VerifyRun {
  endpoint: Endpoint;
  timeoutMs: number;
  vault: TokenVault;
}

export const LIVE_NOTE = 'live: revoke it now';

export async function verifyFindings(report: ScanReport, run: VerifyRun, io: CliIO, quiet: boolean): Promise<void> {
  const tokens = new Map<string, string>();
  for (const f of report.findings) {
    if (!tiedToKernel(f)) continue;
    const value = run.vault.get(f.fingerprint);
    if (value !== undefined) tokens.set(f.fingerprint, value);
  }
  const verdicts = tokens.size > 0 ? await check(tokens, run, io, quiet) : new Map<string, Liveness>();
  const notChecked: Liveness = {
    verdict: 'unknown',
    reason: 'not checked: only an encoded form of it was found',
    endpoint: run.endpoint.origin,
  };
  const notTied: Liveness = { verdict: 'unknown', reason: NOT_TIED_REASON, endpoint: run.endpoint.origin };
  report.findings = report.findings.map((f) => {
    const liveness = verdicts.get(f.fingerprint) ?? (tiedToKernel(f) ? notChecked : notTied);
    if (liveness.verdict !== 'live') return { ...f, liveness };
    return { ...f, liveness, severity: 'error', message: `${f.message} (${LIVE_NOTE})` };
  });
}

async function check(tokens: ReadonlyMap<string, string>, run: VerifyRun, io: CliIO, quiet: boolean): Promise<Map<string, Liveness>> {
  // Said every time: the user sees that tokens leave the machine, and to where.
  if (!quiet)
    io.stderr.write(
      `kernel-secrets: asking ${run.endpoint.origin} whether ${plural(tokens.size, 'token')} ${tokens.size === 1 ? 'is' : 'are'} live (--verify)\n`,
    );
  const client = new LivenessClient({ endpoint: run.endpoint, timeoutMs: run.timeoutMs });
  try {
    return await checkAll(client, tokens);
  } finally {
    client.close();
  }
}
