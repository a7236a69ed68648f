// Draws the extension icon, resources/icon.png (128 × 128): a report page with a timeline of
// milestones on the dark tile of the gallery banner. `node scripts/draw-icon.mjs` writes it again;
// the drawing is plain geometry, so the file is the same on every machine.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const TILE = [0x1f, 0x29, 0x37]; // galleryBanner.color
const PAGE = [0xf9, 0xfa, 0xfb];
const TEXT = [0x9c, 0xa3, 0xaf];
const MILESTONE = [0xf5, 0x9e, 0x0b];

/** Whether (x, y) is inside the rectangle with rounded corners of radius r. */
function inRoundedRect(x, y, left, top, right, bottom, r) {
  if (x < left || x >= right || y < top || y >= bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** The colour of a pixel, or undefined where the icon is transparent. */
function pixel(x, y) {
  const px = x + 0.5;
  const py = y + 0.5;
  if (!inRoundedRect(px, py, 4, 4, 124, 124, 22)) return undefined;
  // The timeline: a line down the left of the page, one dot per milestone.
  const dots = [40, 64, 88];
  if (dots.some((dy) => (px - 30) ** 2 + (py - dy) ** 2 <= 36)) return MILESTONE;
  if (px >= 28.5 && px < 31.5 && py >= 34 && py < 94) return MILESTONE;
  if (inRoundedRect(px, py, 42, 22, 106, 106, 6)) {
    // Lines of text beside each milestone.
    for (const dy of dots) {
      if (inRoundedRect(px, py, 50, dy - 3, 98, dy + 3, 3)) return TEXT;
    }
    return PAGE;
  }
  return TILE;
}

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0: none
  for (let x = 0; x < SIZE; x++) {
    const colour = pixel(x, y);
    if (colour) row.set([...colour, 0xff], 1 + x * 4);
  }
  rows.push(row);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(import.meta.resolve('../resources/icon.png')), png);
