// A minimal PNG decoder for the end-to-end specs: enough for the screenshots Playwright takes
// (8-bit samples, no interlacing; grey, grey+alpha, RGB, RGBA or palette), so a spec can read the
// pixels of a screenshot in Node (e.g. to decode a QR code with jsQR) without drawing it into the
// page — the site's CSP forbids blob: and data: images there.
import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Samples per pixel by colour type. */
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/**
 * Decodes a PNG buffer to { width, height, data } with `data` a Uint8ClampedArray of RGBA
 * (4 bytes a pixel, row by row) — the layout jsQR and ImageData use. Throws on anything it does
 * not handle rather than returning wrong pixels.
 */
export function decodePng(buffer) {
  const buf = Buffer.from(buffer);
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (bad signature)');
  let pos = 8;
  let header = null;
  let palette = null;
  let transparency = null;
  const idat = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    pos += 12 + length; // length, type, body, CRC
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8],
        colour: body[9],
        interlace: body[12],
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
  }
  if (!header) throw new Error('PNG without IHDR');
  const { width, height, depth, colour, interlace } = header;
  const channels = CHANNELS[colour];
  if (depth !== 8 || channels === undefined) throw new Error(`PNG colour type ${colour} at depth ${depth} is not handled`);
  if (interlace !== 0) throw new Error('interlaced PNG is not handled');
  if (colour === 3 && !palette) throw new Error('palette PNG without PLTE');

  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error(`PNG data too short: ${raw.length} < ${height * (stride + 1)}`);
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let i = 0; i < stride; i += 1) {
      const a = i >= channels ? pixels[row + i - channels] : 0;
      const b = y > 0 ? pixels[row - stride + i] : 0;
      const c = i >= channels && y > 0 ? pixels[row - stride + i - channels] : 0;
      let v;
      switch (filter) {
        case 0: v = src[i]; break;
        case 1: v = src[i] + a; break;
        case 2: v = src[i] + b; break;
        case 3: v = src[i] + ((a + b) >> 1); break;
        case 4: v = src[i] + paeth(a, b, c); break;
        default: throw new Error(`PNG row ${y}: unknown filter ${filter}`);
      }
      pixels[row + i] = v & 0xff;
    }
  }

  const data = new Uint8ClampedArray(width * height * 4);
  for (let p = 0; p < width * height; p += 1) {
    const s = p * channels;
    let r, g, b2, alpha;
    switch (colour) {
      case 0: r = g = b2 = pixels[s]; alpha = 255; break;
      case 4: r = g = b2 = pixels[s]; alpha = pixels[s + 1]; break;
      case 2: [r, g, b2] = [pixels[s], pixels[s + 1], pixels[s + 2]]; alpha = 255; break;
      case 6: [r, g, b2, alpha] = [pixels[s], pixels[s + 1], pixels[s + 2], pixels[s + 3]]; break;
      case 3: {
        const k = pixels[s];
        [r, g, b2] = [palette[3 * k], palette[3 * k + 1], palette[3 * k + 2]];
        alpha = transparency && k < transparency.length ? transparency[k] : 255;
        break;
      }
    }
    data.set([r, g, b2, alpha], p * 4);
  }
  return { width, height, data };
}
