/**
 * Books and statements (SheetDocument) as PDF, as a fund's accountant files them: on A4,
 * each page headed by the issuer, the form, the title and the table's header row, ruled
 * rows, "Trang x/y" at the foot, and the date line, signatures and seal after the signed sheet (the last that is not an annex).
 *
 * A book may have a million lines, read from its body as they are drawn, so nothing here
 * buffers pages. Instead every row is one line of fixed height (overlong text is cut with
 * an ellipsis), which makes each sheet's page count follow from its row count: the layout
 * is planned in full before the first page is drawn, and "Trang x/y" knows y from the start.
 *
 * A document may print at a larger scale (a posting version, niêm yết, for a notice board):
 * type, rows and the room between them grow by it, on the same A4 within the same margins.
 */
import { formatAmount } from '../ledger/money.js';
import { shortDate } from './date-format.js';
import { formatDecimal } from './number-format.js';
import { forgetWordLayouts, useFont, type FontName } from './pdf-fonts.js';
import { composed, lineHeight, wrap, type Align, type Style } from './pdf-lines.js';
import { streamPdf, type PdfOptions } from './pdf-stream.js';
import { PAGES, signedSheet, type CellValue, type Sheet, type SheetColumn, type SheetDocument, type SheetRow } from './sheet.js';

/** A4 in points, portrait. */
const A4 = { width: 595.28, height: 841.89 } as const;
/**
 * Columns wider than this in all (in characters, times the document's scale) do not fit
 * portrait at a readable size.
 */
const LANDSCAPE_OVER = 110;
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
  /** Every row of every table is this tall: one line of text in its cell. */
  readonly rowHeight: number;
}

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
    rowHeight: lineHeight(styles.cell) + 2 * cellPad.y,
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
  readonly rowsPerPage: number;
}

function frameOf(doc: PDFKit.PDFDocument, sheet: Sheet, issuer: readonly string[], layout: Layout): Frame {
  const { styles, gap, cellPad } = layout;
  const characters = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  // Larger type fits fewer characters across a portrait page.
  const size: readonly [number, number] = characters * layout.scale > LANDSCAPE_OVER ? [A4.height, A4.width] : [A4.width, A4.height];
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
    block(doc, sheet.title, styles.title, width),
    ...sheet.subtitle.map((text) => block(doc, text, styles.subtitle, width)),
  ];
  const headTop = headingTop + heightOf(heading) + gap;

  const widths = sheet.columns.map((c) => (characters > 0 ? (c.width / characters) * width : width / sheet.columns.length));
  const headCells = sheet.columns.map((c, i) => block(doc, c.header, styles.tableHead, (widths[i] ?? 0) - 2 * cellPad.x));
  const headHeight = Math.max(1, ...headCells.map((b) => b.lines.length)) * lineHeight(styles.tableHead) + 2 * cellPad.y;
  const tableTop = headTop + headHeight;
  const rowsPerPage = Math.floor((bottom - tableTop) / layout.rowHeight);
  if (rowsPerPage < 1) throw new RangeError(`the page head of sheet "${sheet.name}" leaves no room for rows`);
  return {
    layout, size, left, width, top, bottom, issuer: issuerBlocks, form: formBlocks, formWidth, heading, headingTop,
    widths, aligns: sheet.columns.map(alignOf), headCells, headTop, headHeight, tableTop, rowsPerPage,
  };
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
  return { date, dateWidth, boxWidth, titles, hints, names, seal, titleHeight, hintHeight, nameHeight, height };
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
  readonly rows: number;
  readonly notes: readonly (Spot & { readonly line: string })[];
  readonly closing: (Spot & { readonly layout: Closing }) | null;
  readonly pages: number;
}

/** The notes with the sheet's page count in place: a note that holds it is wrapped again into the spots laid out for it (no more lines than there were). */
function numberedNotes(doc: PDFKit.PDFDocument, sheet: Sheet, notes: readonly (Spot & { line: string; note: number })[], pages: number, style: Style, width: number): (Spot & { line: string })[] {
  const count = String(pages).padStart(2, '0');
  return sheet.notes.flatMap((note, n) => {
    const spots = notes.filter((s) => s.note === n);
    if (!note.includes(PAGES)) return spots;
    const lines = wrap(doc, note.replaceAll(PAGES, count), style, width);
    return spots.slice(0, lines.length).map((spot, i) => ({ page: spot.page, y: spot.y, line: lines[i] as string }));
  });
}

