// Journeys as node:test tests, and their fixtures: `journey(name, [options], fn)` registers `fn`
// once for the engine this run drives (E2E_ENGINE: chromium, firefox or webkit), and gives it
// `t` (below). Run one file in one engine:
//
//   E2E_ENGINE=firefox node --test tests/e2e/journeys/own.test.mjs
//   node --test --test-name-pattern="keyboard" tests/e2e/journeys/own.test.mjs   (Chromium)
//
// Options:
//   engines: EVERY            also run in Firefox and WebKit (default: Chromium only, to keep the
//                             test command's time; E2E_ALL=1 runs every such journey everywhere)
//   playwright: 'why'         needs what only Playwright does (says what): Chromium only, and
//                             `t.newContext`, `t.wrap`, `page.pw` are there
//   timeout: ms               instead of E2E_JOURNEY_TIMEOUT (default 120 s)
//
// `t`: engine, base (the widget, http://127.0.0.1:<port>/), hostBase (fixtures/ on
// http://localhost:<port>/, another origin), subBase (the widget under /some/sub/path/),
// listedBase (the build with the host page's origin as its only embedder), dist, artifacts
// (artifacts/<engine>/), axeSource, signal (aborted when the journey times out: every page is
// closed then, so the journey stops at its next step), and:
//   newPage({ scheme, width, height, downloads, screenshots })  a page in a fresh profile
//                             (Playwright: a new context; Firefox: a window in a user context
//                             of its own, in the file's Firefox for those launch preferences, or
//                             with `downloads` a Firefox of its own; WebKit: a new session with
//                             its own driver); `screenshots` for a page that takes them (WebKit
//                             draws without accelerated compositing otherwise:
//                             harness/webdriver.mjs); `firefoxPrefs`: more Firefox preferences;
//                             `sites`: every *.test name on loopback, in a browser whose storage
//                             partitioning is as its users have it (below: sitesPage); Chromium
//                             and Firefox only
//   problems() clearProblems()  errors the pages reported during this journey; any left at its end
//                             fail it (Playwright: page errors, console errors, dialogs;
//                             WebDriver: harness/probes.mjs's reports)
//   note(text)                a line in the report (what this engine did where engines differ)
//   waitUntil(fn, message, { timeout })   polls a condition on the test's side (files, problems)

import { test, after } from 'node:test';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { serve } from '../serve.mjs';
import { CHROMIUM_FLAGS, E2E_DIR, ROOT, checkGoldenVectors, hostRewrite } from '../lib.mjs';
import { injectProbes, probeSink } from './probes.mjs';
import { PwPage } from './playwright.mjs';
// Each engine's driver library is loaded only by the processes that drive it (node:test starts
// a process per file and engine; loading playwright-core costs 0.7 CPU-seconds, selenium-webdriver
// 0.2, measured): see setUp.
/** harness/webdriver.mjs, once loaded (WebDriver engines). */
let wd = null;

export const EVERY = ['chromium', 'firefox', 'webkit'];
/**
 * Journeys about what readers see on their phones (iPhones: WebKit) or words the core writes,
 * which Firefox draws alike: Chromium and WebKit only, to keep the test command's time (each
 * Firefox journey costs about twice the CPU of the same in WebKit).
 */
export const CHROMIUM_AND_WEBKIT = ['chromium', 'webkit'];
export const ENGINE = process.env.E2E_ENGINE || 'chromium';
if (!EVERY.includes(ENGINE)) throw new Error(`E2E_ENGINE must be one of ${EVERY.join(', ')}, not ${ENGINE}`);
/** Chromium through WebDriver instead of Playwright (to check the WebDriver page itself). */
const CHROMIUM_OVER_WEBDRIVER = process.env.E2E_CHROMIUM_WEBDRIVER === '1';
const ALL = process.env.E2E_ALL === '1';
const TIMEOUT = Number(process.env.E2E_JOURNEY_TIMEOUT || 120000);
/** Debian's chromium-headless-shell (scripts/setup.sh installs it). */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
/**
 * The flags of the Chromium for pages on distinct sites (sitesPage): every *.test name on
 * loopback, and storage partitioning on, as stock Chrome has it. Playwright's launcher turns
 * partitioning off (with --disable-features); a later --disable-features replaces its list, so
 * the one here turns it back on (the frames journeys check that it is).
 */
