/**
 * Binding-based detection (issue 11): each shape family real files hold a token in is found at
 * the right line and column; each must-stay-quiet family gives nothing. `@@` marks where a
 * random token (generated at run time) goes; `@H` a random 40-hex one.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/index.js';
import { randomToken, randomUrlSafeToken } from '../../../test/support/tokens.js';

const scanner = new Scanner();

function place(template: string): { text: string; sites: { line: number; column: number; token: string }[] } {
  const sites: { line: number; column: number; token: string }[] = [];
  let text = '';
  const parts = template.split(/(@@|@H)/);
  for (const part of parts) {
    if (part !== '@@' && part !== '@H') {
      text += part;
      continue;
    }
    const token = part === '@H' ? randomBytes(20).toString('hex') : randomToken();
    const lines = text.split(/\r\n|\r|\n/);
    sites.push({ line: lines.length, column: lines[lines.length - 1]!.length + 1, token });
    text += token;
  }
  return { text, sites };
}

/** The templates whose tokens are not found exactly (line, column, span); [] when all are. */
function missed(templates: string[]): string[] {
  return templates.filter((template) => {
    const { text, sites } = place(template);
    const found = scanner.scan(text).findings.map((f) => ({ line: f.line, column: f.column, token: text.slice(f.offset, f.endOffset) }));
    return JSON.stringify(found) !== JSON.stringify(sites);
  });
}

const FAMILIES: Record<string, string[]> = {
  '1 name and value in separate fields': [
    '{"containerDefinitions": [{"environment": [{"name": "KERNEL_TOKEN", "value": "@@"}]}]}',
    '{\n  "key": "kernelToken",\n  "value": "@@",\n  "enabled": true\n}',
    '"header": [{"key": "Authorization", "value": "Bearer @@"}]',
    '"headers": [\n  {\n    "name": "authorization",\n    "value": "Bearer @@"\n  }\n]',
    'env:\n  - name: KERNEL_TOKEN\n    value: @@\n',
    '[{"name": "KERNEL_TOKEN", "value": "@@"}]',
    'resource "github_actions_secret" "kernel" {\n  repository      = "lab"\n  secret_name     = "kernel_token"\n  plaintext_value = "@@"\n}',
    'kernel_token:\n  desc: Kernel API token\n  value: @@\n',
    "INSERT INTO settings (key, value) VALUES ('kernel_token', '@@');",
  ],
  '2 typed declarations': [
    'class Settings(BaseSettings):\n    token: str = "@@"',
    'KERNEL_TOKEN: Final = "@@"',
    'const KERNEL_TOKEN: string = "@@";',
    'val kernelToken: String = "@@"',
    'const KERNEL_TOKEN: &str = "@@";',
    'var (\n\tKernelToken string = "@@"\n)',
    'kernelToken := "@@"',
    'public string KernelToken { get; set; } = "@@";',
  ],
  '3 command-line flags and their library forms': [
    'kernel-cli upload --token @@ plasmids/',
    'kernel-cli upload --token=@@',
    'python sync.py --kernel-token @@',
    'docker run -e KERNEL_TOKEN=@@ asimov/kernel-sync',
    'kubectl create secret generic kernel --from-literal=token=@@',
    'gh secret set KERNEL_TOKEN --body @@',
    'aws secretsmanager create-secret --name kernel --secret-string @@',
    'parser.add_argument("--token", default="@@")',
    '@click.option("--kernel-token", default="@@")',
    'execFile("kernel", ["sync", "--token", "@@"])',
    '@token = @@\n\nGET https://kernel.asimov.com/api/v1/constructs\nAuthorization: Bearer {{token}}',
  ],
  '4 bearer helpers and the Token scheme': [
    'curl --oauth2-bearer @@ https://kernel.asimov.com/api/v1/constructs',
    "curl -H 'authorization: bearer @@' https://kernel.asimov.com",
    'r = requests.get(url, auth=BearerAuth("@@"))',
    'req <- req_auth_bearer_token(req, "@@")',
    'let res = client.get(url).bearer_auth("@@").send()?;',
    'req.Header.Set("Authorization", "Bearer @@")',
    '.header("Authorization", "Bearer @@")',
    'Authorization: Token @@',
    'headers = {"Authorization": "Token @@"}',
  ],
  '5 name variants': [
    'KERNEL_AUTH_TOKEN=@@',
    'KERNEL_TOKEN_PROD=@@',
    'PROD_KERNEL_TOKEN=@@',
    'ASIMOV_TOKEN=@@',
    'const asimovApiKey = "@@";',
    'kernel_api_key_staging: "@@"',
  ],
  '6 operators and wrapping': [
    'KERNEL_TOKEN ?= @@',
    'export KERNEL_TOKEN ?= @@',
    'KERNEL_TOKEN := @@',
    'config.kernelToken ??= "@@";',
    'opts.token ||= "@@";',
    'client = KernelClient(\n    token=\n        "@@"\n)',
    'kernel:\n  token: |\n    @@\n',
    'kernel-cli upload \\\n  --token \\\n  @@',
  ],
  '7 hex tokens bound to a credential name': ['KERNEL_TOKEN=@H', 'api_token: "@H"', 'curl -H "Authorization: Bearer @H"'],
  '8 stretch: URL userinfo, .netrc, Markdown tables': [
    'git clone https://kernel-bot:@@@kernel.asimov.com/lab/constructs.git',
    'machine kernel.asimov.com\n  login lab-bot\n  password @@\n',
    '| variable | value |\n| --- | --- |\n| KERNEL_TOKEN | @@ |\n',
  ],
};

