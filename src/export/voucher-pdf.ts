/**
 * Printed vouchers (chứng từ) as PDF, laid out like the forms C40-BB Phiếu thu and C41-BB
 * Phiếu chi: issuer and form code on top, the title with the book references beside it, the
 * fields, a row of signature boxes; attached lists follow on A4 as ruled tables.
 *
 * The renderer decides nothing about what a voucher says: it lays out a PrintDocument.
 * It breaks lines and pages itself instead of leaving that to pdfkit, whose automatic page
 * breaks would start pages of the wrong size without the draft watermark.
 */
import { forgetWordLayouts, useFont } from './pdf-fonts.js';
import { drawSeal } from './pdf-seal.js';
import { composed, drawLines, drawStack, fittedSize, lineHeight, wrap, type Align, type Style, type Styled } from './pdf-lines.js';
import { bufferOf, streamPdf, type PdfOptions } from './pdf-stream.js';
import type { PrintDocument, PrintSignature, PrintTable } from './print-model.js';

export type { PdfOptions } from './pdf-stream.js';

type Paper = PrintDocument['paper'];

/** Page sizes in points (ISO A5 and A4, as pdfkit has them). */
const SIZE: Readonly<Record<Paper, readonly [number, number]>> = { A5: [419.53, 595.28], A4: [595.28, 841.89] };
const MARGIN: Readonly<Record<Paper, number>> = { A5: 30, A4: 40 };

/** The blank height left in a signature box for the signature and the seal. */
const SIGNING_SPACE = 45;
const GAP = 8;
const CELL_PAD = { x: 3, y: 2.5 };
const HEAD_FILL = '#e3e3e3';
const RULE = 0.5;
/** At most this many signature boxes side by side; more wrap to further rows. */
const SIGNATURES_PER_ROW = 5;
/** Space after a row of signatures, so the next row's titles do not read as this row's names. */
const ROW_GAP = 14;
const BOX_PAD = 2;

/** The smallest a voucher's title is set to keep it on one line. */
const TITLE_MIN_SIZE = 10;

const STYLE = {
  issuerName: { font: 'bold', size: 9 },
  issuerLine: { font: 'body', size: 9 },
  formCode: { font: 'bold', size: 9, align: 'center' },
  formNote: { font: 'italic', size: 8, align: 'center' },
  title: { font: 'bold', size: 14, align: 'center' },
  dateLine: { font: 'italic', size: 10, align: 'center' },
  signDate: { font: 'italic', size: 9, align: 'center' },
  reference: { font: 'body', size: 8.5 },
  copyMark: { font: 'bold-italic', size: 8.5 },
  body: { font: 'body', size: 10 },
  strong: { font: 'bold', size: 10 },
  signTitle: { font: 'bold', size: 9, align: 'center' },
  signHint: { font: 'italic', size: 8, align: 'center' },
  signName: { font: 'bold', size: 9, align: 'center' },
  listTitle: { font: 'bold', size: 13, align: 'center' },
  subtitle: { font: 'italic', size: 10, align: 'center' },
  tableHead: { font: 'bold', size: 9, align: 'center' },
  tableCell: { font: 'body', size: 9 },
  tableTotal: { font: 'bold', size: 9 },
  watermark: { font: 'bold', size: 100 },
} as const satisfies Record<string, Style>;

/** The pages of one document on one paper size: where drawing has got to, and page breaks. */
class PageFlow {
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  y: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly paper: Paper,
    private readonly watermark: string | null,
  ) {
    const [width, height] = SIZE[paper];
    const margin = MARGIN[paper];
    this.left = margin;
    this.width = width - 2 * margin;
    this.top = margin;
    this.bottom = height - margin;
    this.y = margin;
    this.newPage();
  }

  newPage(): void {
    this.doc.addPage({ size: [...SIZE[this.paper]], margin: MARGIN[this.paper] });
    if (this.watermark !== null) drawWatermark(this.doc, this.watermark);
    this.y = this.top;
  }

  /**
   * Starts a new page unless `height` more points fit on this one; returns whether it did.
   * A block taller than a whole page is drawn from the top of a fresh page, not re-broken
   * for ever.
   */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom || this.y === this.top) return false;
    this.newPage();
    return true;
  }
}

/** Paragraphs across the full width, broken between lines where a page ends. */
function drawParagraphs(flow: PageFlow, items: readonly Styled[]): void {
  for (const { text, style } of items) {
    for (const line of wrap(flow.doc, text, style, flow.width)) {
      flow.ensure(lineHeight(style));
      flow.y += drawLines(flow.doc, [line], style, { x: flow.left, y: flow.y, width: flow.width });
    }
  }
}

/**
 * The draft mark: large light-grey text on the page's diagonal, drawn first so the voucher
 * prints over it. It is real text, so a reader (or a test) can find it.
 */
