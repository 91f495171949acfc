/**
 * The text of an office document's body, from the XML parts of its zip: Word's
 * `word/document.xml`, PowerPoint's slides, Excel's shared strings, OpenDocument's
 * `content.xml`. Word splits a paragraph into runs wherever formatting or the spelling checker
 * marks it (`<w:t>token:</w:t></w:r><w:proofErr/><w:r><w:t>AbC…</w:t>`), so a token pasted after
 * its name never sits next to it in the XML. The paragraph's text, one line per paragraph (or
 * per spreadsheet string), puts them back together as the reader saw them.
 */

import { MAX_CELLS, MAX_ROWS, valuesLine } from './rows.js';

/** Parts whose XML is a document body, read as text instead of markup. */
const BODY_PARTS: readonly RegExp[] = [
  /^word\/(?:document|footnotes|endnotes|comments|header\d{0,3}|footer\d{0,3})\.xml$/,
  /^ppt\/(?:slides\/slide|notesSlides\/notesSlide)\d{1,5}\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  // OpenDocument text, slides and sheets.
  /^content\.xml$/,
];
/** Elements that end a line: paragraphs, headings, spreadsheet strings, table cells, breaks. */
const LINE_END = /^\/?(?:w:p|a:p|text:p|text:h|si|w:br|a:br|text:line-break|w:tc|table:table-cell)$/;
const TAB = /^(?:w:tab|text:tab)$/;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** A tag (its name ends where the lookahead says, so nothing backtracks into it) or an entity; bounded. */
const MARKUP = /<(\/?[A-Za-z][\w:.-]{0,64})(?=[\s/>])[^>]{0,4096}>|&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,4});/g;

/** The text of a body part's XML: its character data, a line per paragraph, entities decoded. */
export function officeBodyText(xml: string): string {
  return xml.replace(MARKUP, (whole, tag: string | undefined, entity: string | undefined) => {
    if (tag !== undefined) {
      const name = tag.startsWith('/') ? tag.slice(1) : tag;
      // A closing paragraph, or an empty break element (`<w:br/>`), ends the line.
      if (LINE_END.test(tag) && (tag.startsWith('/') || whole.endsWith('/>'))) return '\n';
      return TAB.test(name) ? '\t' : '';
    }
    if (entity!.startsWith('#x')) return codePoint(parseInt(entity!.slice(2), 16)) ?? whole;
    if (entity!.startsWith('#')) return codePoint(parseInt(entity!.slice(1), 10)) ?? whole;
    return ENTITIES[entity!] ?? whole;
  });
}

function codePoint(n: number): string | undefined {
  return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

const SHEET_PART = /^xl\/worksheets\/sheet\d{1,5}\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const CELL_TYPE = /\st="(\w{1,12})"/;

/** The text between the first `open` and the `close` after it, or undefined. */
function between(xml: string, open: string, close: string): string | undefined {
  const start = xml.indexOf(open);
  if (start === -1) return undefined;
  const end = xml.indexOf(close, start + open.length);
  return end === -1 ? undefined : xml.slice(start + open.length, end);
}

/** Excel's shared strings (`xl/sharedStrings.xml`), in order: each `<si>`'s runs joined. */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (let at = xml.indexOf('<si'); at !== -1; at = xml.indexOf('<si', at)) {
    const open = xml.indexOf('>', at);
    const close = xml.indexOf('</si>', at);
    if (open === -1 || close === -1) break;
    // `<si/>` and `<sis…` are not a string with content.
    strings.push(xml[at + 3] === '>' || xml[at + 3] === ' ' ? officeBodyText(xml.slice(open + 1, close)) : '');
    at = close + 5;
  }
  return strings;
}

/**
 * A worksheet's rows as `('name', 'value')` lines, the shape of a SQL VALUES list the binding
 * reader understands (as SQLite rows are rendered): a sheet with `KERNEL_TOKEN` in one cell and
 * the token in the next holds them in different shared strings, with nothing between them in
 * any XML. Cells are read in order: shared strings by index, inline strings, and values.
 */
export function sheetRows(xml: string, shared: readonly string[]): string {
  const rows: string[] = [];
  for (let at = xml.indexOf('<row'); at !== -1 && rows.length < MAX_ROWS; at = xml.indexOf('<row', at)) {
    const end = xml.indexOf('</row>', at);
    if (end === -1) break;
    const cells: string[] = [];
    for (let c = xml.indexOf('<c', at); c !== -1 && c < end && cells.length < MAX_CELLS; c = xml.indexOf('<c', c + 2)) {
      const next = xml[c + 2];
      if (next !== ' ' && next !== '>' && next !== '/') continue;
      const tagEnd = xml.indexOf('>', c);
      if (tagEnd === -1 || tagEnd > end) break;
      if (xml[tagEnd - 1] === '/') continue;
      const close = xml.indexOf('</c>', tagEnd);
      const cellEnd = close === -1 || close > end ? end : close;
      const body = xml.slice(tagEnd + 1, cellEnd);
      const type = CELL_TYPE.exec(xml.slice(c, tagEnd))?.[1];
      const raw = between(body, '<v>', '</v>');
      const value = type === 's' ? shared[Number(raw)] : type === 'inlineStr' ? officeBodyText(body) : raw && officeBodyText(raw);
      if (value) cells.push(value);
      c = cellEnd;
    }
    const line = valuesLine(cells);
    if (line) rows.push(line);
    at = end + 6;
  }
  return rows.join('\n');
}

/** What the sheets of an archive read their shared strings from; undefined where it has no sheet. */
export interface Workbook {
  shared: readonly string[];
}

/** The workbook of an archive's parts (each with its XML, or undefined when it is not text). */
export function workbookOf(parts: readonly { name: string; xml: string | undefined }[]): Workbook | undefined {
  if (!parts.some((p) => p.xml !== undefined && SHEET_PART.test(p.name))) return undefined;
  const strings = parts.find((p) => p.name === SHARED_STRINGS)?.xml;
  return { shared: strings === undefined ? [] : sharedStrings(strings) };
}

/**
 * The text an archive member is read as when it is an office part: a sheet as its rows, a body
 * as its paragraphs, and a workbook's shared strings as nothing (its rows show them). Undefined
 * for any other member, which is read as it is.
 */
export function officePartText(name: string, xml: string, workbook: Workbook | undefined): string | undefined {
  if (SHEET_PART.test(name)) return sheetRows(xml, workbook?.shared ?? []);
  if (workbook && name === SHARED_STRINGS) return '';
  return BODY_PARTS.some((part) => part.test(name)) ? officeBodyText(xml) : undefined;
}
