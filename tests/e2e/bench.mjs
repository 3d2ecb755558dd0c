// The benchmark (a report, not a test): first-load size and start-up time of the release
// build, for each way a reader comes in, side by side with the hand-written vanilla page; and
// readers' results with 10,000 links.
//
//   node tests/e2e/bench.mjs <dist> <vanilla-dir>
//
// Environment: BENCH_RUNS (cold loads per page, default 15), BENCH_SLOW_RUNS (under 4x CPU
// throttle and slow 4G, default 5). Writes bench/results/latest.json. Exits 0 unless it
// crashes: budgets are printed, not enforced.
//
// Sizes: the files of the check page's first load (index.html and what it references: the
// .js, the _bg.wasm, the .css), raw, gzip (zlib level 9) and brotli (quality 11). 1 KB = 1000
// bytes. The tools page (tools/) is no first load and is listed apart.
//
// Ways in: the intro (its static start link), `#start` (the static first question's radios),
// a shared link (its per-outcome page's static verdict). For each: the time to its first
// meaningful content (the element exists, is visible, and the page has painted) and to the
// app being ready (the same screen drawn by the app), from navigation start, seen by a
// MutationObserver installed before any page script runs; the layout shift when the app takes
// over; the longest start-up task. Each load is cold: a fresh browser context, and the server
// sends Cache-Control: no-store. Widget and vanilla loads alternate, so drift in the machine's
// load affects both alike. Both are served by the same gzip server.

import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { CHROMIUM_FLAGS, commentThread, pattern, resultsLink } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 15));
const SLOW_RUNS = Math.max(1, Number(process.env.BENCH_SLOW_RUNS || 5));
const BUDGET_BYTES = 180_000;
const LONG_TASK_BUDGET = 50;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1000 * 1000) / 8, uploadThroughput: (750 * 1000) / 8 };

const kb = (bytes) => (bytes / 1000).toFixed(1) + ' KB';
const ms = (value) => (value === null || value === undefined ? '–' : `${value.toFixed(0)} ms`);
// Chromium reports only tasks of 50 ms or more; none at all reads as "none".
const task = (value) => (value === null || value === undefined ? 'n/a' : value === 0 ? 'none ≥50 ms' : ms(value));
const median = (list) => {
  const s = [...list].sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** index.html plus the local files it references (stylesheet, module script, wasm). */
function firstLoadFiles(dir) {
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const names = new Set(['index.html']);
  const refs = [...html.matchAll(/(?:href|src)\s*=\s*["']([^"']+)["']/g), ...html.matchAll(/["'](\.\/[^"']+\.(?:js|wasm|css|json))["']/g)].map((m) => m[1]);
  for (const ref of refs) {
    if (/^(data:|https?:|#)/.test(ref)) continue;
    const name = ref.replace(/^\.\//, '').replace(/^\//, '').split(/[?#]/)[0];
    if (existsSync(path.join(dir, name)) && statSync(path.join(dir, name)).isFile()) names.add(name);
  }
  return [...names];
}

function sizes(dir, files) {
  return files.map((name) => {
    const data = readFileSync(path.join(dir, name));
    return {
      file: name,
      raw: data.length,
      gzip: zlib.gzipSync(data, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    };
  });
}

function printSizes(title, rows) {
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const width = Math.max(28, ...rows.map((r) => r.file.length));
  console.log(`\n${title}`);
  console.log(`  ${'file'.padEnd(width)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli 11'.padStart(10)}`);
  for (const r of rows) console.log(`  ${r.file.padEnd(width)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(10)}`);
  console.log(`  ${'total'.padEnd(width)} ${String(total.raw).padStart(10)} ${String(total.gzip).padStart(10)} ${String(total.brotli).padStart(10)}   (${kb(total.raw)} / ${kb(total.gzip)} / ${kb(total.brotli)})`);
  return total;
}

/** Installed before any page script: records the first meaningful content, the app being
 * ready, the first contentful paint, layout shifts and long tasks. */
function probe({ selector, ready }) {
  window.__bench = { usable: null, ready: null, paint: null, shift: 0, longTasks: [] };
  const observe = (type, take) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
    } catch {
      if (type === 'longtask') window.__bench.longTasks = null;
    }
  };
  observe('longtask', (entry) => window.__bench.longTasks?.push({ start: entry.startTime, duration: entry.duration }));
  observe('paint', (entry) => {
    if (entry.name === 'first-contentful-paint') window.__bench.paint = entry.startTime;
  });
  observe('layout-shift', (entry) => {
    if (!entry.hadRecentInput) window.__bench.shift += entry.value;
  });
  const visible = (el) => el && !el.disabled && (el.checkVisibility ? el.checkVisibility() : el.offsetParent !== null);
  const check = () => {
    const b = window.__bench;
    if (b.usable === null && visible(document.querySelector(selector))) b.usable = performance.now();
    if (b.ready === null && document.querySelector(ready)) b.ready = performance.now();
    return b.usable !== null && b.ready !== null;
  };
  const observer = new MutationObserver(() => check() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'class'] });
}

async function coldLoad(browser, way, slow) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(probe, { selector: way.selector, ready: way.ready });
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    }
    await page.goto(way.url, { waitUntil: 'commit', timeout: 60000 });
    await page.waitForFunction(() => window.__bench && window.__bench.usable !== null && window.__bench.ready !== null, null, { timeout: 60000, polling: 50 });
    // Long tasks and shifts are reported when they end: give the start-up a moment to finish.
    await page.waitForTimeout(slow ? 1000 : 400);
    const result = await page.evaluate(() => window.__bench);
    const tasks = result.longTasks;
    return {
      // Meaningful once it is there and painted: a static element counts from the first paint.
      usable: Math.max(result.usable, result.paint ?? 0),
      ready: result.ready,
      shift: result.shift,
      longest: tasks === null ? null : tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: tasks === null ? null : tasks.length,
    };
  } finally {
    await context.close();
  }
}

