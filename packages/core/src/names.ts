/**
 * `@kernel-secrets/core/names`: the credential names and the "is this name a credential?"
 * matcher, with nothing else of the engine. It imports no dependency, so a package that must
 * have none (`@kernel-secrets/redact`) inlines this entry when it is built instead of keeping a
 * copy of the lists that could drift.
 */
export { GENERIC_CREDENTIAL_NAMES, KERNEL_CREDENTIAL_NAMES, NOT_CREDENTIAL_NAMES, normaliseName } from './catalogue/credential-names.js';
export { createCredentialNameMatcher, type CredentialNameMatcher } from './engine/credential-name-matcher.js';
