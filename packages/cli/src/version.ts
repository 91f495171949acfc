/**
 * The package's own name, version and GitHub location, read once from its package.json (shipped
 * in the tarball): `repository` is the one place the location is written.
 */
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as {
  name: string;
  version: string;
  homepage: string;
  repository: { url: string };
};

export const TOOL_NAME = pkg.name;
export const TOOL_VERSION = pkg.version;
export const TOOL_URI = pkg.homepage;
/** `https://github.com/<owner>/<repo>`, from `git+https://github.com/<owner>/<repo>.git`. */
export const REPOSITORY_URL = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
/** Where each detector's findings are explained (SARIF helpUri, one anchor per detector). */
export const FINDINGS_DOCS_URL = `${REPOSITORY_URL}/blob/main/packages/cli/docs/findings.md`;
