/**
 * Entry point shared by the bin and tests: parse, run, map every outcome to an exit code.
 * Anything unexpected (a bug, a git failure we did not foresee) is exit 2 with one line: the
 * hook fails closed rather than letting a commit through unscanned.
 */
import { parseCommandLine } from './args/parse.js';
import { MAIN_HELP } from './args/help.js';
import { CliError, EXIT_CLEAN, EXIT_COULD_NOT_SCAN, toOneLine } from './errors.js';
import { absolutiseGitEnvironment } from './git/env.js';
import { processIO, type CliIO } from './io/cli-io.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

/**
 * An unexpected error's message may quote the text being scanned (V8's JSON.parse and most
 * parsers quote the input around a failure). Only the part before the first quote or bracket
 * is kept, long runs of token characters in it are replaced by their length, and it is cut
 * short, so a secret cannot reach stderr through it.
 */
function redactMessage(message: string): string {
  const quoteAt = message.search(/["'`{[]/);
  const head = quoteAt === -1 ? message : `${message.slice(0, quoteAt)}(quoted input omitted)`;
  // Mask before cutting, so the cut cannot leave an unmasked piece of a token.
  return head.replace(/[A-Za-z0-9_\-.~+/=]{16,}/g, (run) => `…(${run.length} chars)`).slice(0, 300);
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    absolutiseGitEnvironment(io.env, io.cwd);
    const cmd = parseCommandLine(argv);
    switch (cmd.name) {
      case 'help':
        io.stdout.write(MAIN_HELP + '\n');
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
    }
  } catch (err) {
    const line =
      err instanceof CliError
        ? err.oneLine()
        : toOneLine(`internal error: ${redactMessage((err as Error)?.message ?? String(err))}; nothing was let through. Please report it with the command you ran`);
    io.stderr.write(`kernel-secrets: ${line}\n`);
    return EXIT_COULD_NOT_SCAN;
  }
}
