/**
 * Where in JavaScript a Kernel credential is passed, as data. The rule reads these lists to
 * decide WHERE a string sits; whether the string is a token is always the engine's call.
 * Credential NAMES (KERNEL_TOKEN, token, apiKey, Authorization…) are not listed here: they
 * live in `@kernel-secrets/core` so the linter and the text scanner share one answer.
 */
import { KERNEL_SDK_NAMES } from '@kernel-secrets/core';

/**
 * Constructors and factories of Kernel's SDK: every string argument is a credential slot.
 * Core's list, the one the text scanner reads, so the linter and the hook know the same clients.
 */
export const KERNEL_CLIENT_NAMES: ReadonlySet<string> = new Set(KERNEL_SDK_NAMES);

/**
 * Any function or class imported from a module whose specifier contains one of these words
 * (case-insensitive) is a Kernel client factory too: `import { connect } from '@asimov/kernel'`
 * makes `connect("…")` a credential slot.
 */
export const KERNEL_MODULE_WORDS: readonly string[] = ['kernel'];

/** `getToken()`, `tokenProvider: () => …`: what a function returns is stored under its name without these. */
export const GETTER_PREFIX = 'get';
export const PROVIDER_SUFFIXES: readonly string[] = ['Provider', 'Supplier', 'Factory', 'Getter', 'Fn', 'Callback'];

/** State hooks whose first argument is the initial value of the binding they return: `const [token, setToken] = useState("…")`. */
export const STATE_HOOKS: ReadonlySet<string> = new Set(['useState', 'useRef', 'ref', 'shallowRef', 'signal', 'createSignal', 'writable']);

/** Tags whose template is the string itself: String.raw`…`. */
export const TRANSPARENT_TAGS: ReadonlySet<string> = new Set(['String.raw']);

/**
 * HTTP auth schemes written in front of a credential (`Authorization: Bearer <token>`).
 * The rule strips one to find the credential part, then asks the engine about that part.
 * Compared case-insensitively; must be followed by a space or tab.
 */
export const AUTH_SCHEMES: readonly string[] = ['Bearer', 'Token'];

/** `Authorization: Basic <base64 of user:password>`: the decoded parts are asked about. */
export const BASIC_SCHEME = 'Basic';

/**
 * `a ?? b` and `a || b`: the right side is a fallback for the left, so it is stored under the
 * left side's name (`process.env.KERNEL_TOKEN ?? "…"`).
 */
export const FALLBACK_OPERATORS: ReadonlySet<string> = new Set(['??', '||']);

/** `token === "…"`: a literal compared with a credential is a hardcoded credential too. */
export const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['==', '===', '!=', '!==']);

/**
 * Setter calls name the credential in the method: `client.setToken("…")`, `setApiKey("…")`.
 * The rest of the method name (`Token`, `ApiKey`) is checked like any other name.
 */
export const SETTER_PREFIX = 'set';
