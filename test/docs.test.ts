/**
 * Docs are part of the product: each ESLint rule's page documents exactly the options its
 * schema declares, every `meta.docs.url` points at a page that ships in the PACKED plugin, and
 * the root README's rule table lists exactly the rule ids the CLI can print (core's catalogue
 * plus the engine's known-token and format rules).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/packed-project.js';
import { packedProject } from './support/git-repo.js';

interface JsonSchemaObject {
  type?: string;
  properties?: Record<string, unknown>;
}

interface PackedRule {
  meta: { docs?: { url?: string }; schema?: JsonSchemaObject[] | JsonSchemaObject | false };
}

const DOCS_BASE = 'https://github.com/asimov/kernel-secrets/blob/main/packages/eslint-plugin/';

let pluginDir: string;
let rules: Record<string, PackedRule>;
beforeAll(async () => {
  pluginDir = join(packedProject(), 'node_modules', 'eslint-plugin-kernel-secrets');
  const entry = (JSON.parse(readFileSync(join(pluginDir, 'package.json'), 'utf8')) as { main: string }).main;
  ({ rules } = (await import(pathToFileURL(join(pluginDir, entry)).href)) as { rules: Record<string, PackedRule> });
});

/** Top-level option names a rule's schema declares (the properties of its object options). */
function schemaOptions(rule: PackedRule): string[] {
  const schema = rule.meta.schema;
  const entries = !schema ? [] : Array.isArray(schema) ? schema : [schema];
  return entries.flatMap((s) => Object.keys(s.properties ?? {})).sort();
}

/** Option names a doc page documents: `` `name` `` headings or table rows inside its `## Options` section. */
function documentedOptions(page: string): string[] {
  const start = page.search(/^## Options\s*$/m);
  if (start === -1) return [];
  const rest = page.slice(start + 1);
  const end = rest.search(/^## /m);
  const section = end === -1 ? rest : rest.slice(0, end);
  const names = [...section.matchAll(/^(?:#{3,4} |\| )`([A-Za-z][\w-]*)`/gm)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

describe('ESLint rule docs', () => {
  it('the packed plugin has rules (the checks below are not vacuous)', () => {
    expect(Object.keys(rules).length).toBeGreaterThanOrEqual(2);
  });

  it("each rule's page lists exactly the options its schema declares", () => {
    for (const [name, rule] of Object.entries(rules)) {
      const page = readFileSync(join(REPO_ROOT, 'packages', 'eslint-plugin', 'docs', 'rules', `${name}.md`), 'utf8');
      expect(documentedOptions(page), `docs/rules/${name}.md vs the schema of ${name}`).toEqual(schemaOptions(rule));
    }
  });

  it('every meta.docs.url names a page that ships in the packed plugin', () => {
    for (const [name, rule] of Object.entries(rules)) {
      const url = rule.meta.docs?.url ?? '';
      expect(url.startsWith(DOCS_BASE), `${name}: ${url}`).toBe(true);
      const shipped = join(pluginDir, url.slice(DOCS_BASE.length));
      expect(existsSync(shipped), `${name}: ${url} is not in the packed package`).toBe(true);
      expect(readFileSync(shipped, 'utf8')).toMatch(new RegExp(`^# kernel-secrets/${name}$`, 'm'));
    }
  });
});

describe('the README rule table', () => {
  it('lists exactly the rule ids the CLI can print', async () => {
    const core = await import('@kernel-secrets/core');
    // Every encoded form of a live token the engine looks for: forms depend on the token's bytes
    // (base64url only differs when base64 has `+` or `/`), so ask with one that has them all.
    const forms = new Set(core.knownVariants(`>>>???${'x'.repeat(30)}"/`).map((v) => v.form));
    const expected = [
      ...core.TEXT_DETECTORS.map((d) => `${d.detector}/${d.id}`),
      ...Object.entries(core.BINDING_RULES).map(([id, r]) => `${r.detector}/${id}`),
      ...[...forms].map((f) => `known/${f}`),
      'known/fingerprint',
      'format/custom:<id>',
    ];
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Rule ids'));
    const table = section.slice(0, section.indexOf('\n## ', 1));
    const listed = [...table.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]!);
    expect([...new Set(listed)].sort()).toEqual([...new Set(expected)].sort());
    expect(listed).toHaveLength(new Set(listed).size);
  });
});
