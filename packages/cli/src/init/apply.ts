/** Writing an init plan, or showing it (`--dry-run`) as a line diff. */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { FileChange } from './plan.js';

export function writeChanges(changes: readonly FileChange[]): void {
  for (const c of changes) {
    mkdirSync(dirname(c.path), { recursive: true });
    writeFileSync(c.path, c.after);
    if (c.executable) chmodSync(c.path, 0o755);
  }
}

/** Lines removed (`-`) and added (`+`); our edits only insert, so this reads as a diff. */
export function describeChange(change: FileChange, cwd: string): string {
  const name = relative(cwd, change.path) || change.path;
  const before = change.before?.split(/\r?\n/) ?? [];
  const after = change.after.split(/\r?\n/);
  const beforeSet = new Set(before);
  const afterSet = new Set(after);
  const lines = [`${change.before === undefined ? 'create' : 'update'} ${name}`];
  for (const l of before) if (!afterSet.has(l) && l !== '') lines.push(`  - ${l}`);
  for (const l of after) if (!beforeSet.has(l) && l !== '') lines.push(`  + ${l}`);
  return lines.join('\n');
}