async function series(browser, ways, runs, slow) {
  const out = Object.fromEntries(ways.map((w) => [w.name, []]));
  // One warm-up round, not counted: the first load of a fresh browser pays for its own start.
  for (const way of ways) await coldLoad(browser, way, slow);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [...ways].reverse() : ways;
    for (const way of order) out[way.name].push(await coldLoad(browser, way, slow));
  }
  return out;
}

function summarise(runs) {
  const longest = runs.map((r) => r.longest).filter((v) => v !== null);
  return {
    runs: runs.length,
    usableMedian: median(runs.map((r) => r.usable)),
    readyMedian: median(runs.map((r) => r.ready)),
    usableMin: Math.min(...runs.map((r) => r.usable)),
    usableMax: Math.max(...runs.map((r) => r.usable)),
    shiftMax: Math.max(...runs.map((r) => r.shift)),
    longestTaskMedian: longest.length ? median(longest) : null,
    longestTaskMax: longest.length ? Math.max(...longest) : null,
    samples: runs,
  };
}

/** Readers' results with 10,000 links pasted at once: time to the summary, longest task. */
async function readersAtScale(browser, base) {
  const thread = commentThread(base, 10000, 11);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(base + 'tools/#readers');
    await page.waitForSelector('#readers-input');
    return await page.evaluate(async ({ text, results }) => {
      const tasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration))).observe({ type: 'longtask' });
      const area = document.getElementById('readers-input');
      const start = performance.now();
      area.value = text;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => (document.querySelector(`#readers-summary[data-results="${results}"]`) ? resolve() : setTimeout(check, 5));
        check();
      });
      const done = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { links: 10000, results, bytes: text.length, ms: done, longest: tasks.length ? Math.max(...tasks) : 0 };
    }, { text: thread.text, results: thread.readers.length });
  } finally {
    await context.close();
  }
}

