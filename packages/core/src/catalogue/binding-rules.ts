/**
 * The rules of binding-based detection (engine/binding.ts): for each, its detector family, what
 * a finding says, and what the rule covers. A new binding shape is a rule here, the words it
 * needs in catalogue/bindings.ts, and examples in the catalogue test.
 */
import type { DetectorId } from '../types.js';
import type { BindingRule } from '../engine/binding.js';
import { KERNEL_WORDS } from './bindings.js';

export interface BindingRuleInfo {
  detector: DetectorId;
  /** The finding's message, before the redacted preview; `name` is the name, flag or call. */
  label: (name: string) => string;
  description: string;
}

export const BINDING_RULES: Readonly<Record<BindingRule, BindingRuleInfo>> = {
  'kernel-variable': {
    detector: 'context',
    label: (name) => `Kernel token assigned to ${name}`,
    description:
      'A value bound to a Kernel credential name (KERNEL_TOKEN, KERNEL_AUTH_TOKEN, PROD_KERNEL_TOKEN, asimovApiKey…) in any syntax: code, typed declarations, .env, shell, Makefile, Dockerfile, YAML, TOML, INI, JSON.',
  },
  'credential-assignment': {
    detector: 'context',
    label: (name) => `Token assigned to a credential name (${name})`,
    description: 'A value bound to a generic credential name (token, access_token, apiKey, bearer, …) in any syntax.',
  },
  'custom-name': {
    detector: 'context',
    label: (name) => `Token assigned to ${name}`,
    description: 'A value bound to a credential name declared in the config (`credentialNames`).',
  },
  'kernel-client': {
    detector: 'context',
    label: (name) => `Kernel token passed to ${name}`,
    description: 'A literal passed to the Kernel SDK: KernelClient(token="…"), new KernelClient({ token: "…" }), createKernelClient("…").',
  },
  'url-parameter': {
    detector: 'context',
    label: () => 'Token in a URL query parameter',
    description: 'A credential in a URL query: ?token=…, &access_token=…, ?api_key=….',
  },
  'cli-flag': {
    detector: 'context',
    label: (name) => `Token passed on a command line (${name})`,
    description:
      'A credential given to a command-line flag: --token X, --token=X, --kernel-token X, --from-literal=token=X, gh secret set KERNEL_TOKEN --body X, --secret-string X, argv arrays, argparse/click defaults.',
  },
  'name-value-pair': {
    detector: 'context',
    label: (name) => `Token stored as the value of ${name}`,
    description:
      'A record whose one field names the credential and another holds it: {"name": "KERNEL_TOKEN", "value": …} (ECS, Kubernetes, Postman, HAR), Terraform secret_name/plaintext_value, `kernel_token:` then `value:`.',
  },
  'bearer-helper': {
    detector: 'authorization-header',
    label: (name) => `Literal bearer token passed to ${name}`,
    description: 'A literal given to a bearer-auth helper: BearerAuth("…"), .bearer_auth("…"), req_auth_bearer_token(req, "…").',
  },
  'token-scheme': {
    detector: 'authorization-header',
    label: () => 'Literal token in an Authorization header (Token scheme)',
    description: 'A literal credential after the `Token` scheme in an Authorization header: `Authorization: Token …`.',
  },
  'credential-header': {
    detector: 'authorization-header',
    label: (name) => `Literal credential in a ${name} header`,
    description: 'A literal value of a credential header (Authorization, X-Api-Key, X-Auth-Token) with no scheme word.',
  },
  'url-userinfo': {
    detector: 'context',
    label: () => 'Credential in the user-info part of a URL',
    description: 'A credential in a URL user-info part: https://user:…@kernel.asimov.com.',
  },
};

/**
 * A text is judged only if it holds one of these (lower case), and a token run only if one is
 * near it (engine/keyword-near.ts): every name a binding accepts holds one. A Kernel name holds
 * a Kernel word; a generic name, credential flag, credential header or bearer helper holds
 * `token`, `bearer`, `authorization` or an `api key` spelling; a value flag counts only in a
 * command naming a `secret`; `.netrc` needs `machine`. Words that are in almost every file of
 * code (`key`, `auth`, `pat`, `password`) are left out: a name made of them alone is not one
 * the engine accepts. test/binding-keywords.test.ts proves each catalogue name holds one.
 */
export const BINDING_KEYWORDS: readonly string[] = [
  ...KERNEL_WORDS,
  'token',
  'bearer',
  'authorization',
  'api_key',
  'api-key',
  'api.key',
  'apikey',
  'secret',
  'machine',
];
