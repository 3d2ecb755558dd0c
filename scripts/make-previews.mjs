#!/usr/bin/env node
// Renders the preview images committed under preview/: the Open Graph cards that link
// crawlers show for the check (check.png) and for each verdict page r/<slug>/ (<slug>.png,
// 16 in all). Trunk copies preview/ into dist/ as it is. It also writes
// xtask/preview-sources.sha256, the digest of each card's page: a native test fails when a card's
// words or colours change in the core and the images were not drawn again.
//
//   node scripts/make-previews.mjs        (from the repository root, or anywhere)
//
// The cards themselves (their words, the outcomes, the dimensions, the theme's colours) are
// written by the build step in Rust from the widget's core (`cargo run -p xtask -- previews
// DIR`, xtask/src/previews.rs): this script only renders those pages and packs the PNGs.
// Headless Debian Chromium through playwright-core from tests/e2e (scripts/setup.sh
// installs both); never downloads a browser, never touches the network: every card is one
// self-contained HTML page with inline CSS and system fonts. Run it again after changing a
// card and commit the images; the build itself doesn't need this script.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = fileURLToPath(new URL('../preview/', import.meta.url));
const SOURCES = fileURLToPath(new URL('../xtask/preview-sources.sha256', import.meta.url));
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The cards' pages and their list, written by the Rust build step into a fresh folder. */
async function writeCards() {
  const dir = await mkdtemp(path.join(tmpdir(), 'readiness-cards-'));
  execFileSync('cargo', ['run', '--quiet', '--package', 'xtask', '--', 'previews', dir], { cwd: ROOT, stdio: 'inherit' });
  const cards = JSON.parse(await readFile(path.join(dir, 'cards.json'), 'utf8'));
  // What the images are drawn from, for the test that finds them stale (xtask/src/previews.rs).
  await writeFile(SOURCES, await readFile(path.join(dir, 'sources.sha256'), 'utf8'));
  for (const card of cards) card.html = await readFile(path.join(dir, card.page), 'utf8');
  await rm(dir, { recursive: true, force: true });
  return cards;
}

// ---- PNG size: Chromium writes 24/32-bit PNGs; these cards are a handful of flat colours
// plus anti-aliased text edges, so an 8-bit palette holds them almost exactly (exactly,
// when there are no more than 256 colours); every other pixel takes its nearest palette
// colour: the error is confined to a few faint text-edge pixels and the files shrink to
// well under half.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG into RGBA pixels. */
function decodePng(png) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0); height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6)) throw new Error('unexpected PNG layout');
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rgba = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0, b = prev[x], c = x >= channels ? prev[x - channels] : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const e = a + b - c, pa = Math.abs(e - a), pb = Math.abs(e - b), pc = Math.abs(e - c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[x] = (line[x] + p) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) rgba[(y * width + x) * 4 + k] = line[x * channels + k];
      rgba[(y * width + x) * 4 + 3] = channels === 4 ? line[x * 4 + 3] : 255;
    }
    prev = line;
  }
  return { width, height, rgba, alpha: channels === 4 };
}

/** Re-encodes as an 8-bit palette PNG; returns the file and the largest channel error. */
function toPalettePng({ width, height, rgba, alpha }) {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, width * height);
  const counts = new Map();
  for (const p of pixels) counts.set(p, (counts.get(p) || 0) + 1);
  const parts = (p) => [p & 0xff, (p >>> 8) & 0xff, (p >>> 16) & 0xff, p >>> 24];
  const dist = (r, q) => (r[0] - q[0]) ** 2 + (r[1] - q[1]) ** 2 + (r[2] - q[2]) ** 2 + (r[3] - q[3]) ** 2;
  const byCount = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([p]) => p);
  // The 192 commonest colours, then the 64 colours farthest from the palette so far (so
  // that no rare edge colour is mapped far off).
  const palette = byCount.slice(0, 192);
  if (byCount.length > 256) {
    const rest = byCount.slice(192).map((p) => ({ p, q: parts(p), d: Infinity }));
    const nearer = (entry, colour) => { entry.d = Math.min(entry.d, dist(entry.q, parts(colour))); };
    for (const e of rest) for (const c of palette) nearer(e, c);
    while (palette.length < 256) {
      const far = rest.reduce((x, y) => (y.d > x.d ? y : x));
      palette.push(far.p);
      for (const e of rest) nearer(e, far.p);
    }
  } else palette.push(...byCount.slice(192));
  const index = new Map(palette.map((p, i) => [p, i]));
  const pal = palette.map(parts);
  let maxError = 0;
  for (const p of counts.keys()) {
    if (index.has(p)) continue;
    const q = parts(p);
    let best = 0, bestDist = Infinity;
    pal.forEach((r, i) => {
      const d = dist(r, q);
      if (d < bestDist) { bestDist = d; best = i; }
    });
    index.set(p, best);
    maxError = Math.max(maxError, ...q.map((v, k) => Math.abs(v - pal[best][k])));
  }
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = index.get(pixels[y * width + x]);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 3; // 8-bit indexed colour
  const chunks = [chunk('IHDR', ihdr), chunk('PLTE', Buffer.from(pal.flatMap((r) => r.slice(0, 3))))];
  if (alpha) chunks.push(chunk('tRNS', Buffer.from(pal.map((r) => r[3]))));
  chunks.push(chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { png: Buffer.concat([signature, ...chunks]), colours: counts.size, maxError };
}

async function shoot(browser, name, html, { width = 1200, height = 630 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, offline: true });
  const p = await context.newPage();
  await p.route('**/*', (route) => route.abort()); // belt and braces: nothing may load
  await p.setContent(html, { waitUntil: 'load' });
  const shot = await p.screenshot({ type: 'png' });
  await context.close();
  const { png, colours, maxError } = toPalettePng(decodePng(shot));
  const file = OUT + name;
  await writeFile(file, png);
  return { name, bytes: (await stat(file)).size, colours, maxError };
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const cards = await writeCards();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  const results = [];
  try {
    for (const { name, html, width, height } of cards) results.push(await shoot(browser, name, html, { width, height }));
  } finally {
    await browser.close();
  }
  let total = 0;
  for (const { name, bytes, colours, maxError } of results) {
    total += bytes;
    const flag = bytes > 60 * 1024 ? '  (over 60 KB)' : '';
    const detail = colours <= 256 ? `${colours} colours, exact` : `${colours} colours -> 256, max error ${maxError}/255`;
    console.log(`preview/${name.padEnd(14)} ${(bytes / 1024).toFixed(1).padStart(5)} KB  (${detail})${flag}`);
  }
  console.log(`${results.length} images, ${(total / 1024).toFixed(1)} KB in all`);
}

main().catch((err) => { console.error(err); process.exit(1); });
