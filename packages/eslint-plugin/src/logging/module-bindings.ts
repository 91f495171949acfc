/**
 * What the top of a file binds: `import L from 'loglevel'`, `import * as S from '@sentry/node'`,
 * `const { inspect } = require('node:util')`, `const api = axios.create()`. Read from the
 * Program's top-level statements only (not a walk of the file), so local names can be mapped
 * to the catalogue's canonical names (`S.setExtra` → `Sentry.setExtra`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  DEBUG_MODULE,
  HTTP_CLIENT_IDENTIFIERS,
  HTTP_CLIENTS_BY_ROOT,
  MODULE_PREFIX_ROOTS,
  MODULE_ROOTS,
  type HttpClientRecord,
} from '../catalogue/logging-flows.js';
import { propertyName, unwrapExpression } from '../util/ast.js';
import { keyName, staticString } from '../util/static-string.js';

type Node = TSESTree.Node;

type HttpClient = HttpClientRecord;
const CLIENT_BY_MODULE = HTTP_CLIENTS_BY_ROOT;

function moduleRoot(specifier: string): string | undefined {
  for (const [prefix, root] of MODULE_PREFIX_ROOTS) if (specifier.startsWith(prefix)) return root;
  return Object.hasOwn(MODULE_ROOTS, specifier) ? MODULE_ROOTS[specifier] : undefined;
}

/** The canonical name of `imported` from a module whose root is `root`. */
function namedImport(root: string, imported: string): string {
  if (root === '' || imported === root) return imported;
  if (imported === 'default') return root;
  return `${root}.${imported}`;
}

/** `require('m')` or `require('m').default` → 'm'. */
function requiredModule(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  let current = unwrapExpression(node);
  if (current.type === AST_NODE_TYPES.MemberExpression && propertyName(current) === 'default') current = unwrapExpression(current.object);
  if (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.Identifier &&
    current.callee.name === 'require' &&
    current.arguments.length === 1
  ) {
    return staticString(current.arguments[0]);
  }
  return undefined;
}

export class ModuleBindings {
  /** Local name → canonical name (`S` → `Sentry`, `fmt` → `util.format`, `createDebug` → `debug`). */
  private readonly aliases = new Map<string, string>();
  /** Identifiers that are an HTTP client here; the value is its catalogue entry when calls on it are understood. */
  private readonly clients = new Map<string, HttpClient | undefined>();
  /** Whether the file binds the `debug` package, so bare calls may be debug loggers under any name. */
  hasDebugFactory = false;
  /** Whether the file imports a client whose responses keep the request config (axios, got): `err.response` is then one. */
  usesConfigKeepingClient = false;
  /** Names for a token scan of a `try` block: `axios`, `got`, `api` (an axios instance), … */
  readonly httpClientNames: ReadonlySet<string>;

  constructor(program: TSESTree.Program) {
    for (const name of HTTP_CLIENT_IDENTIFIERS) this.clients.set(name, CLIENT_BY_MODULE.get(name));
    for (const statement of program.body) this.scanStatement(statement);
    this.httpClientNames = new Set(this.clients.keys());
  }

  /** `S.setExtra` → `Sentry.setExtra`: the first segment goes through the import aliases. */
  canonical(path: string): string {
    const dot = path.indexOf('.');
    const root = dot === -1 ? path : path.slice(0, dot);
    const alias = this.aliases.get(root);
    if (alias === undefined) return path;
    return dot === -1 ? alias : alias + path.slice(dot);
  }

  /** Whether `name` is bound by an import/require of a catalogued module (not a local of the same name). */
  isImported(name: string): boolean {
    return this.aliases.has(name);
  }

  isHttpClient(name: string): boolean {
    return this.clients.has(name);
  }

  clientOf(name: string): HttpClient | undefined {
    return this.clients.get(name);
  }

  private bind(local: string, canonical: string): void {
    this.aliases.set(local, canonical);
    if (canonical === DEBUG_MODULE) this.hasDebugFactory = true;
    const client = CLIENT_BY_MODULE.get(canonical);
    if (client) {
      this.clients.set(local, client);
      if (client.responseCarriesConfig) this.usesConfigKeepingClient = true;
    }
  }

  private scanStatement(statement: TSESTree.ProgramStatement): void {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) return this.scanImport(statement);
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration) return;
    for (const declarator of declaration.declarations) this.scanDeclarator(declarator);
  }

  private scanImport(declaration: TSESTree.ImportDeclaration): void {
    if (declaration.importKind === 'type') return;
    const root = moduleRoot(declaration.source.value);
    if (root === undefined) return;
    for (const specifier of declaration.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        if (specifier.importKind === 'type') continue;
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
        this.bind(specifier.local.name, namedImport(root, imported));
      } else if (root !== '') {
        this.bind(specifier.local.name, root);
      }
    }
  }

  private scanDeclarator(declarator: TSESTree.VariableDeclarator): void {
    const specifier = requiredModule(declarator.init);
    if (specifier !== undefined) {
      if (specifier === DEBUG_MODULE) this.hasDebugFactory = true;
      const root = moduleRoot(specifier);
      if (root === undefined) return;
      if (declarator.id.type === AST_NODE_TYPES.Identifier && root !== '') this.bind(declarator.id.name, root);
      if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property || property.value.type !== AST_NODE_TYPES.Identifier) continue;
          const imported = keyName(property);
          if (imported !== undefined) this.bind(property.value.name, namedImport(root, imported));
        }
      }
      return;
    }
    // `require('debug')('app')` at the top: the file uses debug even without a named factory.
    const init = declarator.init && unwrapExpression(declarator.init);
    if (init?.type === AST_NODE_TYPES.CallExpression && requiredModule(init.callee) === DEBUG_MODULE) this.hasDebugFactory = true;
    // `const api = axios.create({...})`: an instance with the same API.
    if (declarator.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(init.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const owner = unwrapExpression(callee.object);
      const method = propertyName(callee);
      if (owner.type !== AST_NODE_TYPES.Identifier || method === undefined) return;
      const client = this.clients.get(owner.name);
      if (client?.instanceFactories.includes(method)) this.clients.set(declarator.id.name, client);
    }
  }
}
