#!/usr/bin/env node
// Renders the preview images committed under preview/: the Open Graph cards that link
// crawlers show for the check (check.png) and for each verdict page r/<slug>/ that
// scripts/post_build.py writes (<slug>.png, 16 in all), and the call-to-action button
// image of the embed kit (button.png). Trunk copies preview/ into dist/ as it is.
//
//   node scripts/make-previews.mjs        (from the repository root, or anywhere)
//
// Headless Debian Chromium through playwright-core from tests/e2e (scripts/setup.sh
// installs both); never downloads a browser, never touches the network: every card is
// one self-contained HTML page with inline CSS and system fonts. Run it again after
// changing a card and commit the images; the build itself doesn't need this script.
import { createRequire } from 'node:module';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { deflateSync, inflateSync } from 'node:zlib';

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const OUT = fileURLToPath(new URL('../preview/', import.meta.url));
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// The widget's light theme.
const C = {
  bg: '#f6f7f9', text: '#1c1e21', muted: '#4a5060', accent: '#0b5cc2',
  green: '#1d7a3a', greenTint: '#e6f2ea', red: '#b3261e', redTint: '#fbeceb',
  line: '#d8dce3', white: '#ffffff',
};
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';

// The same order and slugs as scripts/post_build.py: initials o, d, b, m.
const DIMENSIONS = [['o', 'Ownership'], ['d', 'Data'], ['b', 'Buy-in'], ['m', 'Metrics']];

function combinations(items, size, start = 0) {
  if (size === 0) return [[]];
  const out = [];
  for (let i = start; i <= items.length - size; i++) {
    for (const rest of combinations(items, size - 1, i + 1)) out.push([items[i], ...rest]);
  }
  return out;
}

