/**
 * What a value can be bound to, as data: the names, flags, calls and sibling fields that make
 * a random value a credential. engine/binding.ts reads the text around each token-shaped
 * candidate and looks these up; adding a shape is adding a word here and an example to its
 * catalogue entry.
 */

/** Words that make a name Kernel's own when joined with a credential word (`ASIMOV_TOKEN`, `kernelApiKey`). */
export const KERNEL_WORDS = ['kernel', 'asimov'] as const;

/** Credential words, in names split into words (`KERNEL_AUTH_TOKEN` → kernel, auth, token). */
export const CREDENTIAL_WORDS = [
  'token',
  'key',
  'apikey',
  'secret',
  'pat',
  'auth',
  'bearer',
  'jwt',
  'credential',
  'credentials',
  'password',
] as const;

/**
 * Last words of names that hold something other than the credential: `KERNEL_TOKEN_FILE`,
 * `kernelTokenPath`, `KERNEL_TOKEN_URL` name a file, a path or a URL.
 */
export const NOT_CREDENTIAL_LAST_WORDS = [
  'file',
  'path',
  'url',
  'uri',
  'dir',
  'endpoint',
  'host',
  'name',
  'type',
  'header',
  'prefix',
  'suffix',
  'count',
  'length',
  'expiry',
  'expires',
  'ttl',
  'id',
  'env',
  'var',
  'field',
  'format',
  'pattern',
  'regex',
  'scope',
  'scopes',
  'policy',
  'version',
] as const;

/**
 * The Kernel SDK's client constructors and factories, in every SDK: a string passed to one is
 * a token. The text patterns, the ESLint rule's token slots and the logging rule read this list.
 */
export const KERNEL_SDK_NAMES = [
  'KernelClient',
  'AsyncKernelClient',
  'createKernelClient',
  'create_kernel_client',
  'NewKernelClient',
] as const;

/** Calls whose first string argument is a bearer token (auth helpers of HTTP libraries). */
export const BEARER_CALLS = [
  'BearerAuth',
  'HTTPBearerAuth',
  'BearerToken',
  'BearerTokenAuth',
  'TokenAuth',
  'bearer_auth',
  'bearerAuth',
  'with_bearer_token',
  'setBearerToken',
  'set_bearer_token',
] as const;

/** Calls whose second argument is the token (`req_auth_bearer_token(req, "…")`, R httr2). */
export const BEARER_CALLS_SECOND_ARGUMENT = ['req_auth_bearer_token', 'add_bearer_token'] as const;

/** Flags that take a credential as their value (`--token X`, `--token=X`), beyond the credential names. */
export const CREDENTIAL_FLAGS = [
  'oauth2-bearer',
  'secret-string',
  'secret-binary',
  'api-key',
  'apikey',
  'auth-token',
  'access-token',
  'bearer',
] as const;

/** Flags that take a credential only inside a command that names one (`gh secret set KERNEL_TOKEN --body X`). */
export const VALUE_FLAGS = ['body', 'value', 'data', 'secret-data', 'from-literal', 'literal', 'default'] as const;

/**
 * Fields that hold the value of a record whose other field names it: `{"name": "KERNEL_TOKEN",
 * "value": "…"}`, Postman `{"key": …, "value": …}`, Terraform `plaintext_value`, argparse `default=`.
 */
export const VALUE_FIELDS = [
  'value',
  'values',
  'plaintext_value',
  'secret_string',
  'secret_data',
  'secret_value',
  'string_value',
  'default',
  'data',
  'content',
  'password',
] as const;

/** Fields that name the credential in such a record (their value is a credential name or flag). */
export const NAMING_FIELDS = [
  'name',
  'key',
  'id',
  'secret_name',
  'secret_id',
  'secretname',
  'variable',
  'env',
  'var',
  'label',
  'title',
  'header',
  'param',
] as const;

/** Header names whose value is a credential, with or without a scheme word. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-auth-token', 'x-kernel-token', 'x-access-token', 'api-key'] as const;

/** Scheme words before a credential in an Authorization header; `Bearer` counts anywhere, `Token` in a header only. */
export const HEADER_SCHEMES = ['bearer', 'token'] as const;

/**
 * Markers of ciphertext made to be committed: SealedSecret, SOPS, Ansible Vault, age,
 * dotenv-vault. A candidate within MARKER_WINDOW characters after one is not a plaintext token.
 */
export const CIPHERTEXT_MARKERS = [
  'encrypteddata:',
  'kind: sealedsecret',
  'enc[aes256_gcm,',
  'sops:',
  '"sops": {',
  '$ansible_vault;',
  '!vault',
  '-----begin age encrypted file-----',
  'dotenv_vault',
  '.env.vault',
] as const;
export const CIPHERTEXT_WINDOW = 4096;
