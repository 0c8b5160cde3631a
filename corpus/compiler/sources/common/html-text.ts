/**
 * LEGI's article HTML (LexHub bodies, legi-data's `texteHtml`/`notaHtml`) turned into plain
 * paragraphs. The HTML is untrusted: nothing of it survives but text — every tag is dropped, the
 * content of script-like elements too, and character references are decoded.
 *
 * Paragraph rules, checked against lexlib's rendering of the same articles (`<p>…</p><br/>` gives
 * the same paragraphs there): `<p>`, `<div>`, `<br/>`, list items and the other block elements end
 * a paragraph; a table becomes one paragraph per row, cells joined by « | » (a cell's own
 * paragraphs joined by a space); `<i>NOTA:…</i>` (LexHub) is the NOTA, not the text.
 * Broken markup never throws: an unterminated tag is skipped and reported with its offset.
 */
import { normalizeParagraph } from '../../../text/paragraphs.ts';
import { decodeEntities } from './html-entities.ts';

export interface HtmlAnchor {
  /** `href` as written (entities decoded). */
  href: string;
  /** `title`, read leniently: LexHub writes `title='Code de l'éducation - art. L124-1 (V)'`. */
  title?: string;
  /** The anchor's visible text, normalized. */
  text: string;
  /** Offset of the `<a` in the input. */
  offset: number;
}

export interface HtmlProblem {
  offset: number;
  message: string;
}

export interface HtmlText {
  paragraphs: string[];
  nota: string[];
  anchors: HtmlAnchor[];
  problems: HtmlProblem[];
}

export interface HtmlTextOptions {
  /** Read `<i>NOTA: …</i>` as the NOTA (LexHub writes it inside the body). */
  detectNota?: boolean;
  /**
   * End a paragraph where a sentence ends followed by a run of spaces (`sécurité sociale.   Les
   * dispositions`). For LexHub's files without `<p>` (a third of them), whose text runs on one line:
   * checked against legi-data on the 2,182 such files of the sécurité sociale, the rule gives its
   * paragraphs for 1,544 of them (1,264 without it); most others lost their breaks in LexHub
   * altogether (one space), which nothing can tell from a sentence. A run elsewhere
   * (`responsables   , dans`) is LEGI's own spacing, left to normalization.
   */
  sentenceBreaks?: boolean;
}

const SENTENCE_BREAK = /(?<=[.;:!?»)])[ \u00a0]{2,}/;

/** Elements that end a paragraph where they open and where they close. */
const BLOCK = new Set([
  'p',
  'div',
  'center',
  'br',
  'hr',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'caption',
  'figure',
  'figcaption',
  'form',
  'fieldset',
  'legend',
  'body',
  'html',
]);
/** Table structure, handled apart so that rows stay together. */
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'colgroup', 'col']);
/** Elements whose content is not text a reader should see. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'textarea',
  'title',
  'head',
  'svg',
  'math',
  'select',
  'button',
  'applet',
  'frameset',
  'noframes',
  'xmp',
  'plaintext',
]);
/** Inline elements: their text flows into the paragraph. */
const INLINE = new Set([
  'a',
  'i',
  'b',
  'em',
  'strong',
  'u',
  's',
  'strike',
  'sup',
  'sub',
  'font',
  'span',
  'small',
  'big',
  'abbr',
  'acronym',
  'cite',
  'code',
  'q',
  'tt',
  'var',
  'dfn',
  'ins',
  'del',
  'mark',
  'img',
  'nobr',
  'wbr',
  'label',
  'meta',
  'link',
  'base',
  'input',
  'option',
  'frame',
  'area',
  'map',
  'kbd',
  'samp',
  'bdo',
  'bdi',
  'time',
  'data',
  'ruby',
  'rt',
  'rp',
]);

/** A `<` that starts a tag: `<p`, `</p`. Anything else (`< 12 %`, `<ou`) is text. */
const TAG_START = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)/y;
const NOTA_LABEL = /^\s*NOTA\b\s*:?\s*/i;
// eslint-disable-next-line no-control-regex -- control characters are damage in a legal text
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function isKnownTag(name: string): boolean {
  return BLOCK.has(name) || TABLE_PARTS.has(name) || DROPPED.has(name) || INLINE.has(name);
}

