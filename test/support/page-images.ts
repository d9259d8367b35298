/**
 * PDFs as page images for golden-image tests: each page rasterised by pdftoppm at a low
 * resolution, and two images compared by pixelmatch, which counts the pixels that differ
 * beyond antialiasing. A layout that moves a column, a row or a signature moves thousands.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const HAS_PDFTOPPM = spawnSync('pdftoppm', ['-v']).status === 0;

/** Dots per inch: an A4 page is 248 × 351 pixels, enough to see every rule and line of text. */
const DPI = 30;

/** The pages of a PDF as PNG files' bytes, in order. */
export function pageImages(pdf: Buffer): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'pages-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const done = spawnSync('pdftoppm', ['-r', String(DPI), '-png', join(dir, 'doc.pdf'), join(dir, 'page')]);
    if (done.status !== 0) throw new Error(`pdftoppm failed: ${done.stderr.toString()}`);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort((a, b) => Number(/(\d+)\.png$/.exec(a)?.[1]) - Number(/(\d+)\.png$/.exec(b)?.[1]))
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The share of pixels that differ between two page images; 1 when their sizes differ. */
export function difference(a: Buffer, b: Buffer): number {
  const left = PNG.sync.read(a);
  const right = PNG.sync.read(b);
  if (left.width !== right.width || left.height !== right.height) return 1;
  const differing = pixelmatch(left.data, right.data, undefined, left.width, left.height, { threshold: 0.2 });
  return differing / (left.width * left.height);
}
