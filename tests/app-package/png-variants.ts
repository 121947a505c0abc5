import { crc32, deflateSync } from 'node:zlib';

/**
 * PNGs as other tools write them, built byte by byte so the test knows exactly what is in them: a palette
 * image with transparency, a 16-bit RGBA image and an Adam7-interlaced one. (pngjs writes none of these.)
 */
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(
  width: number,
  height: number,
  bitDepth: number,
  colorType: number,
  interlace: 0 | 1,
  scanlines: Buffer,
  extra: Buffer[] = [],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  header[12] = interlace;
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    ...extra,
    chunk('IDAT', deflateSync(scanlines)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows of bytes, each behind filter byte 0. */
function rows(height: number, row: (y: number) => number[]): Buffer {
  return Buffer.concat(Array.from({ length: height }, (_, y) => Buffer.from([0, ...row(y)])));
}

export type Rgba = readonly [number, number, number, number];

/** Palette (colour type 3), 8 bits, with a tRNS entry making index 0 transparent. */
export function palettePng(
  size: number,
  pixel: (x: number, y: number) => 0 | 1,
  colors: readonly [Rgba, Rgba],
): Buffer {
  const plte = Buffer.from(colors.flatMap((rgba) => rgba.slice(0, 3)));
  const trns = Buffer.from(colors.map(([, , , a]) => a));
  return png(
    size,
    size,
    8,
    3,
    0,
    rows(size, (y) => Array.from({ length: size }, (_, x) => pixel(x, y))),
    [chunk('PLTE', plte), chunk('tRNS', trns)],
  );
}

/** RGBA (colour type 6) at 16 bits per channel: each 8-bit value v written as v * 257. */
export function sixteenBitPng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  return png(
    size,
    size,
    16,
    6,
    0,
    rows(size, (y) =>
      Array.from({ length: size }, (_, x) => pixel(x, y)).flatMap((rgba) => rgba.flatMap((v) => [v, v])),
    ),
  );
}

/** The seven Adam7 passes: start and step, in x and y. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** RGBA, 8 bits, Adam7-interlaced: each pass is its own small image of filtered rows. */
export function interlacedPng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const passes: Buffer[] = [];
  for (const [x0, y0, dx, dy] of ADAM7) {
    const xs: number[] = [];
    for (let x = x0; x < size; x += dx) xs.push(x);
    if (xs.length === 0) continue;
    for (let y = y0; y < size; y += dy) passes.push(Buffer.from([0, ...xs.flatMap((x) => pixel(x, y))]));
  }
  return png(size, size, 8, 6, 1, Buffer.concat(passes));
}
