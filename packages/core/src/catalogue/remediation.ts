/**
 * What a user must do once a token is found. Follows Kernel's Authentication page:
 * tokens are revoked under Settings › Security › API Tokens, a new token is created before
 * the old one is revoked, every app using it is updated, and tokens live in environment
 * variables or a secret manager.
 */
import type { DetectorId } from '../types.js';

export const ROTATE_STEPS =
  'Treat it as leaked: create a new token in Kernel under Settings › Security › API Tokens, ' +
  'update every app that uses it, then revoke the old one there.';

export const STORE_ADVICE =
  'Read the token from an environment variable (process.env.KERNEL_TOKEN, os.environ["KERNEL_TOKEN"]) ' +
  'or a secret manager instead of writing it in a file.';

export const ALLOW_ADVICE =
  'If this is not a real token, add `kernel-secrets-allow: <reason>` on that line (or ' +
  '`kernel-secrets-allow-next-line` above it), or list its fingerprint under allowedFingerprints.';

const REMEDIATION: Record<DetectorId, string> = {
  known: `This is your own live Kernel token. ${ROTATE_STEPS} ${STORE_ADVICE}`,
  format: `${ROTATE_STEPS} ${STORE_ADVICE} ${ALLOW_ADVICE}`,
  context: `${STORE_ADVICE} If it was ever committed or shared: ${ROTATE_STEPS} ${ALLOW_ADVICE}`,
  'authorization-header': `Build the header from a variable: \`Authorization: Bearer \${KERNEL_TOKEN}\`. ${STORE_ADVICE} If it was ever committed or shared: ${ROTATE_STEPS} ${ALLOW_ADVICE}`,
};

export function remediationFor(detector: DetectorId): string {
  return REMEDIATION[detector];
}