const SITES_FLAGS = [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP *.test 127.0.0.1', '--disable-features=MediaRouter'];

let registered = false;
/** Whether the environment is torn down by whoever held it (holdEnvironment), not after the file. */
let held = false;
/** Journeys registered in this process and not yet ended (no spare session is started for after the last). */
let remaining = 0;
/** Called when no journey registered so far is left to run (journeysFinished). */
const onFinished = [];

/** Registers a journey (see the top of this file). */
export function journey(name, options, fn) {
  if (typeof options === 'function') [fn, options] = [options, {}];
  const engines = options.playwright ? ['chromium'] : ALL ? EVERY : (options.engines ?? ['chromium']);
  if (!engines.includes(ENGINE)) return;
  if (options.playwright && CHROMIUM_OVER_WEBDRIVER) return;
  if (!registered) {
    registered = true;
    if (!held) after(teardown);
  }
  remaining++;
  // node:test's promise for the test settles when the runner is done with it: run, timed out
  // (its steps may never settle then) or left out (--test-name-pattern).
  test(name, { timeout: options.timeout ?? TIMEOUT }, (tc) => run(name, tc, fn, options)).finally(() => {
    if (--remaining === 0) for (const resolve of onFinished.splice(0)) resolve();
  });
}

/**
 * For a process that runs many files (harness/one-process.mjs): the servers and browsers stay
 * until the returned function is called, not only until the journeys registered so far have run
 * (node:test runs `after` hooks then, and more files may follow). Call before any journey is
 * registered.
 */
export function holdEnvironment() {
  if (registered) throw new Error('holdEnvironment() comes before the first journey');
  held = true;
  return teardown;
}

/**
 * Resolves once every journey registered so far has ended (harness/one-process.mjs: a process
 * that takes the next file from a shared queue only when it has run its last one).
 */
export function journeysFinished() {
  return remaining === 0 ? Promise.resolve() : new Promise((resolve) => onFinished.push(resolve));
}

// ------------------------------------------------------------------------------------------
// The environment of one process (a test file, or harness/one-process.mjs's files): servers, and the browser or the driver set-up
// ------------------------------------------------------------------------------------------

let environment = null;
const cleanups = [];

function setUp() {
  environment ??= (async () => {
    const dist = path.resolve(process.env.E2E_DIST || path.join(ROOT, 'dist'));
    if (!statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false })) {
      throw new Error(`${dist}/index.html is missing (build first: bash scripts/build.sh)`);
    }
    const golden = checkGoldenVectors();
    if (golden.length) throw new Error('the test share-code encoder disagrees with tests/golden/share_codes.txt: ' + golden.join('; '));
    const artifacts = path.join(E2E_DIR, 'artifacts', ENGINE);
    mkdirSync(artifacts, { recursive: true });

    // Every server adds the probes (harness/probes.mjs) to the pages it serves.
    const sink = probeSink();
    const probed = (rewrite) => (text, url) => injectProbes(rewrite ? rewrite(text, url) : text, url);
    const server = async (root, host, rewrite) => {
      const s = await serve(root, { host, rewrite: probed(rewrite), handle: sink.handle });
      cleanups.push(() => s.close());
      return s;
    };
    // The widget, a host page on another origin, and the widget mounted under a sub-path.
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'readiness-e2e-'));
    cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
    const subRoot = path.join(scratch, 'sub');
    mkdirSync(path.join(subRoot, 'some', 'sub'), { recursive: true });
    symlinkSync(dist, path.join(subRoot, 'some', 'sub', 'path'));
    const app = await server(dist, '127.0.0.1');
    const host = await server(path.join(E2E_DIR, 'fixtures'), 'localhost', hostRewrite);
    const sub = await server(subRoot, '127.0.0.1');
    // The same build as an author would deploy it with EMBED_ALLOWED set to the host page's
    // origin only: every file linked from dist, the pages with that list in their meta tag.
    const listedRoot = path.join(scratch, 'listed');
    mkdirSync(listedRoot);
    mountWithEmbedders(dist, listedRoot, new URL(host.url).origin);
    const listed = await server(listedRoot, '127.0.0.1');
    // A page of a site the author did not list (another loopback origin, served for real:
    // Chromium lets no page of unknown address space frame a loopback one).
    writeFileSync(
      path.join(subRoot, 'unlisted-framer.html'),
      `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Somewhere else</title><iframe id="w" src="${listed.url}?embed" style="width:600px;height:500px"></iframe>`,
    );

    const env = {
      engine: ENGINE,
      dist,
      base: app.url,
      hostBase: host.url,
      subBase: sub.url + 'some/sub/path/',
      listedBase: listed.url,
      artifacts,
      scratch,
      sink,
      axeSource: readFileSync(path.join(E2E_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8'),
    };
    if (ENGINE === 'chromium' && !CHROMIUM_OVER_WEBDRIVER) {
      const { chromium } = await import('playwright-core');
      // Chromium's headless shell (Playwright's own default for headless runs: the same Blink
      // and V8 without the desktop browser around them) takes a quarter to a half of the CPU
      // of the whole browser (measured: a page load 0.22 CPU-seconds, not 0.8; own.test.mjs 33,
      // not 75; the nine journeys that click in a frame 52, not 76, though the shell drops such
      // clicks for longer: PwPage.pressOnce). A browser per set of flags, launched when a
      // journey first needs it (one that failed to launch is tried again by the next journey).
      const launched = new Map();
      env.browserWith = (args) => {
        const key = args.join(' ');
        if (!launched.has(key)) {
          const browser = chromium.launch({ executablePath: HEADLESS_SHELL, args }).then(
            (browser) => {
              cleanups.push(() => browser.close());
              return browser;
            },
            (error) => {
              launched.delete(key);
              throw error;
            },
          );
          launched.set(key, browser);
        }
        return launched.get(key);
      };
    } else {
      wd = await import('./webdriver.mjs');
      env.prepared = await wd.prepareEngine(ENGINE);
      cleanups.push(() => env.prepared.close());
      env.spare = null;
      env.browsers = new Map();
    }
    return env;
  })();
  return environment;
}