function planSheet(doc: PDFKit.PDFDocument, document: SheetDocument, sheet: Sheet, signed: boolean, layout: Layout): SheetPlan {
  const frame = frameOf(doc, sheet, document.issuer, layout);
  const { styles, gap, rowHeight } = layout;
  const rows = sheet.head.length + sheet.bodyCount + sheet.foot.length;
  // Rows fill each page in turn; a table of no rows still prints its header on one page.
  const tablePages = Math.max(1, Math.ceil(rows / frame.rowsPerPage));
  let at: Spot = { page: tablePages - 1, y: frame.tableTop + (rows - (tablePages - 1) * frame.rowsPerPage) * rowHeight };
  const notes: (Spot & { line: string; note: number })[] = [];
  // A page count is laid out as three digits, as wide as it may print, and filled in once the pages are known.
  sheet.notes.forEach((note, n) => {
    for (const [i, line] of wrap(doc, note.replaceAll(PAGES, '000'), styles.note, frame.width).entries()) {
      const spot = place(frame, at, n === 0 && i === 0 ? gap : 0, lineHeight(styles.note));
      notes.push({ ...spot, line, note: n });
      at = { page: spot.page, y: spot.y + lineHeight(styles.note) };
    }
  });
  let closing: SheetPlan['closing'] = null;
  if (signed) {
    const closingLayout = closingOf(doc, document, frame);
    // Kept whole on one page: signatures split from their date line would not read as one act.
    closing = { ...place(frame, at, 1.5 * gap, closingLayout.height), layout: closingLayout };
    at = closing;
  }
  const pages = at.page + 1;
  return { sheet, frame, rows, notes: numberedNotes(doc, sheet, notes, pages, styles.note, frame.width), closing, pages };
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

/** One cell's text on one line within [x, x + width]: figures shrunk to fit, text cut. */
function drawCell(doc: PDFKit.PDFDocument, layout: Layout, text: string, font: FontName, align: Align, x: number, y: number, width: number): void {
  if (text === '') return;
  const { styles, minFigureSize, rowHeight } = layout;
  useFont(doc, font, styles.cell.size);
  let shown = text;
  let used = doc.widthOfString(shown);
  if (used > width && align !== 'left') {
    // A little under the exact ratio, so rounding in the font's metrics cannot leave it a hair too wide.
    doc.fontSize(Math.max(minFigureSize, (styles.cell.size * width * 0.98) / used));
    used = doc.widthOfString(shown);
  }
  if (used > width) {
    shown = cut(doc, shown, width);
    used = doc.widthOfString(shown);
  }
  const slack = width - used;
  const at = x + (align === 'right' ? slack : align === 'center' ? slack / 2 : 0);
  doc.text(shown, at, y + (rowHeight - doc.currentLineHeight()) / 2, { lineBreak: false });
}

/** Draws the sheets page by page as planned, reading each body once, and the closing after the last. */
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

  /** The thin grid of `count` rows under the header row, drawn once per page as one path. */
  private drawGrid(frame: Frame, count: number): void {
    const { doc } = this;
    const { rowHeight, grid } = frame.layout;
    const right = frame.left + frame.width;
    const end = frame.tableTop + count * rowHeight;
    for (let i = 1; i <= count; i++) {
      const y = frame.tableTop + i * rowHeight;
      doc.moveTo(frame.left, y).lineTo(right, y);
    }
    let x = frame.left;
    doc.moveTo(x, frame.tableTop).lineTo(x, end);
    for (const w of frame.widths) {
      x += w;
      doc.moveTo(x, frame.tableTop).lineTo(x, end);
    }
    doc.lineWidth(grid).stroke('#000000');
  }

  private drawRow(plan: SheetPlan, row: SheetRow, y: number): void {
    const { frame, sheet } = plan;
    const { layout } = frame;
    const font: FontName = row.strong === true ? 'bold' : 'body';
    let x = frame.left;
    sheet.columns.forEach((column, i) => {
      const w = frame.widths[i] ?? 0;
      drawCell(this.doc, layout, cellText(row.cells[i], column), font, frame.aligns[i] ?? 'left', x + layout.cellPad.x, y, w - 2 * layout.cellPad.x);
      x += w;
    });
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
    const { frame, sheet } = plan;
    await this.nextPage(frame);
    let page = 0;
    let onPage = 0;
    let index = 0;
    const rowsOn = (p: number): number => Math.min(frame.rowsPerPage, plan.rows - p * frame.rowsPerPage);
    if (plan.rows > 0) this.drawGrid(frame, rowsOn(0));
    const paintRow = async (row: SheetRow): Promise<void> => {
      if (onPage === frame.rowsPerPage) {
        await this.nextPage(frame);
        page++;
        onPage = 0;
        if (this.stopped) return;
        this.drawGrid(frame, rowsOn(page));
      }
      this.drawRow(plan, row, frame.tableTop + onPage * frame.layout.rowHeight);
      onPage++;
      index++;
      if (++this.rowsDrawn % FORGET_LAYOUTS_EVERY === 0) forgetWordLayouts(this.doc);
    };
    for (const row of sheet.head) {
      await paintRow(row);
      if (this.stopped) return;
    }
    for (const row of sheet.body) {
      // More rows than counted would run past the planned pages and misnumber them.
      if (index - sheet.head.length >= sheet.bodyCount) throw new RangeError(`sheet "${sheet.name}" has more body rows than its bodyCount ${sheet.bodyCount}`);
      await paintRow(row);
      if (this.stopped) return;
    }
    if (index - sheet.head.length !== sheet.bodyCount) {
      throw new RangeError(`sheet "${sheet.name}" has ${index - sheet.head.length} body rows, not its bodyCount ${sheet.bodyCount}`);
    }
    for (const row of sheet.foot) {
      await paintRow(row);
      if (this.stopped) return;
    }

    for (const note of plan.notes) {
      page = await this.reach(plan, page, note.page);
      if (this.stopped) return;
      drawBlocks(this.doc, [{ lines: [note.line], style: frame.layout.styles.note }], frame.left, note.y, frame.width);
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
