/**
 * Every regular expression written literally in a source tree: `/…/flags` literals and
 * `new RegExp('…', 'flags')` / `RegExp('…')` with string-literal arguments, found with the
 * TypeScript parser (not a regex over the source, which would miss or invent some). Patterns
 * built at run time from other values are listed separately: they cannot be checked statically.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface RegexLiteral {
  /** `path:line`, relative to `base`. */
  where: string;
  source: string;
  flags: string;
}

export interface RegexInventory {
  literals: RegexLiteral[];
  /** `path:line` of `new RegExp(expression)` whose source is computed. */
  dynamic: string[];
}

function* sourceFiles(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) yield* sourceFiles(child);
    else if (/\.[cm]?ts$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.test.ts')) yield child;
  }
}

function stringValue(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

export function regexInventory(paths: readonly string[], base: string): RegexInventory {
  const out: RegexInventory = { literals: [], dynamic: [] };
  for (const root of paths) {
    for (const file of sourceFiles(root)) {
      const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const where = (node: ts.Node) => `${relative(base, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
      const visit = (node: ts.Node): void => {
        if (ts.isRegularExpressionLiteral(node)) {
          const text = node.text;
          const end = text.lastIndexOf('/');
          out.literals.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
        } else if (
          (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'RegExp'
        ) {
          const source = stringValue(node.arguments?.[0]);
          if (source === undefined) out.dynamic.push(where(node));
          else out.literals.push({ where: where(node), source, flags: stringValue(node.arguments?.[1]) ?? '' });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return out;
}
