/**
 * Husky hook scripts, edited without clobbering. Our lines live in a marked block; lines outside
 * it belong to the user and are never changed. A rerun replaces only the block (idempotent);
 * commands the user already runs elsewhere in the hook are not added twice; the block goes
 * before a final `exit`, which would otherwise skip it.
 */

export const BLOCK_START = '# >>> kernel-secrets';
export const BLOCK_END = '# <<< kernel-secrets';
const BLOCK_NOTE = '(managed by `kernel-secrets init`; lines outside this block are yours)';

export interface HookCommand {
  line: string;
  /** Matches a user's own line that already does this job (then we do not add ours). */
  alreadyRunBy?: { test(line: string): boolean };
}

function withoutBlock(text: string): { before: string[]; after: string[]; hadBlock: boolean } {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(BLOCK_START));
  const end = lines.findIndex((l, i) => i > start && l.startsWith(BLOCK_END));
  if (start === -1 || end === -1) return { before: lines, after: [], hadBlock: false };
  return { before: lines.slice(0, start), after: lines.slice(end + 1), hadBlock: true };
}

function isCommand(line: string): boolean {
  const t = line.trim();
  return t !== '' && !t.startsWith('#');
}

/** The hook's new text, or the same text when nothing needs to change. */
export function mergeHook(existing: string | undefined, preamble: readonly string[], commands: readonly HookCommand[]): string {
  const { before, after, hadBlock } = withoutBlock(existing ?? '');
  const userLines = [...before, ...after].filter(isCommand);
  const ours = commands.filter((c) => !c.alreadyRunBy || !userLines.some((l) => c.alreadyRunBy!.test(l))).map((c) => c.line);
  if (ours.length === 0 && !hadBlock) return existing ?? '';
  const block = ours.length === 0 ? [] : [`${BLOCK_START} ${BLOCK_NOTE}`, ...preamble, ...ours, BLOCK_END];
  if (existing === undefined || existing.trim() === '') return block.join('\n') + '\n';
  if (hadBlock) return [...before, ...block, ...after].join('\n');
  // Trailing `exit …` (a user's explicit end of the script): our block must run before it.
  let end = existing.length;
  while (end > 0 && existing.charCodeAt(end - 1) === 10) end--; // trailing newlines, without a backtracking regex
  const lines = existing.slice(0, end).split('\n');
  let insertAt = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!isCommand(lines[i]!)) continue;
    if (/^\s*exit\b/.test(lines[i]!)) insertAt = i;
    break;
  }
  return [...lines.slice(0, insertAt), ...block, ...lines.slice(insertAt)].join('\n') + '\n';
}
