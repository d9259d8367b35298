/**
 * A PDF written as it is drawn, shared by the voucher and the sheet writers: the document
 * with the fonts and fixed metadata, piped into the caller's stream at the pace the reader
 * takes it, so a batch of thousands of vouchers or a book of a million lines holds only a
 * page or so in memory. Also the whole file in one Buffer, for answers sent in one piece.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { createFontedDocument } from './pdf-fonts.js';

export interface PdfOptions {
  /** Written as CreationDate and ModDate; fixed, it makes the output byte-for-byte repeatable. */
  readonly creationDate?: Date;
  readonly title?: string;
}

function createPdf(options: PdfOptions, defaultTitle: string): PDFKit.PDFDocument {
  const date = options.creationDate ?? new Date();
  return createFontedDocument({
    autoFirstPage: false,
    // Flush each page as the next starts, so a long output holds one page at a time.
    bufferPages: false,
    lang: 'vi-VN',
    info: {
      Title: (options.title ?? defaultTitle).normalize('NFC'),
      Producer: 'fund-ledger',
      Creator: 'fund-ledger',
      CreationDate: date,
      ModDate: date,
    },
  });
}

/**
 * pdfkit pushes its output whether or not the reader keeps up. Let the pipe hand what is
 * buffered to `out`, and while `out` has asked the pipe to stop, wait for it to drain, so a
 * slow reader bounds the memory a large output takes.
 */
async function keepPace(doc: PDFKit.PDFDocument, out: NodeJS.WritableStream, done: Promise<void>): Promise<void> {
  await nextTurn();
  while (doc.readableFlowing === false && !doc.destroyed) {
    await Promise.race([once(out, 'drain'), done]);
  }
}

/**
 * Draws into a new document piped into `out`, and resolves once `out` has finished.
 * `draw` calls `pace` between pieces of output (a voucher, a page) to wait for a slow
 * reader; it should stop drawing once the document is destroyed (`out` failed), whose
 * error this then rejects with. A failure of `draw` destroys the document, so `out` is
 * left unfinished rather than ending in a truncated file that looks whole.
 */
export async function streamPdf(
  out: NodeJS.WritableStream,
  options: PdfOptions & { readonly defaultTitle: string },
  draw: (doc: PDFKit.PDFDocument, pace: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const doc = createPdf(options, options.defaultTitle);
  const done = pipeline(doc, out);
  // Awaited below; this only keeps a failure of `out` during drawing from counting as unhandled.
  done.catch(() => undefined);
  try {
    await draw(doc, () => keepPace(doc, out, done));
  } catch (error) {
    doc.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  if (!doc.destroyed) doc.end();
  await done;
}

/** Everything a writer sends to its stream, as one Buffer: `bufferOf((out) => writePdf(docs, out))`. */
export async function bufferOf(write: (out: NodeJS.WritableStream) => Promise<void>): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(sink);
  return Buffer.concat(chunks);
}
