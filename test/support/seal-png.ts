/** A seal-like PNG of any size for the seal image tests: a red ring on a transparent ground. */
import { PNG } from 'pngjs';

export function sealPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  const r = Math.min(width, height) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - width / 2, y - height / 2);
      const i = (y * width + x) * 4;
      png.data[i] = 200;
      png.data[i + 1] = 20;
      png.data[i + 2] = 30;
      png.data[i + 3] = d < r && d > r * 0.8 ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}