/** Collects paragraphs: text is added, a block boundary ends the current paragraph. */
class ParagraphSink {
  readonly paragraphs: string[] = [];
  private buffer = '';
  add(text: string): void {
    this.buffer += text;
  }
  end(): void {
    const paragraph = normalizeParagraph(this.buffer);
    if (paragraph) this.paragraphs.push(paragraph);
    this.buffer = '';
  }
  push(paragraph: string): void {
    this.end();
    if (paragraph) this.paragraphs.push(paragraph);
  }
}

interface TableState {
  rows: string[][];
  row: string[] | undefined;
  cell: string | undefined;
}

/**
 * The value of attribute `name` in a tag's attribute text. A quoted value ends at the quote that is
 * followed by another attribute or by the end of the tag, so an apostrophe inside a single-quoted
 * value (LexHub's titles) does not cut it short.
 */
export function readAttribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*`, 'i').exec(attributes);
  if (!match) return undefined;
  const start = match.index + match[0].length;
  const quote = attributes.charAt(start);
  if (quote === "'" || quote === '"') {
    let end = attributes.indexOf(quote, start + 1);
    while (end >= 0 && !/^(?:\s+[a-zA-Z_:][\w:.-]*\s*=|\s*\/?\s*$)/.test(attributes.slice(end + 1))) {
      end = attributes.indexOf(quote, end + 1);
    }
    return decodeEntities(attributes.slice(start + 1, end < 0 ? attributes.length : end));
  }
  const bare = /^[^\s>]*/.exec(attributes.slice(start))?.[0] ?? '';
  return decodeEntities(bare);
}

export function htmlToText(input: string, options: HtmlTextOptions = {}): HtmlText {
  // Control characters can only be damage; a space in their place keeps every offset (for the
  // problems' lines) and cannot glue a stray `<` to what follows into a tag.
  const html = input.replace(CONTROL, ' ');
  const body = new ParagraphSink();
  const notaSink = new ParagraphSink();
  let sink = body;
  const anchors: HtmlAnchor[] = [];
  const problems: HtmlProblem[] = [];
  const tables: TableState[] = [];
  let anchor: HtmlAnchor | undefined;
  let italicDepth = 0;
  let notaDepth = -1;
  let lower: string | undefined;

  const closeAnchor = (): void => {
    if (!anchor) return;
    anchor.text = normalizeParagraph(anchor.text);
    anchors.push(anchor);
    anchor = undefined;
  };
  const closeCell = (table: TableState): void => {
    if (table.cell === undefined) return;
    (table.row ??= []).push(table.cell);
    table.cell = undefined;
  };
  const closeRow = (table: TableState): void => {
    closeCell(table);
    if (table.row) table.rows.push(table.row);
    table.row = undefined;
  };
  const addText = (raw: string): void => {
    const text = decodeEntities(raw).replace(CONTROL, ' ');
    if (!text) return;
    if (options.sentenceBreaks && SENTENCE_BREAK.test(text)) {
      text.split(SENTENCE_BREAK).forEach((piece, index) => {
        if (index > 0) endBlock();
        addPiece(piece);
      });
      return;
    }
    addPiece(text);
  };
  const addPiece = (text: string): void => {
    if (anchor) anchor.text += text;
    const table = tables.at(-1);
    if (table) {
      table.row ??= [];
      table.cell = (table.cell ?? '') + text;
    } else sink.add(text);
  };
  const endBlock = (): void => {
    const table = tables.at(-1);
    if (table) {
      if (table.cell !== undefined) table.cell += ' ';
    } else sink.end();
  };
  const closeTable = (): void => {
    const table = tables.pop();
    if (!table) return;
    closeRow(table);
    const lines: string[] = [];
    for (const row of table.rows) {
      const cells = row.map((cell) => normalizeParagraph(cell));
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      if (cells.length > 0) lines.push(normalizeParagraph(cells.join(' | ')));
    }
    const parent = tables.at(-1);
    if (parent) {
      parent.row ??= [];
      parent.cell = (parent.cell ?? '') + ' ' + lines.join(' ');
    } else {
      sink.end();
      for (const line of lines) sink.push(line);
    }
  };

  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      addText(html.slice(i));
      break;
    }
    if (lt > i) addText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) {
        problems.push({ offset: lt, message: 'commentaire HTML non fermé: fin du texte ignorée' });
        i = n;
      } else i = end + 3;
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    TAG_START.lastIndex = lt;
    const start = TAG_START.exec(html);
    const name = start?.[2]?.toLowerCase();
    if (!start || name === undefined || !isKnownTag(name)) {
      addText('<');
      i = lt + 1;
      continue;
    }
    // The tag ends at the first `>`; a `<` first means the tag was cut (truncated or damaged file).
    let gt = -1;
    for (let j = lt + start[0].length; j < n; j++) {
      const c = html.charCodeAt(j);
      if (c === 62 /* > */) {
        gt = j;
        break;
      }
      if (c === 60 /* < */) break;
    }
    if (gt < 0) {
      problems.push({ offset: lt, message: `balise <${start[1]}${name}> non fermée: ignorée` });
      const next = html.indexOf('<', lt + 1);
      i = next < 0 ? n : next;
      continue;
    }
    const attributes = html.slice(lt + start[0].length, gt);
    i = gt + 1;
    const closing = start[1] === '/';

    if (DROPPED.has(name)) {
      if (closing) continue;
      lower ??= html.toLowerCase();
      const end = lower.indexOf(`</${name}`, i);
      if (end < 0) {
        problems.push({ offset: lt, message: `élément <${name}> non fermé: fin du texte ignorée` });
        i = n;
      } else {
        const gtEnd = html.indexOf('>', end);
        i = gtEnd < 0 ? n : gtEnd + 1;
      }
      continue;
    }
    if (TABLE_PARTS.has(name)) {
      if (name === 'table') {
        if (closing) closeTable();
        else {
          if (tables.length === 0) sink.end();
          tables.push({ rows: [], row: undefined, cell: undefined });
        }
        continue;
      }
      const table = tables.at(-1);
      if (!table) {
        // A row or cell outside any table: keep its text apart like a paragraph.
        endBlock();
        continue;
      }
      if (name === 'tr') closeRow(table);
      else if (name === 'td' || name === 'th') {
        closeCell(table);
        if (!closing) {
          table.row ??= [];
          table.cell = '';
        }
      }
      continue;
    }
    if (BLOCK.has(name)) {
      endBlock();
      continue;
    }
    if (name === 'a') {
      if (closing) closeAnchor();
      else {
        closeAnchor();
        const href = readAttribute(attributes, 'href');
        if (href !== undefined) {
          const title = readAttribute(attributes, 'title');
          anchor = { href, text: '', offset: lt, ...(title !== undefined ? { title } : {}) };
        }
      }
      continue;
    }
    if (name === 'i') {
      if (closing) {
        if (notaDepth >= 0 && italicDepth === notaDepth) {
          closeAnchor();
          while (tables.length > 0) closeTable();
          sink.end();
          sink = body;
          notaDepth = -1;
        }
        italicDepth = Math.max(0, italicDepth - 1);
      } else {
        italicDepth++;
        const label = options.detectNota && notaDepth < 0 ? NOTA_LABEL.exec(html.slice(i, i + 40)) : null;
        if (label) {
          closeAnchor();
          while (tables.length > 0) closeTable();
          sink.end();
          sink = notaSink;
          notaDepth = italicDepth;
          i += label[0].length;
        }
      }
      continue;
    }
    // Other inline elements: nothing to do, their text flows.
  }
  closeAnchor();
  if (tables.length > 0) problems.push({ offset: n, message: 'tableau non fermé' });
  while (tables.length > 0) closeTable();
  body.end();
  notaSink.end();
  return { paragraphs: body.paragraphs, nota: notaSink.paragraphs, anchors, problems };
}
