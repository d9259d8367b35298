/**
 * Books and statements (SheetDocument) as PDF, as a fund's accountant files them: on A4,
 * each page headed by the issuer, the form, the title and the table's header row, ruled
 * rows, "Trang x/y" at the foot, and the date line, signatures and seal after the signed sheet (the last that is not an annex).
 *
 * A book may have a million lines, read from its body as they are drawn, so nothing here
 * buffers pages. Instead the body is read twice: first to measure each row (text wraps
 * within its cell and the row grows to fit; figures and dates stay on one line, set smaller
 * when wide), keeping only its number of lines, a byte a row; from those the pages are
 * planned in full before the first is drawn, so "Trang x/y" knows y from the start; then
 * again to draw it. The plan keeps the signatures with the end of their table (the last
 * rows move to the next page with them rather than leave them alone), and a book carries
 * its totals from page to page ("Cộng chuyển sang trang sau", "Số trang trước chuyển sang").
 *
 * A document may print at a larger scale (a posting version, niêm yết, for a notice board):
 * type, rows and the room between them grow by it, on the same A4 within the same margins.
 */
import { formatAmount } from '../ledger/money.js';
import { shortDate } from './date-format.js';
import { formatDecimal } from './number-format.js';
import { forgetWordLayouts, useFont, type FontName } from './pdf-fonts.js';
import { composed, fittedSize, lineHeight, wrap, type Align, type Style } from './pdf-lines.js';
import { drawSeal } from './pdf-seal.js';
import { streamPdf, type PdfOptions } from './pdf-stream.js';
import { CARRIED_IN, CARRIED_OUT, isLandscape, PAGES, pageCountText, signedSheet, type CellValue, type Sheet, type SheetCarry, type SheetColumn, type SheetDocument, type SheetRow } from './sheet.js';

/** A4 in points, portrait. */
const A4 = { width: 595.28, height: 841.89 } as const;
const MARGIN = 36;
/** Room kept at the foot of each page for "Trang x/y". */
const FOOTER_SPACE = 18;
const GAP = 8;
const CELL_PAD = { x: 3, y: 2 };
/** An amount or date too wide for its column is printed smaller, never cut: a cut figure would misstate it. */
const MIN_FIGURE_SIZE = 5;
const RULE = 0.5;
const GRID = 0.3;
const HEAD_FILL = '#e3e3e3';
/** The blank height left under the signature titles for the signature and the seal. */
const SIGNING_SPACE = 50;
/** Between the date line and the signature titles. */
const DATE_LINE_GAP = 4;
/** Share of the width kept for the date line when the last signature column is narrower. */
const DATE_LINE_SHARE = 0.4;
/** Often enough to bound memory in a long book, rarely enough that re-laying common words costs nothing. */
const FORGET_LAYOUTS_EVERY = 1000;
const ELLIPSIS = '…';
/** The smallest a sheet's title is set to keep it on one line. */
const TITLE_MIN_SIZE = 9;
/** Rows kept with the signatures when they would otherwise stand alone: the totals and the line before them. */
const KEPT_WITH_CLOSING = 1;
/** A row's number of lines is kept in a byte. */
const MOST_LINES = 255;

const STYLE = {
  issuerName: { font: 'bold', size: 9 },
  issuerLine: { font: 'body', size: 9 },
  formCode: { font: 'bold', size: 9, align: 'center' },
  formNote: { font: 'italic', size: 8, align: 'center' },
  title: { font: 'bold', size: 13, align: 'center' },
  subtitle: { font: 'italic', size: 10, align: 'center' },
  tableHead: { font: 'bold', size: 8.5, align: 'center' },
  cell: { font: 'body', size: 8.5 },
  note: { font: 'body', size: 9 },
  dateLine: { font: 'italic', size: 10, align: 'center' },
  signTitle: { font: 'bold', size: 9.5, align: 'center' },
  signHint: { font: 'italic', size: 8.5, align: 'center' },
  signName: { font: 'bold', size: 9.5, align: 'center' },
  seal: { font: 'italic', size: 8.5, align: 'center' },
  footer: { font: 'body', size: 8.5, align: 'center' },
} as const satisfies Record<string, Style>;

/**
 * One document's type and spacing, worked out once by `stylesAt`: STYLE and the sizes above
 * (FOOTER_SPACE … DATE_LINE_GAP, the sizes at scale 1) times the document's scale.
 */
