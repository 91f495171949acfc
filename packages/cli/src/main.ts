/**
 * Entry point shared by the bin and tests: parse, run, map every outcome to an exit code.
 * Anything unexpected (a bug, a git failure we did not foresee) is exit 2 with one line: the
 * hook fails closed rather than letting a commit through unscanned.
 */
import { parseCommandLine } from './args/parse.js';
import { helpText } from './args/help.js';
import { CliError, EXIT_CLEAN, EXIT_COULD_NOT_SCAN, toOneLine } from './errors.js';
import { absolutiseGitEnvironment } from './git/env.js';
import { processIO, type CliIO } from './io/cli-io.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

/**
 * Describes an unexpected error without anything it may have quoted. Messages often carry the
 * text being scanned (parser errors quote it, `new Error('bad value ' + value)` pastes it), so
 * only the message's leading plain words are kept (lower-case words of at most 12 letters,
 * stopping at the first other word), with the error's class and where it was thrown.
 */
function describeInternalError(err: unknown): string {
  const error = err instanceof Error ? err : new Error(String(err));
  const words: string[] = [];
  for (const word of error.message.split(/[\s]/)) {
    if (word === '') continue;
    if (!/^[a-z]{1,12}[,:;]?$/.test(word) || words.length === 12) break;
    words.push(word);
  }
  // `    at fn (file:///…/dist/engine/scanner.js:120:15)` → `engine/scanner.js:120`
  const frame = (error.stack ?? '').split('\n').find((l) => l.trimStart().startsWith('at ')) ?? '';
  const location = frame.trim().split(/[\s(]/).pop()?.replace(')', '') ?? '';
  const parts = location.split(':');
  const where = parts.length >= 3 ? ` at ${parts.slice(0, -1).join(':').split('/').slice(-2).join('/')}` : '';
  return `${error.name}${where}${words.length ? `: ${words.join(' ')}` : ''}`;
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    absolutiseGitEnvironment(io.env, io.cwd);
    const cmd = parseCommandLine(argv);
    switch (cmd.name) {
      case 'help':
        io.stdout.write(helpText(cmd.topic) + '\n');
        return argv.length === 0 ? EXIT_COULD_NOT_SCAN : EXIT_CLEAN;
      case 'version':
        io.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
        return EXIT_CLEAN;
      // Commands are loaded on demand: the pre-commit hook starts this process on every commit.
      case 'scan':
        return await (await import('./commands/scan.js')).runScan(cmd, io);
      case 'baseline':
        return await (await import('./commands/baseline.js')).runBaseline(cmd, io);
      case 'init':
        return await (await import('./commands/init.js')).runInit(cmd, io);
      case 'known':
        return await (await import('./commands/known.js')).runKnown(cmd, io);
      case 'verify':
        return await (await import('./commands/verify.js')).runVerify(cmd, io);
    }
  } catch (err) {
    const line =
      err instanceof CliError
        ? err.oneLine()
        : toOneLine(`internal error (${describeInternalError(err)}); nothing was let through. Please report it with the command you ran`);
    io.stderr.write(`kernel-secrets: ${line}\n`);
    return EXIT_COULD_NOT_SCAN;
  }
}