async function teardown() {
  if (environment) {
    const env = await environment.catch(() => null);
    if (env?.spare) cleanups.push(() => env.spare.then((s) => s.quit(), () => {}));
  }
  // In reverse order of set-up: sessions and browser before the servers, the servers before
  // the folders they serve.
  for (const cleanup of cleanups.reverse()) await cleanup();
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

// ------------------------------------------------------------------------------------------
// One journey's fixtures
// ------------------------------------------------------------------------------------------

/** Console messages that are Chromium's, not the widget's. */
function ignoredConsole(text) {
  // Trunk preloads the wasm with an `integrity` attribute; Chromium warns that it cannot
  // check integrity on that preload. Harmless and not ours.
  return /integrity/i.test(text) && /preload/i.test(text);
}

async function run(name, tc, fn, options) {
  const env = await setUp();
  const picture = path.join(env.artifacts, `failed-${name.replace(/[^\w-]+/g, '-')}.png`);
  // A picture of an earlier run's failure would mislead.
  rmSync(picture, { force: true });
  const problems = [];
  const closers = [];
  const pages = [];
  let seen = env.sink.lines.length;
  const webdriver = !env.browserWith;
  const browser = webdriver ? null : await env.browserWith(CHROMIUM_FLAGS);

  /** Playwright: a watched context; every page in it reports its errors to this journey. */
  async function newContext(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
    await watched(context);
    closers.push(() => context.close());
    return context;
  }

  /**
   * Playwright: a page on distinct sites (`newPage({ sites: true })`), in a context of its own
   * (a fresh profile) of the process's Chromium for sites (SITES_FLAGS). The page is brought to
   * the front, as the tab a reader looks at (in the background nothing is painted and no
   * IntersectionObserver reports).
   */
  async function sitesPage({ width, height }) {
    const context = await (await env.browserWith(SITES_FLAGS)).newContext({ viewport: { width, height } });
    closers.push(() => context.close());
    await watched(context);
    const page = await context.newPage();
    await page.bringToFront();
    return page;
  }

  /** Sets a context's timeouts and reports every error of its pages to this journey. */
  async function watched(context) {
    context.setDefaultTimeout(6000);
    context.setDefaultNavigationTimeout(15000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const label = `context ${closers.length + 1}`;
    const watch = (page) => {
      page.on('pageerror', (error) => problems.push(`page error in ${label}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() !== 'error' || ignoredConsole(message.text())) return;
        const where = message.location()?.url ? ` (${message.location().url})` : '';
        problems.push(`console error in ${label}: ${message.text()}${where}`);
      });
      page.on('dialog', (dialog) => {
        problems.push(`unexpected dialog in ${label}: ${dialog.type()} ${dialog.message()}`);
        dialog.dismiss().catch(() => {});
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
  }

  /**
   * Firefox: a window of its own, in a user context of its own (harness/webdriver.mjs,
   * `openWindow`), in the file's running Firefox for these launch preferences (the colour
   * scheme, `firefoxPrefs`), started when first needed and kept until the file ends. A Firefox
   * that did not start or cannot open a window (it crashed) is left out of the file's set and
   * another started, once per page: the failure costs this page, not every later journey. (It
   * is quit with the file, not now: another page of this journey may still be in it.)
   */
  async function firefoxWindow({ scheme, firefoxPrefs }) {
    const key = JSON.stringify([scheme, firefoxPrefs ?? {}]);
    for (let attempt = 0; ; attempt++) {
      if (!env.browsers.has(key)) {
        const starting = wd.newSession(env.prepared, { scheme, firefoxPrefs, windows: true });
        env.browsers.set(key, starting);
        cleanups.push(() => starting.then((session) => session.quit(), () => {}));
      }
      const starting = env.browsers.get(key);
      try {
        const session = await starting;
        const window = await wd.openWindow(session);
        closers.push(() => window.close());
        return { session, handle: window.handle };
      } catch (error) {
        if (env.browsers.get(key) === starting) env.browsers.delete(key);
        if (attempt > 0) throw error;
      }
    }
  }

  /** WebDriver: a session, the spare one if it is there (one is kept starting in the background). */
  async function takeSession(options) {
    const custom = (options.scheme && options.scheme !== 'light') || options.downloads || options.screenshots || options.firefoxPrefs;
    let session;
    if (custom) session = await wd.newSession(env.prepared, options);
    else {
      session = await (env.spare ?? wd.newSession(env.prepared));
      // A spare has loaded nothing, so it is as fresh as a new one (Firefox takes 2.5 s to
      // start); none is started during the process's last registered journey, which would only quit it.
      env.spare = remaining > 1 ? wd.newSession(env.prepared) : null;
      env.spare?.catch(() => {}); // Reported when taken.
    }
    closers.push(() => session.quit());
    return session;
  }

  const t = {
    engine: env.engine,
    base: env.base,
    hostBase: env.hostBase,
    subBase: env.subBase,
    listedBase: env.listedBase,
    dist: env.dist,
    artifacts: env.artifacts,
    axeSource: env.axeSource,
    signal: tc.signal,
    name,
    async newPage({ scheme = 'light', width = 1280, height = 800, downloads = false, screenshots = false, firefoxPrefs, sites = false } = {}) {
      if (sites && env.engine === 'firefox') firefoxPrefs = { ...firefoxPrefs, 'network.dns.forceResolve': '127.0.0.1' };
      else if (sites && (webdriver || scheme !== 'light' || downloads)) throw new Error(`newPage({ sites }) is for Chromium (Playwright, light, no downloads) and Firefox, not ${env.engine}`);
      if (sites && !webdriver) {
        const page = new PwPage(await sitesPage({ width, height }));
        pages.push(page);
        return page;
      }
      if (webdriver) {
        const folder = downloads ? mkdtempSync(path.join(env.scratch, 'downloads-')) : null;
        if (env.engine === 'firefox' && !downloads) {
          // Downloads go to a folder the whole browser has: those pages get a Firefox of their own.
          const { session, handle } = await firefoxWindow({ scheme, firefoxPrefs });
          const page = new wd.WdPage(session.driver, env.engine, { handle, screenshots: session.screenshots });
          await page.viewport(width, height);
          pages.push(page);
          return page;
        }
        const session = await takeSession({ scheme, downloads: folder, screenshots, firefoxPrefs });
        const page = new wd.WdPage(session.driver, env.engine, { downloads: folder, screenshots: session.screenshots });
        if (width !== 1280 || height !== 800) await page.viewport(width, height);
        pages.push(page);
        return page;
      }
      const context = await newContext({ viewport: { width, height }, colorScheme: scheme, acceptDownloads: downloads });
      const page = new PwPage(await context.newPage());
      pages.push(page);
      return page;
    },
    /** Playwright journeys: a watched context with these Playwright options. */
    newContext,
    /** Playwright journeys: the interface over a Playwright page of a watched context. */
    wrap: (page) => new PwPage(page),
    problems: () => (webdriver ? env.sink.lines.slice(seen) : problems.slice()),
    clearProblems() {
      seen = env.sink.lines.length;
      problems.length = 0;
    },
    note: (text) => tc.diagnostic(`${env.engine}: ${text}`),
    async waitUntil(check, message, { timeout = 6000 } = {}) {
      const started = Date.now();
      for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() - started > timeout) throw new Error(typeof message === 'function' ? await message() : message);
        await delay(50, undefined, { signal: tc.signal });
      }
    },
  };

  // A journey that timed out is stopped: its pages close under it, so its next step throws.
  const close = async () => {
    for (const closer of closers.splice(0).reverse()) await closer().catch(() => {});
  };
  tc.signal.addEventListener('abort', close, { once: true });
  try {
    await fn(t);
    if (webdriver) await flushReports(pages);
  } catch (error) {
    if (webdriver) await flushReports(pages).catch(() => {});
    await failureScreenshot(pages.at(-1), picture);
    const found = t.problems();
    if (found.length) error.message += ` [also: ${unique(found).join(' | ')}]`;
    throw error;
  } finally {
    await close();
  }
  const found = t.problems();
  if (found.length) throw new Error(unique(found).join(' | '));
}

/**
 * WebDriver pages report errors with a beacon: before the journey's problems are read, each
 * open page fetches a probe address of its server and waits for the answer. A beacon sent
 * before that fetch left the page first, and the server answers requests in order of arrival.
 */
async function flushReports(pages) {
  for (const page of pages) {
    await page
      .evaluate(() => (/^http/.test(location.href) ? fetch('/__e2e__/flush', { method: 'POST' }).then(() => true, () => false) : false))
      .catch(() => {});
  }
}

/** What the last page showed when the journey failed, for whoever reads the report. */
async function failureScreenshot(page, file) {
  if (!page || page.screenshots === false) return;
  try {
    if (page.pw) await page.pw.screenshot({ path: file });
    else {
      await page.top();
      writeFileSync(file, Buffer.from(await page.driver.takeScreenshot(), 'base64'));
    }
  } catch {
    // The page is gone (closed, crashed): nothing to show.
  }
}

function unique(list) {
  return [...new Set(list)].slice(0, 8);
}