interface Layout {
  readonly scale: number;
  readonly styles: { readonly [K in keyof typeof STYLE]: Style };
  readonly footerSpace: number;
  readonly gap: number;
  readonly cellPad: { readonly x: number; readonly y: number };
  readonly minFigureSize: number;
  readonly rule: number;
  readonly grid: number;
  readonly signingSpace: number;
  readonly dateLineGap: number;
  /** The height of one line of text in a cell; a row is its lines times this, padded. */
  readonly lineStep: number;
}

/** How tall a row of `lines` lines prints. */
const rowHeight = (layout: Layout, lines: number): number => lines * layout.lineStep + 2 * layout.cellPad.y;

/** The layout at `scale` times the usual size; at 1 exactly the sizes above. */
function stylesAt(scale: number): Layout {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`a sheet document's scale is a positive number, not ${scale}`);
  const styles = Object.fromEntries(Object.entries(STYLE).map(([name, s]) => [name, { ...s, size: s.size * scale }])) as Layout['styles'];
  const cellPad = { x: CELL_PAD.x * scale, y: CELL_PAD.y * scale };
  return {
    scale,
    styles,
    footerSpace: FOOTER_SPACE * scale,
    gap: GAP * scale,
    cellPad,
    minFigureSize: MIN_FIGURE_SIZE * scale,
    rule: RULE * scale,
    grid: GRID * scale,
    signingSpace: SIGNING_SPACE * scale,
    dateLineGap: DATE_LINE_GAP * scale,
    lineStep: lineHeight(styles.cell),
  };
}

/** A paragraph already broken into lines, so its height is known before it is drawn. */
interface Block {
  readonly lines: readonly string[];
  readonly style: Style;
}

const heightOf = (blocks: readonly Block[]): number => blocks.reduce((sum, b) => sum + b.lines.length * lineHeight(b.style), 0);

function block(doc: PDFKit.PDFDocument, text: string, style: Style, width: number): Block {
  return { lines: wrap(doc, text, style, width), style };
}

/** Draws blocks one under another from `y`, each line aligned within [x, x + width]. */
function drawBlocks(doc: PDFKit.PDFDocument, blocks: readonly Block[], x: number, y: number, width: number): void {
  let top = y;
  for (const { lines, style } of blocks) {
    useFont(doc, style.font, style.size);
    const step = lineHeight(style);
    // Centre the font's own height within the taller line box.
    const lift = (step - doc.currentLineHeight()) / 2;
    for (const line of lines) {
      const slack = width - doc.widthOfString(line);
      const at = x + (style.align === 'right' ? slack : style.align === 'center' ? slack / 2 : 0);
      doc.text(line, at, top + lift, { lineBreak: false });
      top += step;
    }
  }
}

/** What every page of one sheet carries, and where its rows go: the same on each of its pages. */
interface Frame {
  /** The document's type and spacing, which every step laying out or drawing this sheet reads. */
  readonly layout: Layout;
  readonly size: readonly [number, number];
  readonly left: number;
  readonly width: number;
  readonly top: number;
  /** The lowest point rows, notes and signatures may reach; the footer is below it. */
  readonly bottom: number;
  readonly issuer: readonly Block[];
  readonly form: readonly Block[];
  readonly formWidth: number;
  readonly heading: readonly Block[];
  readonly headingTop: number;
  readonly widths: readonly number[];
  readonly aligns: readonly Align[];
  readonly headCells: readonly Block[];
  readonly headTop: number;
  readonly headHeight: number;
  /** Where the first row of each page starts, under the header row. */
  readonly tableTop: number;
  /** The most lines a row may take: with both carried rows it still fits a page; more is cut with an ellipsis. */
  readonly maxLines: number;
  /** The lines a carried row takes (its label wrapped), 0 for a sheet that carries nothing. */
  readonly carryLines: number;
}

