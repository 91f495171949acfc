/**
 * The text detectors, as data. Each entry is a declarative rule in the manner of gitleaks:
 * lower-case keywords that must occur in the text before its pattern runs, a pattern whose
 * named group `secret` is the credential, and the filter set its candidates go through.
 *
 * Pattern rules (checked by test/regex-safety): every quantifier is bounded, and each pattern
 * starts at a keyword or behind a look-behind boundary, so a scan is linear in the text.
 */
import type { DetectorId, Severity } from '../types.js';
import { GENERIC_CREDENTIAL_NAMES, KERNEL_CREDENTIAL_NAMES, namesPattern } from './credential-names.js';

/** How much a candidate must prove before it is reported. */
export type CandidateFilter =
  /** A value found by its context: length, entropy, placeholder, reference and shape filters. */
  | 'credential'
  /** Structure already proven by the pattern and a validator (JWT): placeholders only. */
  | 'structural';

export interface TextDetector {
  /** Finer id, reported as `Finding.rule`. */
  id: string;
  detector: DetectorId;
  description: string;
  /** Lower-case; the pattern runs only if the lower-cased text contains one of them. */
  keywords: readonly string[];
  /** Must have the `g` and `d` flags and a named group `secret`. */
  pattern: RegExp;
  filter: CandidateFilter;
  severity: Severity;
  /** The finding's message before the preview (defaults to the description). */
  label?: string;
}

/** Characters a token may be made of: base64, base64url, JWT dots. */
export const TOKEN_CHAR = String.raw`[A-Za-z0-9_\-.~+/=]`;
/** Longest value considered; longer runs are not tokens (and bound the regex work). */
export const MAX_TOKEN_LENGTH = 4096;
const SECRET = String.raw`(?<secret>${TOKEN_CHAR}{8,${MAX_TOKEN_LENGTH}})`;

/** `KERNEL_TOKEN`, `kernelApiKey`, `kernel-access-token`, `KERNEL_PAT` in any case style. */
export const KERNEL_NAME = namesPattern(KERNEL_CREDENTIAL_NAMES);
/** `token`, `access_token`, `apiKey`, `bearer_token`, … (not `tokenizer`, not `github_token`). */
export const GENERIC_NAME = namesPattern(GENERIC_CREDENTIAL_NAMES);

/** A name must end here: `KERNEL_TOKEN_FILE`, `kernelTokenPath`, `tokens` are other names. */
const NAME_END = String.raw`(?![A-Za-z0-9_\-.])`;
/** Closing quote/bracket of a key, then an assignment, comparison, fallback or argument separator. */
const SEPARATOR = String.raw`(?:\\?["'\`])?\]?[ \t]{0,8}(?::=|=>|==|\?\?|\|\||[:=,]|[ \t]or[ \t])?[ \t]{0,8}`;
/** Python string prefixes (f"", r"", b"") and an optional JSON escape before the quote. */
const OPEN_QUOTE = String.raw`(?:[fFrRbB]{0,2}(?<q>\\?["'\`]))`;

/**
 * `NAME = value` in any syntax (code, .env, shell, Dockerfile, YAML, TOML, INI, JSON, fallbacks
 * like `?? "…"`), for a name pattern. Used by the Kernel names and by the config's extra names.
 */
export function assignmentPattern(namePattern: string): RegExp {
  return new RegExp(String.raw`${namePattern}${NAME_END}${SEPARATOR}${OPEN_QUOTE}?${SECRET}`, 'gdi');
}

/**
 * The regex detectors. Values found by what they are bound to (names, flags, fields, calls) are
 * judged by engine/binding.ts instead; its rules are in catalogue/binding-rules.ts.
 */
export const TEXT_DETECTORS: readonly TextDetector[] = [
  {
    id: 'bearer',
    detector: 'authorization-header',
    description:
      'A literal bearer credential: `Authorization: Bearer <token>` in curl -H, .http files, docs, YAML, code and header objects.',
    keywords: ['bearer'],
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_\-])bearer[ \t]{1,4}${SECRET}`, 'gdi'),
    filter: 'credential',
    severity: 'error',
    label: 'Literal bearer token in an Authorization header',
  },
  {
    id: 'jwt',
    detector: 'format',
    description:
      'A JSON Web Token: three base64url segments whose header decodes to JSON with `alg`. An expired `exp` lowers it to a warning.',
    keywords: ['eyj', 'ewo', 'eya'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>e[wy][A-Za-z0-9_-]{8,2048}\.e[wy][A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,4096})/dg,
    filter: 'structural',
    severity: 'error',
  },
];
