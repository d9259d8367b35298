/**
 * A statement printed as a PDF with a text layer (Vietcombank's "THỐNG KÊ GIAO DỊCH",
 * Agribank's "SỔ PHỤ / STATEMENT"), read with pdf.js a page at a time and its table rebuilt
 * from where each piece of text stands. A layout's printed titles find the header on a page;
 * the columns are told apart by the empty strips between the page's text, each strip between
 * two titles; a row starts on a line that prints its first column, and the lines under it (a
 * remark wrapped over several lines) are joined to it, across a page break too. A page's table
 * ends at its footer. The lines outside the table (the header block, the footers) are where the
 * bank prints its own figures. A PDF without any text is a scan, refused, never guessed at.
 */
import type { Readable } from 'node:stream';
import type { PDFDocumentProxy as Pdf } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { findFigures, STATEMENT_LAYOUTS, type FoundFigures } from './layouts.js';
import type { StatementDocument } from './statement-document.js';
import type { PrintedTable, StatementLayout } from './statement-layout.js';
import { accept, reject, type Result } from '../../ledger/rejections.js';

interface Span {
  x0: number;
  x1: number;
}

/** A piece of text as pdf.js gives it: its left and right edge, its baseline and its size. */
interface Piece extends Span {
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

interface Line {
  /** The line's pieces from left to right. */
  readonly pieces: readonly Piece[];
  readonly text: string;
}

/** How many pages are read between two clean-ups of what pdf.js keeps of the pages read (fonts, page objects), so memory stays flat. */
const CLEAN_EVERY = 50;
/** How far below a line's first piece another may stand on the same line, in font sizes. */
const SAME_LINE = 0.4;
/** A gap between two pieces narrower than this, in font sizes, is inside a word: pdf.js splits words around their diacritics. */
const IN_WORD = 0.1;

function piecesOf(items: readonly (TextItem | TextMarkedContent)[]): Piece[] {
  const pieces: Piece[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const { str, transform, width, height } = item;
    if (str.trim() === '') continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = transform as number[];
    pieces.push({ x0: x, x1: x + width, y, size: height || Math.hypot(c, d), text: str.normalize('NFC') });
  }
  return pieces;
}

/** Pieces read left to right as one text: a space where they stand apart, none inside a word. */
function joined(pieces: readonly Piece[]): string {
  let text = '';
  let end = -Infinity;
  for (const piece of pieces) {
    text += piece.x0 - end > IN_WORD * piece.size ? ` ${piece.text}` : piece.text;
    end = Math.max(end, piece.x1);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** A page's lines from the top, each piece on the line of the first piece above it within its size. */
function linesOf(pieces: readonly Piece[]): Line[] {
  const lines: Line[] = [];
  let line: Piece[] = [];
  const close = () => {
    const sorted = line.sort((a, b) => a.x0 - b.x0);
    lines.push({ pieces: sorted, text: joined(sorted) });
  };
  for (const piece of [...pieces].sort((a, b) => b.y - a.y || a.x0 - b.x0)) {
    const first = line[0];
    if (first !== undefined && first.y - piece.y > SAME_LINE * first.size) {
      close();
      line = [];
    }
    line.push(piece);
  }
  if (line.length > 0) close();
  return lines;
}

const middleOf = (span: Span) => (span.x0 + span.x1) / 2;

const widen = (span: Span | undefined, by: Span): Span => (span === undefined ? { x0: by.x0, x1: by.x1 } : { x0: Math.min(span.x0, by.x0), x1: Math.max(span.x1, by.x1) });

/**
 * Where each column's title stands, if the lines from `at` print the table's titles and
 * nothing else, each title line by line; with how many lines they take.
 */
function headerAt(table: PrintedTable, lines: readonly Line[], at: number): { spans: Span[]; depth: number } | undefined {
  const depth = Math.max(...table.titles.map((t) => t.length));
  const spans: (Span | undefined)[] = table.titles.map(() => undefined);
  for (let k = 0; k < depth; k++) {
    const pieces = lines[at + k]?.pieces ?? [];
    let next = 0;
    for (const [column, title] of table.titles.entries()) {
      const wanted = title[k]?.normalize('NFC');
      if (wanted === undefined) continue;
      const taken: Piece[] = [];
      while (joined(taken) !== wanted && next < pieces.length) {
        const piece = pieces[next] as Piece;
        if (!wanted.startsWith(joined([...taken, piece]))) break;
        taken.push(piece);
        next += 1;
      }
      if (joined(taken) !== wanted) return undefined;
      for (const piece of taken) spans[column] = widen(spans[column], piece);
    }
    if (next !== pieces.length) return undefined;
  }
  return { spans: spans as Span[], depth };
}

/**
 * Where one column ends and the next begins: in the widest strip between their titles' middles
 * that no text of the page's table covers while text stands on both sides of it, or, where
 * there is none, halfway between the titles.
 */
function boundaries(spans: readonly Span[], pieces: readonly Piece[]): number[] {
  const covered: Span[] = [];
  for (const piece of [...pieces].sort((a, b) => a.x0 - b.x0)) {
    const last = covered.at(-1);
    if (last !== undefined && piece.x0 <= last.x1) last.x1 = Math.max(last.x1, piece.x1);
    else covered.push({ x0: piece.x0, x1: piece.x1 });
  }
  const strips = covered.slice(1).map((c, i) => ({ x0: (covered[i] as Span).x1, x1: c.x0 }));
  return spans.slice(1).map((right, i) => {
    const left = spans[i] as Span;
    let best: Span | undefined;
    for (const strip of strips) {
      const x0 = Math.max(strip.x0, middleOf(left));
      const x1 = Math.min(strip.x1, middleOf(right));
      if (x1 > x0 && (best === undefined || x1 - x0 > best.x1 - best.x0)) best = { x0, x1 };
    }
    return best === undefined ? (left.x1 + right.x0) / 2 : middleOf(best);
  });
}

/** A line's text cell by cell, each piece in the column its middle stands in. */
function cellsOfLine(line: Line, bounds: readonly number[]): string[] {
  const cells: Piece[][] = [[], ...bounds.map(() => [])];
  for (const piece of line.pieces) (cells[bounds.filter((b) => b < middleOf(piece)).length] as Piece[]).push(piece);
  return cells.map(joined);
}

async function pageLines(pdf: Pdf, n: number): Promise<Line[]> {
  const page = await pdf.getPage(n);
  try {
    return linesOf(piecesOf((await page.getTextContent()).items));
  } finally {
    page.cleanup();
    if (n % CLEAN_EVERY === 0) await pdf.cleanup();
  }
}

/** The layout whose header stands at a line of the page, where it stands and how many lines it takes. */
function findHeader(layouts: readonly StatementLayout[], lines: readonly Line[]): { layout: StatementLayout; at: number; spans: Span[]; depth: number } | undefined {
  for (let at = 0; at < lines.length; at++) {
    for (const layout of layouts) {
      const found = layout.table && headerAt(layout.table, lines, at);
      if (found) return { layout, at, ...found };
    }
  }
  return undefined;
}

async function* recordsOf(pdf: Pdf, figures: FoundFigures): AsyncGenerator<readonly string[]> {
  let layout: StatementLayout | undefined;
  let pageEnd: RegExp[] = [];
  let spans: Span[] = [];
  /** Lines of the pages before the first header, where a title block may print figures. */
  let before: string[] = [];
  /** The row being read: its cells line by line, until the next row starts. */
  let row: string[][] | undefined;
  for (let n = 1; n <= pdf.numPages; n++) {
    const lines = await pageLines(pdf, n);
    const header = findHeader(layout ? [layout] : STATEMENT_LAYOUTS, lines);
    if (header && !layout) {
      layout = header.layout;
      pageEnd = (layout.table?.pageEnd ?? []).map((p) => new RegExp(p));
      for (const text of before) findFigures(layout, text, figures);
      before = [];
      yield [...layout.header];
    }
    if (!layout) {
      before.push(...lines.map((l) => l.text));
      continue;
    }
    if (header) spans = header.spans;
    const start = header ? header.at + header.depth : 0;
    const footer = lines.findIndex((l, i) => i >= start && pageEnd.some((p) => p.test(l.text)));
    const end = footer < 0 ? lines.length : footer;
    for (const [i, line] of lines.entries()) if (i < (header?.at ?? 0) || i >= end) findFigures(layout, line.text, figures);
    const body = lines.slice(start, end);
    const bounds = boundaries(spans, body.flatMap((l) => l.pieces));
    for (const line of body) {
      const cells = cellsOfLine(line, bounds);
      if (cells[0] !== '' || row === undefined) {
        if (row !== undefined) yield row.map((c) => c.join(' '));
        row = cells.map((c) => (c === '' ? [] : [c]));
      } else cells.forEach((c, i) => c !== '' && row?.[i]?.push(c));
    }
  }
  if (row !== undefined) yield row.map((c) => c.join(' '));
}

/** Whether any page has a piece of text; pages are read until one has. */
async function hasText(pdf: Pdf): Promise<boolean> {
  for (let n = 1; n <= pdf.numPages; n++) if ((await pageLines(pdf, n)).length > 0) return true;
  return false;
}

export async function pdfDocument(bytes: Readable): Promise<Result<StatementDocument>> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(chunk as Buffer);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let pdf: Pdf;
  try {
    pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (error) {
    return reject('statement_layout_unknown', 'file', `the file is not a PDF that can be read: ${(error as Error).message}`);
  }
  if (!(await hasText(pdf))) {
    const pages = pdf.numPages;
    await pdf.destroy();
    return reject('statement_scanned', 'file', `the PDF has no text layer (no text on any of its pages, ${pages}: a scan); it must be given as the bank's text PDF or a CSV or XLSX export`);
  }
  const figures: FoundFigures = {};
  return accept({ titled: true, records: recordsOf(pdf, figures), printed: () => ({ ...figures }), close: () => void pdf.destroy() });
}
