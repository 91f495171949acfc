/**
 * kernel-secrets/no-auth-header-logging: flags Authorization headers, header objects, objects
 * that carry them (HTTP-client errors, request configs, Kernel clients) and token-named values
 * on their way into logs (console, process streams, loggers, Sentry).
 *
 * One pass: every CallExpression gets a Set lookup of its method name (sinks.ts); only calls
 * that are sinks have their arguments analysed (logging/analyser.ts). Syntactic by default;
 * with `typeAware: true` and type information, argument types are asked too.
 */
import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { DEFAULT_LOGGER_NAMES, SOURCE_KINDS } from '../catalogue/logging-flows.js';
import { FlowAnalyser } from '../logging/analyser.js';
import { errorConstructorLabel, hasAuthContext, isGuardedNotAString, isRedacted, isStringFlow } from '../logging/corroboration.js';
import type { Flow } from '../logging/flow.js';
import { FunctionSummaries } from '../logging/summaries.js';
import { ModuleBindings } from '../logging/module-bindings.js';
import { renderExpression } from '../logging/render.js';
import { Scopes } from '../logging/scopes.js';
import { SinkMatcher, type Sink } from '../logging/sinks.js';
import { TypedSources } from '../logging/typed-sources.js';
import { createRule } from '../util/create-rule.js';

export interface NoAuthHeaderLoggingOptions {
  typeAware?: boolean;
  loggerNames?: string[];
}

type Options = [NoAuthHeaderLoggingOptions];
export type MessageIds = 'credentialLogged' | 'credentialInError' | 'typeInformationMissing';

/** `logger`, `this.logger`, `app.audit`: dotted JavaScript names. */
const LOGGER_NAME_PATTERN = String.raw`^[A-Za-z_$][A-Za-z0-9_$]{0,63}(\.[A-Za-z_$][A-Za-z0-9_$]{0,63}){0,7}$`;

const schema: JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      typeAware: {
        type: 'boolean',
        description:
          'Also flag values whose TypeScript type is or contains Headers, IncomingHttpHeaders, AxiosRequestConfig, AxiosError, RequestInit, Request or an object type with an Authorization property. Needs type information (parserOptions.projectService or project); without it the rule reports one error per file. configs["recommended-type-checked"] turns this on.',
      },
      loggerNames: {
        type: 'array',
        description:
          'Objects whose log-level methods (info, warn, error, debug, log, …) are logging sinks. A name matches the receiver itself or its trailing segments: "logger" matches logger.info, this.logger.info and ctx.logger.info. Replaces the default ["logger", "log", "this.logger"]; repeat those to keep them. Library objects (console, winston, consola, Logger, req.log, Sentry, …) are always sinks.',
        items: { type: 'string', pattern: LOGGER_NAME_PATTERN },
        uniqueItems: true,
      },
    },
  },
];

function describeSource(flow: Flow): string {
  if (flow.kind === 'typed') return `a value whose type carries request headers (${flow.typeName ?? 'unknown'})`;
  return SOURCE_KINDS[flow.kind].description;
}

/** What to log instead, in the words of the kind of value seen. */
function adviceFor(flow: Flow, expression: string): string {
  return SOURCE_KINDS[flow.kind].advice.replaceAll('{x}', expression);
}

