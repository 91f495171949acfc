import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../src/format/github.js';
import { formatJson } from '../src/format/json.js';
import { formatPretty } from '../src/format/pretty.js';
import { formatSarif, pathToUri } from '../src/format/sarif.js';
import { emptySummary, type ReportedFinding, type ScanReport } from '../src/scan/report.js';
import type { FormatOptions } from '../src/format/options.js';
import { scannedCounts } from '../src/format/counts.js';

const finding: ReportedFinding = {
  detector: 'context',
  rule: 'kernel-variable',
  severity: 'error',
  message: 'Kernel token assigned to KERNEL_TOKEN in a,b:c.env: abcd…(40 chars)',
  remediation: 'Read the token from an environment variable. If this is not a real token, allow it.',
  line: 2,
  column: 14,
  endLine: 2,
  endColumn: 54,
  offset: 20,
  endOffset: 60,
  fingerprint: 'f'.repeat(64),
  preview: 'abcd…(40 chars)',
  path: 'a,b:c.env',
  frame: [
    { line: 1, text: '# settings' },
    { line: 2, text: 'KERNEL_TOKEN=abcd************************************', mark: [13, 53] },
  ],
};

function report(findings: ReportedFinding[]): ScanReport {
  return { findings, summary: { ...emptySummary('staged'), files: 3, durationMs: 12 }, suppressions: [], policyChanges: [] };
}

const options: FormatOptions = { colour: false, quiet: false, failOn: 'error', showPath: (p) => p };

describe('github annotations', () => {
  it('escapes data and properties so nothing can end the command early', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
    const out = formatGithub(report([finding]), options);
    expect(out.split('\n')[0]).toMatch(
      /^::error file=a%2Cb%3Ac\.env,line=2,col=14,endLine=2,endColumn=54,title=kernel-secrets context\/kernel-variable::Kernel token/,
    );
    expect(out.split('\n')[0]).not.toMatch(/\n/);
  });
});

describe('sarif', () => {
  it('percent-encodes path segments as a relative URI', () => {
    expect(pathToUri('dir with space/ü#1%.env')).toBe('dir%20with%20space/%C3%BC%231%25.env');
  });

  it('has one rule per rule id and results pointing at it', () => {
    const sarif = JSON.parse(formatSarif(report([finding, { ...finding, line: 9, endLine: 9 }]), options));
    expect(sarif.runs[0].tool.driver.rules).toHaveLength(1);
    expect(sarif.runs[0].results.map((r: { ruleIndex: number }) => r.ruleIndex)).toEqual([0, 0]);
  });
});

describe('pretty', () => {
  it('prints location, masked frame, fingerprint, what to do, and a summary; colour only when asked', () => {
    const out = formatPretty(report([finding]), options);
    expect(out).toContain('a,b:c.env:2:14  error');
    expect(out).toContain('> 2 | KERNEL_TOKEN=abcd****');
    expect(out).toContain(`fingerprint ${'f'.repeat(64)}`);
    expect(out).toContain('What to do now:');
    expect(out).toMatch(/✖ 1 finding \(1 error, 0 warnings\) in 1 file · scanned 3 files in 12 ms/);
    expect(out).toContain('Commit blocked');
    expect(out).not.toContain('\x1b[');
    expect(formatPretty(report([finding]), { ...options, colour: true })).toContain('\x1b[31m');
  });

  it('explains the remediation once per detector', () => {
    const out = formatPretty(report([finding, { ...finding, line: 7 }]), options);
    expect(out.match(/What to do now:$/gm)).toHaveLength(1);
    expect(out).toContain('What to do now: as above.');
  });

  it('--quiet prints nothing when nothing blocks, and hides warnings', () => {
    const warning = { ...finding, severity: 'warning' as const };
    expect(formatPretty(report([warning]), { ...options, quiet: true })).toBe('');
    expect(formatPretty(report([]), { ...options, quiet: true })).toBe('');
    expect(formatPretty(report([]), options)).toMatch(/^✔ no Kernel tokens found/);
  });
});

describe('json', () => {
  it('omits frames and offsets, says whether it blocks', () => {
    const json = JSON.parse(formatJson(report([finding]), { ...options, failOn: 'error' }));
    expect(json.blocking).toBe(true);
    expect(json.findings[0]).not.toHaveProperty('frame');
    expect(json.findings[0]).not.toHaveProperty('offset');
    expect(json.findings[0].ruleId).toBe('context/kernel-variable');
  });
});

describe('what the summary says was scanned', () => {
  it('files, commits and files, or the commit message (never "0 files" for the commit-msg hook)', () => {
    expect(scannedCounts({ ...emptySummary('staged'), files: 3 })).toBe('3 files');
    expect(scannedCounts({ ...emptySummary('commits'), commits: 2, files: 1 })).toBe('2 commits (1 file)');
    expect(scannedCounts(emptySummary('message'))).toBe('the commit message');
  });
});
