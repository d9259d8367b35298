/**
 * The seal's image pressed over a signature, as a fund stamps it: over the left part of the
 * head's signature, within the signing space, its shape kept. The image is embedded once
 * per PDF however many vouchers or pages print it.
 */
export interface SealSpot {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How far left of the box's centre the seal sits, as a share of its size: it covers a third of the signature. */
const LEFT_SHIFT = 0.25;

/** pdfkit's opened image, which `image()` takes in place of the bytes and embeds once (its typings do not name it). */
interface OpenedImage {
  readonly width: number;
  readonly height: number;
}

const opened = new WeakMap<PDFKit.PDFDocument, { bytes: Uint8Array; image: OpenedImage }>();

function imageOf(doc: PDFKit.PDFDocument, bytes: Uint8Array): OpenedImage {
  const known = opened.get(doc);
  // Each voucher of a batch reads its fund's seal afresh: the same bytes are the same image.
  if (known !== undefined && Buffer.from(known.bytes.buffer, known.bytes.byteOffset, known.bytes.byteLength).equals(bytes)) return known.image;
  const image = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(Buffer.from(bytes));
  opened.set(doc, { bytes, image });
  return image;
}

/** Draws the seal centred a little left within the spot, as large as fits it. */
export function drawSeal(doc: PDFKit.PDFDocument, bytes: Uint8Array, spot: SealSpot): void {
  const image = imageOf(doc, bytes);
  const scale = Math.min(spot.width / image.width, spot.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const x = spot.x + (spot.width - width) / 2 - LEFT_SHIFT * width;
  doc.image(image as unknown as Buffer, x, spot.y + (spot.height - height) / 2, { width, height });
}