describe('shape families: found at the right line and column', () => {
  it.each(Object.entries(FAMILIES))('%s', (_family, templates) => {
    expect(missed(templates)).toEqual([]);
  });
});

describe('quiet families', () => {
  const token = randomToken();
  const url = randomUrlSafeToken(120);
  const QUIET: Record<string, string[]> = {
    'commands that only name a secret': [
      'gcloud secrets versions access latest --secret=kernel-token --project=asimov-lab-production-2024',
      'kubectl get secret kernel-token --namespace=genetic-design-platform-prod -o yaml',
      'aws secretsmanager get-secret-value --secret-id kernel/token/production-eu-west-1',
    ],
    'KERNEL_TOKEN_FILE, _PATH and _URL name something else': [
      `KERNEL_TOKEN_FILE=/run/secrets/${token}`,
      `kernelTokenPath: "${token}"`,
      `KERNEL_TOKEN_URL=https://vault.internal/v1/${token}`,
    ],
    'ciphertext made to be committed': [
      `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nspec:\n  encryptedData:\n    token: Ag${url}\n`,
      `kernel_token: ENC[AES256_GCM,data:${url},iv:${randomToken(32)},tag:${randomToken(24)},type:str]\nsops:\n  version: 3.8.1\n`,
      `kernel_token: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  ${randomBytes(32).toString('hex')}\n`,
      `-----BEGIN AGE ENCRYPTED FILE-----\n${url}\n-----END AGE ENCRYPTED FILE-----\nKERNEL_TOKEN=${url.slice(0, 40)}\n`.replace(
        'KERNEL_TOKEN=',
        'kernel_token_enc=',
      ),
      `DOTENV_VAULT_PRODUCTION="${url}"\nDOTENV_VAULT_KERNEL_TOKEN="${url}"\n`,
    ],
    'sequences and bio formats': [
      `>construct_1 pUC19 backbone\nACGTTGCAGGCTAGCTAGGATCCGATCGATCGTAGCTAGCTAGGCTAGCAT\n`,
      `token = "ACGTTGCAacgtggctagctAGGATCCGATCGATCG"`,
      `LOCUS       pKERNEL1  2686 bp    DNA     circular\nORIGIN\n        1 tcgcgcgttt cggtgatgac ggtgaaaacc tctgacacat gcagctcccg\n//\n`,
      `@read1\nGATTTGGGGTTCAAAGCAGTATCGATCAAATAGTAAATCCATTTGTTCAACTCACAGTTT\n+\n!''*((((***+))%%%++)(%%%%).1***-+*''))**55CCF>>>>>>CCCCCCC65\n`,
      `kernel_protein: MKTAYIAKQRQISFVKSHFSRQLEERLGLIEVQAPILSRVGDGTQDNLSGAEKAVQ`,
    ],
    'tokenizer vocabularies, lock files, source maps, minified bundles': [
      `{"model": {"vocab": {"[PAD]": 0, "token": 1, "##ization": 2}}, "pad_token": "[PAD]", "bos_token": "<s>"}`,
      `"node_modules/kernel-sdk": {\n  "version": "1.2.3",\n  "resolved": "https://registry.npmjs.org/kernel-sdk/-/kernel-sdk-1.2.3.tgz",\n  "integrity": "sha512-${url}"\n}`,
      `[[package]]\nname = "kernel-token"\nversion = "0.4.1"\nchecksum = "${randomBytes(32).toString('hex')}"\n`,
      `{"version":3,"sources":["kernel.ts"],"names":["token","apiKey"],"mappings":"AAAA,SAASA,MAAM,CAACC,KAAK;AACrB,OAAO,KAAKC"}`,
      `!function(e){var t={token:e.token,apiKey:e.apiKey};e.kernelToken=t.token||"";return t}(window);`,
    ],
  };

  it.each(Object.entries(QUIET))('%s', (_family, texts) => {
    // Index of each text that gave a finding (the texts hold random tokens: never print them).
    expect(texts.flatMap((text, i) => (scanner.scan(text).findings.length > 0 ? [i] : []))).toEqual([]);
  });
});
