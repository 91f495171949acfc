/**
 * A detector that throws, without touching product code: a module preloaded into the CLI's Node
 * process (`NODE_OPTIONS=--import <file>`) replaces `Scanner.prototype.scan` of the INSTALLED
 * @kernel-secrets/core (the packed one the CLI imports, resolved to the same real path, so the
 * same module instance) with a function that throws. Every node process started under that
 * environment is affected, including the one the git hook starts.
 */
import { realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packedProject } from '../git-repo.js';

export interface CrashInjection {
  /** Environment that makes every scan throw. */
  env: NodeJS.ProcessEnv;
  /** The text the thrown error's message starts with. */
  marker: string;
}

/**
 * How the thrown error's message shows the text being scanned: not at all (a fixed text), in
 * quotes as parser errors do (V8's JSON.parse quotes the input around the failure), or pasted
 * in as is, as `new Error('bad value ' + value)` would.
 */
export type QuoteInput = 'none' | 'quoted' | 'raw';

const MESSAGES: Record<QuoteInput, string> = {
  none: 'MARKER',
  quoted: '`${MARKER} while reading ${JSON.stringify(String(text).slice(0, 200))}`',
  raw: '`${MARKER} while reading ${String(text).slice(0, 200)}`',
};

export function injectScannerCrash(dir: string, options: { quoteInput?: QuoteInput } = {}): CrashInjection {
  const core = realpathSync(join(packedProject(), 'node_modules', '@kernel-secrets', 'core', 'dist', 'index.js'));
  const marker = 'injected detector failure';
  const quote = options.quoteInput ?? 'none';
  const file = join(dir, `crash-${quote}.mjs`);
  writeFileSync(
    file,
    [
      `import { Scanner } from ${JSON.stringify(pathToFileURL(core).href)};`,
      `const MARKER = ${JSON.stringify(marker)};`,
      `Scanner.prototype.scan = function scan(text) { throw new Error(${MESSAGES[quote]}); };`,
      '',
    ].join('\n'),
  );
  // The package's bin runs dist/ (which imports the installed core) instead of its bundle (which holds its own copy).
  return { env: { NODE_OPTIONS: `--import ${pathToFileURL(file).href}`, KERNEL_SECRETS_NO_BUNDLE: '1' }, marker };
}
