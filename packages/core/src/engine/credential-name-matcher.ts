/**
 * "Is this name a credential name?" for callers that see whole names (ESLint rules read them
 * from the AST), answered from the catalogue's lists plus the project's and the caller's extra
 * names. Mirrors how the text detectors treat each list:
 *
 * - generic names (`token`, `apiKey`, `Authorization`) must be the whole name, so `userToken`,
 *   `tokenizer` and `max_tokens` stay calm, exactly like the text detector's word boundaries;
 * - Kernel names (`KERNEL_TOKEN`…), configured `credentialNames` and the live-token `envVars`
 *   may end a longer name (`DEFAULT_KERNEL_TOKEN`, `myKernelApiKey`) at a word boundary,
 *   like the text detector that has no boundary in front of them.
 */
import { GENERIC_CREDENTIAL_NAMES, KERNEL_CREDENTIAL_NAMES, NOT_CREDENTIAL_NAMES, normaliseName } from '../catalogue/credential-names.js';

export interface CredentialNameMatcher {
  isCredentialName(name: string): boolean;
}

const EXACT = new Set<string>(GENERIC_CREDENTIAL_NAMES.map(normaliseName));
const NEVER = new Set<string>(NOT_CREDENTIAL_NAMES.map(normaliseName));

/** A separator is whatever `normaliseName` removes, so the two can never disagree. */
function isSeparator(ch: string): boolean {
  return normaliseName(ch) === '';
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase();
}

/**
 * Whether the last `length` non-separator characters of `name` start a word: at the start,
 * after a separator, or at a camelCase hump (`myKernelToken`, `APIKernelToken`).
 */
function suffixStartsWord(name: string, length: number): boolean {
  let i = name.length;
  for (let seen = 0; seen < length && i > 0;) {
    i--;
    if (!isSeparator(name[i]!)) seen++;
  }
  if (i === 0) return true;
  const before = name[i - 1]!;
  const first = name[i]!;
  if (isSeparator(before)) return true;
  if (!isUpper(first)) return false;
  // `myKernel…` starts a word at the hump; `APIKernel…` at the last capital before lower case.
  return !isUpper(before) || (i + 1 < name.length && !isUpper(name[i + 1]!));
}

/** `suffixNames` are matched as a trailing word run; core's generic names as whole names. */
export function createCredentialNameMatcher(suffixNames: Iterable<string>): CredentialNameMatcher {
  const suffixes = [...new Set([...KERNEL_CREDENTIAL_NAMES, ...suffixNames].map(normaliseName))].filter((s) => s !== '');
  // Files repeat the same few names thousands of times; each is decided once per project.
  const decided = new Map<string, boolean>();

  function decide(name: string): boolean {
    const n = normaliseName(name);
    if (n === '' || NEVER.has(n)) return false;
    if (EXACT.has(n)) return true;
    return suffixes.some((s) => n === s || (n.endsWith(s) && suffixStartsWord(name, s.length)));
  }

  return {
    isCredentialName(name) {
      let answer = decided.get(name);
      if (answer === undefined) {
        answer = decide(name);
        // Names repeat, but a hostile log record (redact runs this at run time) may hold millions
        // of distinct keys: the cache must not grow with them.
        if (decided.size >= 10_000) decided.clear();
        decided.set(name, answer);
      }
      return answer;
    },
  };
}
