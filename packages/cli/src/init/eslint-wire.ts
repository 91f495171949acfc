/**
 * Adds the plugin to an ESLint flat config the project already has, when the file has one of
 * the shapes where that is a safe text edit: the exported array (`export default [`,
 * `module.exports = [`), `tseslint.config(` or `defineConfig(` (with or without an array).
 * The import goes after the file's last import (ESM) or require (CommonJS); the plugin's
 * recommended config becomes the first element, so the project's own entries (including any
 * `ignores` and rule overrides) still come after it and win. Anything else: the exact lines to
 * add, in the file's own module syntax.
 */

const PLUGIN = 'eslint-plugin-kernel-secrets';
const ENTRY = 'kernelSecrets.configs.recommended,';

/** Where the config list opens: after `[` of an exported array or of `config([`/`defineConfig([`, or after `config(`. */
const OPENERS: RegExp[] = [
  /export default \[/,
  /module\.exports = \[/,
  /export default (?:[\w$]+\.)?(?:config|defineConfig)\(\[/,
  /module\.exports = (?:[\w$]+\.)?(?:config|defineConfig)\(\[/,
  /export default (?:[\w$]+\.)?(?:config|defineConfig)\(/,
  /module\.exports = (?:[\w$]+\.)?(?:config|defineConfig)\(/,
];

export function isCommonJs(file: string, text: string): boolean {
  if (file.endsWith('.cjs') || file.endsWith('.cts')) return true;
  if (file.endsWith('.mjs') || file.endsWith('.mts')) return false;
  return /\bmodule\.exports\b/.test(text) && !text.split('\n').some((line) => line.trimStart().startsWith('export '));
}

export function importLine(commonJs: boolean): string {
  return commonJs ? `const kernelSecrets = require('${PLUGIN}');` : `import kernelSecrets from '${PLUGIN}';`;
}

/** The config with the plugin added, or undefined when the file's shape is not one we edit. */
export function wireEslintConfig(file: string, text: string): string | undefined {
  const commonJs = isCommonJs(file, text);
  const opener = OPENERS.map((re) => re.exec(text)).find((m) => m !== null);
  if (!opener) return undefined;
  // Exactly one export site, or the edit could land in the wrong list.
  if ((text.match(/export default|module\.exports =/g) ?? []).length !== 1) return undefined;
  const at = opener.index + opener[0].length;
  const indent = /\n([ \t]+)\S/.exec(text.slice(at))?.[1] ?? '  ';
  let out = `${text.slice(0, at)}\n${indent}${ENTRY}${text.slice(at)}`;
  // After the last top-level import/require line (line by line: no regex over whole lines).
  const lines = out.split('\n');
  const isImport = (l: string) => (commonJs ? /^(?:const|let|var) /.test(l) && l.includes('require(') : l.startsWith('import '));
  let last = -1;
  lines.forEach((l, i) => {
    if (isImport(l)) last = i;
  });
  if (last === -1) last = lines[0]?.startsWith('#!') || /^(['"])use strict\1/.test(lines[0] ?? '') ? 0 : -1;
  if (last === -1) lines.unshift(importLine(commonJs));
  else {
    // A multi-line import ends at the first line after it that closes it.
    while (last < lines.length - 1 && !isComplete(lines[last]!)) last++;
    lines.splice(last + 1, 0, importLine(commonJs));
  }
  out = lines.join('\n');
  return out;
}

function isComplete(line: string): boolean {
  const t = line.trimEnd();
  return t.endsWith(';') || t.endsWith("'") || t.endsWith('"') || t.endsWith(')') || t.startsWith('#!') || t.endsWith('strict');
}

/** What to tell the user when the file could not be edited: the two lines, in its syntax. */
export function wireInstructions(file: string, text: string): string {
  return `${file}: add \`${importLine(isCommonJs(file, text))}\` and put \`kernelSecrets.configs.recommended\` first in the exported config list`;
}