function outcomeSlugs() {
  const slugs = ['ready'];
  for (let size = 1; size <= DIMENSIONS.length; size++) {
    for (const combo of combinations(DIMENSIONS, size)) slugs.push('not-' + combo.map(([i]) => i).join(''));
  }
  return slugs;
}

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(body, css, { transparent = false } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
*{box-sizing:border-box;margin:0;padding:0}
html,body{width:100%;height:100%;overflow:hidden}
body{font-family:${FONT};color:${C.text};background:${transparent ? 'transparent' : C.bg};
  -webkit-font-smoothing:antialiased}
${css}
</style></head><body>${body}</body></html>`;
}

// Shared frame of the 1200×630 cards: an accent rule on the left, the product name on
// top, generous margins (crawlers crop the edges on some sites, so nothing sits near them).
const CARD_CSS = `
.card{position:relative;width:1200px;height:630px;padding:64px 80px 56px 96px;display:flex;flex-direction:column}
.card::before{content:"";position:absolute;left:0;top:0;bottom:0;width:16px;background:${C.accent}}
.brand{display:flex;align-items:center;gap:14px;font-size:24px;font-weight:700;letter-spacing:.08em;
  text-transform:uppercase;color:${C.accent}}
.brand .mark{width:28px;height:28px;border-radius:7px;background:${C.accent};display:grid;
  grid-template-columns:1fr 1fr;gap:3px;padding:5px}
.brand .mark i{background:${C.white};border-radius:2px}
.foot{margin-top:auto;padding-top:22px;border-top:2px solid ${C.line};font-size:24px;line-height:1.35;color:${C.muted}}
`;
const BRAND = `<div class="brand"><span class="mark" aria-hidden="true"><i></i><i></i><i></i><i></i></span>Scaling Readiness Check</div>`;

function checkCard() {
  const css = CARD_CSS + `
h1{margin-top:32px;font-size:76px;line-height:1.08;font-weight:800;letter-spacing:-.015em;text-wrap:balance}
.sub{margin-top:18px;font-size:30px;color:${C.muted}}
.dims{margin-top:38px;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:20px}
.dim{background:${C.white};border:2px solid ${C.line};border-radius:999px;padding:22px 16px;
  text-align:center;font-size:30px;font-weight:800}
`;
  const dims = DIMENSIONS.map(([, name]) => `<div class="dim">${esc(name)}</div>`).join('');
  return page(`<main class="card">${BRAND}
<h1>Is your AI pilot ready to scale?</h1>
<p class="sub">The Scaling Readiness Check · 4 dimensions · 3 minutes</p>
<div class="dims">${dims}</div>
<p class="foot">Based on the essay ‘From Pilot to Production’. Nothing leaves your device.</p>
</main>`, css);
}

function outcomeCard(slug) {
  const ready = slug === 'ready';
  const blocking = new Set(ready ? [] : slug.slice(4).split(''));
  const tone = ready ? C.green : C.red;
  const css = CARD_CSS + `
.verdict{margin-top:44px;display:flex;align-items:center;gap:26px;color:${tone}}
.verdict .badge{flex:none;width:84px;height:84px;border-radius:50%;background:${tone};color:${C.white};
  display:grid;place-items:center;font-size:50px;font-weight:700;line-height:1}
.verdict h1{font-size:68px;line-height:1.05;font-weight:800;letter-spacing:-.015em}
.dims{margin-top:44px;display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:20px}
.dim{border-radius:18px;padding:26px 22px 28px;border:3px solid;background:${C.white}}
.dim.pass{border-color:${C.green};background:${C.greenTint}}
.dim.block{border-color:${C.red};background:${C.redTint}}
.dim .name{font-size:30px;font-weight:800;color:${C.text}}
.dim .state{margin-top:16px;display:flex;align-items:center;gap:12px;font-size:26px;font-weight:700}
.dim.pass .state{color:${C.green}}
.dim.block .state{color:${C.red}}
.dim .sym{flex:none;width:40px;height:40px;border-radius:50%;color:${C.white};display:grid;place-items:center;
  font-size:24px;line-height:1}
.dim.pass .sym{background:${C.green}}
.dim.block .sym{background:${C.red}}
.foot{font-size:28px;line-height:1.4;color:${C.muted}}
.foot strong{display:block;color:${C.accent}}
`;
  const dims = DIMENSIONS.map(([initial, name]) => {
    const blocks = blocking.has(initial);
    return `<div class="dim ${blocks ? 'block' : 'pass'}"><div class="name">${esc(name)}</div>`
      + `<div class="state"><span class="sym" aria-hidden="true">${blocks ? '✗' : '✓'}</span>${blocks ? 'Blocking' : 'Passes'}</div></div>`;
  }).join('');
  return page(`<main class="card">${BRAND}
<div class="verdict"><span class="badge" aria-hidden="true">${ready ? '✓' : '✗'}</span><h1>${ready ? 'Ready to scale' : 'Not ready to scale yet'}</h1></div>
<div class="dims">${dims}</div>
<p class="foot">Someone checked their AI pilot. <strong>Take the 3-minute check and compare →</strong></p>
</main>`, css);
}

// 720×192, shown at 360×96: a rounded accent button on a transparent surround, so it sits
// on any newsletter background. The label shrinks to fit whatever system font renders it.
function buttonPage() {
  const css = `
.wrap{width:720px;height:192px;padding:8px}
.btn{width:100%;height:100%;overflow:hidden;background:${C.accent};color:${C.white};border-radius:28px;display:flex;align-items:center;justify-content:center;
  padding:0 36px;font-weight:700;font-size:42px;font-stretch:condensed;white-space:nowrap;letter-spacing:.005em}
`;
  return page(`<div class="wrap"><div class="btn"><span id="label">Take the Scaling Readiness Check&nbsp;→</span></div></div>`,
    css, { transparent: true });
}

async function fitButtonLabel(p) {
  await p.evaluate(() => {
    const label = document.getElementById('label');
    const box = label.parentElement;
    const room = box.clientWidth - 72;
    let size = 42;
    while (label.getBoundingClientRect().width > room && size > 20) label.style.fontSize = `${--size}px`;
  });
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

async function shoot(browser, name, html, { width = 1200, height = 630, transparent = false, prepare } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1, offline: true });
  const p = await context.newPage();
  await p.route('**/*', (route) => route.abort()); // belt and braces: nothing may load
  await p.setContent(html, { waitUntil: 'load' });
  if (prepare) await prepare(p);
  const shot = await p.screenshot({ type: 'png', omitBackground: transparent });
  await context.close();
  const { png, colours, maxError } = toPalettePng(decodePng(shot));
  const file = OUT + name;
  await writeFile(file, png);
  return { name, bytes: (await stat(file)).size, colours, maxError };
}

async function main() {
  await mkdir(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  const results = [];
  try {
    results.push(await shoot(browser, 'check.png', checkCard()));
    for (const slug of outcomeSlugs()) results.push(await shoot(browser, `${slug}.png`, outcomeCard(slug)));
    results.push(await shoot(browser, 'button.png', buttonPage(),
      { width: 720, height: 192, transparent: true, prepare: fitButtonLabel }));
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