function drawWatermark(doc: PDFKit.PDFDocument, mark: string): void {
  const { width, height } = doc.page;
  const style = STYLE.watermark;
  useFont(doc, style.font, style.size);
  const size = Math.min(96, (style.size * 0.7 * Math.hypot(width, height)) / doc.widthOfString(mark));
  doc.fontSize(size);
  doc.save();
  doc.fillColor('#707070', 0.22);
  doc.rotate((-Math.atan2(height, width) * 180) / Math.PI, { origin: [width / 2, height / 2] });
  doc.text(mark, (width - doc.widthOfString(mark)) / 2, (height - doc.currentLineHeight()) / 2, { lineBreak: false });
  doc.restore();
}

/** Top of the first page: the issuer block at left and, if any, the form block at right. */
function drawHeader(flow: PageFlow, issuer: readonly string[], form: readonly string[]): void {
  const leftWidth = flow.width * 0.55;
  const rightWidth = flow.width * 0.42;
  const issuerItems = issuer.map((text, i) => ({ text, style: i === 0 ? STYLE.issuerName : STYLE.issuerLine }));
  const formItems = form.map((text, i) => ({ text, style: i === 0 ? STYLE.formCode : STYLE.formNote }));
  const left = drawStack(flow.doc, issuerItems, { x: flow.left, y: flow.y, width: leftWidth });
  const right = drawStack(flow.doc, formItems, { x: flow.left + flow.width - rightWidth, y: flow.y, width: rightWidth });
  flow.y += Math.max(left, right) + GAP * 1.5;
}

/**
 * The title and date line centred on the page, with the references (and the copy mark)
 * in a column at right, as wide as its widest line within a third of the page, so a
 * voucher's number never breaks; the title keeps an equal column free at left so it stays centred.
 */
function drawTitleBlock(flow: PageFlow, printed: PrintDocument, copy: string | null): void {
  useFont(flow.doc, STYLE.reference.font, STYLE.reference.size);
  const widest = Math.max(0, ...printed.references.map((text) => flow.doc.widthOfString(text)));
  const side = Math.min(Math.max(flow.width * 0.25, widest + 2 * GAP), flow.width / 3);
  // A title never breaks: a long one is set smaller until it fits its column.
  const titleWidth = flow.width - 2 * side;
  const fit = fittedSize(flow.doc, printed.title, STYLE.title, titleWidth, TITLE_MIN_SIZE);
  const centre = drawStack(
    flow.doc,
    [{ text: printed.title, style: { ...STYLE.title, size: fit } }, { text: printed.dateLine, style: STYLE.dateLine }],
    { x: flow.left + side, y: flow.y, width: flow.width - 2 * side },
  );
  const refs: Styled[] = printed.references.map((text) => ({ text, style: STYLE.reference }));
  if (copy !== null) refs.push({ text: copy, style: STYLE.copyMark });
  const right = drawStack(flow.doc, refs, { x: flow.left + flow.width - side + GAP, y: flow.y, width: side - GAP });
  flow.y += Math.max(centre, right) + GAP;
}

/**
 * One "Label: value" line per field; a long value wraps under its own start (hanging
 * indent), and the field may break across pages between lines.
 */
function drawFields(flow: PageFlow, fields: PrintDocument['fields']): void {
  const { doc } = flow;
  for (const field of fields) {
    const valueStyle = field.strong === true ? STYLE.strong : STYLE.body;
    const label = `${field.label}:`;
    useFont(doc, STYLE.body.font, STYLE.body.size);
    const labelWidth = Math.min(doc.widthOfString(`${label} `), flow.width * 0.5);
    const labelLines = wrap(doc, label, STYLE.body, labelWidth);
    const valueLines = wrap(doc, field.value, valueStyle, flow.width - labelWidth);
    const step = lineHeight(STYLE.body);
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
      flow.ensure(step);
      drawLines(doc, labelLines.slice(i, i + 1), STYLE.body, { x: flow.left, y: flow.y, width: labelWidth });
      drawLines(doc, valueLines.slice(i, i + 1), valueStyle, { x: flow.left + labelWidth, y: flow.y, width: flow.width - labelWidth });
      flow.y += step;
    }
    flow.y += 2;
  }
}

interface SignatureBox {
  readonly title: readonly string[];
  readonly hint: readonly string[];
  readonly name: readonly string[];
  /** The seal's image pressed over it, or null. */
  readonly seal: Uint8Array | null;
}

/** A row of signature boxes wrapped to their width, and the heights that align its parts. */
interface SignatureRow {
  readonly boxes: readonly SignatureBox[];
  readonly boxWidth: number;
  readonly titleHeight: number;
  readonly hintHeight: number;
  readonly height: number;
}

