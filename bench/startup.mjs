// Start-up: `kernel-secrets --version` and `scan --stdin` on a small file, through the
// single-file bundle (what the npm package's bin, the pre-commit framework and the GitHub
// Action run) and through tsc's dist/ (a development checkout), each as a ratio to `node -e 0`
// in the same interleaved rounds. Target: ≤ 1.5×.
import { join } from 'node:path';
import { checkScanned, compare } from './proc.mjs';

/** A small source file with nothing to find: what a scan of one edited file looks like. */
const SMALL_FILE = Array.from({ length: 40 }, (_, i) => `export const setting${i} = { id: ${i}, label: 'item ${i}' };\n`).join('');

export function benchStartup({ root, cli, runs }) {
  const entries = {
    'bundle (what the package bin runs)': cli,
    'dist/cli.js (tsc output, ~80 modules)': join(root, 'packages/cli/dist/cli.js'),
  };
  const commands = { 'node -e 0': { cmd: process.execPath, args: ['-e', '0'], options: {} } };
  for (const [name, path] of Object.entries(entries)) {
    commands[`${name} --version`] = { cmd: process.execPath, args: [path, '--version'], options: {} };
    commands[`${name} scan --stdin`] = {
      cmd: process.execPath,
      args: [path, 'scan', '--stdin', '--stdin-filename', 'src/settings.ts', '--quiet'],
      options: { cwd: root, input: SMALL_FILE },
    };
  }
  for (const [name, c] of Object.entries(commands))
    if (name.endsWith('scan --stdin')) checkScanned(name, c.cmd, c.args, c.options, { files: 1, bytes: Buffer.byteLength(SMALL_FILE) });
  const r = compare(commands, runs);
  const floor = r['node -e 0'];
  const rows = {};
  for (const [name, m] of Object.entries(r)) {
    if (m.status !== 0) throw new Error(`bench: ${name} exited ${m.status}: ${m.stderr.trim().slice(0, 300)}`);
    rows[name] = {
      'wall ms': +m.ms.toFixed(0),
      'cpu ms': +m.cpuMs.toFixed(0),
      'wall vs node -e 0 (≤ 1.5)': +(m.ms / floor.ms).toFixed(2),
      'cpu vs node -e 0': +(m.cpuMs / floor.cpuMs).toFixed(2),
    };
  }
  return rows;
}
