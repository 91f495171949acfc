/**
 * The text of an office document's body, from the XML parts of its zip: Word's
 * `word/document.xml`, PowerPoint's slides, Excel's shared strings, OpenDocument's
 * `content.xml`. Word splits a paragraph into runs wherever formatting or the spelling checker
 * marks it (`<w:t>token:</w:t></w:r><w:proofErr/><w:r><w:t>AbC…</w:t>`), so a token pasted after
 * its name never sits next to it in the XML. The paragraph's text, one line per paragraph (or
 * per spreadsheet string), puts them back together as the reader saw them.
 */

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

export function isOfficeBodyPart(name: string): boolean {
  return BODY_PARTS.some((part) => part.test(name));
}

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
