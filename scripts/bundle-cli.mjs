// Builds build/kernel-secrets.mjs: the CLI and everything it imports (core, simple-git, ignore,
// scslre, its package.json) in ONE file with no dependencies. The repository root ships it as
// its `kernel-secrets` bin, which is what the pre-commit framework (`language: node`) installs:
// npm installs this repository as a git dependency, runs `prepare` (which calls this script),
// packs the root's `files` and installs that globally, without the workspaces' node_modules.
// Run after `tsc -b` (it bundles packages/cli/dist).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'build/kernel-secrets.mjs');

/** `createRequire(import.meta.url)('x')` (a CJS package or a JSON file) → a static import the bundler can inline. */
const inlineRequires = {
  name: 'inline-create-require',
  transform(code, id) {
    if (!code.includes('createRequire(import.meta.url)(')) return null;
    const imports = [];
    const out = code.replace(/createRequire\(import\.meta\.url\)\((['"])([^'"]+)\1\)/g, (_m, _q, spec) => {
      imports.push(`import __required${imports.length} from ${JSON.stringify(spec)};`);
      return `__required${imports.length - 1}`;
    });
    const shebang = out.startsWith('#!') ? out.slice(0, out.indexOf('\n') + 1) : '';
    return { code: `${shebang}${imports.join('\n')}\n${out.slice(shebang.length)}`, map: null };
  },
};

await build({
  input: join(root, 'packages/cli/dist/cli.js'),
  platform: 'node',
  plugins: [inlineRequires],
  logLevel: 'warn',
  output: {
    file: OUT,
    format: 'esm',
    codeSplitting: false,
    sourcemap: false,
  },
});
const size = readFileSync(OUT).length;
console.log(`kernel-secrets: bundled the CLI into build/kernel-secrets.mjs (${Math.round(size / 1024)} KiB)`);
