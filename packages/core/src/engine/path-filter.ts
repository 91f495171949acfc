/**
 * `ignorePaths` from the config, in .gitignore syntax, as one matcher. Paths are relative to
 * the project root with `/` separators (callers convert Windows paths first).
 */
import { createRequire } from 'node:module';

type IgnoreFactory = () => { add(patterns: string[]): { ignores(path: string): boolean } };

/** Loaded only when a config lists ignorePaths: most projects have none, and hooks start often. */
function ignoreFactory(): IgnoreFactory {
  return createRequire(import.meta.url)('ignore') as IgnoreFactory;
}

export interface PathFilter {
  /** True when the config says this path is never scanned. */
  ignores(relativePath: string): boolean;
}

export function createPathFilter(patterns: readonly string[]): PathFilter {
  if (patterns.length === 0) return { ignores: () => false };
  const ig = ignoreFactory()().add([...patterns]);
  return {
    ignores: (relativePath) => {
      const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
      return p !== '' && !p.startsWith('../') && ig.ignores(p);
    },
  };
}
