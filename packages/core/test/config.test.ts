/** Config: schema validation names the key and the reason; declared formats, names, severities and allow lists work. */
import { describe, expect, it } from 'vitest';
import {
  CONFIG_SCHEMA,
  ConfigError,
  DEFAULT_CONFIG,
  fingerprint,
  mergeConfig,
  resolveConfig,
  Scanner,
  type JsonSchema,
} from '../src/index.js';
import { SUPPORTED_KEYWORDS } from '../src/config/validate.js';
import { randomToken } from '../../../test/support/tokens.js';

function errorOf(raw: unknown): string {
  try {
    resolveConfig(raw, 'kernel-secrets.config.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config validation', () => {
  it.each([
    [{ nope: 1 }, /nope is not a known option/],
    [{ envVars: 'KERNEL_TOKEN' }, /envVars must be an array, got string/],
    [{ envVars: ['1BAD'] }, /envVars\[0\] must match/],
    [{ thresholds: { minLength: 2 } }, /thresholds\.minLength must be ≥ 8/],
    [{ thresholds: { minLength: 20.5 } }, /thresholds\.minLength must be an integer/],
    [{ severity: { context: 'loud' } }, /severity\.context must be one of "error", "warning", "off"/],
    [{ formats: [{ id: 'x' }] }, /formats\[0\]\.pattern is required/],
    [{ formats: [{ id: 'x', pattern: '(' }] }, /formats\[0\]\.pattern is not a valid regular expression/],
    [{ formats: [{ id: 'x', pattern: '(a+)+$' }] }, /formats\[0\]\.pattern risks exponential backtracking on input that repeats 'a';/],
    [{ formats: [{ id: 'x', pattern: 'tok_\\w+\\w+!' }] }, /formats\[0\]\.pattern risks (polynomial|exponential) backtracking/],
    [{ formats: [{ id: 'x', pattern: 'a*' }] }, /matches the empty string/],
    [
      {
        formats: [
          { id: 'x', pattern: 'ab{3}' },
          { id: 'x', pattern: 'cd{3}' },
        ],
      },
      /formats\[1\]\.id duplicates id "x"/,
    ],
    [{ allowedFingerprints: ['abc'] }, /allowedFingerprints\[0\] must match/],
    [[], /the config must be an object, got array/],
  ])('rejects %j', (raw, message) => {
    const msg = errorOf(raw);
    expect(msg).toMatch(message);
    expect(msg).toMatch(/^invalid kernel-secrets config: kernel-secrets\.config\.json: /);
    expect(msg.split('\n')).toHaveLength(1);
  });

  it('accepts an empty config and fills the defaults', () => {
    const cfg = resolveConfig({});
    expect(cfg.thresholds.minLength).toBe(20);
    expect(cfg.envVars).toContain('KERNEL_TOKEN');
    expect(cfg.severity.context).toBe('error');
  });

  it('the shipped schema only uses keywords the validator understands', () => {
    const unknown: string[] = [];
    const walk = (s: JsonSchema, path: string) => {
      for (const k of Object.keys(s)) if (!SUPPORTED_KEYWORDS.has(k)) unknown.push(`${path}.${k}`);
      for (const [k, sub] of Object.entries(s.properties ?? {})) walk(sub, `${path}.properties.${k}`);
      if (s.items) walk(s.items, `${path}.items`);
      (s.anyOf ?? []).forEach((b, i) => walk(b, `${path}.anyOf[${i}]`));
    };
    walk(CONFIG_SCHEMA, '#');
    expect(unknown).toEqual([]);
  });

  it('every option in the schema has a description', () => {
    const missing = Object.entries(CONFIG_SCHEMA.properties ?? {})
      .filter(([, s]) => !s.description)
      .map(([k]) => k);
    expect(missing).toEqual([]);
  });
});

describe('config in effect', () => {
  it('finds an organisation-declared format in any context', () => {
    const config = resolveConfig({
      formats: [{ id: 'kernel-pat', prefix: 'kpat_', pattern: 'kpat_[A-Za-z0-9]{40}', description: 'Kernel PAT' }],
    });
    const token = `kpat_${randomToken(40)}`;
    const { findings } = new Scanner({ config }).scan(`see ${token} here`);
    expect(findings.map((f) => [f.detector, f.rule, f.column])).toEqual([['format', 'custom:kernel-pat', 5]]);
  });

  it('uses the `secret` group of a declared format as the span', () => {
    const config = resolveConfig({ formats: [{ id: 'k', pattern: 'kernel:(?<secret>[a-z0-9]{32})' }] });
    const token = randomToken(32).toLowerCase();
    const { findings } = new Scanner({ config }).scan(`x kernel:${token}`);
    expect(findings[0]!.column).toBe(10);
  });

  it('catches values under extra credential names', () => {
    const config = resolveConfig({ credentialNames: ['ACME_PAT'] });
    expect(new Scanner({ config }).scan(`ACME_PAT=${randomToken()}`).findings).toHaveLength(1);
    expect(new Scanner({ config }).scan(`legacyAcmePat: "${randomToken()}"`).findings).toHaveLength(1);
    expect(new Scanner().scan(`ACME_PAT=${randomToken()}`).findings).toHaveLength(0);
  });

  it('applies per-detector severity, including off', () => {
    const token = randomToken();
    const warn = new Scanner({ config: resolveConfig({ severity: { context: 'warning' } }) });
    expect(warn.scan(`KERNEL_TOKEN=${token}`).findings[0]!.severity).toBe('warning');
    const off = new Scanner({ config: resolveConfig({ severity: { context: 'off' } }) });
    expect(off.scan(`KERNEL_TOKEN=${token}`).findings).toEqual([]);
  });

  it('moves findings with an allowed fingerprint to suppressed', () => {
    const token = randomToken();
    const config = resolveConfig({ allowedFingerprints: [fingerprint(token)] });
    const result = new Scanner({ config }).scan(`KERNEL_TOKEN=${token}\nKERNEL_API_KEY=${randomToken()}`);
    expect(result.findings.map((f) => f.line)).toEqual([2]);
    expect(result.suppressed.map((f) => [f.line, f.suppressedBy])).toEqual([[1, 'fingerprint']]);
  });

  it('honours minLength', () => {
    const strict = new Scanner({ config: resolveConfig({ thresholds: { minLength: 48 } }) });
    expect(strict.scan(`KERNEL_TOKEN=${randomToken(40)}`).findings).toEqual([]);
  });
});

describe('mergeConfig', () => {
  it('layers validated settings over a base config', () => {
    const base = resolveConfig({ credentialNames: ['ASIMOV_PAT'], thresholds: { minLength: 24 } });
    const merged = mergeConfig(base, { credentialNames: ['LAB_TOKEN'], severity: { context: 'warning' } });
    expect(merged.credentialNames).toEqual(['ASIMOV_PAT', 'LAB_TOKEN']);
    expect(merged.severity.context).toBe('warning');
    expect(merged.thresholds.minLength).toBe(24);
  });

  it('validates the layer with the same schema', () => {
    expect(() => mergeConfig(DEFAULT_CONFIG, { credentialNames: [7] }, 'rule options')).toThrow(
      /rule options: credentialNames\[0\] must be a string/,
    );
  });
});

describe('ignorePaths safety', () => {
  it('refuses patterns with several `**/` (super-linear on deep paths) and keeps simple ones', () => {
    expect(() => resolveConfig({ ignorePaths: ['docs/', 'packages/**/fixtures/**/*.json'] }, 'cfg')).toThrow(
      /ignorePaths\[1\] uses `\*\*\/` more than once/,
    );
    expect(resolveConfig({ ignorePaths: ['**/fixtures/**', 'docs/**/*.md', 'dist/'] }).ignorePaths).toHaveLength(3);
  });
});
