import { decodePng, PngFormatError, type RgbaImage } from './decode-png.js';

/** The raw bytes of the two icon files named in the manifest. */
export interface AppIconFiles {
  readonly color: Uint8Array;
  readonly outline: Uint8Array;
}

const COLOR_SIZE = 192;
const OUTLINE_SIZE = 32;

/**
 * Checks the icons the way Teams does on upload: a 192×192 colour PNG and a 32×32 outline PNG whose
 * visible pixels are all white (#FFFFFF) on a transparent background. Returns one line per problem.
 */
export function checkAppIcons(icons: AppIconFiles): string[] {
  const problems: string[] = [];
  const color = decode('color icon', icons.color, problems);
  if (color) checkSize('color icon', color, COLOR_SIZE, problems);
  const outline = decode('outline icon', icons.outline, problems);
  if (outline && checkSize('outline icon', outline, OUTLINE_SIZE, problems)) {
    problems.push(...checkWhiteOnTransparent(outline));
  }
  return problems;
}

function decode(label: string, file: Uint8Array, problems: string[]): RgbaImage | undefined {
  try {
    return decodePng(file);
  } catch (error) {
    // Only format errors are expected here; anything else is a bug and should surface as such.
    if (!(error instanceof PngFormatError)) throw error;
    problems.push(`${label}: ${error.message}`);
    return undefined;
  }
}

function checkSize(label: string, image: RgbaImage, size: number, problems: string[]): boolean {
  if (image.width === size && image.height === size) return true;
  problems.push(`${label} must be ${size}x${size} pixels, not ${image.width}x${image.height}`);
  return false;
}

function checkWhiteOnTransparent({ pixels }: RgbaImage): string[] {
  let coloured = 0;
  let transparent = 0;
  let visible = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3] ?? 0;
    if (alpha === 0) {
      transparent++;
      continue;
    }
    visible++;
    if (pixels[i] !== 255 || pixels[i + 1] !== 255 || pixels[i + 2] !== 255) coloured++;
  }
  const problems: string[] = [];
  if (coloured > 0)
    problems.push(`outline icon must be white only; ${coloured} visible pixels are not #FFFFFF`);
  if (transparent === 0) problems.push('outline icon must have a transparent background');
  if (visible === 0) problems.push('outline icon is fully transparent');
  return problems;
}
