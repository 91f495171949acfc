// `npm run release [-- --dry-run]`: checks that a release can be tagged, then creates the
// annotated tag v<version> that the pre-commit framework's `rev:` and the GitHub Action name.
// Checks: the four packages share one version; CHANGELOG.md has a `## [<version>]` section
// and its link; the README's pre-commit and Action snippets name v<version>; the committed
// bin/kernel-secrets.mjs (and its pattern checker) is what `npm run bundle` makes from the current sources; the work tree
// is clean. Prints every problem, one per line, and exits 1 if there is any.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dryRun = process.argv.includes('--dry-run');
const read = (p) => readFileSync(p, 'utf8');
const versions = ['core', 'redact', 'eslint-plugin', 'cli'].map((p) => JSON.parse(read(`packages/${p}/package.json`)).version);
const version = versions[0];
const tag = `v${version}`;
const problems = [];
if (new Set(versions).size !== 1)
  problems.push(`the packages (core, redact, eslint-plugin, cli) disagree on the version: ${versions.join(', ')}`);
const changelog = read('CHANGELOG.md');
if (!changelog.includes(`\n## [${version}]`)) problems.push(`CHANGELOG.md has no "## [${version}]" section`);
if (!changelog.includes(`\n[${version}]: `)) problems.push(`CHANGELOG.md has no [${version}] link`);
for (const doc of ['README.md', 'packages/cli/README.md', '.pre-commit-hooks.yaml']) {
  // `rev: v1.2.3`, `uses: asimov/kernel-secrets@v1.2.3` and the $schema URL (the tag), `npx kernel-secrets@1.2.3` (npm).
  const named = [...read(doc).matchAll(/(?:rev: v|kernel-secrets@v?|kernel-secrets\/v)(\d+\.\d+\.\d+)/g)].map((m) => m[1]);
  for (const other of named.filter((v) => v !== version)) problems.push(`${doc} names ${other}, not ${version}`);
}
const fresh = mkdtempSync(join(tmpdir(), 'kernel-secrets-release-'));
execFileSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/bundle-cli.mjs', '--out', join(fresh, 'kernel-secrets.mjs')], { stdio: 'pipe' });
for (const file of ['kernel-secrets.mjs', 'kernel-secrets-regex-check.cjs'])
  if (read(join(fresh, file)) !== read(`bin/${file}`)) problems.push(`bin/${file} is stale: run \`npm run bundle\` and commit it`);
if (execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim()) problems.push('the work tree has uncommitted changes');
const exists = execFileSync('git', ['tag', '--list', tag], { encoding: 'utf8' }).trim();
if (exists) problems.push(`the tag ${tag} exists already`);

if (problems.length > 0) {
  for (const p of problems) console.error(`release: ${p}`);
  process.exit(1);
}
if (dryRun) console.log(`release: ready to tag ${tag}`);
else {
  execFileSync('git', ['tag', '--annotate', tag, '--message', `kernel-secrets ${version}`], { stdio: 'inherit' });
  console.log(`release: tagged ${tag}; push it with \`git push origin ${tag}\``);
}
