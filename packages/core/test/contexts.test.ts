/**
 * Each credential context from the foundation issue: a generated token placed in it is found
 * by the right detector at the right line and column.
 */
import { describe, expect, it } from 'vitest';
import { Scanner } from '../src/index.js';
import { randomJwt, randomToken } from '../../../test/support/tokens.js';

const scanner = new Scanner();

/** `@@` marks where the token goes; the expected position is derived from it. */
const CONTEXTS: { name: string; text: string; detector: string; rule?: string }[] = [
  { name: '.env line', text: 'DEBUG=1\nKERNEL_TOKEN=@@\n', detector: 'context', rule: 'kernel-variable' },
  { name: 'shell export, double quotes', text: 'export KERNEL_TOKEN="@@"', detector: 'context' },
  { name: 'shell export, single quotes', text: "export KERNEL_API_TOKEN='@@'", detector: 'context' },
  { name: 'Dockerfile ENV with space', text: 'FROM node:20\nENV KERNEL_TOKEN @@\n', detector: 'context' },
  { name: 'Dockerfile ENV with =', text: 'ENV KERNEL_API_KEY=@@', detector: 'context' },
  { name: 'YAML key', text: 'kernel:\n  kernel_token: @@\n', detector: 'context' },
  { name: 'YAML quoted', text: 'env:\n  KERNEL_TOKEN: "@@"\n', detector: 'context' },
  { name: 'TOML', text: '[tool.kernel]\nkernel_token = "@@"\n', detector: 'context' },
  { name: 'JSON key camelCase', text: '{\n  "kernelToken": "@@"\n}', detector: 'context' },
  { name: 'kebab-case key', text: 'kernel-token: @@', detector: 'context' },
  { name: 'JS object camelCase', text: 'const cfg = { kernelApiKey: "@@" };', detector: 'context' },
  { name: 'Python SDK kwarg', text: 'client = KernelClient(token="@@")', detector: 'context', rule: 'kernel-client' },
  { name: 'Python SDK positional', text: "client = KernelClient('@@')", detector: 'context', rule: 'kernel-client' },
  { name: 'JS SDK object', text: 'const client = new KernelClient({\n  token: "@@",\n});', detector: 'context', rule: 'kernel-client' },
  { name: 'generic token assignment (JS)', text: 'const token = "@@";', detector: 'context', rule: 'credential-assignment' },
  { name: 'access_token assignment (Python)', text: 'access_token = "@@"', detector: 'context' },
  { name: 'api_token in JSON', text: '{"api_token": "@@"}', detector: 'context' },
  { name: 'bearer key', text: "const opts = { bearer: '@@' };", detector: 'context' },
  {
    name: 'URL ?token=',
    text: 'fetch("https://kernel.asimov.com/api/v1/constructs?token=@@")',
    detector: 'context',
    rule: 'url-parameter',
  },
  { name: 'URL &access_token=', text: 'GET /api/v1/parts?page=2&access_token=@@ HTTP/1.1', detector: 'context', rule: 'url-parameter' },
  {
    name: 'INI [kernel] section',
    text: '[kernel]\nurl = https://kernel.asimov.com\ntoken = @@\n',
    detector: 'context',
    rule: 'credential-assignment',
  },
  { name: 'notebook JSON-escaped env', text: '   "source": [\n    "os.environ[\\"KERNEL_TOKEN\\"] = \\"@@\\"\\n",\n', detector: 'context' },
  { name: 'notebook JSON-escaped SDK', text: '    "client = KernelClient(token=\\"@@\\")\\n"', detector: 'context' },
  { name: 'Kubernetes env entry', text: 'env:\n  - name: KERNEL_TOKEN\n    value: "@@"\n', detector: 'context', rule: 'name-value-pair' },
  { name: 'env fallback ??', text: 'const t = process.env.KERNEL_TOKEN ?? "@@";', detector: 'context' },
  { name: 'Python getenv default', text: 'token = os.getenv("KERNEL_TOKEN", "@@")', detector: 'context' },
  {
    name: 'curl -H',
    text: 'curl -X GET \\\n  -H "Authorization: Bearer @@" \\\n  https://kernel.asimov.com/api/v1/constructs',
    detector: 'authorization-header',
  },
  {
    name: '.http file',
    text: 'GET https://kernel.asimov.com/api/v1/constructs\nAuthorization: Bearer @@\n',
    detector: 'authorization-header',
  },
  { name: 'header object', text: "const headers = { Authorization: 'Bearer @@' };", detector: 'authorization-header' },
  { name: 'headers.set', text: "headers.set('Authorization', `Bearer @@`);", detector: 'authorization-header' },
  { name: 'Python f-string header', text: 'headers = {"Authorization": f"Bearer @@"}', detector: 'authorization-header' },
  { name: 'YAML header', text: 'headers:\n  Authorization: Bearer @@\n', detector: 'authorization-header' },
  { name: 'Markdown prose', text: '# Setup\n\nCall the API with `Authorization: Bearer @@`.\n', detector: 'authorization-header' },
  { name: 'CRLF line endings', text: 'A=1\r\nB=2\r\nKERNEL_TOKEN=@@\r\n', detector: 'context' },
  { name: 'CR-only line endings', text: 'A=1\rB=2\rKERNEL_TOKEN=@@\r', detector: 'context' },
];