/**
 * Signature boxes in rows of at most five, the rows as even as the count allows. The rows
 * are kept together on one page: signatures split from each other would not read as one act.
 */
function drawSignatures(flow: PageFlow, signatures: readonly PrintSignature[], signDate: string | undefined, sealImage: Uint8Array | undefined): void {
  if (signatures.length === 0) return;
  const perRow = Math.ceil(signatures.length / Math.ceil(signatures.length / SIGNATURES_PER_ROW));
  const rows: SignatureRow[] = [];
  for (let i = 0; i < signatures.length; i += perRow) {
    rows.push(laySignatureRow(flow.doc, signatures.slice(i, i + perRow), flow.width / perRow, sealImage ?? null));
  }
  flow.y += GAP;
  const dateHeight = signDate === undefined ? 0 : lineHeight(STYLE.signDate) + 2;
  flow.ensure(dateHeight + rows.reduce((sum, row) => sum + row.height + ROW_GAP, 0));
  if (signDate !== undefined) {
    // Over the right half, where the form prints it above the last signers.
    drawLines(flow.doc, wrap(flow.doc, signDate, STYLE.signDate, flow.width / 2), STYLE.signDate, { x: flow.left + flow.width / 2, y: flow.y, width: flow.width / 2 });
    flow.y += dateHeight;
  }
  for (const row of rows) drawSignatureRow(flow, row);
}

function laySignatureRow(doc: PDFKit.PDFDocument, row: readonly PrintSignature[], boxWidth: number, sealImage: Uint8Array | null): SignatureRow {
  const inner = boxWidth - 2 * BOX_PAD;
  const boxes = row.map((s) => ({
    title: wrap(doc, s.title, STYLE.signTitle, inner),
    hint: wrap(doc, s.hint, STYLE.signHint, inner),
    name: s.name === null ? [] : wrap(doc, s.name, STYLE.signName, inner),
    seal: s.sealed === true ? sealImage : null,
  }));
  const tallest = (part: 'title' | 'hint' | 'name', style: Style): number =>
    Math.max(...boxes.map((b) => b[part].length)) * lineHeight(style);
  const titleHeight = tallest('title', STYLE.signTitle);
  const hintHeight = tallest('hint', STYLE.signHint);
  const height = titleHeight + hintHeight + SIGNING_SPACE + tallest('name', STYLE.signName);
  return { boxes, boxWidth, titleHeight, hintHeight, height };
}

/**
 * Equal-width boxes: title, hint, signing space, name. Titles, hints and names each start
 * at one height across the row, so the row reads as a form; a short last row is centred.
 */
function drawSignatureRow(flow: PageFlow, row: SignatureRow): void {
  const { doc } = flow;
  flow.ensure(row.height);
  const start = flow.left + (flow.width - row.boxWidth * row.boxes.length) / 2;
  const nameY = flow.y + row.titleHeight + row.hintHeight + SIGNING_SPACE;
  row.boxes.forEach((box, i) => {
    const column = { x: start + i * row.boxWidth + BOX_PAD, width: row.boxWidth - 2 * BOX_PAD };
    drawLines(doc, box.title, STYLE.signTitle, { ...column, y: flow.y });
    drawLines(doc, box.hint, STYLE.signHint, { ...column, y: flow.y + row.titleHeight });
    drawLines(doc, box.name, STYLE.signName, { ...column, y: nameY });
    if (box.seal !== null) drawSeal(doc, box.seal, { ...column, y: flow.y + row.titleHeight + row.hintHeight, height: SIGNING_SPACE });
  });
  flow.y += row.height + ROW_GAP;
}

/** One copy of the voucher itself, on its own paper size. */
function renderVoucher(doc: PDFKit.PDFDocument, printed: PrintDocument, copy: string | null): void {
  const flow = new PageFlow(doc, printed.paper, printed.watermark);
  drawHeader(flow, printed.issuer, printed.form);
  drawTitleBlock(flow, printed, copy);
  drawFields(flow, printed.fields);
  drawSignatures(flow, printed.signatures, printed.signDate, printed.sealImage);
  drawParagraphs(flow, printed.closing.map((text) => ({ text, style: STYLE.body })));
}

interface RowSpec {
  readonly widths: readonly number[];
  readonly aligns: readonly Align[];
  readonly style: Style;
  readonly fill: string | null;
  /** Centre each cell's lines vertically (the header); body cells start at the top. */
  readonly middle: boolean;
}

interface LaidRow {
  readonly cells: readonly (readonly string[])[];
  readonly height: number;
}

/** A table row's cells wrapped within their columns, and the row height that holds the tallest. */
function layRow(doc: PDFKit.PDFDocument, cells: readonly string[], spec: RowSpec): LaidRow {
  const wrapped = spec.widths.map((w, i) => wrap(doc, cells[i] ?? '', spec.style, w - 2 * CELL_PAD.x));
  const lines = Math.max(1, ...wrapped.map((c) => c.length));
  return { cells: wrapped, height: lines * lineHeight(spec.style) + 2 * CELL_PAD.y };
}

