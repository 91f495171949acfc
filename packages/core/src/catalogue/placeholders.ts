/**
 * Values that stand for a token in docs and examples and must never be reported.
 * The seed page (Kernel's Authentication docs) uses `YOUR_TOKEN`, `your_token` and
 * `your_token_here`; the rest are the usual spellings in READMEs and templates.
 */

/** Whole values (compared case-insensitively, separators ignored). */
export const PLACEHOLDER_VALUES = [
  'your_token',
  'your_token_here',
  'your_kernel_token',
  'your_api_token',
  'your_api_key',
  'token_here',
  'insert_token_here',
  'kernel_token',
  'api_token',
  'access_token',
  'my_token',
  'mytoken',
  'token',
  'changeme',
  'change_me',
  'example',
  'dummy',
  'redacted',
  'placeholder',
  'secret',
  'null',
  'undefined',
  'none',
] as const;

/**
 * Substrings that mark a value as a placeholder wherever they occur inside it. Each is at
 * least 5 letters long so that a random token contains one by chance with negligible
 * probability (≈ 36·31⁻⁵ ≈ 1e-6 for a 40-character token).
 */
export const PLACEHOLDER_SUBSTRINGS = [
  'your_token',
  'yourtoken',
  'your-token',
  'token_here',
  'tokenhere',
  'changeme',
  'example',
  'dummy',
  'redacted',
  'placeholder',
  'replace_me',
  'replaceme',
  'notasecret',
  'not_a_secret',
  'fake_token',
  'faketoken',
  'test_token',
  'testtoken',
] as const;

/**
 * Template and interpolation shapes: the "value" is a reference filled in elsewhere.
 * Tested against the whole value; each pattern is anchored and bounded.
 */
export const TEMPLATE_SHAPES: readonly RegExp[] = [
  /^<[^<>]{1,100}>$/, // <token>, <YOUR_TOKEN>
  /^\$\{[^{}]{1,200}\}$/, // ${KERNEL_TOKEN}
  /^\$\{\{[^{}]{1,200}\}\}$/, // ${{ secrets.KERNEL_TOKEN }}
  /^\{\{[^{}]{1,200}\}\}$/, // {{ token }}
  /^\$[A-Za-z_][A-Za-z0-9_]{0,100}$/, // $KERNEL_TOKEN
  /^%[A-Za-z_][A-Za-z0-9_]{0,100}%$/, // %KERNEL_TOKEN% (cmd.exe)
  /^%[sdvqo]$/, // printf verbs
  /^\*{3,}$/, // ****
  /^[xX]{4,}$/, // xxxx
  /^\.{3,}$|^…$/, // ... or …
];

/**
 * Prefixes of values that name where a token comes from instead of being one.
 * Compared case-sensitively at the start of the value.
 */
export const REFERENCE_PREFIXES = [
  'process.env.',
  'process.env[',
  'import.meta.env.',
  'os.environ',
  'os.getenv',
  'env.',
  'secrets.',
  'vars.',
  'config.',
  'settings.',
  'self.',
  'this.',
] as const;
