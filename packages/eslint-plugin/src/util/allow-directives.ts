/** Core's allow directives applied to ESLint source lines: `kernel-secrets-allow` on the line, `…-allow-next-line` above it. */
import { allowsNextLine, allowsOwnLine } from '@kernel-secrets/core';
import type { TSESLint } from '@typescript-eslint/utils';

/** Whether a directive silences findings on 1-based `line`. */
export function isAllowedLine(sourceCode: Readonly<TSESLint.SourceCode>, line: number): boolean {
  const lines = sourceCode.lines;
  return allowsOwnLine(lines[line - 1] ?? '') || (line > 1 && allowsNextLine(lines[line - 2] ?? ''));
}
