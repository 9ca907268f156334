/**
 * A small PNG decoder for the screenshot test: enough of the format
 * (https://www.w3.org/TR/png/) to read what a browser writes: 8-bit
 * greyscale, RGB or RGBA (with or without alpha), not interlaced. It checks
 * the signature and each chunk's CRC, inflates the IDAT stream with node's
 * zlib and undoes the per-row filters (None, Sub, Up, Average, Paeth).
 */
import { inflateSync } from 'node:zlib';

/** A decoded image: `channels` bytes per pixel, rows top to bottom. */
export interface Image {
  readonly width: number;
  readonly height: number;
  /** 1 (grey), 2 (grey, alpha), 3 (RGB) or 4 (RGBA). */
  readonly channels: number;
  readonly pixels: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** The CRC-32 of the PNG specification (zlib's crc32 needs node 20.15). */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** The chunks of a PNG file, by type, their CRCs checked. */
function chunksOf(file: Uint8Array): { type: string; data: Uint8Array }[] {
  if (!SIGNATURE.every((byte, k) => file[k] === byte)) throw new Error('not a PNG file: bad signature');
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const chunks: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < file.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...file.subarray(at + 4, at + 8));
    const data = file.subarray(at + 8, at + 8 + length);
    if ((crc32(file.subarray(at + 4, at + 8 + length)) >>> 0) !== view.getUint32(at + 8 + length)) {
      throw new Error(`PNG chunk ${type} at ${at} has a bad CRC`);
    }
    chunks.push({ type, data });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes the filter of every row of `raw` (one filter byte, then `stride` bytes per row). */
function unfilter(raw: Uint8Array, height: number, stride: number, bpp: number): Uint8Array {
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const at = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[at + x - bpp] : 0;
      const b = y > 0 ? out[at - stride + x] : 0;
      const c = x >= bpp && y > 0 ? out[at - stride + x - bpp] : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new Error(`PNG row ${y} has unknown filter ${filter}`);
      out[at + x] = (row[x] + predictor) & 0xff;
    }
  }
  return out;
}

/** Decodes an 8-bit, non-interlaced PNG file. */
export function decodePng(file: Uint8Array): Image {
  const chunks = chunksOf(file);
  const header = chunks[0];
  if (header?.type !== 'IHDR') throw new Error('PNG file does not start with IHDR');
  const view = new DataView(header.data.buffer, header.data.byteOffset, header.data.byteLength);
  const [width, height, depth, colour, interlace] = [view.getUint32(0), view.getUint32(4), header.data[8], header.data[9], header.data[12]];
  const channels = CHANNELS[colour];
  if (depth !== 8 || channels === undefined || interlace !== 0) {
    throw new Error(`unsupported PNG: bit depth ${depth}, colour type ${colour}, interlace ${interlace}`);
  }
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const raw = inflateSync(idat);
  if (raw.length !== height * (width * channels + 1)) throw new Error(`PNG data has ${raw.length} bytes, expected ${height * (width * channels + 1)}`);
  return { width, height, channels, pixels: unfilter(raw, height, width * channels, channels) };
}

/** The red, green and blue of pixel `k` (grey repeated; alpha ignored, the page is opaque). */
export function rgbAt(image: Image, k: number): [number, number, number] {
  const at = k * image.channels;
  const p = image.pixels;
  return image.channels >= 3 ? [p[at], p[at + 1], p[at + 2]] : [p[at], p[at], p[at]];
}

/** How many pixels satisfy `test`. */
export function countPixels(image: Image, test: (r: number, g: number, b: number) => boolean): number {
  let count = 0;
  for (let k = 0; k < image.width * image.height; k++) if (test(...rgbAt(image, k))) count++;
  return count;
}
