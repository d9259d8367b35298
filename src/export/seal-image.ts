/**
 * A seal's image as a fund uploads it: a PNG or a JPEG, checked before it is kept so that
 * nothing a printer later reads can fail. Its header must name the type it was sent as and
 * give a size within bounds (read without decoding, so a small file that would unpack to
 * gigabytes is refused first); then it is decoded in full, every chunk and checksum of a
 * PNG and every segment of a JPEG, and refused when that fails.
 */
import { imageSize } from 'image-size';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { accept, reject, type Result } from '../ledger/rejections.js';

export const SEAL_IMAGE_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg' } as const;
export type SealImageType = keyof typeof SEAL_IMAGE_TYPES;

/** The seal image type a Content-Type names (parameters aside), or null for any other. */
export function sealImageType(contentType: string | undefined): SealImageType | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'image/png' || type === 'image/jpeg' ? type : null;
}

/** The largest file taken: a seal scanned at 600 dpi is well under it. */
export const SEAL_IMAGE_MAX_BYTES = 1024 * 1024;
/** The largest side in pixels: a seal 4 cm across at 600 dpi is about 950. */
export const SEAL_IMAGE_MAX_SIDE = 2400;
/** And the smallest that still prints as a seal rather than a blot. */
export const SEAL_IMAGE_MIN_SIDE = 32;

export interface SealImage {
  readonly type: SealImageType;
  readonly width: number;
  readonly height: number;
}

function header(bytes: Uint8Array): { type: string | undefined; width: number; height: number } | null {
  try {
    const { type, width, height } = imageSize(bytes);
    return { type, width, height };
  } catch {
    return null;
  }
}

function decodes(bytes: Uint8Array, type: SealImageType): boolean {
  try {
    if (type === 'image/png') PNG.sync.read(Buffer.from(bytes));
    else jpeg.decode(bytes, { useTArray: true, maxResolutionInMP: (SEAL_IMAGE_MAX_SIDE * SEAL_IMAGE_MAX_SIDE) / 1e6, maxMemoryUsageInMB: 64 });
    return true;
  } catch {
    return false;
  }
}

export function checkSealImage(bytes: Uint8Array, type: SealImageType): Result<SealImage> {
  if (bytes.length > SEAL_IMAGE_MAX_BYTES) return reject('seal_image_too_large', 'body', `${bytes.length} bytes, at most ${SEAL_IMAGE_MAX_BYTES}`);
  const head = header(bytes);
  if (head === null || head.type !== SEAL_IMAGE_TYPES[type]) return reject('seal_image_invalid', 'body', `the body is not a ${type === 'image/png' ? 'PNG' : 'JPEG'} image`);
  const { width, height } = head;
  if (width > SEAL_IMAGE_MAX_SIDE || height > SEAL_IMAGE_MAX_SIDE) return reject('seal_image_too_large', 'body', `${width} × ${height} pixels, at most ${SEAL_IMAGE_MAX_SIDE} a side`);
  if (width < SEAL_IMAGE_MIN_SIDE || height < SEAL_IMAGE_MIN_SIDE) return reject('seal_image_invalid', 'body', `${width} × ${height} pixels, at least ${SEAL_IMAGE_MIN_SIDE} a side`);
  if (!decodes(bytes, type)) return reject('seal_image_invalid', 'body', `the ${type === 'image/png' ? 'PNG' : 'JPEG'} image is damaged: it does not decode`);
  return accept({ type, width, height });
}
