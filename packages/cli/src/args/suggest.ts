/**
 * Turns node:util parseArgs' errors into one line in this CLI's words: which option, what is
 * wrong, and the nearest known option for a typo (`--fromat` → `--format`).
 */

/** Edit distance counting a swap of two neighbours as one edit (optimal string alignment); option names only. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest of `names` to `typed` (without dashes), when it is close enough to be a typo. */
export function nearest(typed: string, names: readonly string[]): string | undefined {
  const bare = typed.replace(/^-{1,2}/, '').split('=')[0]!;
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    // A prefix (`--form`) or a transposition/typo within a third of the length.
    const d = name.startsWith(bare) && bare.length >= 2 ? 0.5 : distance(bare, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/** The message for a parseArgs error (`code` and `message` as node sets them). */
export function describeParseError(err: { code?: string; message: string }, command: string, options: Record<string, OptionSpec>): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const long = (s: string) => s.split(', ').pop()!.split(' ')[0]!; // "-o, --output <value>" → "--output"
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const suggestion = nearest(quoted, Object.keys(options));
      return `unknown option ${quoted} for ${command}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = long(quoted);
      const spec = options[name.replace(/^--/, '')];
      if (spec?.type === 'boolean') return `${name} takes no value`;
      return err.message.includes('ambiguous')
        ? `${name} needs a value, not an option (write ${name}=<value> for a value that starts with -)`
        : `${name} needs a value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `${command} takes no arguments (got "${quoted}")`;
    default:
      return err.message.split('\n')[0]!;
  }
}
