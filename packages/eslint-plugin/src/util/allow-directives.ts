/** Core's allow directives applied to ESLint source lines: `kernel-secrets-allow` on the line, `…-allow-next-line` above it. */
import { isAllowedLine as allowedAt } from '@kernel-secrets/core';
import type { TSESLint } from '@typescript-eslint/utils';

/** Whether a directive silences findings on 1-based `line`. */
export function isAllowedLine(sourceCode: Readonly<TSESLint.SourceCode>, line: number): boolean {
  return allowedAt((n) => sourceCode.lines[n - 1] ?? '', line);
}