function frameOf(doc: PDFKit.PDFDocument, sheet: Sheet, issuer: readonly string[], layout: Layout): Frame {
  const { styles, gap, cellPad } = layout;
  const characters = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  // Larger type fits fewer characters across a portrait page.
  const size: readonly [number, number] = isLandscape(sheet, layout.scale) ? [A4.height, A4.width] : [A4.width, A4.height];
  const [pageWidth, pageHeight] = size;
  const left = MARGIN;
  const width = pageWidth - 2 * MARGIN;
  const top = MARGIN;
  const bottom = pageHeight - MARGIN - layout.footerSpace;

  const issuerWidth = width * 0.55;
  const formWidth = width * 0.42;
  const issuerBlocks = issuer.map((text, i) => block(doc, text, i === 0 ? styles.issuerName : styles.issuerLine, issuerWidth));
  const formBlocks = sheet.form.map((text, i) => block(doc, text, i === 0 ? styles.formCode : styles.formNote, formWidth));
  const headingTop = top + Math.max(heightOf(issuerBlocks), heightOf(formBlocks)) + gap;
  const heading = [
    block(doc, sheet.title, { ...styles.title, size: fittedSize(doc, sheet.title, styles.title, width, TITLE_MIN_SIZE * layout.scale) }, width),
    ...sheet.subtitle.map((text) => block(doc, text, styles.subtitle, width)),
  ];
  const headTop = headingTop + heightOf(heading) + gap;

  const widths = sheet.columns.map((c) => (characters > 0 ? (c.width / characters) * width : width / sheet.columns.length));
  const headCells = sheet.columns.map((c, i) => block(doc, c.header, styles.tableHead, (widths[i] ?? 0) - 2 * cellPad.x));
  const headHeight = Math.max(1, ...headCells.map((b) => b.lines.length)) * lineHeight(styles.tableHead) + 2 * cellPad.y;
  const tableTop = headTop + headHeight;
  const aligns = sheet.columns.map(alignOf);
  const carryLines = sheet.carry === undefined ? 0 : carriedLines(doc, layout, sheet.carry, widths[sheet.carry.label] ?? 0);
  const room = Math.floor((bottom - tableTop - 2 * rowHeight(layout, carryLines) - 2 * layout.cellPad.y) / layout.lineStep);
  if (room < 1) throw new RangeError(`the page head of sheet "${sheet.name}" leaves no room for rows`);
  return {
    layout, size, left, width, top, bottom, issuer: issuerBlocks, form: formBlocks, formWidth, heading, headingTop,
    widths, aligns, headCells, headTop, headHeight, tableTop, maxLines: Math.min(MOST_LINES, room), carryLines,
  };
}

/** The lines of the longer carried label in its column, in bold as carried rows print. */
function carriedLines(doc: PDFKit.PDFDocument, layout: Layout, carry: SheetCarry, width: number): number {
  const inner = width - 2 * layout.cellPad.x;
  return Math.max(...[CARRIED_OUT, CARRIED_IN].map((label) => cellLines(doc, layout, label, 'bold', 'left', inner, MOST_LINES).length));
}

function alignOf(column: SheetColumn): Align {
  return column.kind === 'amount' ? 'right' : column.kind === 'date' ? 'center' : 'left';
}

/** The date line, the signatures side by side and the seal, laid out to one frame's width. */
interface Closing {
  readonly date: Block;
  readonly dateWidth: number;
  readonly boxWidth: number;
  readonly titles: readonly Block[];
  readonly hints: readonly Block[];
  readonly names: readonly Block[];
  readonly seal: Block | null;
  /** The seal's image and which signatures it is pressed over. */
  readonly sealImage: Uint8Array | null;
  readonly sealed: readonly boolean[];
  readonly titleHeight: number;
  readonly hintHeight: number;
  readonly nameHeight: number;
  readonly height: number;
}

function closingOf(doc: PDFKit.PDFDocument, document: SheetDocument, frame: Frame): Closing {
  const { styles, cellPad, signingSpace, dateLineGap } = frame.layout;
  const count = document.signatures.length;
  const boxWidth = frame.width / Math.max(1, count);
  const inner = boxWidth - 2 * cellPad.x;
  // Over the last signature (the head's), as the forms have it, unless the date needs more room.
  useFont(doc, styles.dateLine.font, styles.dateLine.size);
  const fitsOver = count > 0 && doc.widthOfString(document.dateLine) <= inner;
  const dateWidth = fitsOver ? boxWidth : Math.max(boxWidth, frame.width * DATE_LINE_SHARE);
  const date = block(doc, document.dateLine, styles.dateLine, dateWidth);
  const titles = document.signatures.map((s) => block(doc, s.title, styles.signTitle, inner));
  const hints = document.signatures.map((s) => block(doc, s.hint, styles.signHint, inner));
  const names = document.signatures.map((s) => (s.name === null ? { lines: [], style: styles.signName } : block(doc, s.name, styles.signName, inner)));
  const seal = document.seal === null ? null : block(doc, `(Dấu: ${document.seal})`, styles.seal, count > 0 ? inner : dateWidth);
  const tallest = (blocks: readonly Block[]): number => Math.max(0, ...blocks.map((b) => heightOf([b])));
  const titleHeight = tallest(titles);
  const hintHeight = tallest(hints);
  const nameHeight = tallest(names);
  const signing = count > 0 ? titleHeight + hintHeight + signingSpace + nameHeight : 0;
  const sealHeight = seal === null ? 0 : (count > 0 ? 0 : signingSpace) + heightOf([seal]);
  const height = heightOf([date]) + dateLineGap + signing + sealHeight;
  const sealed = document.signatures.map((s) => s.sealed === true);
  return { date, dateWidth, boxWidth, titles, hints, names, seal, sealImage: document.sealImage ?? null, sealed, titleHeight, hintHeight, nameHeight, height };
}

