/**
 * A flow is one credential-carrying value found inside a sink's argument: what it is (kind),
 * where to report it (node) and, for aliases, where it came from (origin). Verdicts combine
 * flows with a third state, "the syntax says nothing", which is where type-aware mode and
 * name-based rules get their say.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { SOURCE_KINDS, type SourceKind } from '../catalogue/logging-flows.js';

export interface Flow {
  readonly kind: SourceKind;
  /** The expression inside the sink's argument that holds the credential; reported there. */
  readonly node: TSESTree.Node;
  /** Where the value came from when `node` is an alias: `req.headers` for `h`. Rendered, never a value. */
  readonly origin?: string;
  /** Turned into a string that keeps everything (`JSON.stringify`, `util.inspect`): survives `${…}`. */
  readonly serialised?: boolean;
  /** `split()` of a string source: element 0 is the scheme (`Bearer`), the rest the credential. */
  readonly parts?: boolean;
  /** For kind `typed`: why the type carries headers (`AxiosError`, `Headers in property 'headers'`). */
  readonly typeName?: string;
}

/**
 * `null`: nothing known about the value (an unknown call, an unrelated name).
 * `[]`: known to carry no credential (a literal, `Boolean(x)`, `redact(x)`, `headers['content-type']`).
 * Otherwise the flows the value carries.
 */
export type Verdict = readonly Flow[] | null;

export const SAFE: Verdict = Object.freeze([]);

export function flowAt(kind: SourceKind, node: TSESTree.Node): Flow {
  return { kind, node };
}

/** A flow for `node`, derived from `parent` by reading `suffix` (`.authorization`, `.split(' ')`). */
export function derive(parent: Flow, kind: SourceKind, node: TSESTree.Node, suffix: string, extra: Partial<Flow> = {}): Flow {
  return {
    kind,
    node,
    ...(parent.origin !== undefined && { origin: parent.origin + suffix }),
    ...(parent.serialised && { serialised: true }),
    ...extra,
  };
}

/** Flows of any part; `[]` only when every part is known to be safe; otherwise `null`. */
export function union(verdicts: Iterable<Verdict>): Verdict {
  const flows: Flow[] = [];
  let known = true;
  for (const verdict of verdicts) {
    if (verdict === null) known = false;
    else flows.push(...verdict);
  }
  return flows.length > 0 ? flows : known ? SAFE : null;
}

/**
 * `${x}`, `'…' + x`, `String(x)`: objects become `[object Object]` (errors their message), so
 * only string sources and serialised values survive. Everything filtered out → known safe.
 */
export function coerce(verdict: Verdict): Verdict {
  if (verdict === null || verdict.length === 0) return verdict;
  const kept = verdict.filter((flow) => flow.serialised || SOURCE_KINDS[flow.kind].stringValued);
  return kept.length > 0 ? kept : SAFE;
}

/** `JSON.stringify(x)`, `util.inspect(x)`: the result is a string that still holds everything in `x`. */
export function serialise(verdict: Verdict): Verdict {
  if (verdict === null || verdict.length === 0) return verdict;
  return verdict.map((flow) => ({ ...flow, serialised: true }));
}

/** The same flow, reported at an alias (`h`) and remembering what it aliases. */
export function relocate(flow: Flow, node: TSESTree.Node, origin: string): Flow {
  return { ...flow, node, origin: flow.origin ?? origin };
}
