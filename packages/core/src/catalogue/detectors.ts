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
}

/** Characters a token may be made of: base64, base64url, JWT dots. */
export const TOKEN_CHAR = String.raw`[A-Za-z0-9_\-.~+/=]`;
/** Longest value considered; longer runs are not tokens (and bound the regex work). */
export const MAX_TOKEN_LENGTH = 4096;
const SECRET = String.raw`(?<secret>${TOKEN_CHAR}{8,${MAX_TOKEN_LENGTH}})`;
const URL_SECRET = String.raw`(?<secret>[A-Za-z0-9_\-.~+/=%]{8,${MAX_TOKEN_LENGTH}})`;

/** `KERNEL_TOKEN`, `kernelApiKey`, `kernel-access-token`, `KERNEL_PAT` in any case style. */
export const KERNEL_NAME = namesPattern(KERNEL_CREDENTIAL_NAMES);
/** `token`, `access_token`, `apiKey`, `bearer_token`, … (not `tokenizer`, not `github_token`). */
export const GENERIC_NAME = namesPattern(GENERIC_CREDENTIAL_NAMES);
/** Lower-case keywords that prefilter GENERIC_NAME: each name contains one of them. */
const GENERIC_KEYWORDS = ['token', 'bearer', 'api_key', 'apikey', 'api-key', 'api.key', 'authorization'];

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

export const TEXT_DETECTORS: readonly TextDetector[] = [
  {
    id: 'kernel-variable',
    detector: 'context',
    description:
      'A value assigned to a Kernel credential name (KERNEL_TOKEN, kernelApiKey, …) in code, .env, shell, Dockerfile, YAML, TOML, INI or JSON.',
    keywords: ['kernel'],
    pattern: assignmentPattern(KERNEL_NAME),
    filter: 'credential',
    severity: 'error',
  },
  {
    id: 'kubernetes-env',
    detector: 'context',
    description: 'A Kubernetes/Compose env entry `- name: KERNEL_TOKEN` followed by `value: …`.',
    keywords: ['kernel'],
    pattern: new RegExp(
      String.raw`name:[ \t]{0,8}["']?${KERNEL_NAME}["']?[ \t]{0,8}\r?\n[ \t]{0,32}value:[ \t]{0,8}${OPEN_QUOTE}?${SECRET}`,
      'gdi',
    ),
    filter: 'credential',
    severity: 'error',
  },
  {
    id: 'kernel-client',
    detector: 'context',
    description: 'A literal passed to the Kernel SDK: KernelClient(token="…"), new KernelClient({ token: "…" }), KernelClient("…").',
    keywords: ['kernelclient'],
    pattern: new RegExp(
      String.raw`kernelclient[ \t]{0,8}\(\s{0,64}(?:\{\s{0,64}\\?["']?(?:token|api_?key|access_?token)\\?["']?\s{0,8}:\s{0,8}|(?:token|api_key|access_token)\s{0,8}=\s{0,8})?${OPEN_QUOTE}${SECRET}`,
      'gdi',
    ),
    filter: 'credential',
    severity: 'error',
  },
  {
    id: 'credential-assignment',
    detector: 'context',
    description: 'A quoted literal assigned to a generic credential name (token, access_token, apiKey, bearer, …).',
    keywords: GENERIC_KEYWORDS,
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_\-$])${GENERIC_NAME}${NAME_END}${SEPARATOR}${OPEN_QUOTE}${SECRET}\k<q>`, 'gdi'),
    filter: 'credential',
    severity: 'error',
  },
  {
    id: 'credential-line',
    detector: 'context',
    description: 'An unquoted value on a `token = …` / `token: …` line of a .env, INI ([kernel] section), YAML or shell file.',
    keywords: GENERIC_KEYWORDS,
    pattern: new RegExp(
      String.raw`^[ \t]{0,16}(?:export[ \t]{1,4}|ENV[ \t]{1,4}|set[ \t]{1,4}|-[ \t]{1,4})?${GENERIC_NAME}${NAME_END}[ \t]{0,8}[=:][ \t]{0,8}${SECRET}[ \t]{0,16}(?:#[^\r\n]{0,2000})?$`,
      'gdim',
    ),
    filter: 'credential',
    severity: 'error',
  },
  {
    id: 'url-parameter',
    detector: 'context',
    description: 'A credential in a URL query: ?token=…, &access_token=…, ?api_key=….',
    keywords: ['token=', 'key='],
    pattern: new RegExp(String.raw`[?&;](?:access_token|api_token|auth_token|kernel_token|token|api_key|apikey)=${URL_SECRET}`, 'gdi'),
    filter: 'credential',
    severity: 'error',
  },
  {
    id: 'bearer',
    detector: 'authorization-header',
    description:
      'A literal bearer credential: `Authorization: Bearer <token>` in curl -H, .http files, docs, YAML, code and header objects.',
    keywords: ['bearer'],
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_\-])bearer[ \t]{1,4}${SECRET}`, 'gdi'),
    filter: 'credential',
    severity: 'error',
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
