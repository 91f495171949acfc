/**
 * eslint-plugin-kernel-secrets: flat-config plugin object with its rules and configs.
 * `configs.recommended` turns on both rules; `configs['recommended-type-checked']` adds the
 * type-aware checks of no-auth-header-logging (needs parserOptions.projectService).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import noAuthHeaderLogging from './rules/no-auth-header-logging.js';
import noHardcodedToken from './rules/no-hardcoded-token.js';

const pkg = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

export const rules = {
  'no-hardcoded-token': noHardcodedToken,
  'no-auth-header-logging': noAuthHeaderLogging,
};

/** Exported for the CommonJS entry's declaration (index.d.cts). */
export interface KernelSecretsPlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: Record<'recommended' | 'recommended-type-checked', TSESLint.FlatConfig.Config>;
}

const plugin: KernelSecretsPlugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'kernel-secrets' },
  rules,
  configs: {} as KernelSecretsPlugin['configs'],
};

plugin.configs.recommended = {
  name: 'kernel-secrets/recommended',
  plugins: { 'kernel-secrets': plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: {
    'kernel-secrets/no-hardcoded-token': 'error',
    'kernel-secrets/no-auth-header-logging': 'error',
  },
};

plugin.configs['recommended-type-checked'] = {
  name: 'kernel-secrets/recommended-type-checked',
  plugins: { 'kernel-secrets': plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: {
    'kernel-secrets/no-hardcoded-token': 'error',
    'kernel-secrets/no-auth-header-logging': ['error', { typeAware: true }],
  },
};

export default plugin;
