/** `@kernel-secrets/core`: the pure engine. Text in, findings out; no file system, git or exit. */
export * from './types.js';
export { Scanner, scanText, type ScannerOptions, type ValueContext, type ValueVerdict } from './engine/scanner.js';
export { fingerprint, preview, maskSpan } from './engine/redact.js';
export { rejectCandidate, isPlaceholder, isReference } from './engine/candidate-filter.js';
export { shannonEntropy } from './engine/entropy.js';
export { inspectJwt, judgeJwt, signingContext, type JwtJudgement, type SigningContext } from './engine/jwt.js';
export { knownVariants, MIN_KNOWN_TOKEN_LENGTH } from './engine/known.js';
/**
 * Shortest string any detector reports: front-ends may skip shorter strings without asking.
 * (minLength is at least 8 by schema; declared formats must match at least this many characters.)
 */
export { MIN_KNOWN_TOKEN_LENGTH as MIN_CANDIDATE_LENGTH } from './engine/known.js';
export {
  ALLOW_DIRECTIVE,
  ALLOW_NEXT_LINE_DIRECTIVE,
  allowsOwnLine,
  allowsNextLine,
  isAllowedLine,
  allowDirectiveFor,
} from './engine/allow.js';
export { LineIndex } from './engine/lines.js';
export { createCredentialNameMatcher, type CredentialNameMatcher } from './engine/credential-name-matcher.js';
export { createPathFilter, type PathFilter } from './engine/path-filter.js';
export {
  resolveConfig,
  mergeConfig,
  ConfigError,
  CONFIG_SCHEMA,
  DEFAULT_CONFIG,
  DEFAULT_THRESHOLDS,
  DEFAULT_KNOWN_FINGERPRINTS_FILE,
  type ResolvedConfig,
  type CustomFormat,
  type Thresholds,
} from './config/resolve.js';
export { validate, type JsonSchema, type SchemaError } from './config/validate.js';
export { decodeBytes, printableRuns, type DecodedText, type MemberText, type TextEncodingKind } from './text/decode.js';
export { scanDecoded } from './engine/scan-decoded.js';
export {
  TEXT_DETECTORS,
  TOKEN_CHAR,
  KERNEL_NAME,
  GENERIC_NAME,
  MAX_TOKEN_LENGTH,
  type TextDetector,
  type DetectorExamples,
  type DetectorVerdict,
} from './catalogue/detectors.js';
export {
  KERNEL_CREDENTIAL_NAMES,
  GENERIC_CREDENTIAL_NAMES,
  NOT_CREDENTIAL_NAMES,
  DEFAULT_TOKEN_ENV_VARS,
  normaliseName,
  namesPattern,
} from './catalogue/credential-names.js';
export { PLACEHOLDER_VALUES, PLACEHOLDER_SUBSTRINGS } from './catalogue/placeholders.js';
export { remediationFor, ROTATE_STEPS, STORE_ADVICE, ALLOW_ADVICE } from './catalogue/remediation.js';
export { KERNEL_SDK_NAMES, KERNEL_WORDS, CREDENTIAL_WORDS, NOT_CREDENTIAL_LAST_WORDS, CIPHERTEXT_MARKERS } from './catalogue/bindings.js';
export { BINDING_RULES, type BindingRuleInfo } from './catalogue/binding-rules.js';
export { isKernelName, isGenericName, mentionsKernel, nameWords } from './engine/names.js';
export { wordShare, looksLikeWords, isPathShaped } from './engine/word-share.js';
