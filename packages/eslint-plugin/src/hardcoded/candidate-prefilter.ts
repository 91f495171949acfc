/**
 * Cheap tests run on every string before the engine is asked about it. They only rule out
 * strings that cannot hold a token by core's own definitions (TOKEN_CHAR, the shortest
 * known token, the longest token); every real decision stays in the engine. Compiled once.
 */
import { MAX_TOKEN_LENGTH, MIN_CANDIDATE_LENGTH, TOKEN_CHAR } from '@kernel-secrets/core';

/** Shortest string worth a look: core's own bound (no detector reports fewer characters). */
export { MIN_CANDIDATE_LENGTH };

/** A run of token characters long enough to be a token somewhere in the string. */
const TOKEN_RUN = new RegExp(`${TOKEN_CHAR}{${MIN_CANDIDATE_LENGTH}}`);

/** The whole string is made of token characters (a bare credential, no prose, no URL). */
const TOKEN_SHAPED = new RegExp(`^${TOKEN_CHAR}{${MIN_CANDIDATE_LENGTH},${MAX_TOKEN_LENGTH}}$`);

/** Whether `text` may contain a token anywhere: worth a full engine scan. */
export function mayContainToken(text: string): boolean {
  return text.length >= MIN_CANDIDATE_LENGTH && TOKEN_RUN.test(text);
}

/** Whether `value` as a whole has the shape of a token: worth a credential verdict. */
export function isTokenShaped(value: string): boolean {
  return value.length >= MIN_CANDIDATE_LENGTH && TOKEN_SHAPED.test(value);
}
