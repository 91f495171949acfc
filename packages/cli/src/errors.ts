/**
 * Exit codes and the one error type the CLI turns into "could not scan". Fail closed: any
 * doubt about what is being scanned ends in exit 2 with ONE line saying what and how to fix it.
 */

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_COULD_NOT_SCAN = 2;

/** A problem the user can fix. `message` is what went wrong, `fix` what to do about it. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }

  /** The single line printed on stderr. */
  oneLine(): string {
    return toOneLine(this.fix ? `${this.message}; ${this.fix}` : this.message);
  }
}

/** Collapses whitespace and line breaks so an error (git's included) never spans lines. */
export function toOneLine(text: string): string {
  // Split and join instead of one regex over runs of white space: linear on any input
  // (`\s*[\r\n]+\s*` backtracks quadratically on a long run of spaces).
  return text
    .split(/[\s]/)
    .filter((word) => word !== '')
    .join(' ');
}
