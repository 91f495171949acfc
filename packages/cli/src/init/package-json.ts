/**
 * package.json edits for `init`: the `prepare` script that installs the husky hooks on every
 * `npm install`, and a lint-staged entry that runs ESLint (with the kernel-secrets plugin) on
 * staged JS/TS. Existing scripts and lint-staged entries are kept; indentation is preserved.
 */

export type PackageJson = Record<string, unknown> & { scripts?: Record<string, string>; 'lint-staged'?: unknown };

export function detectIndent(text: string): string | number {
  const m = /^[ \t]+(?=")/m.exec(text);
  return m ? m[0] : 2;
}

export function serialise(pkg: PackageJson, originalText: string): string {
  const eol = originalText.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(pkg, null, detectIndent(originalText)).replace(/\n/g, eol) + eol;
}

/** Adds husky to `script` (`prepare`, or `postinstall` for Yarn 2+) unless it is already there. */
export function withPrepareScript(pkg: PackageJson, huskyCommand: string, script: 'prepare' | 'postinstall' = 'prepare'): PackageJson {
  const current = pkg.scripts?.[script];
  if (current && /\bhusky\b/.test(current)) return pkg;
  return { ...pkg, scripts: { ...pkg.scripts, [script]: current ? `${current} && ${huskyCommand}` : huskyCommand } };
}

/** Adds our ESLint task to package.json's lint-staged config unless ESLint already runs there. */
export function withLintStagedTask(pkg: PackageJson, glob: string, command: string): PackageJson {
  const current = pkg['lint-staged'];
  if (current === undefined) return { ...pkg, 'lint-staged': { [glob]: command } };
  if (typeof current !== 'object' || current === null || Array.isArray(current)) return pkg;
  if (JSON.stringify(current).includes('eslint') || glob in current) return pkg;
  return { ...pkg, 'lint-staged': { ...(current as Record<string, unknown>), [glob]: command } };
}