export default createRule<Options, MessageIds>({
  name: 'no-auth-header-logging',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow logging Authorization headers, tokens and objects that carry them',
      recommended: true,
      requiresTypeChecking: false,
    },
    messages: {
      credentialLogged: '`{{ expression }}`{{ origin }} is {{ source }} and reaches `{{ sink }}`. {{ advice }}',
      credentialInError:
        '`{{ expression }}`{{ origin }} is {{ source }} and goes into the message of `{{ sink }}`: error messages end up in logs and error trackers. {{ advice }}',
      typeInformationMissing:
        'kernel-secrets/no-auth-header-logging: `typeAware: true` needs type information, but this file was linted without it, so only the syntactic checks ran. Set `languageOptions.parserOptions.projectService: true` (or `project`) with @typescript-eslint/parser for this file, or drop `typeAware` (use `configs.recommended`).',
    },
    schema,
    defaultOptions: [{ typeAware: false, loggerNames: [...DEFAULT_LOGGER_NAMES] }],
  },
  defaultOptions: [{ typeAware: false, loggerNames: [...DEFAULT_LOGGER_NAMES] }],
  create(context, [options]) {
    const { sourceCode } = context;
    const program = sourceCode.parserServices?.program ?? undefined;
    const scopes = new Scopes(sourceCode);
    let sinks: SinkMatcher | undefined;
    let bindings: ModuleBindings | undefined;
    // Built on the first sink: files that log nothing pay nothing for it.
    let analyser: FlowAnalyser | undefined;
    let summaries: FunctionSummaries | undefined;
    let authContext: boolean | undefined;
    /** One report per node: a `new Error(…)` inside a sink's argument is reported once. */
    const reported = new Set<TSESTree.Node>();

    function analyserFor(): FlowAnalyser {
      analyser ??= new FlowAnalyser({
        scopes,
        bindings: bindings!,
        typed: options.typeAware && program ? new TypedSources(sourceCode.parserServices as ParserServicesWithTypeInformation) : undefined,
      });
      return analyser;
    }

    /** `token` alone is a credential only in a file that handles credentials (see AUTH_CONTEXT_WORDS). */
    function corroborated(flow: Flow): boolean {
      if (flow.kind !== 'token-word') return true;
      authContext ??= hasAuthContext(sourceCode.text);
      return authContext;
    }

    function report(flow: Flow, sink: Sink, argument: TSESTree.Node, messageId: 'credentialLogged' | 'credentialInError'): void {
      if (reported.has(flow.node) || !corroborated(flow) || isRedacted(flow, argument, sink.redaction) || isGuardedNotAString(flow)) return;
      reported.add(flow.node);
      const expression = renderExpression(flow.node);
      const origin = flow.origin !== undefined && flow.origin !== expression ? ` (from \`${flow.origin}\`)` : '';
      context.report({
        node: flow.node,
        messageId,
        data: { expression, origin, source: describeSource(flow), sink: sink.label, advice: adviceFor(flow, expression) },
      });
    }

    function checkArguments(args: readonly TSESTree.Node[], sink: Sink, messageId: 'credentialLogged' | 'credentialInError'): void {
      const flows = analyserFor();
      for (let index = sink.firstArgument; index < args.length; index++) {
        const argument = args[index]!;
        const found = flows.flowsReaching(argument);
        for (const flow of messageId === 'credentialInError' ? found.filter(isStringFlow) : found) report(flow, sink, argument, messageId);
        // A parameter the syntax knows nothing about: its callers may fill it with a source.
        if (messageId === 'credentialLogged' && found.length === 0) summaries!.recordSink(argument, sink);
      }
    }

    return {
      Program(node: TSESTree.Program) {
        if (options.typeAware && !program) {
          // Never a silent downgrade: say once per file that the typed checks did not run.
          context.report({ loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } }, messageId: 'typeInformationMissing' });
        }
        bindings = new ModuleBindings(node);
        sinks = new SinkMatcher(bindings, scopes, options.loggerNames ?? DEFAULT_LOGGER_NAMES);
        summaries = new FunctionSummaries(scopes);
      },
      CallExpression(node: TSESTree.CallExpression) {
        summaries!.recordCall(node);
        const sink = sinks!.match(node);
        if (sink) checkArguments(node.arguments, sink, 'credentialLogged');
      },
      NewExpression(node: TSESTree.NewExpression) {
        // `throw new Error(\`rejected ${token}\`)`: the message is a string that ends up in logs.
        const label = errorConstructorLabel(node);
        if (label !== undefined && node.arguments.length > 0)
          checkArguments(node.arguments.slice(0, 1), { label, firstArgument: 0 }, 'credentialInError');
      },
      'Program:exit'() {
        // One level of intra-file summaries: `function show(x) { console.log(x) }` … `show(req.headers)`.
        if (!analyser) return;
        for (const { argument, sink } of summaries!.callsIntoSinks()) {
          for (const flow of analyser.flowsReaching(argument)) report(flow, sink, argument, 'credentialLogged');
        }
      },
    };
  },
});
