/**
 * Type-aware sources (`typeAware: true` with type information): a value whose TypeScript type
 * is or contains `Headers`, `IncomingHttpHeaders`, `AxiosRequestConfig`, `AxiosError`,
 * `RequestInit`, `Request` (by name, also through base interfaces) or an object type with an
 * `Authorization` property. Asked only about sink arguments the syntax had no opinion on, so
 * the checker is consulted a handful of times per file, not per node.
 */
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { AUTHORIZATION_PROPERTIES, HEADER_CARRYING_TYPES, RESPONSE_SIDE_TYPES } from '../catalogue/logging-flows.js';
import { renderName } from './render.js';

/** Base interfaces followed (`interface MyConfig extends AxiosRequestConfig`). */
const MAX_BASE_DEPTH = 3;
/** Properties looked at for "contains": enough for configs and errors, bounded for huge types. */
const MAX_PROPERTIES = 64;

export class TypedSources {
  private readonly checker: ts.TypeChecker;
  private readonly own = new Map<ts.Type, string | null>();
  private readonly contained = new Map<ts.Type, string | null>();

  constructor(private readonly services: ParserServicesWithTypeInformation) {
    this.checker = services.program.getTypeChecker();
  }

  /** Why the value of `node` carries headers (`AxiosError`, `Headers in property 'headers'`), or undefined. */
  describe(node: TSESTree.Node): string | undefined {
    const type = this.services.getTypeAtLocation(node);
    const tsNode = this.services.esTreeNodeToTSNodeMap.get(node);
    return this.containing(type, tsNode) ?? undefined;
  }

  /** The type itself, a union/intersection member, an array element, or one of its properties' types. */
  private containing(type: ts.Type, location: ts.Node): string | null {
    let answer = this.contained.get(type);
    if (answer !== undefined) return answer;
    // A fetch `Response` or an SDK's `APIError`: its headers are the server's, not the request's.
    if (this.isResponseSide(type, 0)) {
      this.contained.set(type, null);
      return null;
    }
    answer = this.ownMatch(type, 0);
    // `isArrayType` is public API since TypeScript 5.x; older checkers simply skip arrays.
    if (answer === null && typeof this.checker.isArrayType === 'function' && this.checker.isArrayType(type)) {
      const element = this.checker.getTypeArguments(type as ts.TypeReference)[0];
      const inner = element ? this.ownMatch(element, 0) : null;
      answer = inner === null ? null : `${inner}[]`;
    }
    answer ??= this.propertyMatch(type, location);
    this.contained.set(type, answer);
    return answer;
  }

  private propertyMatch(type: ts.Type, location: ts.Node): string | null {
    const parts = type.isUnionOrIntersection() ? type.types : [type];
    for (const part of parts) {
      // Primitives and literals have no symbol: their apparent members (String#…) carry nothing.
      if (part.getSymbol() === undefined) continue;
      const properties = this.checker.getPropertiesOfType(part);
      for (const property of properties.slice(0, MAX_PROPERTIES)) {
        const match = this.ownMatch(this.checker.getTypeOfSymbolAtLocation(property, location), 0);
        if (match !== null) return `${match} in property '${renderName(property.getName())}'`;
      }
    }
    return null;
  }

  /** `Response`, `APIError` and types extending them (`class MyError extends APIError`). */
  private isResponseSide(type: ts.Type, depth: number): boolean {
    const name = type.aliasSymbol?.getName() ?? type.getSymbol()?.getName();
    if (name !== undefined && RESPONSE_SIDE_TYPES.has(name)) return true;
    if (depth >= MAX_BASE_DEPTH || !type.isClassOrInterface()) return false;
    return (type.getBaseTypes() ?? []).some((base) => this.isResponseSide(base, depth + 1));
  }

  /** The type, by name or shape, without looking into its properties' types. */
  private ownMatch(type: ts.Type, depth: number): string | null {
    let answer = this.own.get(type);
    if (answer !== undefined) return answer;
    answer = null;
    if (type.isUnionOrIntersection()) {
      for (const part of type.types) {
        answer = this.ownMatch(part, depth);
        if (answer !== null) break;
      }
    } else {
      const name = type.aliasSymbol?.getName() ?? type.getSymbol()?.getName();
      if (name !== undefined && HEADER_CARRYING_TYPES.has(name)) answer = name;
      else if (AUTHORIZATION_PROPERTIES.some((property) => type.getProperty(property) !== undefined))
        answer = 'an object type with an Authorization property';
      else if (depth < MAX_BASE_DEPTH) {
        for (const base of type.getBaseTypes() ?? []) {
          answer = this.ownMatch(base, depth + 1);
          if (answer !== null) break;
        }
      }
    }
    this.own.set(type, answer);
    return answer;
  }
}
