/**
 * The values behind a scan's findings, by fingerprint, held in memory for `scan --verify` only
 * (the report itself never holds them). Fed by the engine's `onValue` and by the known tokens
 * from the environment; a value is kept only when its SHA-256 is the fingerprint, so an encoded
 * form (base64 of `KERNEL_TOKEN`) is never sent in place of the token.
 */
import { fingerprint } from '@kernel-secrets/core';

export class TokenVault {
  private readonly values = new Map<string, string>();

  /** For the engine's `onValue`: `(fingerprint, value) => vault.record(fingerprint, value)`. */
  record(fp: string, value: string): void {
    if (this.values.has(fp) || fingerprint(value) !== fp) return;
    this.values.set(fp, value);
  }

  get(fp: string): string | undefined {
    return this.values.get(fp);
  }
}