/** Where something goes: the page within its sheet (from 0) and the top on that page. */
interface Spot {
  readonly page: number;
  readonly y: number;
}

/**
 * The spot for a block of `height` after `gap` below `after`: there if it fits above the
 * frame's bottom, else at the top of the next page. A block taller than a page goes on a
 * fresh page as it is, rather than moving on for ever.
 */
function place(frame: Frame, after: Spot, gap: number, height: number): Spot {
  const y = after.y + gap;
  if (y + height <= frame.bottom || after.y <= frame.tableTop) return { page: after.page, y };
  return { page: after.page + 1, y: frame.tableTop + gap };
}

/** One sheet laid out in full but for its rows' text: what goes on which of its pages. */
interface SheetPlan {
  readonly sheet: Sheet;
  readonly frame: Frame;
  /** The lines each row prints on, head, body and foot in order. */
  readonly lines: Uint8Array;
  /** The first row of each page the table runs over. */
  readonly starts: readonly number[];
  readonly notes: readonly (Spot & { readonly line: string })[];
  readonly closing: (Spot & { readonly layout: Closing }) | null;
  readonly pages: number;
}

/** The notes with the sheet's page count in place: a note that holds it is wrapped again into the spots laid out for it (no more lines than there were). */
function numberedNotes(doc: PDFKit.PDFDocument, sheet: Sheet, notes: readonly (Spot & { line: string; note: number })[], pages: number, style: Style, width: number): (Spot & { line: string })[] {
  const count = pageCountText(pages);
  return sheet.notes.flatMap((note, n) => {
    const spots = notes.filter((s) => s.note === n);
    if (!note.includes(PAGES)) return spots;
    const lines = wrap(doc, note.replaceAll(PAGES, count), style, width);
    return spots.slice(0, lines.length).map((spot, i) => ({ page: spot.page, y: spot.y, line: lines[i] as string }));
  });
}

/** Every row of the sheet in order, the body checked against its bodyCount as it is read. */
function* allRows(sheet: Sheet): Generator<SheetRow> {
  yield* sheet.head;
  let count = 0;
  for (const row of sheet.body) {
    // More rows than counted would run past the planned pages and misnumber them.
    if (count === sheet.bodyCount) throw new RangeError(`sheet "${sheet.name}" has more body rows than its bodyCount ${sheet.bodyCount}`);
    count++;
    yield row;
  }
  if (count !== sheet.bodyCount) throw new RangeError(`sheet "${sheet.name}" has ${count} body rows, not its bodyCount ${sheet.bodyCount}`);
  yield* sheet.foot;
}

/** How many lines each row prints on: the first reading of the body. */
function measure(doc: PDFKit.PDFDocument, sheet: Sheet, frame: Frame): Uint8Array {
  const lines = new Uint8Array(sheet.head.length + sheet.bodyCount + sheet.foot.length);
  let i = 0;
  // Only text wraps: figures and dates take one line whatever their width, so only text cells are measured.
  const texts = sheet.columns.flatMap((column, c) => (frame.aligns[c] === 'left' ? [{ column, c, width: (frame.widths[c] ?? 0) - 2 * frame.layout.cellPad.x }] : []));
  for (const row of allRows(sheet)) {
    const font: FontName = row.strong === true ? 'bold' : 'body';
    let most = 1;
    for (const { column, c, width } of texts) most = Math.max(most, cellLines(doc, frame.layout, cellText(row.cells[c], column), font, 'left', width, frame.maxLines).length);
    lines[i++] = most;
    if (i % FORGET_LAYOUTS_EVERY === 0) forgetWordLayouts(doc);
  }
  return lines;
}

/** The height of rows [from, to) together. */
function heightOfRows(layout: Layout, lines: Uint8Array, from: number, to: number): number {
  let height = 0;
  for (let i = from; i < to; i++) height += rowHeight(layout, lines[i] ?? 1);
  return height;
}

/**
 * The first row of each page: rows fill a page while they fit, with room kept at its foot
 * for the carried row when more rows follow and at its head for the one carried in.
 */
