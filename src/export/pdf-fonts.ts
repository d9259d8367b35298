/**
 * The fonts printed documents use: DejaVu Serif from the installed dejavu-fonts-ttf package,
 * embedded as TrueType. pdfkit's built-in PDF fonts only cover Latin-1 and print garbage for
 * Vietnamese, so every document is created with, and only ever draws in, these fonts.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** The four faces a printed document uses. */
export type FontName = 'body' | 'bold' | 'italic' | 'bold-italic';

const FILES: Readonly<Record<FontName, string>> = {
  body: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  'bold-italic': 'DejaVuSerif-BoldItalic.ttf',
};

let resolved: Readonly<Record<FontName, string>> | null = null;

/**
 * Absolute paths of the four TTF files. Resolved through the package rather than a path
 * relative to this file, so it works alike from src (tsx, vitest) and from compiled dist.
 */
export function fontPaths(): Readonly<Record<FontName, string>> {
  if (resolved === null) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    resolved = {
      body: join(dir, FILES.body),
      bold: join(dir, FILES.bold),
      italic: join(dir, FILES.italic),
      'bold-italic': join(dir, FILES['bold-italic']),
    };
  }
  return resolved;
}

/**
 * A pdfkit document whose initial font is DejaVu Serif: given no font, pdfkit would load
 * Helvetica at construction.
 */
export function createFontedDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  return new PDFDocument({ ...options, font: fontPaths().body });
}

/**
 * Selects one of the four fonts. Fonts are named to pdfkit by their path, not registered
 * under aliases: pdfkit caches a font under the name it was first asked for, and the face
 * the document was created with is already cached under its path, so an alias for it
 * (registerFont('body', …)) would be re-read and re-parsed on every switch back to it.
 */
export function useFont(doc: PDFKit.PDFDocument, name: FontName, size: number): void {
  doc.font(fontPaths()[name], size);
}

interface CachingFont {
  layoutCache?: Record<string, unknown>;
}

/**
 * Empties pdfkit's per-font cache of laid-out words. pdfkit keeps every distinct word it
 * has measured or drawn for the life of the document, so a batch of thousands of vouchers,
 * each with its own names and numbers, would grow by about 10 MB a thousand. The cache is
 * internal to pdfkit: should its shape change this does nothing, and it only ever affects
 * memory and speed, never the output.
 */
export function forgetWordLayouts(doc: PDFKit.PDFDocument): void {
  const fonts = (doc as unknown as { _fontFamilies?: Record<string, CachingFont> })._fontFamilies ?? {};
  for (const font of Object.values(fonts)) {
    if (typeof font.layoutCache === 'object') font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}
