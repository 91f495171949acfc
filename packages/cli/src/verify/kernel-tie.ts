/**
 * Which findings `scan --verify` may send to Kernel's API. The scanner also reports values that
 * are only bound to a generic credential name (`api_key = …`, `--token …`, `Authorization:
 * Bearer …`), and those may belong to any service: sending an OpenAI or AWS key to Kernel would
 * hand one company's credential to another. So a value is sent only when something ties it to
 * Kernel: a rule that is Kernel's by itself, or a Kernel word on its lines or in its path.
 */
import { mentionsKernel } from '@kernel-secrets/core';
import type { ReportedFinding } from '../scan/report.js';

/** Rules whose finding is a Kernel credential by construction. */
const KERNEL_RULES: ReadonlySet<string> = new Set([
  'kernel-variable', // bound to KERNEL_TOKEN, asimovApiKey…
  'kernel-client', // given to KernelClient(token=…) and the SDK's factories
  'custom-name', // a name the team's config declares as theirs
  'url-userinfo', // user-info of a Kernel host URL
]);

export const NOT_TIED_REASON = 'not sent: nothing ties it to Kernel (it may be another service’s credential)';

export function tiedToKernel(f: ReportedFinding): boolean {
  // `known`: the user's own KERNEL_TOKEN; `format`: a token format the config declares.
  if (f.detector === 'known' || f.detector === 'format' || KERNEL_RULES.has(f.rule)) return true;
  // The frame's lines are masked, so this reads names and hosts, never the value itself.
  return mentionsKernel(f.path) || f.frame.some((l) => mentionsKernel(l.text));
}
