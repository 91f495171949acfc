/**
 * The kinds of value no-auth-header-logging tracks, and how a report describes each one in
 * words a user recognises. Every description completes "`x` is …" and never holds a value.
 */

/** Everything the rule tracks. Each kind says what is logged and why it leaks a credential. */
export type SourceKind =
  | 'authorization'
  | 'headers'
  | 'http-error'
  | 'request-config'
  | 'http-response'
  | 'http-request'
  | 'incoming-request'
  | 'credential-holder'
  | 'kernel-client'
  | 'token'
  | 'token-word'
  | 'process-env'
  | 'typed';

export interface SourceKindInfo {
  /** Completes "`x` is …" in the report. Never contains a value. */
  readonly description: string;
  /**
   * A string: it survives `${x}`, `'…' + x` and `String(x)`. Objects turn into
   * `[object Object]` there (and errors into their message), so they do not leak that way.
   */
  readonly stringValued: boolean;
  /**
   * What to log instead, pointing at sanitizers the rule accepts and that exist
   * (`@kernel-secrets/redact`'s `redact`, `redactHeaders`, `redactError`); `{x}` is the expression.
   */
  readonly advice: string;
}

const STRING_ADVICE = 'Log whether it is set (`Boolean({x})`) or a short suffix (`{x}.slice(-4)`) instead.';
/** Objects: a copy with credentials masked, by @kernel-secrets/redact (functions the rule accepts as sanitizers). */
const REDACT = 'Log `redact({x})` from @kernel-secrets/redact (a copy with the credentials masked)';
const FIELDS_ADVICE = `${REDACT}, or only the fields you need (\`{x}.method\`, \`{x}.url\`).`;

export const SOURCE_KINDS: Readonly<Record<SourceKind, SourceKindInfo>> = {
  authorization: { description: 'the Authorization header value', stringValued: true, advice: STRING_ADVICE },
  headers: {
    description: "a request's headers (they include Authorization)",
    stringValued: false,
    advice:
      'Log `redactHeaders({x})` from @kernel-secrets/redact (Authorization masked), or only the headers you need (`const { authorization, ...rest } = {x}`).',
  },
  'http-error': {
    description: 'an HTTP-client error (it keeps the request config, with the Authorization header)',
    stringValued: false,
    advice:
      'Log `redactError({x})` from @kernel-secrets/redact (the same error with its credentials masked), or `{x}.message` and `{x}.response?.status`.',
  },
  'request-config': { description: 'a request config (its headers include Authorization)', stringValued: false, advice: FIELDS_ADVICE },
  'http-response': {
    description: 'an HTTP-client response (it keeps the request config, with the Authorization header)',
    stringValued: false,
    advice: `${REDACT}, or \`{x}.status\` and \`{x}.data\`.`,
  },
  'http-request': {
    description: 'an outgoing HTTP request (its headers include Authorization)',
    stringValued: false,
    advice: FIELDS_ADVICE,
  },
  'incoming-request': {
    description: 'an incoming request (its headers include Authorization)',
    stringValued: false,
    advice: FIELDS_ADVICE,
  },
  'credential-holder': {
    description: 'an object a credential was stored into',
    stringValued: false,
    advice: `${REDACT}, or only the fields you need, not the credential stored in it.`,
  },
  'kernel-client': {
    description: 'a Kernel client (it holds the token)',
    stringValued: false,
    advice: `${REDACT}, or only the fields you need.`,
  },
  token: { description: 'a credential', stringValued: true, advice: STRING_ADVICE },
  // Named just `token`: an LLM's tokens are called that too, so it is reported only with corroboration (see names.ts).
  'token-word': { description: 'a token', stringValued: true, advice: STRING_ADVICE },
  'process-env': {
    description: 'the whole of process.env (it holds KERNEL_TOKEN)',
    stringValued: false,
    advice: `Log only the variables you need, or \`redact({x})\` from @kernel-secrets/redact (KERNEL_TOKEN and other credential names masked).`,
  },
  typed: {
    description: 'a value whose type carries request headers',
    stringValued: false,
    advice: `${REDACT}, or only the fields you need.`,
  },
};
