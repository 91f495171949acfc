/**
 * The engine runs the WebAssembly binaries committed in src/engine/generated; their sources are
 * the .wat files in packages/core/wasm. A source edited without regenerating would test and ship
 * the old binary: this fails until `node scripts/build-wasm.mjs` is run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without type declarations
import { wasmModules } from '../../../scripts/build-wasm.mjs';

describe('generated WebAssembly modules', () => {
  it('match their .wat sources', async () => {
    const modules = (await wasmModules()) as { target: string; text: string }[];
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) expect(readFileSync(m.target, 'utf8'), `${m.target} is stale: run node scripts/build-wasm.mjs`).toBe(m.text);
  });
});