function breakPages(frame: Frame, lines: Uint8Array): number[] {
  const { layout } = frame;
  const capacity = frame.bottom - frame.tableTop;
  const carried = frame.carryLines > 0 ? rowHeight(layout, frame.carryLines) : 0;
  const starts = [0];
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    const height = rowHeight(layout, lines[i] ?? 1);
    const reserve = i < lines.length - 1 ? carried : 0;
    if (used + height + reserve > capacity && i > (starts.at(-1) ?? 0)) {
      starts.push(i);
      used = carried;
    }
    used += height;
  }
  return starts;
}

/** Where the table ends on its last page. */
function tableEnd(frame: Frame, lines: Uint8Array, starts: readonly number[]): Spot {
  const last = starts.at(-1) ?? 0;
  const carried = starts.length > 1 && frame.carryLines > 0 ? rowHeight(frame.layout, frame.carryLines) : 0;
  return { page: starts.length - 1, y: frame.tableTop + carried + heightOfRows(frame.layout, lines, last, lines.length) };
}

/**
 * The page breaks with the table's last `keep` rows moved onto the page of what follows it
 * (the notes and signatures), when that would otherwise start a page of its own or follow
 * fewer rows, and the rows and it fit one page together: a signature signs the table above
 * it, not a page of totals alone.
 */
function keepWithEnd(frame: Frame, lines: Uint8Array, starts: number[], keep: number, tail: number): number[] {
  const end = tableEnd(frame, lines, starts);
  const fewOnLast = starts.length > 1 && lines.length - (starts.at(-1) ?? 0) < keep;
  if (tail === 0 || (end.y + tail <= frame.bottom && !fewOnLast)) return starts;
  const start = lines.length - keep;
  if (start <= 0) return starts;
  const moved = [...starts.filter((s) => s < start), start];
  return tableEnd(frame, lines, moved).y + tail <= frame.bottom ? moved : starts;
}

function planSheet(doc: PDFKit.PDFDocument, document: SheetDocument, sheet: Sheet, signed: boolean, layout: Layout): SheetPlan {
  const frame = frameOf(doc, sheet, document.issuer, layout);
  const { styles, gap } = layout;
  const lines = measure(doc, sheet, frame);
  // A page count is laid out as three digits, as wide as it may print, and filled in once the pages are known.
  const noteLines = sheet.notes.map((note) => wrap(doc, note.replaceAll(PAGES, '000'), styles.note, frame.width));
  const closingLayout = signed ? closingOf(doc, document, frame) : null;
  const noteHeight = noteLines.flat().length * lineHeight(styles.note);
  const tail = (noteHeight > 0 ? gap + noteHeight : 0) + (closingLayout === null ? 0 : 1.5 * gap + closingLayout.height);
  const keep = Math.min(lines.length, sheet.foot.length + KEPT_WITH_CLOSING);
  // A table of no rows still prints its header on one page.
  const starts = keepWithEnd(frame, lines, breakPages(frame, lines), keep, tail);
  let at = tableEnd(frame, lines, starts);
  const notes: (Spot & { line: string; note: number })[] = [];
  noteLines.forEach((wrapped, n) => {
    for (const [i, line] of wrapped.entries()) {
      const spot = place(frame, at, n === 0 && i === 0 ? gap : 0, lineHeight(styles.note));
      notes.push({ ...spot, line, note: n });
      at = { page: spot.page, y: spot.y + lineHeight(styles.note) };
    }
  });
  let closing: SheetPlan['closing'] = null;
  if (closingLayout !== null) {
    // Kept whole on one page: signatures split from their date line would not read as one act.
    closing = { ...place(frame, at, 1.5 * gap, closingLayout.height), layout: closingLayout };
    at = closing;
  }
  const pages = at.page + 1;
  return { sheet, frame, lines, starts, notes: numberedNotes(doc, sheet, notes, pages, styles.note, frame.width), closing, pages };
}

/** The document with every string composed (NFC) but the bodies', whose rows are composed as they are read. */
function composedDocument(document: SheetDocument): SheetDocument {
  return {
    ...document,
    issuer: composed(document.issuer),
    dateLine: composed(document.dateLine),
    signatures: composed(document.signatures),
    seal: composed(document.seal),
    sheets: document.sheets.map((sheet) => {
      const { body, ...rest } = sheet;
      return { ...composed(rest), body };
    }),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A cell as printed: dates dd/MM/yyyy, amounts 1.234.567,89 in their column's scale. */
function cellText(value: CellValue | undefined, column: SheetColumn): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'bigint') return column.kind === 'amount' ? formatDecimal(formatAmount(value, column.scale ?? 0)) : value.toString();
  const text = value.normalize('NFC');
  return column.kind === 'date' && ISO_DATE.test(text) ? shortDate(text) : text;
}

