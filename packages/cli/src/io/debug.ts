/**
 * Debug channels on stderr: `kernel-secrets:git` (each git command, its exit and duration) and
 * `kernel-secrets:scan` (how a path scan was split over threads, and the files and bytes each
 * scanned). On with `DEBUG=kernel-secrets`, `DEBUG=kernel-secrets:<channel>`, `DEBUG=*` or
 * `KERNEL_SECRETS_DEBUG=1`. A channel never prints scanned content.
 */
export type DebugChannel = 'git' | 'scan';

export function debugEnabled(env: NodeJS.ProcessEnv, channel: DebugChannel): boolean {
  if (env['KERNEL_SECRETS_DEBUG'] && env['KERNEL_SECRETS_DEBUG'] !== '0') return true;
  // The `debug` package's syntax: comma/space separated names, `*` wildcards, `-name` exclusions.
  const names = (env['DEBUG'] ?? '').split(/[\s,]+/).filter(Boolean);
  const matches = (pattern: string) =>
    // `DEBUG=kernel-secrets` (what the docs say) turns on every kernel-secrets channel, like `kernel-secrets:*`.
    pattern === 'kernel-secrets' ||
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(`kernel-secrets:${channel}`);
  return names.some((n) => !n.startsWith('-') && matches(n)) && !names.some((n) => n.startsWith('-') && matches(n.slice(1)));
}

/** Writes one line on `channel` (the caller has checked debugEnabled). */
export function debugLine(channel: DebugChannel, message: string): void {
  process.stderr.write(`kernel-secrets:${channel} ${message}\n`);
}
