/**
 * "Is this name a credential name?", from the catalogue's word lists: one answer for the text
 * scanner (names read around a value) and the ESLint rules (names read from the AST).
 *
 * - A Kernel name joins a Kernel word and a credential word, in any order and case style, with
 *   qualifiers: `KERNEL_TOKEN`, `KERNEL_AUTH_TOKEN`, `PROD_KERNEL_TOKEN`, `asimovApiKey`,
 *   `KERNEL_TOKEN_PROD`; unless its last word says it names something else (`KERNEL_TOKEN_FILE`).
 * - A generic name (`token`, `apiKey`, `access_token`) must be the whole name.
 * - A configured name (`credentialNames`) matches in any case style, alone or ending a longer name.
 */
import { CREDENTIAL_WORDS, KERNEL_WORDS, NOT_CREDENTIAL_LAST_WORDS } from '../catalogue/bindings.js';
import { GENERIC_CREDENTIAL_NAMES, NOT_CREDENTIAL_NAMES, normaliseName } from '../catalogue/credential-names.js';

const KERNEL = new Set<string>(KERNEL_WORDS);
const CREDENTIAL = new Set<string>(CREDENTIAL_WORDS);
const NOT_LAST = new Set<string>(NOT_CREDENTIAL_LAST_WORDS);
const GENERIC = new Set<string>(GENERIC_CREDENTIAL_NAMES.map(normaliseName));
const NEVER = new Set<string>(NOT_CREDENTIAL_NAMES.map(normaliseName));

/**
 * `KERNEL_API_TOKEN` → kernel, api, token; `asimovApiKey` → asimov, api, key; `HTTPServer` →
 * http, server. A run-together word that starts with a Kernel word is split after it
 * (`kerneltoken` → kernel, token), so `KERNELTOKEN` counts but `mykerneltoken` does not.
 */
export function nameWords(name: string): string[] {
  const out: string[] = [];
  for (const piece of name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? []) {
    const w = piece.toLowerCase();
    const k = KERNEL_WORDS.find((kw) => w.length > kw.length && w.startsWith(kw));
    if (k) out.push(k, w.slice(k.length));
    else out.push(w);
  }
  return out;
}

/** A credential word, or one run together (`apitoken`, `accesstoken`, `apikey`) ending in one. */
function isCredentialWord(w: string): boolean {
  return CREDENTIAL.has(w) || CREDENTIAL_WORDS.some((c) => w.length > c.length && w.endsWith(c) && GENERIC.has(w));
}

/** A Kernel word and a credential word among the words, and a last word that is not FILE/PATH/URL…. */
export function isKernelName(name: string): boolean {
  const words = nameWords(name);
  if (words.length < 2 || NOT_LAST.has(words[words.length - 1]!)) return false;
  return words.some((w) => KERNEL.has(w)) && words.some(isCredentialWord);
}

/** `token`, `access_token`, `apiKey`, `Authorization`, … as the whole name. */
export function isGenericName(name: string): boolean {
  const n = normaliseName(name);
  return GENERIC.has(n) && !NEVER.has(n);
}

/** Matches configured names (and the Kernel names) as a whole name or ending a longer one at a word boundary. */
export function createConfiguredNames(names: readonly string[]): (name: string) => boolean {
  const wanted = names.map(nameWords).filter((w) => w.length > 0);
  if (wanted.length === 0) return () => false;
  return (name) => {
    const words = nameWords(name);
    return wanted.some((w) => w.length <= words.length && w.every((x, i) => words[words.length - w.length + i] === x));
  };
}

/**
 * Whether `text` mentions Kernel at all (`kernel`, `asimov`, in any case): a file or a few lines
 * that name Kernel make a JWT there a possible Kernel token (engine/jwt.ts) and a finding there
 * one worth checking with Kernel (the CLI's `scan --verify`).
 */
export function mentionsKernel(text: string): boolean {
  const lower = text.toLowerCase();
  return KERNEL_WORDS.some((w) => lower.includes(w));
}
