/**
 * Reads a PDF back the way a viewer would, with pdf.js: each page's text and size. Tests
 * assert on what a reader of the printout sees, not on pdfkit's drawing calls.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  /** The page's text in drawing order, one line per text line, NFC-normalised. */
  readonly text: string;
  /** The same text with every run of whitespace (line breaks included) as one space. */
  readonly flat: string;
  /** In points: A5 is 419.53 × 595.28, A4 595.28 × 841.89. */
  readonly width: number;
  readonly height: number;
}

export interface PdfInfo {
  readonly pages: PdfPage[];
  /** The document information dictionary (Title, Producer, CreationDate …). */
  readonly info: Record<string, unknown>;
}

export async function readPdf(buf: Buffer): Promise<PdfInfo> {
  const pdf = await getDocument({
    data: new Uint8Array(buf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise;
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .normalize('NFC')
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => line !== '')
        .join('\n');
      const [, , width, height] = page.view;
      pages.push({ text, flat: text.replace(/\s+/g, ' '), width: width ?? 0, height: height ?? 0 });
    }
    const meta = await pdf.getMetadata();
    return { pages, info: meta.info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}

/** Each page's text, one string per page. */
export async function pdfText(buf: Buffer): Promise<string[]> {
  return (await readPdf(buf)).pages.map((p) => p.text);
}
