// End-to-end journeys against the release build, in headless Chromium.
//
//   node tests/e2e/run.mjs <dist> [name-filter]
//
// Serves <dist> on http://127.0.0.1:<port>/ and the host-page fixtures on
// http://localhost:<port2>/ (a second origin), launches Chromium once, and runs every journey
// in fresh browser contexts (fresh storage). A journey fails on a failed assertion, a
// timeout, an uncaught page error or a console error in any page it opened. Prints one line
// per journey and ends with exactly "N passed, M failed"; exits 1 on any failure.
// Screenshots go to tests/e2e/artifacts/ (git-ignored).

import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { CHROMIUM_FLAGS, E2E_DIR, checkGoldenVectors, hostRewrite } from './lib.mjs';

import * as own from './journeys/own.mjs';
import * as shared from './journeys/shared.mjs';
import * as embed from './journeys/embed.mjs';
import * as hardening from './journeys/hardening.mjs';
import * as screens from './journeys/screens.mjs';
import * as readers from './journeys/readers.mjs';
import * as attacks from './journeys/attacks.mjs';
import * as statics from './journeys/static.mjs';
import * as address from './journeys/address.mjs';
import * as sets from './journeys/sets.mjs';
import * as glance from './journeys/glance.mjs';

const MODULES = { own, shared, embed, hardening, screens, readers, attacks, static: statics, address, sets, glance };
const JOURNEY_TIMEOUT = Number(process.env.E2E_JOURNEY_TIMEOUT || 90000);
const WORKERS = Math.max(1, Number(process.env.E2E_WORKERS || 3));
/** Console messages that are Chromium's, not the widget's. */
function ignoredConsole(text) {
  // Trunk preloads the wasm with an `integrity` attribute; Chromium warns that it cannot
  // check integrity on that preload. Harmless and not ours.
  return /integrity/i.test(text) && /preload/i.test(text);
}

async function main() {
  const [distArg, filter = ''] = process.argv.slice(2);
  if (!distArg) {
    console.error('usage: node tests/e2e/run.mjs <dist> [name-filter]');
    process.exit(2);
  }
  const dist = path.resolve(distArg);
  if (!statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false })) {
    console.error(`run: ${dist}/index.html is missing (build first: bash scripts/build.sh)`);
    process.exit(2);
  }
  const golden = checkGoldenVectors();
  if (golden.length) {
    console.error('run: the test share-code encoder disagrees with tests/golden/share_codes.txt:\n  ' + golden.join('\n  '));
    process.exit(2);
  }

  const artifacts = path.join(E2E_DIR, 'artifacts');
  mkdirSync(artifacts, { recursive: true });

  // The widget, a host page on another origin, and the widget mounted under a sub-path.
  const subRoot = mkdtempSync(path.join(os.tmpdir(), 'readiness-subpath-'));
  mkdirSync(path.join(subRoot, 'some', 'sub'), { recursive: true });
  symlinkSync(dist, path.join(subRoot, 'some', 'sub', 'path'));
  const app = await serve(dist, { host: '127.0.0.1' });
  const host = await serve(path.join(E2E_DIR, 'fixtures'), { host: 'localhost', rewrite: hostRewrite });
  const sub = await serve(subRoot, { host: '127.0.0.1' });
  // The same build as an author would deploy it with EMBED_ALLOWED set to the host page's
  // origin only: every file linked from dist, the pages with that list in their meta tag.
  const listedRoot = mkdtempSync(path.join(os.tmpdir(), 'readiness-listed-'));
  mountWithEmbedders(dist, listedRoot, new URL(host.url).origin);
  const listed = await serve(listedRoot, { host: '127.0.0.1' });
  // A page of a site the author did not list (another loopback origin, served for real:
  // Chromium lets no page of unknown address space frame a loopback one).
  writeFileSync(
    path.join(subRoot, 'unlisted-framer.html'),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Somewhere else</title><iframe id="w" src="${listed.url}?embed" style="width:600px;height:500px"></iframe>`,
  );

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  const env = {
    browser,
    dist,
    base: app.url,
    hostBase: host.url,
    subBase: sub.url + 'some/sub/path/',
    listedBase: listed.url,
    artifacts,
    axeSource: readFileSync(path.join(E2E_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8'),
  };

  const journeys = [];
  for (const [module, exports] of Object.entries(MODULES)) {
    for (const [name, fn] of Object.entries(exports)) {
      if (typeof fn !== 'function' || name.startsWith('_')) continue;
      const full = `${module}: ${name}`;
      if (filter && !full.includes(filter)) continue;
      journeys.push({ name: full, fn });
    }
  }

  const started = Date.now();
  let passed = 0;
  let failed = 0;
  let next = 0;
  async function worker() {
    while (next < journeys.length) {
      const journey = journeys[next++];
      const outcome = await runJourney(journey, env);
      if (outcome.ok) {
        passed++;
        console.log(`✓ ${journey.name} (${outcome.ms} ms)`);
      } else {
        failed++;
        // scripts/test.sh sums every "N passed" / "N failed" it sees: keep them out of messages.
        console.log(`✗ ${journey.name}: ${outcome.message.replace(/(\d+) (passed|failed)/g, '$1 [$2]')}`);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(WORKERS, journeys.length) }, worker));

  await browser.close();
  await Promise.all([app.close(), host.close(), sub.close(), listed.close()]);
  rmSync(subRoot, { recursive: true, force: true });
  rmSync(listedRoot, { recursive: true, force: true });
  console.log(`(e2e run took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), artifacts) || artifacts})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

