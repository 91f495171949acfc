/**
 * High-entropy values that are not credentials: identifiers, hashes and encoded payloads
 * that look random but are safe to commit. Each entry is anchored and bounded.
 */
export interface BenignShape {
  id: string;
  /** Tested against the whole candidate value. */
  pattern: RegExp;
  /**
   * Only when the value is not bound to a credential name, flag or header: a 40- or 64-hex
   * string alone is a commit or a checksum, but under `KERNEL_TOKEN=` or `--token` it is a token.
   */
  unboundOnly?: boolean;
}

export const BENIGN_SHAPES: readonly BenignShape[] = [
  { id: 'uuid', pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/ },
  { id: 'git-sha1', pattern: /^[0-9a-f]{40}$/, unboundOnly: true },
  { id: 'sha256-hex', pattern: /^[0-9a-f]{64}$/, unboundOnly: true },
  { id: 'short-git-sha', pattern: /^[0-9a-f]{7,12}$/ },
  { id: 'sri-integrity', pattern: /^sha(?:1|256|384|512)-[A-Za-z0-9+/=]{20,200}$/ },
  { id: 'semver', pattern: /^v?\d{1,9}\.\d{1,9}\.\d{1,9}(?:[-+][0-9A-Za-z.-]{0,100})?$/ },
];

/** Text right before a candidate that marks it as part of a data URI or an integrity hash. */
export const BENIGN_PREFIX_MARKERS = ['data:', ';base64,', 'sha512-', 'sha384-', 'sha256-', 'integrity'] as const;

/**
 * Inputs whose MD5/SHA-1/SHA-256 hex digests appear in docs and tests as sample hashes
 * (`a94a8fe5…` is SHA-1 of "test"). A bound hex value equal to one of them is a sample, not a token.
 */
export const SAMPLE_DIGEST_INPUTS = [
  '',
  'test',
  'password',
  'hello',
  'hello world',
  'foo',
  'bar',
  'secret',
  'admin',
  'abc',
  '123456',
] as const;
export const SAMPLE_DIGEST_ALGORITHMS = ['md5', 'sha1', 'sha256'] as const;
