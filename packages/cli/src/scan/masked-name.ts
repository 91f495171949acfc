/**
 * A name someone typed (a file path, a branch or tag name) is text too: scanned on its own, it
 * may hold a token, and every report shows it with that token masked.
 */
import { maskSpan, type Finding, type Scanner } from '@kernel-secrets/core';

export function maskedName(scanner: Scanner, name: string): { masked: string; findings: Finding[] } {
  const findings = scanner.scan(name).findings;
  let masked = name;
  for (const h of findings) masked = maskSpan(masked, h.offset, h.endOffset);
  return { masked, findings };
}
