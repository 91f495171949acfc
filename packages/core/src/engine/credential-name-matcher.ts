/**
 * "Is this name a credential name?" for callers that see whole names (ESLint rules read them
 * from the AST, redact reads object keys), with the project's and the caller's extra names.
 * The answer is the text scanner's own (engine/names.ts), so a name that the hook reports is a
 * name the linter reports, in every variant:
 *
 * - a Kernel name joins a Kernel word and a credential word in any order and case style, with
 *   qualifiers (`KERNEL_AUTH_TOKEN`, `PROD_KERNEL_TOKEN`, `KERNEL_TOKEN_PROD`, `asimovApiKey`),
 *   unless its last word names something else (`KERNEL_TOKEN_FILE`, `_PATH`, `_URL`);
 * - a generic name (`token`, `apiKey`, `Authorization`) must be the whole name, so `userToken`,
 *   `tokenizer` and `max_tokens` stay calm;
 * - configured `credentialNames` and the live-token `envVars` may end a longer name at a word
 *   boundary (`DEFAULT_ASIMOV_PAT`).
 */
import { createConfiguredNames, isGenericName, isKernelName } from './names.js';

export interface CredentialNameMatcher {
  isCredentialName(name: string): boolean;
}

/** `suffixNames`: configured names, matched alone or as the last words of a longer name. */
export function createCredentialNameMatcher(suffixNames: Iterable<string>): CredentialNameMatcher {
  const configured = createConfiguredNames([...suffixNames]);
  // Files repeat the same few names thousands of times; each is decided once per project.
  const decided = new Map<string, boolean>();
  return {
    isCredentialName(name) {
      let answer = decided.get(name);
      if (answer === undefined) {
        answer = isKernelName(name) || isGenericName(name) || configured(name);
        // Names repeat, but a hostile log record (redact runs this at run time) may hold millions
        // of distinct keys: the cache must not grow with them.
        if (decided.size >= 10_000) decided.clear();
        decided.set(name, answer);
      }
      return answer;
    },
  };
}
