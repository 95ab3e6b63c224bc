import { crc32, deflateSync } from 'node:zlib';

// A photo-sized PNG made here (no image library): a sky-to-ground gradient with a dark "terminal"
// block and a hue of its own per `seed`, so evidence thumbnails have something to shrink and show.

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of `width` × `height` pixels. */
export function testPhotoPng(width: number, height: number, seed = 0): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  const hue = (seed * 47) % 256;
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    rows[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const inBlock = x > width * 0.3 && x < width * 0.7 && y > height * 0.35 && y < height * 0.85;
      const at = row + 1 + x * 3;
      rows[at] = inBlock ? 40 : (hue + (x * 200) / width) & 0xff;
      rows[at + 1] = inBlock ? 44 : 120 + Math.round((y * 100) / height);
      rows[at + 2] = inBlock ? 52 : 255 - Math.round((y * 150) / height);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
