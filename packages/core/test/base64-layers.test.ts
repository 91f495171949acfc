/** Credentials hidden in base64 blobs (Kubernetes Secrets, data blobs) are decoded, to a bounded depth. */
import { describe, expect, it } from 'vitest';
import { fingerprint, Scanner } from '../src/index.js';
import { MAX_BASE64_DEPTH } from '../src/engine/base64-layers.js';
import { randomToken } from '../../../test/support/tokens.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const scanner = new Scanner();

describe('base64 layers', () => {
  it('finds KERNEL_TOKEN inside an encoded .env of a Kubernetes Secret, at the blob', () => {
    const token = randomToken();
    const blob = b64(`DEBUG=1\nKERNEL_TOKEN=${token}\n`);
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: kernel\ndata:\n  .env: ${blob}\n`;
    const { findings } = scanner.scan(manifest);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect([f.line, f.column, f.endColumn]).toEqual([6, 9, 9 + blob.length]);
    expect(f.fingerprint).toBe(fingerprint(token));
    expect(f.message).toMatch(/base64-encoded/);
  });

  it('opens nested layers up to the depth limit and no further', () => {
    const token = randomToken();
    let text = `KERNEL_TOKEN=${token}`;
    for (let depth = 1; depth <= MAX_BASE64_DEPTH; depth++) {
      text = b64(`layer${depth}: ${text}`);
      expect(scanner.scan(`blob: ${text}`).findings).toHaveLength(1);
    }
    expect(scanner.scan(`blob: ${b64(`layer: ${text}`)}`).findings).toHaveLength(0);
  });

  it('leaves ordinary base64 (images, hashes) alone', () => {
    const png = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37) % 256)).toString('base64');
    expect(scanner.scan(`const img = "${png}";`).findings).toEqual([]);
  });
});
