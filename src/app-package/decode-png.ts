import { PNG } from 'pngjs';

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

/**
 * Decodes any PNG Teams accepts (greyscale, RGB, palette, with or without alpha, 1 to 16 bits, interlaced
 * or not) into 8-bit RGBA, with pngjs. A file pngjs cannot read is a `PngFormatError` saying why.
 */
export function decodePng(file: Uint8Array): RgbaImage {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  // pngjs's synchronous reader words every failure as a stream problem; the signature is told apart here.
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new PngFormatError('not a PNG (the file does not start with the PNG signature)');
  }
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch (error) {
    throw new PngFormatError(`a damaged or truncated PNG (${(error as Error).message})`);
  }
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.data) };
}
