/**
 * A change's own policy is never applied to itself. The scan judges the change with the
 * trusted policy (HEAD's, the range base's); this compares the change's policy with it and
 *  - lists every way it weakens the gate (for reviewers: a notice, not applied), and
 *  - for each finding the change's policy would let through, says how: an allowed fingerprint
 *    or a baseline entry given with a `reason` passes (and is listed for reviewers); one
 *    without a reason, a new `ignorePaths` entry or a lowered severity does not.
 */
import { relative } from 'node:path';
import { createPathFilter, type DetectorId, type PathFilter, type ResolvedConfig, type Severity } from '@kernel-secrets/core';
import type { PolicyChange, SuppressionKind } from '../scan/report.js';
import type { Policy } from './policy.js';
import { safeUserText } from './safe-text.js';

export interface SuppressionVerdict {
  kind: SuppressionKind;
  reason?: string;
}

const RANK: Record<Severity | 'off', number> = { off: 0, warning: 1, error: 2 };

function sortedDiff<T>(now: Iterable<T>, before: Iterable<T>): T[] {
  const old = new Set(before);
  return [...new Set(now)].filter((x) => !old.has(x));
}

/** What the change's config weakens, in words. */
function configChanges(trusted: ResolvedConfig, changed: ResolvedConfig): string[] {
  const out: string[] = [];
  for (const p of sortedDiff(changed.ignorePaths, trusted.ignorePaths)) out.push(`adds ignorePaths ${safeUserText(p)}`);
  for (const fp of sortedDiff(changed.allowedFingerprints, trusted.allowedFingerprints)) {
    const reason = changed.allowedFingerprintReasons.get(fp);
    out.push(`adds allowedFingerprints ${fp} ${reason ? `(reason: ${safeUserText(reason)})` : 'without a reason'}`);
  }
  for (const d of Object.keys(trusted.severity) as DetectorId[]) {
    if (RANK[changed.severity[d]] < RANK[trusted.severity[d]])
      out.push(`lowers severity.${d} from ${trusted.severity[d]} to ${changed.severity[d]}`);
  }
  for (const k of ['minLength', 'entropyHex', 'entropyBase64'] as const) {
    if (changed.thresholds[k] > trusted.thresholds[k])
      out.push(`raises thresholds.${k} from ${trusted.thresholds[k]} to ${changed.thresholds[k]}`);
  }
  const formats = new Set(changed.formats.map((f) => `${f.id}\0${f.pattern.source}`));
  for (const f of trusted.formats) if (!formats.has(`${f.id}\0${f.pattern.source}`)) out.push(`removes or changes formats "${f.id}"`);
  for (const n of sortedDiff(trusted.credentialNames, changed.credentialNames)) out.push(`removes credentialNames ${safeUserText(n)}`);
  for (const n of sortedDiff(trusted.envVars, changed.envVars)) out.push(`removes envVars ${safeUserText(n)}`);
  if (changed.knownFingerprintsFile !== trusted.knownFingerprintsFile) out.push('moves knownFingerprintsFile');
  return out;
}

/**
 * The config a change is judged with: the trusted one, tightened by whatever the change adds
 * that makes the gate stricter (a new format, credential name or env var, a raised severity, a
 * lowered threshold). What the change loosens is not applied to itself (see `configChanges`).
 */
export function strictest(trusted: ResolvedConfig, changed: ResolvedConfig): ResolvedConfig {
  const formats = new Set(trusted.formats.map((f) => `${f.id}\0${f.pattern.source}`));
  const severity = { ...trusted.severity };
  for (const d of Object.keys(severity) as DetectorId[])
    if (RANK[changed.severity[d]] > RANK[severity[d]]) severity[d] = changed.severity[d];
  return {
    ...trusted,
    envVars: [...new Set([...trusted.envVars, ...changed.envVars])],
    credentialNames: [...new Set([...trusted.credentialNames, ...changed.credentialNames])],
    formats: [...trusted.formats, ...changed.formats.filter((f) => !formats.has(`${f.id}\0${f.pattern.source}`))],
    severity,
    thresholds: {
      ...trusted.thresholds,
      minLength: Math.min(trusted.thresholds.minLength, changed.thresholds.minLength),
      entropyHex: Math.min(trusted.thresholds.entropyHex, changed.thresholds.entropyHex),
      entropyBase64: Math.min(trusted.thresholds.entropyBase64, changed.thresholds.entropyBase64),
    },
  };
}

export class PolicyReview {
  /** Every weakening, for reviewers. */
  readonly changes: PolicyChange[] = [];
  private readonly trustedFilter: PathFilter;
  private readonly changedFilter: PathFilter;

  constructor(
    private readonly trusted: Policy,
    private readonly changed: Policy,
    /** Repository root: findings' paths are relative to it. */
    private readonly top: string,
  ) {
    this.trustedFilter = createPathFilter(trusted.config.ignorePaths);
    this.changedFilter = createPathFilter(changed.config.ignorePaths);
    const configFile = changed.configSource ?? trusted.configSource ?? 'kernel-secrets.config.json';
    for (const change of configChanges(trusted.config, changed.config)) this.changes.push({ file: configFile, change });
    if (changed.baseline) {
      const added = changed.baseline.entries.filter((e) => !trusted.baseline?.has(e));
      const file = changed.baselineSource ?? 'kernel-secrets.baseline.json';
      const withReason = added.filter((e) => e.reason).length;
      if (added.length > 0)
        this.changes.push({
          file,
          change: `adds ${added.length} baseline entr${added.length === 1 ? 'y' : 'ies'} (${withReason} with a reason)`,
        });
    }
  }

  private relPath(policy: Policy, path: string): string {
    return relative(policy.root, `${this.top}/${path}`).split('\\').join('/');
  }

  /** How the change's policy would let this finding (reported under the trusted policy) through, if it would. */
  classify(f: { path: string; detector: DetectorId; fingerprint: string; severity: Severity }): SuppressionVerdict | undefined {
    const c = this.changed.config;
    if (c.allowedFingerprints.has(f.fingerprint)) {
      const reason = c.allowedFingerprintReasons.get(f.fingerprint);
      return { kind: 'allowedFingerprints', ...(reason ? { reason } : {}) };
    }
    const entry = this.changed.baseline?.entryFor(f);
    if (entry) return { kind: 'baseline', ...(entry.reason ? { reason: entry.reason } : {}) };
    if (this.changedFilter.ignores(this.relPath(this.changed, f.path)) && !this.trustedFilter.ignores(this.relPath(this.trusted, f.path)))
      return { kind: 'ignorePaths' };
    if (RANK[c.severity[f.detector]] < RANK[f.severity]) return { kind: 'severity' };
    return undefined;
  }
}
