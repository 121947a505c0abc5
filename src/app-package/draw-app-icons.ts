import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RgbaImage } from './decode-png.js';
import { encodePng } from './encode-png.js';

/** The app's brand colour: the colour icon's background and the manifest's `accentColor`. */
export const BRAND_COLOR = '#1B4F9C';

/** The two PNG files a Teams app package needs, encoded. */
export interface AppIcons {
  /** 192×192, full colour, opaque. */
  readonly color: Buffer;
  /** 32×32, white on transparent. */
  readonly outline: Buffer;
}

type Rgb = readonly [number, number, number];
/** Answers "is this point (in 0..1 icon coordinates) covered by the shape?". */
type Shape = (x: number, y: number) => boolean;

const WHITE: Rgb = [255, 255, 255];
const SHIELD_SHADE: Rgb = [0xd6, 0xe2, 0xf3];

/**
 * Draws the app icons: a shield with a keyhole, the "locked device, safe recovery" idea in one glyph.
 * They are generated rather than drawn by hand so they stay pixel-exact (Teams rejects an outline icon
 * with any non-white colour) and can be redrawn after a brand change with
 * `npx tsx src/app-package/draw-app-icons.ts`.
 */
export function drawAppIcons(): AppIcons {
  return { color: encodePng(drawColorIcon()), outline: encodePng(drawOutlineIcon()) };
}

function drawColorIcon(): RgbaImage {
  const size = 192;
  const background = hexToRgb(BRAND_COLOR);
  const outer = shield({ top: 0.2, shoulder: 0.47, bottom: 0.82, halfWidth: 0.25, dip: 0.035 });
  const keyhole = keyholeShape({
    centerY: 0.44,
    radius: 0.07,
    stemBottom: 0.64,
    stemTop: 0.028,
    stemBase: 0.05,
  });
  return render(size, 4, (x, y) => {
    if (!outer(x, y) || keyhole(x, y)) return [...background, 255];
    // The right half is shaded so the flat glyph reads as a raised shield, as in Microsoft's security icons.
    return [...(x < 0.5 ? WHITE : SHIELD_SHADE), 255];
  });
}

function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const stroke = 2.4 / size;
  const outer = shield({ top: 0.06, shoulder: 0.45, bottom: 0.95, halfWidth: 0.4, dip: 0.05 });
  const inner = shield({
    top: 0.06 + stroke,
    shoulder: 0.45,
    bottom: 0.95 - stroke * 1.8,
    halfWidth: 0.4 - stroke,
    dip: 0.05,
  });
  const keyhole = keyholeShape({
    centerY: 0.42,
    radius: 0.11,
    stemBottom: 0.7,
    stemTop: 0.045,
    stemBase: 0.075,
  });
  // Every pixel is white; only alpha carries the glyph, which is exactly what Teams asks of outline icons.
  return render(size, 8, (x, y) => [...WHITE, (outer(x, y) && !inner(x, y)) || keyhole(x, y) ? 255 : 0]);
}

interface ShieldGeometry {
  readonly top: number;
  /** Where the straight sides start curving in towards the point. */
  readonly shoulder: number;
  readonly bottom: number;
  readonly halfWidth: number;
  /** How far the middle of the top edge sags below its corners. */
  readonly dip: number;
}

function shield({ top, shoulder, bottom, halfWidth, dip }: ShieldGeometry): Shape {
  return (x, y) => {
    const dx = Math.abs(x - 0.5);
    if (dx > halfWidth || y > bottom) return false;
    if (y < top + dip * (1 - (dx / halfWidth) ** 2)) return false;
    if (y <= shoulder) return true;
    const t = (y - shoulder) / (bottom - shoulder);
    return dx <= halfWidth * (1 - t ** 1.8);
  };
}

interface KeyholeGeometry {
  readonly centerY: number;
  readonly radius: number;
  readonly stemBottom: number;
  /** Half-width of the stem where it leaves the circle and at its base. */
  readonly stemTop: number;
  readonly stemBase: number;
}

function keyholeShape({ centerY, radius, stemBottom, stemTop, stemBase }: KeyholeGeometry): Shape {
  return (x, y) => {
    const dx = x - 0.5;
    if (dx * dx + (y - centerY) ** 2 <= radius * radius) return true;
    if (y < centerY || y > stemBottom) return false;
    const t = (y - centerY) / (stemBottom - centerY);
    return Math.abs(dx) <= stemTop + (stemBase - stemTop) * t;
  };
}

/**
 * Rasterises by supersampling: each pixel averages `samples²` evaluations of `paint`, which gives
 * anti-aliased edges without a vector library.
 */
function render(
  size: number,
  samples: number,
  paint: (x: number, y: number) => readonly number[],
): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const rgba = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          for (let c = 0; c < 4; c++) sum[c] = (sum[c] ?? 0) + (rgba[c] ?? 0);
        }
      }
      for (let c = 0; c < 4; c++) pixels[(py * size + px) * 4 + c] = Math.round((sum[c] ?? 0) / samples ** 2);
    }
  }
  return { width: size, height: size, pixels };
}

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function main(): void {
  const appPackageDir = join(process.cwd(), 'appPackage');
  const icons = drawAppIcons();
  writeFileSync(join(appPackageDir, 'color.png'), icons.color);
  writeFileSync(join(appPackageDir, 'outline.png'), icons.outline);
  process.stdout.write(`Wrote color.png and outline.png to ${appPackageDir}\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
