/**
 * Splits `Bearer <credential>` into the scheme text and the credential, so that the engine is
 * asked about the credential alone. No pattern: a case-insensitive prefix and whitespace.
 */
import { AUTH_SCHEMES } from '../catalogue/token-slots.js';

const LOWER_SCHEMES = AUTH_SCHEMES.map((s) => s.toLowerCase());

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** Length of the leading `Bearer ` (scheme plus blanks), or 0 when the value has no scheme. */
export function schemeLength(value: string): number {
  for (const scheme of LOWER_SCHEMES) {
    if (value.length <= scheme.length + 1 || !isBlank(value[scheme.length])) continue;
    if (value.slice(0, scheme.length).toLowerCase() !== scheme) continue;
    let end = scheme.length;
    while (isBlank(value[end])) end++;
    return end;
  }
  return 0;
}
