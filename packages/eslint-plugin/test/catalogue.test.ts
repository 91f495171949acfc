/**
 * Every library the logging rule's catalogue knows (one record per HTTP client and per logger
 * or sink) has a row in the rule's docs and at least one RuleTester case named `<name>: …`,
 * so teaching the rule a new library cannot skip its test or its documentation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTTP_CLIENT_RECORDS } from '../src/catalogue/logging/http-clients.js';
import { SINK_RECORDS } from '../src/catalogue/logging/sinks.js';

const here = import.meta.dirname;
const docs = readFileSync(join(here, '..', 'docs', 'rules', 'no-auth-header-logging.md'), 'utf8');
const tests = readFileSync(join(here, 'no-auth-header-logging.test.ts'), 'utf8');

/** A markdown table row whose first cell is exactly `name`. */
function hasDocRow(name: string): boolean {
  return docs.split('\n').some((line) => line.startsWith('|') && line.split('|')[1]?.trim() === name);
}

const libraries = [
  ...SINK_RECORDS.map((record) => ({ family: 'sink', name: record.name })),
  ...HTTP_CLIENT_RECORDS.map((record) => ({ family: 'HTTP client', name: record.name })),
];

describe('the logging catalogue', () => {
  it.each(libraries)('$family $name has a doc row and a test case', ({ name }) => {
    expect(hasDocRow(name), `docs/rules/no-auth-header-logging.md has no table row "| ${name} |"`).toBe(true);
    expect(tests.includes(`'${name}: `), `no RuleTester case is named '${name}: …'`).toBe(true);
  });

  it('names every library once', () => {
    const names = libraries.map((library) => library.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
