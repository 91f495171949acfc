/**
 * The rules of binding-based detection (engine/binding.ts): for each, its detector family, what
 * a finding says, and what the rule covers. A new binding shape is a rule here, the words it
 * needs in catalogue/bindings.ts, and examples in the catalogue test.
 */
import type { DetectorId } from '../types.js';
import type { DetectorExamples } from './detectors.js';
import type { BindingRule } from '../engine/binding.js';
import { KERNEL_WORDS } from './bindings.js';

export interface BindingRuleInfo {
  detector: DetectorId;
  /** The finding's message, before the redacted preview; `name` is the name, flag or call. */
  label: (name: string) => string;
  description: string;
  /** What the rule finds and the near misses it must not (slots as in detectors.ts), run by test/catalogue.test.ts. */
  examples: DetectorExamples;
}

export const BINDING_RULES: Readonly<Record<BindingRule, BindingRuleInfo>> = {
  'kernel-variable': {
    detector: 'context',
    label: (name) => `Kernel token assigned to ${name}`,
    description:
      'A value bound to a Kernel credential name (KERNEL_TOKEN, KERNEL_AUTH_TOKEN, PROD_KERNEL_TOKEN, asimovApiKey…) in any syntax: code, typed declarations, .env, shell, Makefile, Dockerfile, YAML, TOML, INI, JSON.',
    examples: {
      found: [
        'KERNEL_TOKEN={token}',
        'export KERNEL_AUTH_TOKEN="{token}"',
        'const KERNEL_TOKEN: string = "{token}";',
        'ENV KERNEL_TOKEN {token}',

        'KERNEL_TOKEN=\\\n  {token}',
        "INSERT INTO settings (key, value) VALUES ('kernel_token', '{token}');",
      ],
      quiet: ['export KERNEL_TOKEN=${KERNEL_TOKEN}', 'KERNEL_TOKEN=your_token_here', 'KERNEL_TOKEN_FILE=/run/secrets/{token}'],
    },
  },
  'credential-assignment': {
    detector: 'context',
    label: (name) => `Token assigned to a credential name (${name})`,
    description: 'A value bound to a generic credential name (token, access_token, apiKey, bearer, …) in any syntax.',
    examples: {
      found: [
        'const access_token = "{token}";',
        'class Settings(BaseSettings):\n    token: str = "{token}"',
        'opts.token ||= "{token}";',
        'api_token: "{hex}"',
        'kernel:\n  token: |\n    {token}\n',
      ],
      quiet: ['const token = process.env.KERNEL_TOKEN;', 'max_tokens = 4096', 'this.token = response.data.accessToken;'],
    },
  },
  'custom-name': {
    detector: 'context',
    label: (name) => `Token assigned to ${name}`,
    description: 'A value bound to a credential name declared in the config (`credentialNames`).',
    // The catalogue test's scanner declares `credentialNames: ['LAB_PAT']`.
    examples: {
      found: ['LAB_PAT={token}', 'const legacyLabPat = "{token}";'],
      quiet: ['LAB_PAT_FILE=/run/secrets/lab-pat'],
    },
  },
  'kernel-client': {
    detector: 'context',
    label: (name) => `Kernel token passed to ${name}`,
    description: 'A literal passed to the Kernel SDK: KernelClient(token="…"), new KernelClient({ token: "…" }), createKernelClient("…").',
    examples: {
      found: [
        'client = KernelClient(token="{token}")',
        'new KernelClient({ token: "{token}" })',
        'client = KernelClient(\n    token=\n        "{token}"\n)',
      ],
      quiet: ['client = KernelClient()  # reads KERNEL_TOKEN', 'KernelClient(token=os.environ["KERNEL_TOKEN"])'],
    },
  },
  'url-parameter': {
    detector: 'context',
    label: () => 'Token in a URL query parameter',
    description: 'A credential in a URL query: ?token=…, &access_token=…, ?api_key=….',
    examples: {
      found: ['https://kernel.asimov.com/api/v1/constructs?token={token}', 'GET /export?format=gb&access_token={token}'],
      quiet: ['https://kernel.asimov.com/docs?topic=token-rotation'],
    },
  },
  'cli-flag': {
    detector: 'context',
    label: (name) => `Token passed on a command line (${name})`,
    description:
      'A credential given to a command-line flag: --token X, --token=X, --kernel-token X, --from-literal=token=X, gh secret set KERNEL_TOKEN --body X, --secret-string X, argv arrays, argparse/click defaults.',
    examples: {
      found: [
        'kernel-cli upload --token {token} plasmids/',
        'gh secret set KERNEL_TOKEN --body {token}',

        'execFile("kernel", ["sync", "--token", "{token}"])',
      ],
      quiet: [
        'gcloud secrets versions access latest --secret=kernel-token --project=asimov-lab-production-2024',
        'kernel-cli upload --token "$KERNEL_TOKEN"',
      ],
    },
  },
  'name-value-pair': {
    detector: 'context',
    label: (name) => `Token stored as the value of ${name}`,
    description:
      'A record whose one field names the credential and another holds it: {"name": "KERNEL_TOKEN", "value": …} (ECS, Kubernetes, Postman, HAR), Terraform secret_name/plaintext_value, `kernel_token:` then `value:`.',
    examples: {
      found: [
        '[{"name": "KERNEL_TOKEN", "value": "{token}"}]',
        'env:\n  - name: KERNEL_TOKEN\n    value: {token}\n',
        'parser.add_argument("--token", default="{token}")',
      ],
      quiet: [
        '[{"name": "KERNEL_TOKEN_FILE", "value": "/run/secrets/kernel"}]',
        '{"_authToken": "an-npm-auth-token", "password": "{token}"}',
      ],
    },
  },
  'bearer-helper': {
    detector: 'authorization-header',
    label: (name) => `Literal bearer token passed to ${name}`,
    description: 'A literal given to a bearer-auth helper: BearerAuth("…"), .bearer_auth("…"), req_auth_bearer_token(req, "…").',
    examples: {
      found: [
        'r = requests.get(url, auth=BearerAuth("{token}"))',
        'req <- req_auth_bearer_token(req, "{token}")',
        'client.get(url).bearer_auth("{token}")',
      ],
      quiet: ['auth=BearerAuth(os.environ["KERNEL_TOKEN"])'],
    },
  },
  'token-scheme': {
    detector: 'authorization-header',
    label: () => 'Literal token in an Authorization header (Token scheme)',
    description: 'A literal credential after the `Token` scheme in an Authorization header: `Authorization: Token …`.',
    examples: {
      found: ['Authorization: Token {token}', 'headers = {"Authorization": "Token {token}"}'],
      quiet: ['The token {token} has no header around it.'],
    },
  },
  'credential-header': {
    detector: 'authorization-header',
    label: (name) => `Literal credential in a ${name} header`,
    description: 'A literal value of a credential header (Authorization, X-Api-Key, X-Auth-Token) with no scheme word.',
    examples: {
      found: ['"X-Access-Token": "{token}"', 'x-access-token: {token}'],
      quiet: ['"X-Access-Token": process.env.KERNEL_TOKEN'],
    },
  },
  'url-userinfo': {
    detector: 'context',
    label: () => 'Credential in the user-info part of a URL',
    description: 'A credential in a URL user-info part: https://user:…@kernel.asimov.com.',
    examples: {
      found: ['git clone https://kernel-bot:{token}@kernel.asimov.com/lab/constructs.git'],
      quiet: ['https://user:{token}@example.com/path', 'postgres://user:pass@localhost/db'],
    },
  },
  'notebook-output': {
    detector: 'context',
    label: (name) => `Token printed in a notebook output (the cell reads ${name})`,
    description:
      'A Jupyter output line (`"text"`, `"text/plain"`) that is only a token-shaped value, in a cell whose source reads a credential name (`print(os.environ["KERNEL_TOKEN"])`).',
    examples: {
      found: [
        '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [{"name": "stdout", "output_type": "stream", "text": [\n      "{token}\\n"\n     ]}], "source": ["print(os.environ[\\"KERNEL_TOKEN\\"])"]}]}',
        '{"cell_type": "code", "outputs": [{"data": {"text/plain": [\n       "\'{token}\'"\n      ]}, "output_type": "execute_result"}], "source": ["client.token"]}',
      ],
      quiet: [
        '{"cell_type": "code", "outputs": [{"text": [\n      "{token}\\n"\n     ]}], "source": ["print(model.hash())"]}',
        '{"cell_type": "code", "outputs": [{"text": [\n      "tokenizer loaded: bert-base-uncased-vocabulary\\n"\n     ]}], "source": ["print(token)"]}',
      ],
    },
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
