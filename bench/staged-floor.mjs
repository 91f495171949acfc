// The floor for `scan --staged`: the least a pre-commit scanner must do. Lists the staged
// files and reads their blobs from the index in one `git cat-file --batch`, then exits.
import { execFileSync } from 'node:child_process';

const names = execFileSync('git', ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], { encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);
const blobs = execFileSync('git', ['cat-file', '--batch'], { input: names.map((n) => `:${n}`).join('\n') + '\n', maxBuffer: 1 << 30 });
process.stdout.write(`${names.length} files, ${blobs.length} bytes\n`);
