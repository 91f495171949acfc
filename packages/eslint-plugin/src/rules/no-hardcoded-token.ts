/**
 * kernel-secrets/no-hardcoded-token: flags string values the engine judges to be Kernel tokens
 * or literal bearer credentials. The rule decides WHERE a string sits (token-slot.ts) and asks
 * the engine WHETHER it is a token:
 *
 * - under a credential name, an Authorization header, a KernelClient argument or an env
 *   fallback: `scanner.checkValue(credential, 'credential')` (after stripping `Bearer `);
 * - anywhere else: `scanner.scan(string)`, which still finds the user's live token, JWTs,
 *   declared formats, `Bearer <literal>` and `?token=…` inside any text.
 *
 * One pass over the string nodes; cheap length and charset tests run before the engine.
 */
import { CONFIG_SCHEMA, DEFAULT_TOKEN_ENV_VARS, ROTATE_STEPS, type DetectorId, type JsonSchema } from '@kernel-secrets/core';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import { isAllowedLine } from '../util/allow-directives.js';
import { schemeLength } from '../hardcoded/auth-scheme.js';
import { isTokenShaped, mayContainToken, MIN_CANDIDATE_LENGTH } from '../hardcoded/candidate-prefilter.js';
import { createRule } from '../util/create-rule.js';
import { acceptsExpression, envFix, isVerbatimFinding, suggestionTarget } from '../hardcoded/env-suggestion.js';
import { projectScannerFor } from '../util/project-scanner.js';
import { ConcatenationFolder, templateText } from '../util/static-string.js';
import { basicCredentials, collectKernelImports, constStringOf, isBrowserCode, isTransparentTag, isValueUse } from '../hardcoded/shapes.js';
import { slotOf, type TokenSlot } from '../hardcoded/token-slot.js';

export interface NoHardcodedTokenOptions {
  credentialNames?: string[];
  allowedFingerprints?: string[];
  envVariable?: string;
  configFile?: string;
}

type Options = [NoHardcodedTokenOptions];
export type MessageIds = 'hardcodedToken' | 'hardcodedTokenWarning' | 'useEnvVariable' | 'configError';

/** What the engine said about one string, and which characters of it are the credential. */
interface Hit {
  detector: DetectorId;
  rule: string;
  message: string;
  fingerprint: string;
  start: number;
  end: number;
  /** Further findings in the same string. */
  more: number;
  /** The engine's severity: an expired JWT is a warning in the CLI, and the message says so here. */
  severity?: string;
}

/** The item pattern of a config-file key, so an option accepts exactly what the config file does. */
function configItemPattern(key: string): string {
  const items: JsonSchema | undefined = CONFIG_SCHEMA.properties?.[key]?.items;
  if (!items?.pattern) throw new Error(`@kernel-secrets/core config schema has no item pattern for "${key}"`);
  return items.pattern;
}

const OPTIONS_SCHEMA: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  properties: {
    credentialNames: {
      type: 'array',
      items: { type: 'string', pattern: configItemPattern('credentialNames') },
      description:
        'Extra names under which your code stores Kernel credentials (e.g. ASIMOV_PAT). Matched in any case style and as the last words of a longer name. Added to the credentialNames of the kernel-secrets config.',
    },
    allowedFingerprints: {
      type: 'array',
      items: { type: 'string', pattern: configItemPattern('allowedFingerprints') },
      description:
        'SHA-256 fingerprints (as printed in the message) of values that are known not to be secrets. Added to the allowedFingerprints of the kernel-secrets config.',
    },
    envVariable: {
      type: 'string',
      pattern: configItemPattern('envVars'),
      description: 'Environment variable the suggestion reads the token from: process.env.<envVariable>. Default KERNEL_TOKEN.',
    },
    configFile: {
      type: 'string',
      minLength: 1,
      description:
        'Path (relative to the ESLint working directory) of the kernel-secrets config to use: kernel-secrets.config.json or a package.json with a "kernelSecrets" key. By default the nearest one is found, as the kernel-secrets CLI does.',
    },
  },
};