/** The longest start of `text` that fits `width` with an ellipsis after it (found by halving). */
function cut(doc: PDFKit.PDFDocument, text: string, width: number): string {
  const chars = Array.from(text);
  const fits = (n: number): boolean => doc.widthOfString(chars.slice(0, n).join('').trimEnd() + ELLIPSIS) <= width;
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
}

/**
 * The lines a cell prints on within `width`: a figure, a date or a single word on one
 * (drawCell sets it smaller when wide: a cut figure would misstate it), text wrapped, at most `max` lines,
 * the last of them cut with an ellipsis only where a row would outgrow a page.
 */
function cellLines(doc: PDFKit.PDFDocument, layout: Layout, text: string, font: FontName, align: Align, width: number, max: number): string[] {
  if (text === '') return [];
  useFont(doc, font, layout.styles.cell.size);
  const used = doc.widthOfString(text);
  if (align !== 'left' || used <= width) return [text];
  // One word (a voucher number, an account) is set smaller rather than broken, where it can be read so.
  if (!/\s/.test(text) && (used * layout.minFigureSize) / layout.styles.cell.size <= width) return [text];
  const lines = wrap(doc, text, { ...layout.styles.cell, font }, width);
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), cut(doc, lines.slice(max - 1).join(' '), width)];
}

/** A row's cells as they print: each cell's lines, its place and alignment. */
interface PrintedCell {
  readonly lines: readonly string[];
  readonly x: number;
  readonly width: number;
  readonly align: Align;
}

function rowCells(doc: PDFKit.PDFDocument, frame: Frame, sheet: Sheet, row: SheetRow): PrintedCell[] {
  const { cellPad } = frame.layout;
  const font: FontName = row.strong === true ? 'bold' : 'body';
  let x = frame.left;
  return sheet.columns.map((column, i) => {
    const w = frame.widths[i] ?? 0;
    const align = frame.aligns[i] ?? 'left';
    const cell = { lines: cellLines(doc, frame.layout, cellText(row.cells[i], column), font, align, w - 2 * cellPad.x, frame.maxLines), x: x + cellPad.x, width: w - 2 * cellPad.x, align };
    x += w;
    return cell;
  });
}

/** One cell's lines from the top of its row: a line too wide (a figure, a single word) shrunk to fit. */
function drawCell(doc: PDFKit.PDFDocument, layout: Layout, cell: PrintedCell, font: FontName, top: number): void {
  const { styles, minFigureSize, lineStep, cellPad } = layout;
  useFont(doc, font, styles.cell.size);
  cell.lines.forEach((line, i) => {
    let used = doc.widthOfString(line);
    if (used > cell.width) {
      // A little under the exact ratio, so rounding in the font's metrics cannot leave it a hair too wide.
      doc.fontSize(Math.max(minFigureSize, (styles.cell.size * cell.width * 0.98) / used));
      used = doc.widthOfString(line);
    }
    const slack = cell.width - used;
    const at = cell.x + (cell.align === 'right' ? slack : cell.align === 'center' ? slack / 2 : 0);
    doc.text(line, at, top + cellPad.y + i * lineStep + (lineStep - doc.currentLineHeight()) / 2, { lineBreak: false });
  });
}

/** What a book has carried so far: the body's sums and the last row's balance cells. */
class Carried {
  private readonly sums: bigint[];
  private last: CellValue[];

  constructor(private readonly carry: SheetCarry) {
    this.sums = carry.sums.map(() => 0n);
    this.last = carry.last.map(() => null);
  }

  /** Takes in a printed row: a body row's figures add to the sums; a head or body row's balance is the last. */
  add(row: SheetRow, body: boolean): void {
    if (body) {
      this.carry.sums.forEach((column, i) => {
        const value = row.cells[column];
        if (typeof value === 'bigint') this.sums[i] = (this.sums[i] ?? 0n) + value;
      });
    }
    this.last = this.carry.last.map((column) => row.cells[column] ?? null);
  }

  row(width: number, label: string): SheetRow {
    const cells: CellValue[] = Array.from({ length: width }, () => null);
    cells[this.carry.label] = label;
    // A zero left blank, as the book's own rows leave it.
    this.carry.sums.forEach((column, i) => (cells[column] = this.sums[i] === 0n ? null : (this.sums[i] ?? null)));
    this.carry.last.forEach((column, i) => (cells[column] = this.last[i] ?? null));
    return { cells, strong: true };
  }
}

