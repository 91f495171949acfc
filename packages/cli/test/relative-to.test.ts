import { relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativeTo } from '../src/scan/setup.js';

// Segments that path.relative treats specially, mixed with dot-files and plain names.
const segment = fc.constantFrom('.', '..', '', '.github', '.env', '..x', 'x..', 'a', 'b.c', '...', 'node_modules');

describe('relativeTo', () => {
  it('agrees with path.relative on listed paths, dot-files, `.`/`..` segments and doubled separators', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.array(segment, { minLength: 0, maxLength: 6 }), (r, tail) => {
        const root = '/' + r.filter((s) => s !== '' && s !== '.' && s !== '..').join('/');
        const abs = root + '/' + tail.join('/');
        expect(relativeTo(root, abs)).toBe(relative(root, abs));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the fast path for a dot-folder (the answer is the plain suffix)', () => {
    expect(relativeTo('/repo', '/repo/.github/workflows/ci.yml')).toBe('.github/workflows/ci.yml');
    expect(relativeTo('/repo/', '/repo/a/.env')).toBe('a/.env');
    expect(relativeTo('/repo', '/repo/a/../b')).toBe('b');
    expect(relativeTo('/repo', '/repo/a/./b')).toBe('a/b');
    expect(relativeTo('/repo', '/other/x')).toBe('../other/x');
  });
});
