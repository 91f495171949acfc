/**
 * `kernel-secrets verify`: is this token live? Reads ONE token from stdin (hidden when typed at
 * a terminal; never from arguments, which stay in shell history), sends it to Kernel's API (or
 * KERNEL_SECRETS_API_URL) in one request, and prints the verdict with the redacted preview and
 * fingerprint. Exit codes follow "0 clean, 1 findings, 2 could not scan": 0 not live, 1 live,
 * 2 could not tell.
 */
import { fingerprint, preview, ROTATE_STEPS } from '@kernel-secrets/core';
import type { VerifyCommand } from '../args/commands.js';
import { CliError, EXIT_CLEAN, EXIT_FINDINGS } from '../errors.js';
import type { CliIO } from '../io/cli-io.js';
import { readSecret } from '../io/read-input.js';
import { sendableToken } from '../verify/classify.js';
import { LivenessClient } from '../verify/client.js';
import { API_URL_ENV, resolveEndpoint } from '../verify/endpoint.js';
import type { Liveness } from '../verify/liveness.js';

const PIPE_IT = 'pipe just the token, e.g. `printenv KERNEL_TOKEN | kernel-secrets verify`';

/** What to do when there was no answer to go by. */
function unknownFix(result: Liveness): string {
  const s = result.status;
  if (s === undefined)
    return `check the connection to ${result.endpoint} (verify connects directly, without HTTP(S)_PROXY) or raise --timeout`;
  if (s >= 300 && s < 400) return `point ${API_URL_ENV} at the API itself`;
  return 'try again later';
}

export async function runVerify(cmd: VerifyCommand, io: CliIO): Promise<number> {
  // Refused before the token is read: a bad endpoint never gets it.
  const endpoint = resolveEndpoint(io.env);
  const token = (await readSecret(io, 'Paste the Kernel token (input hidden), then press Enter: ')).trim();
  if (!token || /\s/.test(token)) throw new CliError('expected one token on stdin', PIPE_IT);
  const who = `${preview(token)} (fingerprint ${fingerprint(token)})`;
  if (!sendableToken(token)) throw new CliError(`${who} has characters an HTTP header cannot carry, so it was not sent`, PIPE_IT);
  const client = new LivenessClient({ endpoint, timeoutMs: cmd.timeoutMs });
  let result: Liveness;
  try {
    result = await client.check(token);
  } finally {
    client.close();
  }
  const why = `${result.reason}, asked ${result.endpoint}`;
  switch (result.verdict) {
    case 'live':
      io.stdout.write(`kernel-secrets: ${who} is live (${why}). Revoke it now. ${ROTATE_STEPS}\n`);
      return EXIT_FINDINGS;
    case 'not-live':
      io.stdout.write(`kernel-secrets: ${who} is not live (${why}).\n`);
      return EXIT_CLEAN;
    case 'unknown':
      throw new CliError(`could not tell whether ${who} is live (${why})`, unknownFix(result));
  }
}