/** Draws the sheets page by page as planned, reading each body once more, and the closing after the last. */
class SheetPainter {
  /** Pages added so far, across the whole document. */
  page = 0;
  private rowsDrawn = 0;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly total: number,
    private readonly pace: () => Promise<void>,
  ) {}

  /** Whether drawing should stop: `out` failed, and the document with it. */
  get stopped(): boolean {
    return this.doc.destroyed;
  }

  /**
   * Hands the finished page on at the reader's pace, then starts the next with its
   * furniture; the table's header row only on pages that carry rows, so a page of notes or
   * signatures does not look like a table with its rows missing.
   */
  private async nextPage(frame: Frame, table = true): Promise<void> {
    if (this.page > 0) await this.pace();
    if (this.stopped) return;
    const { doc } = this;
    doc.addPage({ size: [...frame.size], margin: MARGIN });
    this.page++;
    drawBlocks(doc, frame.issuer, frame.left, frame.top, frame.width * 0.55);
    drawBlocks(doc, frame.form, frame.left + frame.width - frame.formWidth, frame.top, frame.formWidth);
    drawBlocks(doc, frame.heading, frame.left, frame.headingTop, frame.width);
    if (table) this.drawHeaderRow(frame);
    const { footer } = frame.layout.styles;
    const footerY = frame.size[1] - MARGIN - lineHeight(footer);
    drawBlocks(doc, [{ lines: [`Trang ${this.page}/${this.total}`], style: footer }], frame.left, footerY, frame.width);
  }

  private drawHeaderRow(frame: Frame): void {
    const { doc } = this;
    const { rule, cellPad } = frame.layout;
    let x = frame.left;
    frame.widths.forEach((w, i) => {
      doc.save();
      doc.rect(x, frame.headTop, w, frame.headHeight).fill(HEAD_FILL);
      doc.restore();
      doc.lineWidth(rule).rect(x, frame.headTop, w, frame.headHeight).stroke('#000000');
      const cell = frame.headCells[i];
      if (cell !== undefined) {
        const slack = (frame.headHeight - 2 * cellPad.y - heightOf([cell])) / 2;
        drawBlocks(doc, [cell], x + cellPad.x, frame.headTop + cellPad.y + slack, w - 2 * cellPad.x);
      }
      x += w;
    });
  }

  /** The thin grid of a page's rows, `heights` from the header row down, drawn once per page as one path. */
  private drawGrid(frame: Frame, heights: readonly number[]): void {
    const { doc } = this;
    const right = frame.left + frame.width;
    let y = frame.tableTop;
    for (const h of heights) {
      y += h;
      doc.moveTo(frame.left, y).lineTo(right, y);
    }
    let x = frame.left;
    doc.moveTo(x, frame.tableTop).lineTo(x, y);
    for (const w of frame.widths) {
      x += w;
      doc.moveTo(x, frame.tableTop).lineTo(x, y);
    }
    doc.lineWidth(frame.layout.grid).stroke('#000000');
  }

  /** The heights of the rows on the sheet's table page `page`, carried rows included. */
  private pageHeights(plan: SheetPlan, page: number): number[] {
    const { frame, lines, starts } = plan;
    const carried = plan.sheet.carry === undefined ? [] : [rowHeight(frame.layout, frame.carryLines)];
    const from = starts[page] ?? 0;
    const to = starts[page + 1] ?? lines.length;
    const rows = Array.from(lines.subarray(from, to), (n) => rowHeight(frame.layout, n));
    return [...(page > 0 ? carried : []), ...rows, ...(page < starts.length - 1 ? carried : [])];
  }

  private drawRow(plan: SheetPlan, row: SheetRow, y: number): void {
    const font: FontName = row.strong === true ? 'bold' : 'body';
    for (const cell of rowCells(this.doc, plan.frame, plan.sheet, row)) drawCell(this.doc, plan.frame.layout, cell, font, y);
  }

  /** Moves on to the sheet's page `target` (counted from its first), adding pages as needed. */
  private async reach(plan: SheetPlan, current: number, target: number): Promise<number> {
    let page = current;
    while (page < target && !this.stopped) {
      await this.nextPage(plan.frame, false);
      page++;
    }
    return page;
  }

  async paint(plan: SheetPlan): Promise<void> {
    const { frame, sheet, lines, starts } = plan;
    const { layout } = frame;
    const carried = sheet.carry === undefined ? null : new Carried(sheet.carry);
    const carriedHeight = rowHeight(layout, frame.carryLines);
    const bodyEnd = sheet.head.length + sheet.bodyCount;
    await this.nextPage(frame);
    let page = 0;
    let y = frame.tableTop;
    if (lines.length > 0) this.drawGrid(frame, this.pageHeights(plan, 0));
    let index = 0;
    for (const row of allRows(sheet)) {
      if (index === starts[page + 1]) {
        if (carried !== null) this.drawRow(plan, carried.row(sheet.columns.length, CARRIED_OUT), y);
        await this.nextPage(frame);
        if (this.stopped) return;
        page++;
        y = frame.tableTop;
        this.drawGrid(frame, this.pageHeights(plan, page));
        if (carried !== null) {
          this.drawRow(plan, carried.row(sheet.columns.length, CARRIED_IN), y);
          y += carriedHeight;
        }
      }
      this.drawRow(plan, row, y);
      if (index < bodyEnd) carried?.add(row, index >= sheet.head.length);
      y += rowHeight(layout, lines[index] ?? 1);
      index++;
      if (++this.rowsDrawn % FORGET_LAYOUTS_EVERY === 0) forgetWordLayouts(this.doc);
    }
    // The body read again must print as it measured: more or fewer rows would misplace every page after.
    if (index !== lines.length) throw new RangeError(`sheet "${sheet.name}" printed ${index} rows where ${lines.length} were measured`);

    for (const note of plan.notes) {
      page = await this.reach(plan, page, note.page);
      if (this.stopped) return;
      drawBlocks(this.doc, [{ lines: [note.line], style: layout.styles.note }], frame.left, note.y, frame.width);
    }
    if (plan.closing !== null) {
      page = await this.reach(plan, page, plan.closing.page);
      if (this.stopped) return;
      this.drawClosing(frame, plan.closing.layout, plan.closing.y);
    }
  }

  private drawClosing(frame: Frame, closing: Closing, y: number): void {
    const { doc } = this;
    const { cellPad, signingSpace, dateLineGap } = frame.layout;
    const right = frame.left + frame.width;
    drawBlocks(doc, [closing.date], right - closing.dateWidth, y, closing.dateWidth);
    const top = y + heightOf([closing.date]) + dateLineGap;
    const nameY = top + closing.titleHeight + closing.hintHeight + signingSpace;
    closing.titles.forEach((title, i) => {
      const x = frame.left + i * closing.boxWidth + cellPad.x;
      const inner = closing.boxWidth - 2 * cellPad.x;
      drawBlocks(doc, [title], x, top, inner);
      const hint = closing.hints[i];
      if (hint !== undefined) drawBlocks(doc, [hint], x, top + closing.titleHeight, inner);
      const name = closing.names[i];
      if (name !== undefined) drawBlocks(doc, [name], x, nameY, inner);
      if (closing.sealImage !== null && closing.sealed[i] === true) drawSeal(doc, closing.sealImage, { x, y: top + closing.titleHeight + closing.hintHeight, width: inner, height: signingSpace });
    });
    if (closing.seal !== null) {
      // Under the last signature, the head's, who seals; with no signatures, under the date line.
      const signed = closing.titles.length > 0;
      const width = signed ? closing.boxWidth - 2 * cellPad.x : closing.dateWidth;
      const x = signed ? right - closing.boxWidth + cellPad.x : right - closing.dateWidth;
      drawBlocks(doc, [closing.seal], x, signed ? nameY + closing.nameHeight : top + signingSpace, width);
    }
  }
}

