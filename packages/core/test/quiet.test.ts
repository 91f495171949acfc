/** Ordinary code and docs that must give zero findings: placeholders, references, hashes, words. */
import { describe, expect, it } from 'vitest';
import { NOT_CREDENTIAL_NAMES, PLACEHOLDER_VALUES, Scanner } from '../src/index.js';
import { randomToken } from '../../../test/support/tokens.js';

const scanner = new Scanner();

const QUIET: string[] = [
  'Authorization: Bearer YOUR_TOKEN',
  '-H "Authorization: Bearer $KERNEL_TOKEN"',
  'headers = {"Authorization": f"Bearer {token}"}',
  'const headers = { Authorization: `Bearer ${process.env.KERNEL_TOKEN}` };',
  'export KERNEL_TOKEN="your_token_here"',
  'export KERNEL_TOKEN=${KERNEL_TOKEN}',
  'KERNEL_TOKEN: ${{ secrets.KERNEL_TOKEN }}',
  'token = os.environ["KERNEL_TOKEN"]',
  'const token = process.env.KERNEL_TOKEN;',
  'client = KernelClient()  # Reads from KERNEL_TOKEN',
  'token: <token>',
  'token: "{{ kernel_token }}"',
  'KERNEL_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'KERNEL_TOKEN=****************************',
  'token = "abcdefghijklmnopqrstuvwxyz"',
  'token = "12345678901234567890123"',
  'KERNEL_TOKEN=changeme_changeme_changeme',
  'const token = "EXAMPLE_TOKEN_FOR_DOCS_ONLY_1234";',
  'KERNEL_TOKEN_FILE=/run/secrets/kernel_token_value_file',
  'const tokenizer = new Tokenizer("wordpiece-uncased-vocabulary-v2");',
  'max_tokens = 4096',
  'usage.total_tokens += response.usage.total_tokens',
  'const csrfTokenHeaderName = "X-CSRF-Token-Header-Name-Value";',
  'i18n: { expired: "Your token has expired, please sign in again" }',
  'token_type: "Bearer"',
  '"integrity": "sha512-Q3Jvk4Tz7UVxKp0Pp3sQfQw5zB2E6y0eYqY1zZ7eVb0hJm4kQm4x0n0rXk3x7jYh3bT0Yg2Zx7w8C8gk5Zl9Q=="',
  'token = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"',
  'access_token = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3"',
  'src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="',
  'const token: SomeDescriptiveTokenInterfaceName = makeToken();',
  'token = get_token_from_vault(path="kernel/prod")',
  'this.token = response.data.accessToken;',
  'Bearer tokens are passed in the Authorization header of every request.',
  'See the token rotation guide: https://kernel.asimov.com/docs?topic=token-rotation',
  '"version": "1.2.3-beta.4+build.5678"',
];

describe('stays quiet on ordinary text', () => {
  it.each(QUIET.map((text, i) => ({ i, text })))('case $i', ({ text }) => {
    expect(scanner.scan(text).findings).toEqual([]);
  });

  it('never reports a catalogued placeholder under a Kernel name', () => {
    for (const p of PLACEHOLDER_VALUES) {
      expect(scanner.scan(`KERNEL_TOKEN="${p}"`).findings).toEqual([]);
    }
  });

  it('a credential field with its own value does not name the fields after it (npm config: _authToken, then password)', () => {
    const text = `{\n  _authToken: 'an-npm-auth-token',\n  username: 'someone',\n  password: '${randomToken(28)}',\n}`;
    expect(scanner.scan(text).findings).toEqual([]);
  });

  it('treats names that merely contain "token" as non-credentials', () => {
    for (const name of NOT_CREDENTIAL_NAMES) {
      expect(scanner.scan(`${name} = "${randomToken(32)}"`).findings).toEqual([]);
    }
  });
});
