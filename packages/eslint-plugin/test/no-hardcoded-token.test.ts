/**
 * kernel-secrets/no-hardcoded-token under RuleTester: JS and JSX with espree (ESLint's default
 * parser), TS and TSX with @typescript-eslint/parser. Tokens are generated at run time and
 * never appear in a test name. In each invalid case the reported range is marked with « »;
 * line, column, endLine and endColumn are asserted from the marks, and so is the suggestion.
 */
import { fingerprint, preview } from '@kernel-secrets/core';
import { Linter, type Rule } from 'eslint';
import * as espree from 'espree';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { randomJwt, randomToken, signedJwt } from '../../../test/support/tokens.js';
import rule, { type MessageIds, type NoHardcodedTokenOptions } from '../src/rules/no-hardcoded-token.js';
import { GUILLEMET_MARKS, unmark } from './support/marked-code.js';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from './support/rule-tester.js';

// ---------------------------------------------------------------------------------------------
// Values generated for this run
// ---------------------------------------------------------------------------------------------

const T = randomToken();
const T2 = randomToken();
/** The developer's own live token, exported as KERNEL_TOKEN for this test file. */
const LIVE = randomToken();
const EXPIRED_JWT = randomJwt({ sub: randomBytes(8).toString('hex'), exp: Math.floor(Date.now() / 1000) - 3600 });
const JWT = randomJwt({ sub: randomBytes(8).toString('hex'), exp: Math.floor(Date.now() / 1000) + 3600 });
/** jwt.io's documentation sample shape: never reported. */
const SAMPLE_JWT = randomJwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
const UUID = crypto.randomUUID();
const GIT_SHA = randomBytes(20).toString('hex');
const ORG_TOKEN = `apat_${randomToken(32)}`;
/** A test suite's JWT vector, signed with a key quoted in the same file (hono's jwt tests). */
const VECTOR_KEY = `k-${randomToken(8)}`;
const VECTOR_JWT = signedJwt(VECTOR_KEY, 'HS256', { message: 'hello world' });
const VECTOR_APP = `app.use('/auth/*', jwt({ secret: '${VECTOR_KEY}', alg: 'HS256' }));`;
const b64 = (text: string) => Buffer.from(text).toString('base64');

const savedKernelToken = process.env['KERNEL_TOKEN'];
process.env['KERNEL_TOKEN'] = LIVE;

// Configs for the cases that read a kernel-secrets config file.
const tmp = mkdtempSync(join(tmpdir(), 'ks-rule-'));
function configFile(dir: string, content: string): string {
  mkdirSync(join(tmp, dir), { recursive: true });
  const file = join(tmp, dir, 'kernel-secrets.config.json');
  writeFileSync(file, content);
  return file;
}
const ORG_CONFIG = configFile(
  'org',
  JSON.stringify({
    credentialNames: ['ASIMOV_PAT'],
    formats: [{ id: 'acme-pat', pattern: 'apat_[A-Za-z0-9]{32}', prefix: 'apat_', description: 'ACME personal access token' }],
    ignorePaths: ['generated/**'],
  }),
);
const BAD_SCHEMA_CONFIG = configFile('bad-schema', JSON.stringify({ credentialNames: 'ASIMOV_PAT' }));
const BAD_JSON_CONFIG = configFile('bad-json', '{ "credentialNames": [');

