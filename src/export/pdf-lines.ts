/**
 * Lines of text on a PDF page, shared by the voucher and the sheet writers: breaking text
 * to a width, drawing broken lines aligned in a box, and composing strings to NFC. The
 * writers place every line themselves, so a page holds exactly what they measured for it.
 */
import { useFont, type FontName } from './pdf-fonts.js';

export type Align = 'left' | 'center' | 'right';

export interface Style {
  readonly font: FontName;
  readonly size: number;
  readonly align?: Align;
}

/** Line height over font size: room for the stacked marks of Vietnamese capitals (Ễ, Ộ). */
export const LEADING = 1.3;

export const lineHeight = (style: Style): number => style.size * LEADING;

/**
 * Breaks text into lines no wider than `width` in the style's font: at spaces, and inside a
 * word only when the word alone is wider than the line. Explicit newlines are kept.
 */
export function wrap(doc: PDFKit.PDFDocument, text: string, style: Style, width: number): string[] {
  useFont(doc, style.font, style.size);
  const space = doc.widthOfString(' ');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      const wordWidth = doc.widthOfString(word);
      if (line !== '' && used + space + wordWidth <= width) {
        line += ` ${word}`;
        used += space + wordWidth;
        continue;
      }
      if (line !== '') lines.push(line);
      const pieces = splitWord(doc, word, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      used = doc.widthOfString(line);
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The size, no larger than the style's and no smaller than `min`, at which `text` fits on
 * one line of `width`: a title never breaks, a long one is set smaller.
 */
export function fittedSize(doc: PDFKit.PDFDocument, text: string, style: Style, width: number, min: number): number {
  useFont(doc, style.font, style.size);
  return Math.max(min, Math.min(style.size, (style.size * width) / (doc.widthOfString(text) + 1)));
}

/** A word cut into pieces that each fit the width (at least one character per piece). */
function splitWord(doc: PDFKit.PDFDocument, word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && doc.widthOfString(piece + char) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
}

/** Draws already-wrapped lines top-down in the box, aligned as the style says; returns their height. */
export function drawLines(doc: PDFKit.PDFDocument, lines: readonly string[], style: Style, box: Box): number {
  useFont(doc, style.font, style.size);
  const step = lineHeight(style);
  // Centre the font's own height within the taller line box.
  const lift = (step - doc.currentLineHeight()) / 2;
  lines.forEach((line, i) => {
    const slack = box.width - doc.widthOfString(line);
    const x = box.x + (style.align === 'right' ? slack : style.align === 'center' ? slack / 2 : 0);
    doc.text(line, x, box.y + i * step + lift, { lineBreak: false });
  });
  return lines.length * step;
}

export interface Styled {
  readonly text: string;
  readonly style: Style;
}

/** Draws paragraphs one under another in a box that stays on the current page; returns the height. */
export function drawStack(doc: PDFKit.PDFDocument, items: readonly Styled[], box: Box): number {
  let height = 0;
  for (const { text, style } of items) {
    height += drawLines(doc, wrap(doc, text, style, box.width), style, { ...box, y: box.y + height });
  }
  return height;
}

/**
 * The same value with every string in it composed (NFC): text is measured and drawn with
 * the fonts' precomposed glyphs, so decomposed input would wrap and print differently.
 */
export function composed<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(composed) as T;
  // Bytes (a seal's image) are not text.
  if (ArrayBuffer.isView(value)) return value;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, composed(v)])) as T;
  }
  return value;
}
