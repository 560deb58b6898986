/**
 * Draw the app icon and write it as PNG files under resources/icons/ (node:zlib only, no image libraries):
 *   icon.png     512×512 — the source electron-builder converts for Windows (.ico) and macOS (.icns)
 *   512x512.png, 256x256.png — the Linux icon set (AppImage, deb)
 * The files are committed; run `npx tsx scripts/generate-icons.ts` again only to change the design.
 *
 * The design: an indigo rounded square with a white open book. Every pixel is supersampled 4×4, so edges
 * are smooth at any size.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Point = readonly [number, number];
type Rgba = readonly [number, number, number, number];

const SUPERSAMPLE = 4;
const TOP: Rgba = [99, 102, 241, 255]; // indigo-500
const BOTTOM: Rgba = [67, 56, 202, 255]; // indigo-700
const WHITE: Rgba = [255, 255, 255, 255];

// Shapes in a 0..1 square.
const MARGIN = 0.06;
const RADIUS = 0.19;
const leftPage: Point[] = [
  [0.2, 0.3],
  [0.485, 0.35],
  [0.485, 0.76],
  [0.2, 0.71],
];
const rightPage: Point[] = leftPage.map(([x, y]) => [1 - x, y] as const);
const cover: Point[] = [
  [0.17, 0.33],
  [0.5, 0.39],
  [0.83, 0.33],
  [0.83, 0.76],
  [0.5, 0.82],
  [0.17, 0.76],
];
/** Lines of "text" on each page: y at the outer edge, running parallel to the page's top. */
const TEXT_LINES = [0.4, 0.47, 0.54, 0.61];

function insideRoundedSquare(x: number, y: number): boolean {
  const lo = MARGIN;
  const hi = 1 - MARGIN;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + RADIUS), hi - RADIUS);
  const cy = Math.min(Math.max(y, lo + RADIUS), hi - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function insidePolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function onTextLine(x: number, y: number): boolean {
  const distanceFromSpine = Math.abs(x - 0.5);
  if (distanceFromSpine < 0.05 || distanceFromSpine > 0.26) return false;
  // The page tops slope down towards the spine by 0.05 over 0.285.
  const slope = 0.05 / 0.285;
  const drop = (0.3 - distanceFromSpine) * slope;
  return TEXT_LINES.some((line) => Math.abs(y - (line + drop)) < 0.011);
}

function sample(x: number, y: number): Rgba {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  const background = mix(TOP, BOTTOM, y);
  if (insidePolygon(x, y, leftPage) || insidePolygon(x, y, rightPage)) {
    return onTextLine(x, y) ? mix(WHITE, background, 0.45) : WHITE;
  }
  if (insidePolygon(x, y, cover)) return mix(WHITE, background, 0.35);
  return background;
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [0, 1, 2, 3].map((i) => a[i]! + (b[i]! - a[i]!) * t) as unknown as Rgba;
}

/** Straight (non-premultiplied) RGBA rows of the icon at `size`×`size`. */
function renderIcon(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const offset = (py * size + px) * 4;
      pixels[offset] = a === 0 ? 0 : Math.round(r / a);
      pixels[offset + 1] = a === 0 ? 0 : Math.round(g / a);
      pixels[offset + 2] = a === 0 ? 0 : Math.round(b / a);
      pixels[offset + 3] = Math.round(a / samples);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A PNG file: 8-bit RGBA, no interlace, filter type 0 on every row. */
function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // interlace: none
  const stride = size * 4;
  const raw = Buffer.alloc(size * (stride + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const iconsDir = path.join(import.meta.dirname, '..', 'resources', 'icons');
fs.mkdirSync(iconsDir, { recursive: true });
const outputs: [string, number][] = [
  ['icon.png', 512],
  ['512x512.png', 512],
  ['256x256.png', 256],
];
for (const [name, size] of outputs) {
  const file = path.join(iconsDir, name);
  fs.writeFileSync(file, encodePng(size, renderIcon(size)));
  console.log(`${path.relative(process.cwd(), file)}: ${size}×${size}`);
}
