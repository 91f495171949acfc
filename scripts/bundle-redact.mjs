// Builds @kernel-secrets/redact's published entries from tsc's output (packages/redact/dist/lib):
// dist/index.js, ONE ES module with core's dependency-free `names` entry inlined, and
// dist/index.cjs, the CommonJS entry that require()s it. So the package ships with no
// dependencies yet uses core's credential names and matcher themselves, not a copy of them.
// Run by `prepare` (after `tsc -b`) and by the package's `prepack`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '../packages/redact');
const lib = join(pkg, 'dist/lib');
const out = join(pkg, 'dist/index.js');

await build({
  input: join(lib, 'index.js'),
  platform: 'node',
  logLevel: 'warn',
  output: { file: out, format: 'esm', codeSplitting: false, sourcemap: false },
});
// lib/index.cjs is `module.exports = require('./index.js')`: beside the bundle it loads the bundle.
// (Its source-map comment goes: maps are not shipped.)
writeFileSync(join(pkg, 'dist/index.cjs'), readFileSync(join(lib, 'index.cjs'), 'utf8').replace(/^\/\/# sourceMappingURL=.*\n?/m, ''));

// The package promises no dependencies: any import left in the bundle would break that promise.
const left = /^\s*(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]/m.exec(readFileSync(out, 'utf8'));
if (left) {
  console.error(`kernel-secrets: ${out} still imports ${left[1]}; the redact package must inline everything`);
  process.exit(1);
}
console.log(`kernel-secrets: bundled @kernel-secrets/redact into ${out}`);
