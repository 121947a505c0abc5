import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkAppIcons } from '../../src/app-package/check-app-icons.js';
import { decodePng, PngFormatError, type RgbaImage } from '../../src/app-package/decode-png.js';
import { drawAppIcons } from '../../src/app-package/draw-app-icons.js';
import { encodePng } from '../../src/app-package/encode-png.js';
import { interlacedPng, palettePng, sixteenBitPng } from './png-variants.js';

function anImage(size: number, rgba: (x: number, y: number) => [number, number, number, number]): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) pixels.set(rgba(x, y), (y * size + x) * 4);
  return { width: size, height: size, pixels };
}

const whiteDot = (x: number, y: number): [number, number, number, number] =>
  Math.hypot(x - 16, y - 16) < 8 ? [255, 255, 255, 255] : [255, 255, 255, 0];
const goodColor = encodePng(anImage(192, () => [27, 79, 156, 255]));
const goodOutline = encodePng(anImage(32, whiteDot));

describe('decodePng', () => {
  it('reads a PNG written by another encoder, whose rows use every scanline filter', () => {
    // Colours come from chromium-screenshot.html, the page Chromium rendered into this file.
    const image = decodePng(readFileSync(new URL('fixtures/chromium-screenshot.png', import.meta.url)));
    const at = (x: number, y: number) =>
      Array.from(image.pixels.subarray((y * 96 + x) * 4, (y * 96 + x) * 4 + 4));
    expect([image.width, image.height]).toEqual([96, 64]);
    expect(at(20, 20)).toEqual([0x12, 0xab, 0x34, 255]);
    expect(at(68, 36)).toEqual([0xc8, 0x64, 0x32, 255]);
    const [topLeftRed = 0, , topLeftBlue = 0] = at(0, 0);
    const [bottomRightRed = 0, , bottomRightBlue = 0] = at(95, 63);
    expect(topLeftRed).toBeGreaterThan(240);
    expect(topLeftBlue).toBeLessThan(15);
    expect(bottomRightRed).toBeLessThan(15);
    expect(bottomRightBlue).toBeGreaterThan(240);
  });

  it.each([
    [
      'a palette PNG with transparency',
      palettePng(32, (x, y) => (whiteDot(x, y)[3] ? 1 : 0), [
        [9, 9, 9, 0],
        [255, 255, 255, 255],
      ]),
    ],
    ['a 16-bit PNG', sixteenBitPng(32, whiteDot)],
    ['an interlaced PNG', interlacedPng(32, whiteDot)],
  ])('reads %s, as Teams does, into the same pixels', (_case, file) => {
    const image = decodePng(file);
    const expected = anImage(32, whiteDot);
    const alpha = (pixels: Uint8Array) => Array.from(pixels.filter((_, i) => i % 4 === 3));
    expect([image.width, image.height]).toEqual([32, 32]);
    expect(alpha(image.pixels)).toEqual(alpha(expected.pixels));
    expect(checkAppIcons({ color: goodColor, outline: file })).toEqual([]);
  });

  it('round-trips what encodePng writes', () => {
    const image = anImage(7, (x, y) => [x * 30, y * 30, (x * y) % 256, (x + y) * 10]);
    expect(decodePng(encodePng(image))).toEqual(image);
  });

  it.each([
    ['a file that is not a PNG', Buffer.from('GIF89a not a png at all'), /not a PNG .*signature/],
    ['a corrupted chunk', corrupt(goodOutline, 40), /damaged or truncated/],
    ['a truncated file', goodOutline.subarray(0, 60), /damaged or truncated/],
  ])('refuses %s', (_case, file, expected) => {
    expect(() => decodePng(file)).toThrow(PngFormatError);
    expect(() => decodePng(file)).toThrow(expected);
  });
});

describe('checkAppIcons', () => {
  it('accepts what drawAppIcons draws', () => {
    expect(checkAppIcons(drawAppIcons())).toEqual([]);
  });

  it.each([
    ['a colour icon of the wrong size', { color: encodePng(anImage(96, () => [0, 0, 0, 255])) }, /192x192/],
    ['an outline of the wrong size', { outline: encodePng(anImage(48, whiteDot)) }, /32x32/],
    [
      'a grey outline',
      {
        outline: encodePng(anImage(32, (x, y) => (whiteDot(x, y)[3] ? [200, 200, 200, 255] : [0, 0, 0, 0]))),
      },
      /white only/,
    ],
    [
      'an outline without transparency',
      { outline: encodePng(anImage(32, () => [255, 255, 255, 255])) },
      /transparent background/,
    ],
    ['an empty outline', { outline: encodePng(anImage(32, () => [255, 255, 255, 0])) }, /fully transparent/],
    [
      'a JPEG pretending to be a PNG',
      { color: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) },
      /color icon: not a PNG/,
    ],
  ])('reports %s', (_case, icons, expected) => {
    const problems = checkAppIcons({ color: goodColor, outline: goodOutline, ...icons });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });
});

function corrupt(file: Buffer, offset: number): Buffer {
  const copy = Buffer.from(file);
  copy[offset] = (copy[offset] ?? 0) ^ 0xff;
  return copy;
}
