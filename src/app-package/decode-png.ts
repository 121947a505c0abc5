import { crc32, inflateSync } from 'node:zlib';

/** An 8-bit RGBA raster: `pixels` holds `width * height` pixels, four bytes each, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Why a file could not be read as a PNG icon. */
export class PngFormatError extends Error {
  override readonly name = 'PngFormatError';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS_BY_COLOR_TYPE = new Map([
  [0, 1], // greyscale
  [2, 3], // RGB
  [4, 2], // greyscale + alpha
  [6, 4], // RGBA
]);

/**
 * Decodes an 8-bit, non-interlaced greyscale/RGB PNG (with or without alpha) into RGBA. That covers what
 * image editors and our own generator write for app icons; palette and 16-bit images are refused with a
 * clear error rather than guessed at, because Teams wants plain RGBA icons anyway.
 */
export function decodePng(file: Uint8Array): RgbaImage {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new PngFormatError('not a PNG file (bad signature)');
  }
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const end = offset + 8 + length;
    if (end + 4 > bytes.length) throw new PngFormatError(`chunk ${type} runs past the end of the file`);
    if (crc32(bytes.subarray(offset + 4, end)) !== bytes.readUInt32BE(end)) {
      throw new PngFormatError(`chunk ${type} has a bad CRC`);
    }
    const body = bytes.subarray(offset + 8, end);
    if (type === 'IHDR') header = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset = end + 4;
  }
  if (header?.length !== 13) throw new PngFormatError('missing or malformed IHDR chunk');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [bitDepth, colorType, , , interlace] = header.subarray(8);
  const channels = CHANNELS_BY_COLOR_TYPE.get(colorType ?? -1);
  if (bitDepth !== 8 || channels === undefined) {
    throw new PngFormatError(`unsupported PNG format (bit depth ${bitDepth}, colour type ${colorType})`);
  }
  if (interlace !== 0) throw new PngFormatError('interlaced PNGs are not supported');
  if (data.length === 0) throw new PngFormatError('missing IDAT chunk');

  const raw = unfilter(inflateSync(Buffer.concat(data)), width, height, channels);
  return { width, height, pixels: toRgba(raw, width * height, channels) };
}

function unfilter(filtered: Buffer, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  if (filtered.length < (stride + 1) * height) throw new PngFormatError('image data is truncated');
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = filtered[y * (stride + 1)];
    const row = y * stride;
    const previous = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = filtered[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= channels ? (out[row + x - channels] ?? 0) : 0;
      const up = y > 0 ? (out[previous + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= channels ? (out[previous + x - channels] ?? 0) : 0;
      out[row + x] = (value + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return out;
}

function predict(filter: number | undefined, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4:
      return paeth(left, up, upLeft);
    default:
      throw new PngFormatError(`unknown scanline filter ${filter}`);
  }
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

function toRgba(raw: Uint8Array, pixelCount: number, channels: number): Uint8Array {
  if (channels === 4) return raw;
  const rgba = new Uint8Array(pixelCount * 4);
  for (let i = 0; i < pixelCount; i++) {
    const source = i * channels;
    const grey = channels <= 2;
    rgba[i * 4] = raw[source] ?? 0;
    rgba[i * 4 + 1] = raw[grey ? source : source + 1] ?? 0;
    rgba[i * 4 + 2] = raw[grey ? source : source + 2] ?? 0;
    rgba[i * 4 + 3] = channels === 2 ? (raw[source + 1] ?? 0) : 255;
  }
  return rgba;
}
