/**
 * Descriptions of the rules a finding can carry, for SARIF's rule table. Read from the
 * engine's detector catalogue; the few rules that are not text detectors (known tokens and
 * organisation formats) are described here once.
 */
import { BINDING_RULES, TEXT_DETECTORS, remediationFor, type DetectorId } from '@kernel-secrets/core';
import { FINDINGS_DOCS_URL } from '../version.js';

export interface RuleInfo {
  id: string;
  name: string;
  description: string;
  help: string;
  /** The detector's section of packages/cli/docs/findings.md on GitHub. */
  helpUri: string;
}

function describe(detector: DetectorId, rule: string): string {
  const text = TEXT_DETECTORS.find((d) => d.id === rule && d.detector === detector)?.description;
  if (text) return text;
  const binding = (BINDING_RULES as Partial<Record<string, { detector: DetectorId; description: string }>>)[rule];
  if (binding?.detector === detector) return binding.description;
  if (detector === 'known')
    return `Your own live Kernel token (from KERNEL_TOKEN or the known-fingerprints file), found ${rule === 'known/fingerprint' ? 'by its fingerprint' : `in ${rule.replace('known/', '')} form`}.`;
  if (rule.startsWith('custom:')) return `A token matching your organisation's declared format "${rule.slice('custom:'.length)}".`;
  return `A Kernel credential found by the ${detector} detector.`;
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

export function ruleInfo(id: string, detector: DetectorId, rule: string): RuleInfo {
  return {
    id,
    name: pascal(id),
    description: describe(detector, rule),
    help: remediationFor(detector),
    helpUri: `${FINDINGS_DOCS_URL}#${detector}`,
  };
}
