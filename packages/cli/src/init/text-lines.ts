/** Line-based config files (.gitattributes, .gitignore): add a line once, keep everything else. */

export function ensureLine(existing: string | undefined, line: string, comment: string): string {
  const text = existing ?? '';
  if (text.split(/\r?\n/).some((l) => l.trim() === line)) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sep = text === '' || text.endsWith('\n') ? '' : eol;
  return `${text}${sep}${text === '' ? '' : eol}# ${comment}${eol}${line}${eol}`;
}