/**
 * Streams the document as one PDF into `out`, each sheet from a new page, and resolves once
 * `out` has finished. Rejects, leaving `out` unfinished, when a body yields more or fewer
 * rows than its bodyCount: the page numbers would be wrong. Prints at the document's scale
 * (1 unless given), which must be a positive number.
 */
export async function writeSheetPdf(
  document: SheetDocument,
  out: NodeJS.WritableStream,
  options: { creationDate?: Date; title?: string } = {},
): Promise<void> {
  if (document.sheets.length === 0) throw new RangeError('a sheet document has at least one sheet');
  const layout = stylesAt(document.scale ?? 1);
  const printable = composedDocument(document);
  const pdfOptions: PdfOptions & { defaultTitle: string } = { ...options, defaultTitle: printable.sheets[0]?.title ?? 'Sổ kế toán' };
  await streamPdf(out, pdfOptions, async (doc, pace) => {
    const signed = signedSheet(printable.sheets);
    const plans = printable.sheets.map((sheet, i) => planSheet(doc, printable, sheet, i === signed, layout));
    const painter = new SheetPainter(doc, plans.reduce((sum, p) => sum + p.pages, 0), pace);
    for (const plan of plans) {
      await painter.paint(plan);
      if (painter.stopped) return;
    }
    // The plan and the drawing share their arithmetic; this guards "Trang x/y" should they drift.
    if (painter.page !== painter.total) throw new Error(`drew ${painter.page} pages where ${painter.total} were planned`);
  });
}
