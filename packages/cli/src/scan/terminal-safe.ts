/**
 * File content and file names go to terminals and CI logs. Control characters (ANSI escapes
 * that could rewrite or hide the report, carriage returns) and bidirectional overrides (which
 * can make shown text differ from the bytes) are replaced, keeping string length so columns
 * still line up.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, '\uFFFD').replace(/\t/g, ' ').replace(/\n/g, '\uFFFD');
}