function place(text: string, token: string): { text: string; line: number; column: number } {
  const at = text.indexOf('@@');
  const before = text.slice(0, at);
  const lines = before.split(/\r\n|\r|\n/);
  return { text: text.replace('@@', token), line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

describe('credential contexts', () => {
  it.each(CONTEXTS)('finds a token in: $name', ({ text, detector, rule }) => {
    const token = randomToken();
    const placed = place(text, token);
    const { findings } = scanner.scan(placed.text);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f.detector).toBe(detector);
    if (rule) expect(f.rule).toBe(rule);
    expect({ line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn }).toEqual({
      line: placed.line,
      column: placed.column,
      endLine: placed.line,
      endColumn: placed.column + token.length,
    });
    expect(placed.text.slice(f.offset, f.endOffset)).toBe(token);
  });

  it('finds a JWT anywhere, and lowers an expired one to a warning', () => {
    const live = randomJwt({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + 3600 });
    const expired = randomJwt({ sub: 'u1', exp: 1_000_000_000 });
    const text = `const a = "${live}";\nnote: ${expired}\n`;
    const { findings } = scanner.scan(text);
    expect(findings.map((f) => [f.detector, f.rule, f.severity, f.line, f.column])).toEqual([
      ['format', 'jwt', 'error', 1, 12],
      ['format', 'jwt', 'warning', 2, 7],
    ]);
  });

  it('prefers the JWT finding over the header finding for the same span', () => {
    const jwt = randomJwt();
    const { findings } = scanner.scan(`Authorization: Bearer ${jwt}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.rule).toBe('jwt');
  });

  it('ignores a JWT-shaped string whose header is not JSON with alg', () => {
    const fake = `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.${Buffer.from('{"a":1}').toString('base64url')}.${randomToken(20)}`;
    expect(scanner.scan(`x = "${fake}"`).findings).toEqual([]);
  });

  it('ignores the jwt.io documentation sample', () => {
    const sample = randomJwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
    expect(scanner.scan(`const example = "${sample}";`).findings).toEqual([]);
  });

  it('leaves a sentence-ending dot out of a value, unless the value is dotted like a JWT', () => {
    const s = new Scanner();
    const span = (text: string) => s.scan(text).findings.map((f) => f.endOffset - f.offset);
    const plain = randomToken();
    expect(span(`The token is KERNEL_TOKEN=${plain}.`)).toEqual([plain.length]);
    // Two dots inside: the last one may be the token's own (a JWT's signature can end the text).
    const dotted = `${randomToken(16)}.${randomToken(12)}.${randomToken(10)}`;
    expect(span(`Authorization: Bearer ${dotted}.`)).toEqual([dotted.length + 1]);
  });

  it('reports only lines in onlyLines while using context from other lines', () => {
    const token = randomToken();
    const text = `[kernel]\nurl = https://kernel.asimov.com\ntoken = ${token}\n`;
    expect(scanner.scan(text, { onlyLines: new Set([3]) }).findings).toHaveLength(1);
    expect(scanner.scan(text, { onlyLines: new Set([1, 2]) }).findings).toHaveLength(0);
  });
});

describe('mayFind (changed lines only)', () => {
  const scanner = new Scanner();

  it('is false for changed lines that cannot hold a finding', () => {
    expect(scanner.mayFind('export const rev12 = 12;\n// revision 12\n')).toBe(false);
    expect(scanner.mayFind('  "version": "1.2.3",\n')).toBe(false);
  });

  it('is true for every context in the table, given only the line holding the token', () => {
    for (const { text } of CONTEXTS) {
      const token = randomToken();
      const placed = place(text, token);
      const line = placed.text.split(/\r\n|\r|\n/)[placed.line - 1]!;
      expect(scanner.mayFind(line)).toBe(true);
    }
  });

  it('is true for a token alone on its line (its name on an unchanged line)', () => {
    expect(scanner.mayFind(`    "${randomToken()}"\n`)).toBe(true);
    expect(scanner.mayFind(`    value: ${randomToken()}\n`)).toBe(true);
  });
});