/** Mirrors `dist` into `root` (links), with every page's `readiness-embedders` set to `origin`. */
function mountWithEmbedders(dist, root, origin) {
  for (const entry of readdirSync(dist, { withFileTypes: true })) {
    const from = path.join(dist, entry.name);
    const to = path.join(root, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(to);
      mountWithEmbedders(from, to, origin);
    } else if (entry.name.endsWith('.html')) {
      const html = readFileSync(from, 'utf8').replace(/(<meta name="readiness-embedders" content=")[^"]*"/, `$1${origin}"`);
      writeFileSync(to, html);
    } else {
      symlinkSync(from, to);
    }
  }
}


/** Runs one journey with its own contexts; collects page errors and console errors. */
async function runJourney(journey, env) {
  const contexts = [];
  const problems = [];
  const attached = new WeakSet();
  const watch = (page, label) => {
    if (attached.has(page)) return;
    attached.add(page);
    page.on('pageerror', (error) => problems.push(`page error in ${label}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (ignoredConsole(text)) return;
      const where = message.location()?.url ? ` (${message.location().url})` : '';
      problems.push(`console error in ${label}: ${text}${where}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`unexpected dialog in ${label}: ${dialog.type()} ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
  };
  const t = {
    ...env,
    name: journey.name,
    /** Problems so far (page errors, console errors); a journey may inspect and clear them. */
    problems,
    /** A fresh browser context (fresh storage) whose pages are all watched. */
    async newContext(options = {}) {
      const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      context.setDefaultTimeout(6000);
      context.setDefaultNavigationTimeout(15000);
      contexts.push(context);
      const label = `context ${contexts.length}`;
      context.on('page', (page) => watch(page, label));
      const newPage = context.newPage.bind(context);
      context.newPage = async () => {
        const page = await newPage();
        watch(page, label);
        return page;
      };
      return context;
    },
    /** A page in a fresh context. */
    async newPage(options = {}) {
      const context = await t.newContext(options);
      return context.newPage();
    },
  };
  const startedAt = Date.now();
  let timer;
  try {
    await Promise.race([
      journey.fn(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${JOURNEY_TIMEOUT / 1000} s`)), JOURNEY_TIMEOUT);
      }),
    ]);
    // Give late errors (effects, rAF callbacks) a moment to surface.
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (problems.length) return { ok: false, message: unique(problems).join(' | ') };
    return { ok: true, ms: Date.now() - startedAt };
  } catch (error) {
    const message = (error && error.message ? error.message : String(error)).split('\n')[0];
    const extra = problems.length ? ` [also: ${unique(problems).join(' | ')}]` : '';
    return { ok: false, message: message + extra };
  } finally {
    clearTimeout(timer);
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  }
}

function unique(list) {
  return [...new Set(list)].slice(0, 8);
}

// A stray promise of a journey that already ended (its context closed) must not end the run.
process.on('unhandledRejection', () => {});

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