/** Draws a laid-out row at the flow's position: fill, ruled cell borders, then the text. */
function drawRow(flow: PageFlow, row: LaidRow, spec: RowSpec): void {
  const { doc } = flow;
  let x = flow.left;
  spec.widths.forEach((w, i) => {
    if (spec.fill !== null) {
      doc.save();
      doc.rect(x, flow.y, w, row.height).fill(spec.fill);
      doc.restore();
    }
    doc.lineWidth(RULE).rect(x, flow.y, w, row.height).stroke('#000000');
    const style = { ...spec.style, align: spec.aligns[i] ?? 'left' };
    const lines = row.cells[i] ?? [];
    const slack = spec.middle ? (row.height - 2 * CELL_PAD.y - lines.length * lineHeight(style)) / 2 : 0;
    drawLines(doc, lines, style, { x: x + CELL_PAD.x, y: flow.y + CELL_PAD.y + slack, width: w - 2 * CELL_PAD.x });
    x += w;
  });
  flow.y += row.height;
}

/**
 * A ruled table across the page; a row that does not fit goes to the next page, which
 * starts by repeating the header row. The header is kept with the first row.
 */
function drawTable(flow: PageFlow, table: PrintTable): void {
  const { doc } = flow;
  const share = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / share) * flow.width);
  const aligns = table.columns.map((c) => c.align);
  const head: RowSpec = { widths, aligns: aligns.map(() => 'center'), style: STYLE.tableHead, fill: HEAD_FILL, middle: true };
  const body: RowSpec = { widths, aligns, style: STYLE.tableCell, fill: null, middle: false };
  const headRow = layRow(doc, table.columns.map((c) => c.header), head);
  const rows = table.rows.map((cells) => ({ row: layRow(doc, cells, body), spec: body }));
  if (table.totals !== null) {
    const totals: RowSpec = { ...body, style: STYLE.tableTotal };
    rows.push({ row: layRow(doc, table.totals, totals), spec: totals });
  }
  flow.ensure(headRow.height + (rows[0]?.row.height ?? 0));
  drawRow(flow, headRow, head);
  for (const { row, spec } of rows) {
    if (flow.ensure(row.height)) drawRow(flow, headRow, head);
    drawRow(flow, row, spec);
  }
  flow.y += GAP;
}

/** An attached list on its own A4 pages, under the same watermark as its voucher. */
function renderAttachment(doc: PDFKit.PDFDocument, printed: PrintDocument, table: PrintTable): void {
  const flow = new PageFlow(doc, 'A4', printed.watermark);
  drawHeader(flow, printed.issuer, []);
  drawParagraphs(flow, [
    { text: table.title, style: STYLE.listTitle },
    ...table.subtitle.map((text) => ({ text, style: STYLE.subtitle })),
  ]);
  flow.y += GAP;
  drawTable(flow, table);
  drawParagraphs(flow, table.footer.map((text) => ({ text, style: STYLE.body })));
  drawSignatures(flow, table.signatures, printed.signDate, printed.sealImage);
}

/** Adds one document's pages: the voucher once per copy (once if none), then its attachments. */
export function renderDocument(doc: PDFKit.PDFDocument, printed: PrintDocument): void {
  const printable = composed(printed);
  const copies = printable.copies.length > 0 ? printable.copies : [null];
  for (const copy of copies) renderVoucher(doc, printable, copy);
  for (const table of printable.attachments) renderAttachment(doc, printable, table);
}

/** Often enough to bound memory in a large batch, rarely enough that re-laying common words costs nothing. */
const FORGET_LAYOUTS_EVERY = 200;

/** Streams the documents as one PDF into `out`; resolves once `out` has finished. */
export async function writePdf(
  documents: Iterable<PrintDocument> | AsyncIterable<PrintDocument>,
  out: NodeJS.WritableStream,
  options: PdfOptions = {},
): Promise<void> {
  await streamPdf(out, { ...options, defaultTitle: 'Chứng từ kế toán' }, async (doc, pace) => {
    let rendered = 0;
    for await (const printed of documents) {
      if (doc.destroyed) break;
      renderDocument(doc, printed);
      if (++rendered % FORGET_LAYOUTS_EVERY === 0) forgetWordLayouts(doc);
      await pace();
    }
  });
}

/** The whole PDF in memory, for answers that are sent in one piece (the HTTP API). */
export async function pdfBuffer(
  documents: Iterable<PrintDocument> | AsyncIterable<PrintDocument>,
  options: PdfOptions = {},
): Promise<Buffer> {
  return bufferOf((out) => writePdf(documents, out, options));
}
