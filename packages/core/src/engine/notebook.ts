/**
 * Jupyter notebooks that printed a token: an output cell's text (`"outputs": [{"text": […]}]`,
 * `"data": {"text/plain": […]}`) holding a line that is nothing but a token-shaped value, in a
 * cell whose source reads a credential name (`print(os.environ["KERNEL_TOKEN"])`,
 * `client.token`). The value has no name next to it, so the binding reader cannot see it; the
 * cell is its binding. nbformat writes cell keys sorted, so the source comes after the outputs:
 * the whole cell (bounded) is read, not a window before the value.
 */
import type { NameJudge } from './binding.js';
import { isGenericName, isKernelName } from './names.js';

/** A printed value and the credential name its cell reads. */
export interface NotebookOutput {
  start: number;
  end: number;
  value: string;
  name: string;
}

/** A cell longer than this is read only this far around an output (base64 images make cells huge). */
const MAX_CELL = 64 * 1024;
const MAX_LINE = 4096;
/** `"text": [` / `"text/plain": [` opening an output's lines. */
const OUTPUT_TEXT = /"(?:text|text\/plain)":[ \t]{0,8}\[/g;
/** One JSON string element of such an array, on its own line: `    "…\n",`. */
const ELEMENT = /^[ \t]{0,40}"(?<s>[^"\r\n]{1,4096})",?[ \t]{0,8}$/gm;
const IDENT = /[A-Za-z_][A-Za-z0-9_]{1,63}/g;
/** A printed value: token characters only, maybe in a repr's quotes, then the output's newline. */
const PRINTED = /^'?(?<v>[A-Za-z0-9_\-.~+/=]{8,4096})'?(?:\\n)?$/;

function cellAround(text: string, at: number): [number, number] {
  const lo = Math.max(0, at - MAX_CELL);
  const before = text.slice(lo, at).lastIndexOf('"cell_type"');
  const after = text.slice(at, at + MAX_CELL).indexOf('"cell_type"');
  return [before === -1 ? lo : lo + before, after === -1 ? Math.min(text.length, at + MAX_CELL) : at + after];
}

/** The first credential name the cell's text holds, or undefined. */
function credentialNameIn(cell: string, judge: NameJudge): string | undefined {
  IDENT.lastIndex = 0;
  for (let m = IDENT.exec(cell); m; m = IDENT.exec(cell)) {
    const w = m[0];
    if (isKernelName(w) || isGenericName(w) || judge.isConfiguredName(w)) return w;
  }
  return undefined;
}

/** Every output line of a notebook that is a lone token-shaped value in a cell reading a credential name. */
export function notebookOutputs(text: string, minLength: number, judge: NameJudge): NotebookOutput[] {
  const out: NotebookOutput[] = [];
  OUTPUT_TEXT.lastIndex = 0;
  for (let m = OUTPUT_TEXT.exec(text); m; m = OUTPUT_TEXT.exec(text)) {
    const open = m.index + m[0].length;
    const close = text.indexOf(']', open);
    const lines = text.slice(open, close === -1 || close - open > MAX_CELL ? open + MAX_CELL : close);
    let name: string | undefined;
    let looked = false;
    ELEMENT.lastIndex = 0;
    for (let e = ELEMENT.exec(lines); e; e = ELEMENT.exec(lines)) {
      const raw = e.groups!['s']!;
      if (raw.length > MAX_LINE) continue;
      const v = PRINTED.exec(raw)?.groups?.['v'];
      if (!v || v.length < minLength) continue;
      if (!looked) {
        name = credentialNameIn(text.slice(...cellAround(text, m.index)), judge);
        looked = true;
      }
      if (!name) break;
      const start = open + e.index + e[0].indexOf(raw) + raw.indexOf(v);
      out.push({ start, end: start + v.length, value: v, name });
    }
  }
  return out;
}
