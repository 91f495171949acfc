/** typescript-eslint's RuleCreator, with each rule's docs URL pointing at its page in this repo. */
import { ESLintUtils } from '@typescript-eslint/utils';

export interface KernelSecretsRuleDocs {
  /** Whether `configs.recommended` enables the rule. */
  recommended?: boolean;
  /** Whether the rule uses type information when it is available. */
  requiresTypeChecking?: boolean;
}

export const DOCS_BASE_URL = 'https://github.com/asimov/kernel-secrets/blob/main/packages/eslint-plugin/docs/rules';

export const createRule = ESLintUtils.RuleCreator<KernelSecretsRuleDocs>((name) => `${DOCS_BASE_URL}/${name}.md`);
