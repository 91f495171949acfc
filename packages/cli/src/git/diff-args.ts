/**
 * The diff options every git call of ours shares. They pin the output to the shape
 * git/diff-parser.ts reads, whatever the user's git config says: plain prefixes, no colour,
 * no external diff or textconv (the index holds the bytes that get committed; a textconv view
 * could hide a token), every file as text (a `-diff` attribute or a NUL byte must not turn a
 * file into "Binary files differ"), zero context and no merged hunks, full object ids, and
 * submodules as `Subproject commit` lines (`diff.submodule=log` would print a summary instead).
 */
export const QUOTE_PATHS = ['-c', 'core.quotePath=true'];

export const DIFF_SHAPE = [
  '--raw',
  '-p',
  '-U0',
  '--inter-hunk-context=0',
  '-M',
  '--no-abbrev',
  '--text',
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--submodule=short',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];