/** Where a file-level problem (no usable config) is reported: the first character. */
const FILE_START = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-token',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow hardcoded Kernel API tokens and literal bearer credentials', recommended: true },
    hasSuggestions: true,
    messages: {
      hardcodedToken:
        '{{ found }}{{ more }}. Do not hardcode tokens: read it from process.env.{{ envVariable }} or a secret manager.{{ advice }} (fingerprint {{ fingerprint }})',
      hardcodedTokenWarning:
        '{{ found }}{{ more }}: the kernel-secrets hook reports this as a warning and does not block the commit. Remove it if it is not a test fixture.{{ advice }} (fingerprint {{ fingerprint }})',
      useEnvVariable: 'Read the token from process.env.{{ envVariable }} instead.',
      configError: 'kernel-secrets could not check this file for hardcoded tokens: {{ reason }}',
    },
    schema: [OPTIONS_SCHEMA],
  },
  defaultOptions: [{ credentialNames: [], allowedFingerprints: [], envVariable: DEFAULT_TOKEN_ENV_VARS[0] }],
  create(context, [options]) {
    const envVariable = options.envVariable ?? DEFAULT_TOKEN_ENV_VARS[0];
    const found = projectScannerFor({
      cwd: context.cwd,
      configFile: options.configFile,
      credentialNames: options.credentialNames ?? [],
      allowedFingerprints: options.allowedFingerprints ?? [],
      env: process.env,
    });
    if (!found.ok) {
      const reason = found.reason;
      return {
        Program() {
          context.report({ loc: FILE_START, messageId: 'configError', data: { reason } });
        },
      };
    }
    const { scanner, names, ignores, isBaselined } = found.project;
    if (ignores(context.physicalFilename)) return {};

    const sourceCode = context.sourceCode;
    const folder = new ConcatenationFolder();
    const expression = `process.env.${envVariable}`;

    /** Literals already reported (a const reached through two uses is reported once). */
    const reported = new Set<TSESTree.Node>();
    const kernelImports = new Set<string>();
    let browser: boolean | undefined;

    function report(node: TSESTree.Node, value: string, hit: Hit, suggestible: boolean, loc?: TSESTree.SourceLocation): void {
      if (reported.has(node) || isAllowedLine(sourceCode, (loc ?? node.loc).start.line)) return;
      // The project baseline silences exactly what it silences in the hook.
      if (isBaselined(context.physicalFilename, hit)) return;
      reported.add(node);
      const target = suggestionTarget(node);
      browser ??= isBrowserCode(sourceCode.text);
      const fix =
        suggestible && !browser && hit.more === 0 && isVerbatimFinding(hit) && acceptsExpression(target)
          ? envFix(sourceCode, target, value, hit.start, hit.end, expression)
          : undefined;
      const suggest: TSESLint.ReportSuggestionArray<MessageIds> = fix ? [{ messageId: 'useEnvVariable', data: { envVariable }, fix }] : [];
      context.report({
        node,
        ...(loc ? { loc } : {}),
        messageId: hit.severity === 'warning' ? 'hardcodedTokenWarning' : 'hardcodedToken',
        data: {
          found: hit.message,
          more: hit.more > 0 ? ` (and ${hit.more} more in this string)` : '',
          envVariable,
          advice: hit.detector === 'known' ? ` ${ROTATE_STEPS}` : '',
          fingerprint: hit.fingerprint,
        },
        suggest,
      });
    }

    /** Any token the engine finds in free text: live tokens, formats, `Bearer …`, `?token=…`. */
    function scanText(text: string): Hit | undefined {
      if (!mayContainToken(text)) return undefined;
      // The file is the context the hook scans the string in (JWT test vectors are judged by it).
      const { findings } = scanner.scan(text, { surroundings: sourceCode.text });
      const first = findings[0];
      return first && { ...first, start: first.offset, end: first.endOffset, more: findings.length - 1 };
    }

    /**
     * Checks one string value. `slotNode` is the node whose position names the value; without
     * it (template parts, tagged templates) the string is treated as free text.
     */
    function check(
      node: TSESTree.Node,
      value: string,
      slotNode: TSESTree.Node | undefined,
      suggestible: boolean,
      knownSlot?: TokenSlot,
    ): void {
      if (value.length < MIN_CANDIDATE_LENGTH) return;
      if (slotNode) {
        const slot = knownSlot ?? slotOf(slotNode, kernelImports);
        if (isCredentialSlot(slot)) {
          // `Basic <base64 of user:token>`: the decoded parts are the credentials.
          const basic = basicCredentials(value);
          if (basic) {
            for (const part of basic) {
              const verdict = isTokenShaped(part) ? scanner.checkValue(part, 'authorization-header', sourceCode.text) : undefined;
              if (verdict) return report(node, value, { ...verdict, start: 0, end: value.length, more: 0 }, false);
            }
            return;
          }
          const start = schemeLength(value);
          const credential = start === 0 ? value : value.slice(start);
          if (isTokenShaped(credential)) {
            // Tell the engine what the AST knows, so the finding matches what the hook reports.
            const context = start > 0 ? 'authorization-header' : slot.kernelClient ? 'kernel-client' : 'credential';
            const verdict = scanner.checkValue(credential, context, sourceCode.text);
            if (verdict) report(node, value, { ...verdict, start, end: value.length, more: 0 }, suggestible);
            return;
          }
          // Prose, URLs and header lines under a credential name are free text.
        }
      }
      const hit = scanText(value);
      if (hit) report(node, value, hit, suggestible);
    }

    function isCredentialSlot(slot: TokenSlot): boolean {
      return slot.kernelClient || slot.names.some((n) => names.isCredentialName(n));
    }

    /**
     * A neutral-named const used where a credential goes: `const K = "…"; … Authorization:
     * \`Bearer ${K}\`` or `{ token: K }`. The literal is judged under the slot of its use.
     */
    function checkConstUse(id: TSESTree.Identifier): void {
      const slot = slotOf(id, kernelImports);
      if (!isCredentialSlot(slot)) return;
      const literal = constStringOf(sourceCode, id);
      if (literal) check(literal.node, literal.value, literal.node, true, slot);
    }

    return {
      Program(node) {
        collectKernelImports(node, kernelImports);
      },
      Identifier(node) {
        if (isValueUse(node)) checkConstUse(node);
      },
      Literal(node) {
        if (typeof node.value !== 'string' || folder.isFoldedPart(node)) return;
        check(node, node.value, node, true);
      },
      TemplateLiteral(node) {
        if (folder.isFoldedPart(node)) return;
        // String.raw`…` is the string itself; other tags make the text free text.
        const tagged = node.parent.type === AST_NODE_TYPES.TaggedTemplateExpression && !isTransparentTag(node.parent);
        if (node.expressions.length === 0) {
          check(node, templateText(node.quasis[0]!), tagged ? undefined : node, !tagged);
          return;
        }
        // With expressions, only the static parts are known; each is free text.
        for (const quasi of node.quasis) check(quasi, templateText(quasi), undefined, false);
      },
      BinaryExpression(node) {
        // `"Bearer " + "…"`: the outermost concatenation that folds to a constant is one string.
        if (node.operator !== '+' || folder.isFoldedPart(node)) return;
        const value = folder.fold(node);
        if (value !== undefined) check(node, value, node, true);
      },
      JSXText(node) {
        // Rendered text: report exactly the characters the engine found.
        const text = sourceCode.getText(node);
        const hit = scanText(text);
        if (!hit) return;
        const loc = {
          start: sourceCode.getLocFromIndex(node.range[0] + hit.start),
          end: sourceCode.getLocFromIndex(node.range[0] + hit.end),
        };
        report(node, text, hit, false, loc);
      },
    };
  },
});
