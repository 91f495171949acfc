/** The package's own name and version, read once from its package.json (shipped in the tarball). */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string; homepage?: string };

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
export const TOOL_URI = pkg.homepage ?? 'https://github.com/asimov/kernel-secrets';
