/**
 * Names under which a Kernel credential is stored or passed. The text detectors and the
 * ESLint rules both read this list, so "is this name a credential?" has one answer.
 *
 * Names are compared after normalisation (lower case, `_`, `-`, `.` and spaces removed), so
 * `KERNEL_TOKEN`, `kernelToken`, `kernel-token` and `kernel.token` are the same name.
 */

import { escapeRegExp } from '../regex-text.js';

/** Names that are Kernel's own: any token-shaped value under them is treated as a Kernel token. */
export const KERNEL_CREDENTIAL_NAMES = [
  'KERNEL_TOKEN',
  'KERNEL_API_TOKEN',
  'KERNEL_API_KEY',
  'KERNEL_ACCESS_TOKEN',
  'KERNEL_SECRET',
  'KERNEL_PAT',
] as const;

/** Generic credential names: a value must also pass the entropy and placeholder filters. */
export const GENERIC_CREDENTIAL_NAMES = [
  'token',
  'access_token',
  'api_token',
  'auth_token',
  'bearer',
  'bearer_token',
  'api_key',
  'apikey',
  'x_api_key',
  'x_auth_token',
  'authorization',
] as const;

/**
 * Names that contain "token" but are not credentials. Listed so that nobody "fixes" the
 * matcher into flagging them; tests assert each one stays quiet.
 */
export const NOT_CREDENTIAL_NAMES = [
  'tokenizer',
  'max_tokens',
  'total_tokens',
  'token_type',
  'token_count',
  'csrf_token_header_name',
  'token_url',
  'token_endpoint',
  'next_page_token',
] as const;

/** Environment variables read for the user's own live token (the `known` detector). */
export const DEFAULT_TOKEN_ENV_VARS = ['KERNEL_TOKEN', 'KERNEL_API_TOKEN', 'KERNEL_API_KEY'] as const;

/** Lower-case, separators removed: the form names are compared in. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

/**
 * Regex source (for case-insensitive use) matching any of `names` in any case style:
 * `KERNEL_API_KEY` → `kernel[_\-.]?api[_\-.]?key`, which also matches `kernelApiKey`,
 * `kernel-api-key` and `kernel.api.key`. Longest first, so the longest name wins.
 */
export function namesPattern(names: readonly string[]): string {
  const words = [...new Set(names)]
    .map((n) =>
      n
        .toLowerCase()
        .split(/[-_.\s]+/)
        .filter(Boolean),
    )
    .sort((a, b) => b.join('').length - a.join('').length);
  return `(?:${words.map((w) => w.map(escapeRegExp).join('[_\\-.]?')).join('|')})`;
}
