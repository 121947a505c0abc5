import { PNG } from 'pngjs';
import type { RgbaImage } from './decode-png.js';

/** Encodes 8-bit RGBA pixels as a PNG, with pngjs. */
export function encodePng(image: RgbaImage): Buffer {
  const { width, height, pixels } = image;
  if (pixels.length !== width * height * 4) {
    throw new RangeError(
      `expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${pixels.length}`,
    );
  }
  const png = new PNG({ width, height });
  png.data = Buffer.from(pixels);
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
}
