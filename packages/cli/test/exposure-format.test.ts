/**
 * The exposure verdict as text (scan/exposure-advice.ts) and in each output format. The git
 * side (refs, dates, HEAD) is tested end to end in test/cli-history-exposure.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../src/format/github.js';
import { formatJson } from '../src/format/json.js';
import { formatPretty } from '../src/format/pretty.js';
import { formatSarif } from '../src/format/sarif.js';
import { exposureAdvice } from '../src/scan/exposure-advice.js';
import type { Exposure } from '../src/scan/exposure.js';
import { emptySummary, type ReportedFinding } from '../src/scan/report.js';

type Facts = Omit<Exposure, 'nextStep'>;

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

function facts(over: Partial<Facts>): Facts {
  return {
    introducedIn: A,
    commits: [A],
    reach: 'local',
    pushed: false,
    remotes: [],
    tags: [],
    branches: ['main'],
    atHead: 'present',
    ...over,
  };
}

describe('exposureAdvice', () => {
  it('a local token: rewrite first, then rotate', () => {
    expect(exposureAdvice(facts({}))).toBe('not pushed (only on main), still at HEAD: remove it, amend or rebase it away, then rotate');
    expect(exposureAdvice(facts({ atHead: 'removed' }))).toBe(
      'not pushed (only on main), removed at HEAD but still in history: amend or rebase it away, then rotate',
    );
    expect(exposureAdvice(facts({ branches: [], atHead: 'absent' }))).toBe(
      'not pushed (on no branch), not at HEAD: amend or rebase it away, then rotate',
    );
  });

  it('a pushed or tagged token: rotate first', () => {
    const pushed = facts({ reach: 'pushed', pushed: true, remotes: ['origin/main'], pushedSince: '2026-11-30T10:00:00+01:00' });
    expect(exposureAdvice(pushed)).toBe(
      'pushed to origin/main (committed 2026-11-30), still at HEAD: rotate now, then remove it and clean history',
    );
    expect(exposureAdvice({ ...pushed, atHead: 'removed' })).toBe(
      'pushed to origin/main (committed 2026-11-30), removed at HEAD but still in history: rotate now, then clean history',
    );
    expect(exposureAdvice(facts({ reach: 'tagged', pushed: true, tags: ['v1'], atHead: 'message' }))).toBe(
      'in tag v1, which may have been pushed, in a commit or tag message: rotate now, then clean history',
    );
  });

  it('names two refs and counts the rest; says nothing of HEAD when it could not tell', () => {
    const e = facts({ reach: 'pushed', pushed: true, remotes: ['origin/a', 'origin/b', 'origin/c'], atHead: 'unknown' });
    expect(exposureAdvice(e)).toBe('pushed to origin/a, origin/b and 1 more: rotate now, then clean history');
    expect(exposureAdvice(facts({ branches: ['a', 'b'], omitted: 5 }))).toContain('only on a, b and 5 more');
  });
});

describe('exposure in each output format', () => {
  const exposure: Exposure = {
    ...facts({ introducedIn: A, commits: [A, B], reach: 'pushed', pushed: true, remotes: ['origin/main'], atHead: 'removed' }),
    nextStep: 'pushed to origin/main, removed at HEAD but still in history: rotate now, then clean history',
  };
  const finding: ReportedFinding = {
    detector: 'context',
    rule: 'kernel-variable',
    severity: 'error',
    message: 'Kernel token assigned to KERNEL_TOKEN in app.env: wxyz…(40 chars)',
    remediation: 'Rotate it.',
    line: 1,
    column: 14,
    endLine: 1,
    endColumn: 54,
    offset: 13,
    endOffset: 53,
    fingerprint: 'e'.repeat(64),
    preview: 'wxyz…(40 chars)',
    path: 'app.env',
    commit: B,
    exposure,
    frame: [{ line: 1, text: 'KERNEL_TOKEN=wxyz************************************', mark: [13, 53] }],
  };
  const report = { findings: [finding], summary: { ...emptySummary('commits'), commits: 2 }, suppressions: [], policyChanges: [] };
  const options = { colour: false, quiet: false, failOn: 'error' as const, showPath: (p: string) => p };

  it("pretty: one exposure line, and the first commit when it is not the finding's own", () => {
    const out = formatPretty(report, options);
    expect(out.split('\n').filter((l) => l.includes('exposure:'))).toEqual([`  exposure: ${exposure.nextStep}`]);
    expect(out).toContain(`introduced in commit ${B} (the token first appears in commit ${A})`);
  });

  it('JSON and SARIF carry the verdict as a property of the finding', () => {
    const json = JSON.parse(formatJson(report, options)) as { findings: { exposure: Exposure }[] };
    expect(json.findings[0]!.exposure).toEqual(exposure);
    const sarif = JSON.parse(formatSarif(report, options)) as {
      runs: { results: { properties: { exposure: Exposure }; message: { text: string } }[] }[];
    };
    expect(sarif.runs[0]!.results[0]!.properties.exposure).toEqual(exposure);
    expect(sarif.runs[0]!.results[0]!.message.text).toContain(`Exposure: ${exposure.nextStep}.`);
  });

  it('GitHub annotations append it to the message', () => {
    expect(formatGithub(report, options)).toContain(`%0AExposure: ${exposure.nextStep}.%0A`);
  });
});
