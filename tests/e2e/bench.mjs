// The benchmark (a report, not a test): first-load size and start-up time of the release
// build, side by side with the hand-written vanilla page.
//
//   node tests/e2e/bench.mjs <dist> <vanilla-dir>
//
// Environment: BENCH_RUNS (cold loads per page, default 15), BENCH_SLOW_RUNS (under 4x CPU
// throttle and slow 4G, default 5). Writes bench/results/latest.json. Exits 0 unless it
// crashes: budgets are printed, not enforced.
//
// Sizes: the files of the first load only (index.html and what it references: the .js, the
// _bg.wasm, the .css), raw, gzip (zlib level 9) and brotli (quality 11). 1 KB = 1000 bytes.
//
// Time to first usable control: from navigation start (performance.timeOrigin) to the moment
// the first control exists and is enabled (the widget's #start; the vanilla page's first
// radio button), seen by a MutationObserver installed before any page script runs. Each load
// is cold: a fresh browser context, and the server sends Cache-Control: no-store. Widget and
// vanilla loads alternate, so drift in the machine's load affects both alike. Both are served
// by the same gzip server.

import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 15));
const SLOW_RUNS = Math.max(1, Number(process.env.BENCH_SLOW_RUNS || 5));
const BUDGET_BYTES = 100_000;
const AIM_BYTES = 60_000;
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

/** Installed before any page script: records when the first control is usable, and long tasks. */
function probe({ selector, ready }) {
  // `usable`: the first control can be clicked (the widget's static intro link counts: its
  // click is honoured once the app starts). `ready`: the app itself is interactive, i.e. the
  // first question is one click away.
  window.__bench = { usable: null, ready: null, longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__bench.longTasks = null;
  }
  const check = () => {
    const b = window.__bench;
    const el = document.querySelector(selector);
    if (b.usable === null && el && !el.disabled) b.usable = performance.now();
    if (b.ready === null && document.querySelector(ready)) b.ready = performance.now();
    return b.usable !== null && b.ready !== null;
  };
  const observer = new MutationObserver(() => check() && observer.disconnect());
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
}

async function coldLoad(browser, url, selector, ready, slow) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(probe, { selector, ready });
    const page = await context.newPage();
    if (slow) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    }
    await page.goto(url, { waitUntil: 'commit', timeout: 60000 });
    await page.waitForFunction(() => window.__bench && window.__bench.usable !== null && window.__bench.ready !== null, null, { timeout: 60000, polling: 50 });
    // Long tasks are reported when they end: give the start-up a moment to finish.
    await page.waitForTimeout(slow ? 1000 : 400);
    const result = await page.evaluate(() => window.__bench);
    const tasks = result.longTasks;
    return {
      usable: result.usable,
      ready: result.ready,
      longest: tasks === null ? null : tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      longTasks: tasks === null ? null : tasks.length,
    };
  } finally {
    await context.close();
  }
}

async function series(browser, pages, runs, slow) {
  const out = Object.fromEntries(pages.map((p) => [p.name, []]));
  // One warm-up pair, not counted: the first load of a fresh browser pays for its own start.
  for (const p of pages) await coldLoad(browser, p.url, p.selector, p.ready, slow);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [...pages].reverse() : pages;
    for (const p of order) out[p.name].push(await coldLoad(browser, p.url, p.selector, p.ready, slow));
  }
  return out;
}