afterAll(() => {
  if (savedKernelToken === undefined) delete process.env['KERNEL_TOKEN'];
  else process.env['KERNEL_TOKEN'] = savedKernelToken;
  rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Case builders
// ---------------------------------------------------------------------------------------------

type Lang = 'js' | 'jsx' | 'ts' | 'tsx';
type Options = [NoHardcodedTokenOptions];

const JSX = { parserOptions: { ecmaFeatures: { jsx: true } } };
const LANGS: Record<Lang, Pick<ValidTestCase<Options>, 'filename' | 'languageOptions'>> = {
  js: { filename: 'file.js', languageOptions: { parser: espree } },
  jsx: { filename: 'file.jsx', languageOptions: { parser: espree, ...JSX } },
  ts: { filename: 'file.ts' },
  tsx: { filename: 'react.tsx', languageOptions: JSX },
};

const ENV = 'process.env.KERNEL_TOKEN';
const BEARER_ENV = '`Bearer ${process.env.KERNEL_TOKEN}`';

interface Good {
  what: string;
  lang: Lang;
  code: string;
  options?: NoHardcodedTokenOptions;
  filename?: string;
}

interface Bad extends Good {
  /** Replacement text of the marked range that the suggestion offers; omitted = no suggestion. */
  suggest?: string;
  /** The whole code after the suggestion, when it replaces more than the marked range. */
  output?: string;
  messageId?: MessageIds;
}

function valid(cases: Good[]): ValidTestCase<Options>[] {
  return cases.map((c, i) => ({
    name: `valid #${i} (${c.lang}): ${c.what}`,
    code: c.code,
    ...LANGS[c.lang],
    ...(c.filename ? { filename: c.filename } : {}),
    ...(c.options ? { options: [c.options] as Options } : {}),
  }));
}

function invalid(cases: Bad[]): InvalidTestCase<MessageIds, Options>[] {
  return cases.map((c, i) => {
    const { code, spans } = unmark(c.code, GUILLEMET_MARKS);
    if (spans.length !== 1) throw new Error(`invalid #${i} needs one « » mark`);
    const { text, ...location } = spans[0]!;
    const open = c.code.indexOf('«');
    const close = open + text.length;
    return {
      name: `invalid #${i} (${c.lang}): ${c.what}`,
      code,
      ...LANGS[c.lang],
      ...(c.filename ? { filename: c.filename } : {}),
      ...(c.options ? { options: [c.options] as Options } : {}),
      errors: [
        {
          messageId: c.messageId ?? 'hardcodedToken',
          ...location,
          suggestions:
            c.output !== undefined
              ? [{ messageId: 'useEnvVariable', output: c.output }]
              : c.suggest !== undefined
                ? [{ messageId: 'useEnvVariable', output: code.slice(0, open) + c.suggest + code.slice(close) }]
                : [],
        },
      ],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

const INVALID: Bad[] = [
  // Declarations and assignments, any case style
  { what: 'KERNEL_TOKEN constant', lang: 'js', code: `const KERNEL_TOKEN = «"${T}"»;`, suggest: ENV },
  { what: 'camelCase kernelApiKey', lang: 'js', code: `let kernelApiKey = «'${T}'»;`, suggest: ENV },
  { what: 'Kernel name ending a longer name', lang: 'js', code: `export const DEFAULT_KERNEL_TOKEN = «'${T}'»;`, suggest: ENV },
  { what: 'assignment to token', lang: 'js', code: `let token;\ntoken = «"${T}"»;`, suggest: ENV },
  { what: 'member assignment accessToken', lang: 'js', code: `config.accessToken = «"${T}"»;`, suggest: ENV },
  // Storing into the variable the suggestion would read: no suggestion (it would be a no-op).
  { what: 'process.env assignment', lang: 'js', code: `process.env.KERNEL_TOKEN = «"${T}"»;` },
  { what: 'process.env ||= assignment', lang: 'js', code: `process.env.KERNEL_TOKEN ||= «"${T}"»;` },
  { what: 'Object.assign into process.env', lang: 'js', code: `Object.assign(process.env, { KERNEL_TOKEN: «"${T}"» });` },
  { what: 'vi.stubEnv of the variable', lang: 'ts', code: `vi.stubEnv('KERNEL_TOKEN', «"${T}"»);` },
  { what: 'computed process.env assignment', lang: 'js', code: `process.env['KERNEL_API_TOKEN'] = «'${T}'»;`, suggest: ENV },
  // Fallbacks
  // The fallback itself is removed, not replaced by the variable it falls back from.
  { what: 'env fallback with ??', lang: 'js', code: `const t = process.env.KERNEL_TOKEN ?? «"${T}"»;`, output: `const t = ${ENV};` },
  { what: 'env fallback with ||', lang: 'js', code: `const t = process.env.KERNEL_TOKEN || «'${T}'»;`, output: `const t = ${ENV};` },
  { what: 'fallback in a conditional', lang: 'js', code: `const token = useEnv ? process.env.KERNEL_TOKEN : «"${T}"»;`, suggest: ENV },
  { what: 'optional-chain fallback', lang: 'ts', code: `const t = opts?.token ?? «"${T}"»;`, suggest: ENV },
  // Object properties and keys
  { what: 'object property token', lang: 'js', code: `const opts = { token: «"${T}"» };`, suggest: ENV },
  { what: 'quoted kebab-case key', lang: 'js', code: `const opts = { 'api-key': «"${T}"» };`, suggest: ENV },
  { what: 'computed string key', lang: 'js', code: `const opts = { ['KERNEL_TOKEN']: «"${T}"» };`, suggest: ENV },
  { what: 'computed template key', lang: 'js', code: `const opts = { [\`apiKey\`]: «'${T}'» };`, suggest: ENV },
  { what: 'Map entry', lang: 'js', code: `const env = new Map([['token', «'${T}'»]]);`, suggest: ENV },
  // Kernel clients
  { what: 'new KernelClient({ token })', lang: 'js', code: `const client = new KernelClient({ token: «"${T}"» });`, suggest: ENV },
  { what: 'KernelClient positional', lang: 'js', code: `const client = KernelClient(«"${T}"»);`, suggest: ENV },
  { what: 'namespaced new KernelClient', lang: 'js', code: `const client = new sdk.KernelClient(«'${T}'»);`, suggest: ENV },
  // Headers
  { what: 'fetch headers literal', lang: 'js', code: `fetch(url, { headers: { Authorization: «"Bearer ${T}"» } });`, suggest: BEARER_ENV },
  { what: 'new Headers object', lang: 'js', code: `const h = new Headers({ authorization: «'Bearer ${T}'» });`, suggest: BEARER_ENV },
  { what: 'headers.set', lang: 'js', code: `headers.set('Authorization', «"Bearer ${T}"»);`, suggest: BEARER_ENV },
  { what: 'new Headers entries', lang: 'js', code: `const h = new Headers([['Authorization', «'Bearer ${T}'»]]);`, suggest: BEARER_ENV },
  { what: 'axios defaults', lang: 'js', code: `axios.defaults.headers.common.Authorization = «"Bearer ${T}"»;`, suggest: BEARER_ENV },
  {
    what: 'axios defaults, computed',
    lang: 'js',
    code: `axios.defaults.headers.common['Authorization'] = «'Bearer ${T}'»;`,
    suggest: BEARER_ENV,
  },
  {
    what: 'concatenation folded to a constant',
    lang: 'js',
    code: `const auth = { Authorization: «"Bearer " + "${T}"» };`,
    suggest: BEARER_ENV,
  },
  {
    what: 'comparison with a literal credential',
    lang: 'js',
    code: `if (req.headers.authorization === «'Bearer ${T}'») grant();`,
    suggest: BEARER_ENV,
  },
  { what: 'setter call', lang: 'js', code: `client.setToken(«"${T}"»);`, suggest: ENV },
  { what: 'localStorage.setItem', lang: 'js', code: `localStorage.setItem('token', «'${T}'»);`, suggest: ENV },
  // Parameters and classes
  { what: 'default parameter', lang: 'js', code: `function connect(token = «"${T}"») {}`, suggest: ENV },
  { what: 'destructuring default', lang: 'js', code: `const { apiKey = «'${T}'» } = options;`, suggest: ENV },
  { what: 'class field', lang: 'js', code: `class Api {\n  token = «"${T}"»;\n}`, suggest: ENV },
  { what: 'static class field', lang: 'js', code: `class Api { static KERNEL_TOKEN = «'${T}'»; }`, suggest: ENV },
  { what: 'private class field', lang: 'js', code: `class Api { #accessToken = «"${T}"»; }`, suggest: ENV },
  // Strings the engine recognises anywhere
  { what: 'JWT under an unrelated name', lang: 'js', code: `const fixture = «"${JWT}"»;`, suggest: ENV },
  { what: 'live KERNEL_TOKEN under an unrelated name', lang: 'js', code: `const greeting = «"${LIVE}"»;`, suggest: ENV },
  {
    what: 'live KERNEL_TOKEN inside a longer string',
    lang: 'js',
    code: `const note = «"id=${LIVE};"»;`,
    suggest: '`id=${process.env.KERNEL_TOKEN};`',
  },
  { what: 'Bearer literal under an unrelated name', lang: 'js', code: `const header = «'Bearer ' + '${T}'»;`, suggest: BEARER_ENV },
  {
    what: 'Bearer literal inside a curl command',
    lang: 'js',
    code: `const cmd = «"curl -H 'Authorization: Bearer ${T}' https://kernel.asimov.com/api/v1/constructs"»;`,
    suggest: "`curl -H 'Authorization: Bearer ${process.env.KERNEL_TOKEN}' https://kernel.asimov.com/api/v1/constructs`",
  },
  { what: 'token in a template part', lang: 'js', code: `const url = \`\${base«}/constructs?access_token=${T}&page=\${»page}\`;` },
  { what: 'tagged template', lang: 'js', code: `const q = sql«\`-- Authorization: Bearer ${T}\`»;` },
  { what: 'two tokens in one string', lang: 'js', code: `const doc = «"Bearer ${T} or Bearer ${T2}"»;` },
  // Options and the project config
  {
    what: 'extra credential name option',
    lang: 'js',
    code: `const ASIMOV_PAT = «"${T}"»;`,
    options: { credentialNames: ['ASIMOV_PAT'] },
    suggest: ENV,
  },
  {
    what: 'extra name ending a longer name',
    lang: 'js',
    code: `const legacyAsimovPat = «'${T}'»;`,
    options: { credentialNames: ['ASIMOV_PAT'] },
    suggest: ENV,
  },
  {
    what: 'envVariable option',
    lang: 'js',
    code: `const token = «"${T}"»;`,
    options: { envVariable: 'MY_KERNEL_TOKEN' },
    suggest: 'process.env.MY_KERNEL_TOKEN',
  },
  {
    what: 'credential name from the config file',
    lang: 'ts',
    code: `const asimovPat = «"${T}"»;`,
    options: { configFile: ORG_CONFIG },
    suggest: ENV,
  },
  {
    what: 'declared format from the config file',
    lang: 'ts',
    code: `const id = «"${ORG_TOKEN}"»;`,
    options: { configFile: ORG_CONFIG },
    suggest: ENV,
  },
  {
    what: 'config that fails its schema',
    lang: 'js',
    code: `«»const x = 1;`,
    options: { configFile: BAD_SCHEMA_CONFIG },
    messageId: 'configError',
  },
  {
    what: 'config that is not JSON',
    lang: 'ts',
    code: `«»const x = 1;`,
    options: { configFile: BAD_JSON_CONFIG },
    messageId: 'configError',
  },
  // JSX
  { what: 'JSX attribute without braces', lang: 'jsx', code: `const el = <KernelProvider token=«"${T}"» />;`, suggest: `{${ENV}}` },
  { what: 'JSX attribute in braces', lang: 'jsx', code: `const el = <KernelProvider token={«"${T}"»} />;`, suggest: ENV },
  { what: 'JSX attribute template', lang: 'jsx', code: `const el = <Api apiKey={«\`${T}\`»} />;`, suggest: ENV },
  {
    what: 'JSX Authorization attribute',
    lang: 'jsx',
    code: `const el = <Client authorization=«"Bearer ${T}"» />;`,
    suggest: `{${BEARER_ENV}}`,
  },
  { what: 'JSX text with a bearer header', lang: 'jsx', code: `const el = <code>Authorization: Bearer «${T}»</code>;` },
  { what: 'JSX child expression', lang: 'jsx', code: `const el = <p>{«"Bearer ${T}"»}</p>;`, suggest: BEARER_ENV },
  // TypeScript
  // Under strict TypeScript a `string` slot does not take `string | undefined`: the suggestion keeps the type.
  { what: 'typed constant', lang: 'ts', code: `const apiKey: string = «"${T}"»;`, suggest: `${ENV} ?? ''` },
  { what: 'typed class field', lang: 'ts', code: `class A { private token: string = «"${T}"»; }`, suggest: `${ENV} ?? ''` },
  { what: 'typed parameter default', lang: 'ts', code: `function connect(apiKey: string = «"${T}"») {}`, suggest: `${ENV} ?? ''` },
  { what: 'const assertion', lang: 'ts', code: `const cfg = { token: «'${T}'» as const };`, output: `const cfg = { token: ${ENV} };` },
  { what: 'satisfies', lang: 'ts', code: `const cfg = { apiKey: «'${T}'» } satisfies Config;`, suggest: ENV },
  { what: 'string enum member', lang: 'ts', code: `enum Secrets { KERNEL_TOKEN = «"${T}"» }` },
  { what: 'ambient constant', lang: 'ts', code: `declare const KERNEL_TOKEN = «"${T}"»;` },
  { what: 'parameter property', lang: 'ts', code: `class Api { constructor(private readonly token = «"${T}"») {} }`, suggest: ENV },
  { what: 'literal type', lang: 'ts', code: `type Fixture = «"${JWT}"»;` },
  {
    what: 'non-null headers.set with template',
    lang: 'ts',
    code: `headers!.set('Authorization', «\`Bearer ${T}\`»);`,
    suggest: BEARER_ENV,
  },
  { what: 'ES module file', lang: 'ts', filename: 'file.mts', code: `export const KERNEL_TOKEN = «'${T}'»;`, suggest: ENV },
  { what: 'CommonJS TS file', lang: 'ts', filename: 'file.cts', code: `export = { token: «"${T}"» };`, suggest: ENV },
  // TSX
  { what: 'TSX attribute without braces', lang: 'tsx', code: `const el = <KernelProvider token=«"${T}"» />;`, suggest: `{${ENV}}` },
  { what: 'TSX object attribute', lang: 'tsx', code: `const el = <Api config={{ apiKey: «'${T}'» }} />;`, suggest: ENV },
  {
    what: 'TSX bearer template under an unrelated name',
    lang: 'tsx',
    code: `const el = <Auth header={«\`Bearer ${T}\`»} />;`,
    suggest: BEARER_ENV,
  },
  { what: 'TSX text with a curl command', lang: 'tsx', code: `const el = <pre>curl -H "Authorization: Bearer «${T}»"</pre>;` },
  { what: 'TSX live token', lang: 'tsx', code: `const el = <Debug value={«"${LIVE}"»} />;`, suggest: ENV },
  // Core: bound hex under a credential name is a token.
  { what: 'hex under a credential name', lang: 'js', code: `const commit = { token: «"${GIT_SHA}"» };`, suggest: ENV },
  // Shapes followed beyond the string's own position
  {
    what: 'neutral const into a bearer header',
    lang: 'js',
    code: `const K = «"${T}"»;\nfetch(url, { headers: { Authorization: \`Bearer \${K}\` } });`,
    suggest: ENV,
  },
  {
    what: 'neutral const into a client token option',
    lang: 'ts',
    code: `const K = «'${T}'» as const;\nconst c = new KernelClient({ token: K });`,
    output: `const K = ${ENV};\nconst c = new KernelClient({ token: K });`,
  },
  { what: 'token map', lang: 'js', code: `const TOKENS = { staging: «"${T}"» };`, suggest: ENV },
  { what: 'String.raw under a credential name', lang: 'js', code: `const token = String.raw«\`${T}\`»;` },
  { what: 'satisfies', lang: 'ts', code: `const apiKey = «"${T}"» satisfies string;`, suggest: ENV },
  { what: 'enum member', lang: 'ts', code: `enum Keys { KERNEL_TOKEN = «"${T}"» }` },
  { what: 'useState into a token binding', lang: 'tsx', code: `const [token, setToken] = useState(«"${T}"»);`, suggest: ENV },
  { what: 'return from a token-named function', lang: 'js', code: `function getToken() { return «"${T}"»; }`, suggest: ENV },
  { what: 'return from a token getter', lang: 'ts', code: `class A { get accessToken() { return «"${T}"»; } }`, suggest: ENV },
  { what: 'tokenProvider arrow', lang: 'js', code: `const c = connect({ tokenProvider: () => «"${T}"» });`, suggest: ENV },
  { what: 'getToken async arrow', lang: 'js', code: `const c = connect({ getToken: async () => «"${T}"» });`, suggest: ENV },
  { what: 'createKernelClient positional', lang: 'js', code: `const c = createKernelClient(«"${T}"»);`, suggest: ENV },
  // Client names come from core's KERNEL_SDK_NAMES, the list the hook reads.
  { what: 'AsyncKernelClient positional (core SDK names)', lang: 'ts', code: `const c = new AsyncKernelClient(«'${T}'»);`, suggest: ENV },
  {
    what: 'any factory imported from a Kernel module',
    lang: 'ts',
    code: `import { connect } from '@asimov/kernel-sdk';\nconst c = connect(«"${T}"»);`,
    suggest: ENV,
  },
  {
    what: 'argv array of any length',
    lang: 'js',
    code: `execFile('kernel', ['run', '--project', 'p', '--token', «'${T}'»]);`,
    suggest: ENV,
  },
  {
    what: 'base64 user:token in a Basic header',
    lang: 'js',
    code: `fetch(url, { headers: { Authorization: «"Basic ${Buffer.from(`user:${T}`).toString('base64')}"» } });`,
  },
  {
    what: 'Token scheme',
    lang: 'js',
    code: `fetch(url, { headers: { Authorization: «"Token ${T}"» } });`,
    suggest: BEARER_ENV.replace('Bearer', 'Token'),
  },
  // Browser code: no process.env suggestion.
  { what: 'Vite code', lang: 'js', code: `const apiUrl = import.meta.env.VITE_API;\nconst token = «"${T}"»;` },
  { what: 'code that uses window', lang: 'js', code: `window.addEventListener('load', init);\nconst apiKey = «"${T}"»;` },
  // Expired JWTs are warnings in the hook: the message says so.
  { what: 'expired JWT', lang: 'js', code: `const idToken = «"${EXPIRED_JWT}"»;`, messageId: 'hardcodedTokenWarning', suggest: ENV },
  // JWT test vectors are exempt only where core's judgement says so, as in the hook.
  {
    what: 'JWT signed with a key that is not in the file',
    lang: 'ts',
    code: `app.use(jwt({ secret: 'other-secret' }));
const token = «'${VECTOR_JWT}'»;`,
    suggest: ENV,
  },
  {
    what: 'test-vector JWT in a file that uses KernelClient',
    lang: 'ts',
    code: `${VECTOR_APP}
const client = new KernelClient({ token: «'${VECTOR_JWT}'» });`,
    suggest: ENV,
  },
  {
    what: 'base64 of user:<random secret> in a Basic header',
    lang: 'js',
    code: `fetch(url, { headers: { Authorization: «"Basic ${b64(`user:${T}`)}"» } });`,
  },
];

const VALID: Good[] = [
  // Names that contain "token" but are not credentials
  { what: 'random value under tokenizer', lang: 'js', code: `const tokenizer = "${T}";` },
  {
    what: 'max_tokens',
    lang: 'js',
    code: `const request = { model: 'kernel-large', max_tokens: 4096, prompt: 'Summarise this construct' };`,
  },
  { what: 'csrfTokenHeaderName', lang: 'js', code: `const csrfTokenHeaderName = 'X-CSRF-Token';` },
  { what: 'next_page_token', lang: 'js', code: `const page = { next_page_token: "${T}" };` },
  { what: 'total_tokens', lang: 'js', code: `const total_tokens = usage.total_tokens;` },
  { what: 'token_type', lang: 'js', code: `const reply = { token_type: 'Bearer', expires_in: 3600 };` },
  { what: 'token URL', lang: 'js', code: `const tokenUrl = "https://kernel.asimov.com/oauth/token";` },
  { what: 'token file path', lang: 'js', code: `const KERNEL_TOKEN_FILE = '/run/secrets/kernel_token';` },
  { what: 'random value under an unrelated name', lang: 'js', code: `const checksum = "${T}";` },
  { what: 'extra name inside a longer word', lang: 'js', code: `const compat = "${T}";`, options: { credentialNames: ['PAT'] } },
  // Prose and i18n
  { what: 'i18n message', lang: 'js', code: `const message = "Your token has expired";` },
  { what: 'prose under a credential name', lang: 'js', code: `const token = "Your token has expired, please sign in again";` },
  { what: 'prose with digits under a credential name', lang: 'js', code: `const messages = { token: 'Your token expired at 12:00 UTC' };` },
  { what: 'i18n call with a default', lang: 'js', code: `t('token.expired', 'Your token has expired');` },
  // Placeholders and references
  { what: 'YOUR_TOKEN', lang: 'js', code: `const token = 'YOUR_TOKEN';` },
  { what: 'your_token_here', lang: 'js', code: `const KERNEL_TOKEN = "your_token_here";` },
  { what: 'Bearer YOUR_TOKEN header', lang: 'js', code: `headers.set('Authorization', 'Bearer YOUR_TOKEN');` },
  { what: 'angle-bracket placeholder', lang: 'js', code: `const apiKey = '<your-api-key>';` },
  { what: 'interpolation placeholder', lang: 'js', code: "const token = '${KERNEL_TOKEN}';" },
  { what: 'masked value', lang: 'js', code: `const token = "xxxxxxxxxxxxxxxxxxxxxxxx";` },
  { what: 'folded placeholder', lang: 'js', code: `const auth = "Bearer " + "YOUR_TOKEN";` },
  { what: 'process.env reference', lang: 'js', code: `const token = process.env.KERNEL_TOKEN;` },
  { what: 'process.env reference in a string', lang: 'js', code: `const token = "process.env.KERNEL_TOKEN";` },
  { what: 'template with the token variable', lang: 'js', code: 'fetch(url, { headers: { Authorization: `Bearer ${token}` } });' },
  { what: 'concatenation with the token variable', lang: 'js', code: `const auth = 'Bearer ' + token;` },
  {
    what: 'KernelClient without a literal',
    lang: 'js',
    code: `const a = new KernelClient();\nconst b = new KernelClient({ token: process.env.KERNEL_TOKEN });`,
  },
  { what: 'KernelClient base URL', lang: 'js', code: `const c = new KernelClient({ baseUrl: 'https://kernel.asimov.com/api/v1' });` },
  { what: 'short value', lang: 'js', code: `const token = "abc123";` },
  { what: 'scheme only', lang: 'js', code: `const authorization = "Bearer";` },
  // Benign high-entropy shapes
  { what: 'UUID under a credential name', lang: 'js', code: `const token = "${UUID}";` },
  { what: 'git SHA under a neutral name', lang: 'js', code: `const commit = { sha: "${GIT_SHA}" };` },
  { what: 'documentation sample JWT', lang: 'js', code: `const example = "${SAMPLE_JWT}";` },
  { what: 'regular expression', lang: 'js', code: `const re = /Bearer [A-Za-z0-9]{40}/;` },
  // Allow directives, allowed fingerprints, ignored paths
  { what: 'allow directive on the line', lang: 'js', code: `const token = "${T}"; // kernel-secrets-allow: test fixture` },
  { what: 'allow-next-line directive', lang: 'ts', code: `// kernel-secrets-allow-next-line: docs sample\nconst token = "${T}";` },
  { what: 'allowed fingerprint option', lang: 'js', code: `const token = "${T}";`, options: { allowedFingerprints: [fingerprint(T)] } },
  {
    what: 'file under ignorePaths',
    lang: 'ts',
    code: `const token = "${T}";`,
    options: { configFile: ORG_CONFIG },
    filename: join(tmp, 'org', 'generated', 'client.ts'),
  },
  // JSX
  { what: 'JSX attribute from env', lang: 'jsx', code: `const el = <KernelProvider token={process.env.KERNEL_TOKEN} />;` },
  { what: 'JSX placeholder attribute', lang: 'jsx', code: `const el = <KernelProvider token="YOUR_TOKEN" />;` },
  {
    what: 'JSX prose text',
    lang: 'jsx',
    code: `const el = <p>Your token has expired. Create a new one under Settings › Security › API Tokens.</p>;`,
  },
  { what: 'JSX form field', lang: 'jsx', code: `const el = <input name="token" placeholder="Paste your Kernel token" />;` },
  { what: 'JSX bearer template with a variable', lang: 'jsx', code: 'const el = <Api authorization={`Bearer ${token}`} />;' },
  // TypeScript
  { what: 'string literal union type', lang: 'ts', code: `type TokenKind = 'access_token' | 'refresh_token';` },
  { what: 'interface', lang: 'ts', code: `interface Options { token?: string; max_tokens?: number }` },
  { what: 'typed env read with empty fallback', lang: 'ts', code: `const token: string = process.env.KERNEL_TOKEN ?? '';` },
  { what: 'header-name enum', lang: 'ts', code: `enum Header { Authorization = 'Authorization' }` },
  { what: 'default parameter from env', lang: 'ts', code: `function connect(token: string = process.env.KERNEL_TOKEN!) {}` },
  { what: 'tokenizer vocabulary', lang: 'ts', code: `const tokenizer = new Tokenizer({ vocab: 'bert-base-uncased' });` },
  { what: 'ambient declaration without value', lang: 'ts', code: `declare const KERNEL_TOKEN: string;` },
  { what: 'import of a credential name', lang: 'ts', code: `import { KERNEL_TOKEN } from './env.js';` },
  // TSX
  { what: 'TSX attribute from a variable', lang: 'tsx', code: `const el = <KernelProvider token={token} />;` },
  { what: 'TSX tooltip text', lang: 'tsx', code: `const el = <Tooltip text="Your token has expired" />;` },
  { what: 'TSX labels', lang: 'tsx', code: `const el = <Field label="API token" hint="Starts with your workspace prefix" />;` },
  // False positives seen on real code (judged by core's "is this random")
  { what: 'sk-synthetic word key', lang: 'ts', code: `const apiKey = 'sk-synthetic-cloudflare-lifecycle-private-83d4';` },
  { what: 'sk-synthetic short word key', lang: 'ts', code: `const client = new OpenAI({ apiKey: 'sk-synthetic-serialized-tool' });` },
  { what: 'loopback test key', lang: 'ts', code: `const opts = { apiKey: 'public-sdk-loopback-test-key' };` },
  { what: 'test key of words', lang: 'ts', code: `const opts = { apiKey: 'test-api-key-no-headers' };` },
  { what: 'demo token with digits', lang: 'ts', code: `const accessToken = 'demo-access-token-123';` },
  { what: 'upper-case placeholder identifier', lang: 'ts', code: `const token = 'DOWNSCOPED_CLIENT_ACCESS_TOKEN_0';` },
  { what: 'path under token', lang: 'ts', code: `const session = { token: "/api/realtime/setup-b" };` },
  { what: 'path under authorization', lang: 'ts', code: `const headers = { authorization: '/bedrock/aws4_request' };` },
  // JWT test vectors and base64 fixtures from hono, and a word key from openai-node (issue 12 measurement)
  {
    what: 'JWT vector signed with the secret the test passes to jwt()',
    lang: 'ts',
    code: `${VECTOR_APP}
const req = new Request(url, { headers: { Authorization: \`Bearer ${VECTOR_JWT}\` } });
const token = '${VECTOR_JWT}';`,
  },
  {
    what: 'JWT vector in a signed cookie',
    lang: 'ts',
    code: `${VECTOR_APP}
const cookie = '__Host-cookie_name=${VECTOR_JWT}.sig%3D';`,
  },
  { what: 'JWT with a corrupted header', lang: 'ts', code: `const invalidToken = 'ss${VECTOR_JWT.slice(2)}';` },
  { what: 'base64 of user:password words', lang: 'ts', code: `const credential = '${b64('hono-user-a:hono-password-a')}';` },
  {
    what: 'base64 of words in a Basic header',
    lang: 'ts',
    code: `req.headers.set('Authorization', \`Basic ${b64('hono:ahotproject')}\`);`,
  },
  {
    what: 'base64 fixture missing its first character',
    lang: 'ts',
    code: `const invalidCredential = '${b64('hono:acoolproject').slice(1)}';`,
  },
  { what: 'word key with a short suffix', lang: 'ts', code: `const METADATA_CREDENTIAL = 'sk-test-azure-imds-secret-7f3e';` },
  // Neutral consts that never reach a credential slot
  { what: 'neutral const used as a URL', lang: 'js', code: `const K = "${GIT_SHA}";\nfetch(\`/commits/\${K}\`);` },
  { what: 'streamed tokens map', lang: 'js', code: `const tokens = { start: '<|im_start|>', end: '<|im_end|>' };` },
];

new RuleTester().run('no-hardcoded-token', rule, { valid: valid(VALID), invalid: invalid(INVALID) });

// ---------------------------------------------------------------------------------------------
// Beyond RuleTester: message contents, the live-token cache, the options schema
// ---------------------------------------------------------------------------------------------

function lint(code: string, options: NoHardcodedTokenOptions = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    // typescript-eslint's rule type and ESLint's differ only in typing.
    [
      {
        plugins: { 'kernel-secrets': { rules: { 'no-hardcoded-token': rule as unknown as Rule.RuleModule } } },
        rules: { 'kernel-secrets/no-hardcoded-token': ['error', options] },
      },
    ],
    'file.js',
  );
}

describe('no-hardcoded-token messages', () => {
  it('has at least 40 invalid and 40 valid cases across JS, JSX, TS and TSX', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(40);
    expect(VALID.length).toBeGreaterThanOrEqual(40);
    for (const lang of ['js', 'jsx', 'ts', 'tsx'] as const) {
      expect(INVALID.some((c) => c.lang === lang)).toBe(true);
      expect(VALID.some((c) => c.lang === lang)).toBe(true);
    }
  });

  it('shows the preview and fingerprint, where the token belongs, and never the token', () => {
    const messages = lint(`const KERNEL_TOKEN = "${T}";\nconst url = "https://kernel.asimov.com/api?token=${T2}";`);
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      expect(m.message).not.toContain(T);
      expect(m.message).not.toContain(T2);
      expect(m.message).toContain('process.env.KERNEL_TOKEN or a secret manager');
      for (const s of m.suggestions ?? []) expect(s.desc).not.toContain(T);
    }
    expect(messages[0]!.message).toContain(preview(T));
    expect(messages[0]!.message).toContain(fingerprint(T));
    expect(messages[1]!.message).toContain(preview(T2));
  });

  it('tells the developer to rotate their own live token', () => {
    const [m] = lint(`const greeting = "${LIVE}";`);
    expect(m?.message).toMatch(/^Your live Kernel token/);
    expect(m?.message).toContain('revoke the old one');
    expect(m?.message).not.toContain(LIVE);
  });

  it('picks up a changed KERNEL_TOKEN without a restart', () => {
    const next = randomToken();
    try {
      process.env['KERNEL_TOKEN'] = next;
      expect(lint(`const greeting = "${next}";`)).toHaveLength(1);
      expect(lint(`const greeting = "${LIVE}";`)).toHaveLength(0);
    } finally {
      process.env['KERNEL_TOKEN'] = LIVE;
    }
    expect(lint(`const greeting = "${LIVE}";`)).toHaveLength(1);
  });

  it('reports a broken config on every file with the reason, once', () => {
    const messages = lint(`const a = 1;\nconst b = 2;`, { configFile: BAD_SCHEMA_CONFIG });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.message).toContain('kernel-secrets could not check this file');
    expect(messages[0]!.message).toContain('credentialNames');
  });
});

describe('no-hardcoded-token options schema', () => {
  const [schema] = rule.meta.schema as unknown as [{ additionalProperties: boolean; properties: Record<string, { description?: string }> }];

  it('describes every property and allows no others', () => {
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(['allowedFingerprints', 'configFile', 'credentialNames', 'envVariable']);
    for (const [key, property] of Object.entries(schema.properties)) expect(property.description, key).toMatch(/\w{10}/);
  });

  it('is enforced by ESLint', () => {
    expect(() => lint('const a = 1;', { nope: true } as NoHardcodedTokenOptions)).toThrow(/nope|additional/i);
    expect(() => lint('const a = 1;', { allowedFingerprints: ['not-a-fingerprint'] })).toThrow(/pattern/i);
    expect(() => lint('const a = 1;', { envVariable: 'process.env.X' })).toThrow(/pattern/i);
  });
});
