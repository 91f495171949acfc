/**
 * The contract between the flow analyser and the helpers it hands work to (definitions.ts):
 * what a file's analysis can look up, and the questions a helper may ask back about a
 * sub-expression. Types only, so analyser.ts → definitions.ts stays the one direction.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Verdict } from './flow.js';
import type { ModuleBindings } from './module-bindings.js';
import type { Scopes } from './scopes.js';
import type { TypedSources } from './typed-sources.js';

export interface AnalysisContext {
  readonly scopes: Scopes;
  readonly bindings: ModuleBindings;
  /** Present only with `typeAware: true` and type information. */
  readonly typed: TypedSources | undefined;
}

/** What a member or method is read from: its verdict, plus its name for role-by-name rules (`err.config`). */
export interface Receiver {
  readonly verdict: Verdict;
  readonly name?: string | undefined;
  readonly node?: TSESTree.Node | undefined;
}

/** The analyser's answers a helper may ask for (implemented by FlowAnalyser). */
export interface ValueResolver {
  /** Syntax first, then (type-aware mode) the leaf's type. */
  resolve(node: TSESTree.Node): Verdict;
  /** The syntactic verdict alone. */
  evaluate(node: TSESTree.Node): Verdict;
  /** Reading `key` from a receiver. */
  readProperty(receiver: Receiver, key: string | undefined, node: TSESTree.Node): Verdict;
}