async function main() {
  const [distArg, vanillaArg] = process.argv.slice(2);
  if (!distArg || !vanillaArg) {
    console.error('usage: node tests/e2e/bench.mjs <dist> <vanilla-dir>');
    process.exit(2);
  }
  const dist = path.resolve(distArg);
  const vanilla = path.resolve(vanillaArg);

  const widgetFiles = firstLoadFiles(dist);
  const widgetSizes = sizes(dist, widgetFiles);
  const widgetTotal = printSizes(`First load of the widget (${path.relative(process.cwd(), dist) || dist})`, widgetSizes);
  const vanillaFiles = [...firstLoadFiles(vanilla), ...readdirSync(vanilla).filter((f) => f.endsWith('.json'))].filter((v, i, a) => a.indexOf(v) === i);
  const vanillaSizes = sizes(vanilla, vanillaFiles);
  const vanillaTotal = printSizes(`First load of the vanilla page (${vanilla})`, vanillaSizes);

  const toolsFiles = readdirSync(path.join(dist, 'tools')).filter((f) => /\.(js|wasm|css|html)$/.test(f));
  printSizes('The tools page (tools/: team view, readers\' results, embed kit; not a first load)', sizes(path.join(dist, 'tools'), toolsFiles));

  // One server for both, so both pay the same serving costs.
  const root = mkdtempSync(path.join(os.tmpdir(), 'readiness-bench-'));
  symlinkSync(dist, path.join(root, 'widget'));
  symlinkSync(vanilla, path.join(root, 'vanilla'));
  const server = await serve(root, { gzip: true });
  const base = server.url + 'widget/';
  const shared = resultsLink(base, pattern('2222' + '3231' + '3333' + '33333'), 'their pilot');
  const ways = [
    { name: 'intro', url: base, selector: '#static-intro #start', ready: '#widget #intro #start' },
    { name: '#start', url: base + '#start', selector: '#static-o0', ready: '#widget #question input[name=answer]' },
    { name: 'shared', url: shared, selector: '#static-shared .verdict-headline', ready: '#widget #shared #verdict' },
    { name: 'vanilla', url: server.url + 'vanilla/', selector: 'input[type=radio]', ready: 'input[type=radio]' },
  ];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const results = {};
  let readers;
  try {
    console.log(`\nTime to first meaningful content and to the app, median of ${RUNS} cold loads each (alternating), gzip server on loopback`);
    const fast = await series(browser, ways, RUNS, false);
    console.log(`Same under 4x CPU throttle and slow 4G (150 ms, 1.6 Mbps down, 750 kbps up), ${SLOW_RUNS} loads each`);
    const slow = await series(browser, ways, SLOW_RUNS, true);
    for (const [label, data] of [['unthrottled', fast], ['throttled', slow]]) {
      results[label] = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, summarise(v)]));
    }
    readers = await readersAtScale(browser, base);
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }

  console.log('');
  console.log(`  ${'condition'.padEnd(12)} ${'way in'.padEnd(8)} ${'meaningful (median)'.padStart(20)} ${'min–max'.padStart(16)} ${'app ready'.padStart(10)} ${'vs vanilla'.padStart(11)} ${'shift'.padStart(6)} ${'longest task med / max'.padStart(26)}`);
  for (const [label, byWay] of Object.entries(results)) {
    const vanillaUsable = byWay.vanilla.usableMedian;
    for (const [name, s] of Object.entries(byWay)) {
      const ratio = name === 'vanilla' || name === 'shared' ? '' : `${(s.usableMedian / vanillaUsable).toFixed(2)}x`;
      console.log(
        `  ${label.padEnd(12)} ${name.padEnd(8)} ${ms(s.usableMedian).padStart(20)} ${`${ms(s.usableMin)}–${ms(s.usableMax)}`.padStart(16)} ${ms(s.readyMedian).padStart(10)} ${ratio.padStart(11)} ${s.shiftMax.toFixed(3).padStart(6)} ${`${task(s.longestTaskMedian)} / ${task(s.longestTaskMax)}`.padStart(26)}`,
      );
    }
  }
  console.log(`\n  readers' results: ${readers.links} links (${kb(readers.bytes)} of text, ${readers.results} readers) summarised ${ms(readers.ms)} after the paste (of which 250 ms is the wait after the last keystroke); longest task ${task(readers.longest)}`);

  const ok = (pass) => (pass ? 'ok  ' : 'OVER');
  const total = widgetTotal.gzip;
  const u = results.unthrottled;
  const t = results.throttled;
  const ratio = (way, r = u) => r[way].usableMedian / r.vanilla.usableMedian;
  const readyRatio = u['#start'].readyMedian / u.vanilla.usableMedian;
  const longest = Math.max(...['intro', '#start', 'shared'].map((w) => u[w].longestTaskMax ?? 0));
  console.log('\nBudgets (ARCHITECTURE.md)');
  console.log(`  ${ok(total <= BUDGET_BYTES)} first load compressed (gzip): ${kb(total)} (brotli ${kb(widgetTotal.brotli)}) — budget ${kb(BUDGET_BYTES)}`);
  console.log(`  ${ok(ratio('intro') <= 1.2)} first control usable (the intro's start link): ${ratio('intro').toFixed(2)}x the vanilla page (throttled ${ratio('intro', t).toFixed(2)}x) — budget 1.2x, target 1.0x`);
  console.log(`  ${ok(ratio('#start') <= 1.2)} the first question's radios from the static HTML: ${ratio('#start').toFixed(2)}x the vanilla page (throttled ${ratio('#start', t).toFixed(2)}x) — target 1.0x`);
  console.log(`  ${ok(readyRatio <= 2)} app ready (first question usable at #start): ${readyRatio.toFixed(2)}x the vanilla page (throttled ${(t['#start'].readyMedian / t.vanilla.usableMedian).toFixed(2)}x) — budget 2x`);
  console.log(`  ${ok(t.shared.usableMedian <= 600)} a shared link's verdict under 4x throttle + slow 4G: ${ms(t.shared.usableMedian)} (app ${ms(t.shared.readyMedian)}) — target 600 ms`);
  const shift = Math.max(...['intro', '#start', 'shared'].flatMap((w) => [u[w].shiftMax, t[w].shiftMax]));
  console.log(`  ${ok(shift === 0)} layout shift when the app takes over (any way in, any load): ${shift.toFixed(3)} — aim 0`);
  console.log(`  ${ok(longest <= LONG_TASK_BUDGET)} longest start-up task unthrottled, any way in, any load: ${task(longest)} (medians: ${['intro', '#start', 'shared'].map((w) => `${w} ${task(u[w].longestTaskMedian)}`).join(', ')}) — budget ${LONG_TASK_BUDGET} ms`);
  console.log(`  ${ok(readers.longest <= 200)} readers' results, 10,000 links: longest task ${task(readers.longest)} — budget 200 ms`);

  const out = {
    date: new Date().toISOString(),
    runs: RUNS,
    slowRuns: SLOW_RUNS,
    network: SLOW_4G,
    sizes: { widget: { files: widgetSizes, total: widgetTotal }, vanilla: { files: vanillaSizes, total: vanillaTotal } },
    timing: results,
    readers,
    budgets: {
      firstLoadGzipBytes: { value: total, budget: BUDGET_BYTES, ok: total <= BUDGET_BYTES },
      longestTaskMs: { value: longest, budget: LONG_TASK_BUDGET, ok: longest <= LONG_TASK_BUDGET },
      introRatio: { value: ratio('intro'), throttled: ratio('intro', t), budget: 1.2, ok: ratio('intro') <= 1.2 },
      startRatio: { value: ratio('#start'), throttled: ratio('#start', t) },
      readyRatio: { value: readyRatio, budget: 2, ok: readyRatio <= 2 },
      sharedVerdictThrottledMs: { value: t.shared.usableMedian, target: 600 },
    },
  };
  const outDir = path.join(ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
