/**
 * The text detectors, as data. Each entry is a declarative rule in the manner of gitleaks:
 * lower-case keywords that must occur in the text before its pattern runs, a pattern whose
 * named group `secret` is the credential, and the filter set its candidates go through.
 *
 * Pattern rules (checked by test/regex-safety): every quantifier is bounded, and each pattern
 * starts at a keyword or behind a look-behind boundary, so a scan is linear in the text.
 */
import type { CustomFormat } from '../config/resolve.js';
import { judgeJwt, type SigningContext } from '../engine/jwt.js';
import type { DetectorId, Severity } from '../types.js';
import { GENERIC_CREDENTIAL_NAMES, KERNEL_CREDENTIAL_NAMES, namesPattern } from './credential-names.js';

/** How much a candidate must prove before it is reported. */
export type CandidateFilter =
  /** A value found by its context: length, entropy, placeholder, reference and shape filters. */
  | 'credential'
  /** Structure already proven by the pattern and the entry's `verify` (JWT): nothing more. */
  | 'structural'
  /** A declared format: its pattern is the proof; only placeholders (`xxxx`, `YOUR_TOKEN`) are dropped. */
  | 'placeholder';

/**
 * Texts that show what an entry finds, run by test/catalogue.test.ts. A slot is filled at run
 * time: `{token}` with a random token, `{hex}` with a random 40-hex value, `{jwt}` with a random
 * unexpired JWT, so no token is ever committed. Each slot in a `found` text must be reported by
 * this entry at the slot's line and column and span; a `quiet` text must give no finding at all.
 */
export interface DetectorExamples {
  found: readonly string[];
  quiet: readonly string[];
}

/** What `verify` says about a matched value: its severity and the finding's wording. */
export interface DetectorVerdict {
  severity: Severity;
  message: string;
}

export interface TextDetector {
  /** Finer id, reported as `Finding.rule` (`custom:<id>` for a declared format). */
  id: string;
  detector: DetectorId;
  /** One sentence for the README rule table and SARIF rule help. */
  description: string;
  /** The finding's message before the redacted preview. */
  message: string;
  /** Lower-case; the pattern runs only if the text contains one of them ([]: always runs). */
  keywords: readonly string[];
  /**
   * Case-sensitive strings one of which every match of the pattern holds: it runs only on a text
   * that holds one. Finer than the keywords where a keyword is also a common word's letters
   * (`eya` of "veya", `ewo` of "framework").
   */
  anchors?: readonly string[];
  /** Must have the `g` and `d` flags; the value is its named group `secret` (else group 1, else the match). */
  pattern: RegExp;
  filter: CandidateFilter;
  severity: Severity;
  /** A check beyond the pattern (JWT: the header decodes to JSON with `alg`); undefined drops the value. */
  verify?: (value: string, signing: SigningContext) => DetectorVerdict | undefined;
  /** Declared formats: the value (or the whole match) must start with this. */
  prefix?: string;
  examples: DetectorExamples;
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
 * A JWT's verdict: a test vector (jwt.io's sample, one signed with a key quoted in the same
 * file, `alg: none`, a truncated or broken one; see engine/jwt.ts) is dropped, an expired one is
 * a warning.
 */
function verifyJwt(value: string, signing: SigningContext): DetectorVerdict | undefined {
  const jwt = judgeJwt(value, signing);
  if (jwt?.kind !== 'token') return undefined;
  const expired = jwt.exp !== undefined && jwt.exp * 1000 < Date.now();
  return expired
    ? { severity: 'warning', message: 'Expired JSON Web Token (bearer credential)' }
    : { severity: 'error', message: 'JSON Web Token (bearer credential)' };
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
    message: 'Literal bearer token in an Authorization header',
    keywords: ['bearer'],
    pattern: new RegExp(String.raw`(?<![A-Za-z0-9_\-])bearer[ \t]{1,4}${SECRET}`, 'gdi'),
    filter: 'credential',
    severity: 'error',
    examples: {
      found: [
        'curl -H "Authorization: Bearer {token}" https://kernel.asimov.com/api/v1/constructs',
        'GET https://kernel.asimov.com/api/v1/me\nAuthorization: bearer {token}\n',
        'headers: { Authorization: `Bearer {token}` }',
      ],
      quiet: [
        'Authorization: Bearer YOUR_TOKEN',
        '-H "Authorization: Bearer $KERNEL_TOKEN"',
        'Bearer tokens go in the Authorization header.',
      ],
    },
  },
  {
    id: 'jwt',
    detector: 'format',
    description:
      'A JSON Web Token: three base64url segments whose header decodes to JSON with `alg`. An expired `exp` lowers it to a warning.',
    message: 'JSON Web Token (bearer credential)',
    keywords: ['eyj', 'ewo', 'eya'],
    // The second segment's start, which the pattern spells out.
    anchors: ['.ey', '.ew'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>e[wy][A-Za-z0-9_-]{8,2048}\.e[wy][A-Za-z0-9_-]{2,8192}\.[A-Za-z0-9_-]{0,4096})/dg,
    filter: 'structural',
    severity: 'error',
    verify: verifyJwt,
    examples: {
      found: ['session = "{jwt}"', 'Authorization: {jwt}'],
      quiet: ['eyJhbGciOiJub25lIn0.not-json.sig', 'const header = "eyJhbGciOiJIUzI1NiJ9";'],
    },
  },
];

/** A format declared in the config (`formats`), compiled once into an ordinary entry. */
export function declaredFormatEntry(f: CustomFormat): TextDetector {
  return {
    id: `custom:${f.id}`,
    detector: 'format',
    description: f.description,
    message: `Token matching ${f.description}`,
    keywords: f.prefix ? [f.prefix.toLowerCase()] : [],
    pattern: f.pattern,
    filter: 'placeholder',
    severity: f.severity,
    ...(f.prefix ? { prefix: f.prefix } : {}),
    examples: { found: [], quiet: [] },
  };
}