function summarise(runs) {
  const usable = runs.map((r) => r.usable);
  const ready = runs.map((r) => r.ready);
  const longest = runs.map((r) => r.longest).filter((v) => v !== null);
  return {
    runs: runs.length,
    usableMedian: median(usable),
    readyMedian: median(ready),
    usableMin: Math.min(...usable),
    usableMax: Math.max(...usable),
    longestTaskMedian: longest.length ? median(longest) : null,
    longestTaskMax: longest.length ? Math.max(...longest) : null,
    samples: runs,
  };
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

  // One server for both, so both pay the same serving costs.
  const root = mkdtempSync(path.join(os.tmpdir(), 'readiness-bench-'));
  symlinkSync(dist, path.join(root, 'widget'));
  symlinkSync(vanilla, path.join(root, 'vanilla'));
  const server = await serve(root, { gzip: true });
  const pages = [
    { name: 'widget', url: server.url + 'widget/', selector: '#start', ready: '#widget' },
    { name: 'vanilla', url: server.url + 'vanilla/', selector: 'input[type=radio]', ready: 'input[type=radio]' },
  ];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
  const results = {};
  try {
    console.log(`\nTime to first usable control, median of ${RUNS} cold loads each (alternating), gzip server on loopback`);
    const fast = await series(browser, pages, RUNS, false);
    console.log(`\nSame under 4x CPU throttle and slow 4G (150 ms, 1.6 Mbps down, 750 kbps up), ${SLOW_RUNS} loads each`);
    const slow = await series(browser, pages, SLOW_RUNS, true);
    for (const [label, data] of [['unthrottled', fast], ['throttled', slow]]) {
      results[label] = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, summarise(v)]));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }

  console.log('');
  console.log(`  ${'condition'.padEnd(12)} ${'page'.padEnd(8)} ${'usable (median)'.padStart(16)} ${'min–max'.padStart(16)} ${'app ready'.padStart(12)} ${'longest task med / max'.padStart(26)}`);
  for (const [label, byPage] of Object.entries(results)) {
    for (const [name, s] of Object.entries(byPage)) {
      console.log(
        `  ${label.padEnd(12)} ${name.padEnd(8)} ${ms(s.usableMedian).padStart(16)} ${`${ms(s.usableMin)}–${ms(s.usableMax)}`.padStart(16)} ${ms(s.readyMedian).padStart(12)} ${`${task(s.longestTaskMedian)} / ${task(s.longestTaskMax)}`.padStart(26)}`,
      );
    }
    const ratio = byPage.widget.usableMedian / byPage.vanilla.usableMedian;
    byPage.ratio = ratio;
    console.log(`  ${label.padEnd(12)} widget / vanilla = ${ratio.toFixed(2)}x`);
  }

  const ok = (pass) => (pass ? 'ok  ' : 'OVER');
  const total = widgetTotal.gzip;
  const longest = Math.max(results.unthrottled.widget.longestTaskMax ?? 0, 0);
  const longestSlow = Math.max(results.throttled.widget.longestTaskMax ?? 0, 0);
  console.log('\nBudgets (ARCHITECTURE.md)');
  console.log(`  ${ok(total <= BUDGET_BYTES)} first load compressed (gzip): ${kb(total)} (brotli ${kb(widgetTotal.brotli)}) — budget ${kb(BUDGET_BYTES)}, aim ${kb(AIM_BYTES)}${total <= AIM_BYTES ? ' (within the aim)' : ''}`);
  console.log(`  ${ok(longest <= LONG_TASK_BUDGET)} longest start-up long task over all loads: ${task(longest)} (median of the loads' longest: ${task(results.unthrottled.widget.longestTaskMedian)}; 4x throttled: ${task(longestSlow)}) — budget ${LONG_TASK_BUDGET} ms unthrottled`);
  console.log(`  ${ok(results.unthrottled.ratio <= 2)} first control usable: ${results.unthrottled.ratio.toFixed(2)}x the vanilla page (throttled ${results.throttled.ratio.toFixed(2)}x) — budget 2x`);
  const readyRatio = (r) => r.widget.readyMedian / r.vanilla.readyMedian;
  console.log(`  ${ok(readyRatio(results.unthrottled) <= 2)} app ready: ${readyRatio(results.unthrottled).toFixed(2)}x the vanilla page's first control (throttled ${readyRatio(results.throttled).toFixed(2)}x) — budget 2x`);
  console.log(`  ${ok(results.throttled.widget.usableMedian <= 1000)} first control usable under 4x throttle + slow 4G: ${ms(results.throttled.widget.usableMedian)} — budget about 1 s`);
  console.log(`  ${ok(results.throttled.widget.readyMedian <= 1000)} app ready (first question one click away) under 4x throttle + slow 4G: ${ms(results.throttled.widget.readyMedian)} — budget about 1 s`);

  const out = {
    date: new Date().toISOString(),
    runs: RUNS,
    slowRuns: SLOW_RUNS,
    network: SLOW_4G,
    sizes: { widget: { files: widgetSizes, total: widgetTotal }, vanilla: { files: vanillaSizes, total: vanillaTotal } },
    timing: results,
    budgets: {
      firstLoadGzipBytes: { value: total, budget: BUDGET_BYTES, aim: AIM_BYTES, ok: total <= BUDGET_BYTES },
      longestTaskMs: { value: longest, throttled: longestSlow, budget: LONG_TASK_BUDGET, ok: longest <= LONG_TASK_BUDGET },
      usableRatio: { value: results.unthrottled.ratio, throttled: results.throttled.ratio, budget: 2, ok: results.unthrottled.ratio <= 2 },
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
