// The engine journeys (engines/journeys.mjs) in Chromium, Firefox and WebKit over WebDriver.
//
//   node tests/e2e/engines/run.mjs <dist> [engine…] [name-filter]
//
// Engines are `chromium` (chromedriver), `firefox` (geckodriver, headless) and `webkit`
// (WebKitWebDriver driving MiniBrowser in an Xvfb it starts); default all three, one after
// the other (E2E_ENGINES_PARALLEL=1 runs them side by side). Per engine it serves <dist> on
// http://127.0.0.1:<port>/ and the host-page fixtures on http://localhost:<port2>/ (another
// origin), both with the test probes of probes.mjs, and runs the journeys one at a time, each
// in fresh sessions. A journey fails on a failed assertion, a timeout, or an error a page
// reported (uncaught error, unhandled rejection, CSP violation, failed resource,
// console.error). Prints one line per journey, prefixed by its engine, then each engine's
// counts and exactly "N passed, M failed"; exits 1 on any failure. Screenshots go to
// tests/e2e/artifacts/<engine>/ (git-ignored).

import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from '../serve.mjs';
import { E2E_DIR, checkGoldenVectors, hostRewrite, sleep } from '../lib.mjs';
import { ENGINES, newSession, prepareEngine } from './engines.mjs';
import { Page } from './page.mjs';
import { injectProbes, probeSink } from './probes.mjs';
import * as journeys from './journeys.mjs';

const JOURNEY_TIMEOUT = Number(process.env.E2E_JOURNEY_TIMEOUT || 120000);

/** scripts/test.sh sums every "N passed" / "N failed" it sees: keep them out of messages. */
const quiet = (text) => text.replace(/(\d+) (passed|failed)/g, '$1 [$2]');

function usage(message) {
  if (message) console.error(`run: ${message}`);
  console.error(`usage: node tests/e2e/engines/run.mjs <dist> [${ENGINES.join('|')}…] [name-filter]`);
  process.exit(2);
}

async function main() {
  const [distArg, ...rest] = process.argv.slice(2);
  if (!distArg) usage();
  const engines = rest.filter((arg) => ENGINES.includes(arg));
  const others = rest.filter((arg) => !ENGINES.includes(arg));
  if (others.length > 1) usage(`one name filter at most, got ${others.join(', ')}`);
  const filter = others[0] || '';
  if (!engines.length) engines.push(...ENGINES);

  const dist = path.resolve(distArg);
  if (!statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false })) {
    usage(`${dist}/index.html is missing (build first: bash scripts/build.sh)`);
  }
  const golden = checkGoldenVectors();
  if (golden.length) {
    console.error('run: the test share-code encoder disagrees with tests/golden/share_codes.txt:\n  ' + golden.join('\n  '));
    process.exit(2);
  }
  const axeSource = readFileSync(path.join(E2E_DIR, 'node_modules/axe-core/axe.min.js'), 'utf8');

  const list = Object.entries(journeys)
    .filter(([name, fn]) => typeof fn === 'function' && !name.startsWith('_'))
    .filter(([name]) => name.includes(filter));
  if (!list.length) usage(`no journey matches "${filter}"`);

  const started = Date.now();
  const runOne = (engine) => runEngine(engine, list, { dist, axeSource });
  const results = [];
  if (process.env.E2E_ENGINES_PARALLEL === '1') results.push(...(await Promise.all(engines.map(runOne))));
  else for (const engine of engines) results.push(await runOne(engine));

  console.log(`(engine runs took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${path.relative(process.cwd(), path.join(E2E_DIR, 'artifacts'))}/<engine>/)`);
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const skipped = r.skipped ? `, ${r.skipped} not for this engine` : '';
    console.log(`engine ${r.engine.padEnd(8)} ${r.ok} ok, ${r.bad} not ok${skipped}  (${(r.ms / 1000).toFixed(1)} s)`);
    passed += r.ok;
    failed += r.bad;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

/** Runs the journeys in one engine with its own servers; resolves to its counts. */
async function runEngine(engine, list, { dist, axeSource }) {
  const started = Date.now();
  const artifacts = path.join(E2E_DIR, 'artifacts', engine);
  mkdirSync(artifacts, { recursive: true });
  // Pictures of an earlier run's failures would mislead.
  for (const file of readdirSync(artifacts)) if (file.startsWith('failed-')) rmSync(path.join(artifacts, file));
  const sink = probeSink();
  const counts = { engine, ok: 0, bad: 0, skipped: 0, ms: 0 };
  let prepared;
  let sessions;
  let app;
  let host;
  try {
    prepared = await prepareEngine(engine);
    app = await serve(dist, { host: '127.0.0.1', rewrite: injectProbes, handle: sink.handle });
    host = await serve(path.join(E2E_DIR, 'fixtures'), {
      host: 'localhost',
      rewrite: (text, url) => injectProbes(hostRewrite(text, url), url),
      handle: sink.handle,
    });
    sessions = sessionPool(prepared);
    const env = { engine, prepared, sink, sessions, base: app.url, hostBase: host.url, artifacts, axeSource };
    for (const [name, fn] of list) {
      if (fn.engines && !fn.engines.includes(engine)) {
        counts.skipped++;
        continue;
      }
      const outcome = await runJourney(name, fn, env);
      const notes = outcome.notes.length ? `  [${outcome.notes.join('; ')}]` : '';
      if (outcome.ok) {
        counts.ok++;
        console.log(quiet(`✓ ${engine.padEnd(8)} ${name} (${outcome.ms} ms)${notes}`));
      } else {
        counts.bad++;
        console.log(quiet(`✗ ${engine.padEnd(8)} ${name} (${outcome.ms} ms): ${outcome.message}${notes}`));
      }
    }
  } catch (error) {
    counts.bad++;
    console.log(quiet(`✗ ${engine.padEnd(8)} (set-up): ${String(error?.message || error).split('\n')[0]}`));
  } finally {
    await sessions?.close();
    await Promise.all([app?.close(), host?.close()]);
    await prepared?.close();
  }
  counts.ms = Date.now() - started;
  return counts;
}

/** Runs one journey with its own sessions; quits them all at the end. */
async function runJourney(name, fn, env) {
  const sessions = [];
  const pages = [];
  const notes = [];
  const soft = [];
  let seen = env.sink.lines.length;
  const t = {
    engine: env.engine,
    base: env.base,
    hostBase: env.hostBase,
    artifacts: env.artifacts,
    axeSource: env.axeSource,
    name,
    /** A fresh session (fresh profile) in this engine. */
    async newPage(options = {}) {
      const session = await env.sessions.take(options);
      sessions.push(session);
      const page = new Page(session.driver, env.engine);
      pages.push(page);
      return page;
    },
    /** Errors the pages reported since the journey began (or since clearProblems). */
    problems: () => env.sink.lines.slice(seen),
    clearProblems() {
      seen = env.sink.lines.length;
    },
    note: (text) => notes.push(text),
    /** A failure that should not stop the journey: reported at its end. */
    soft: (text) => soft.push(text),
  };
  const startedAt = Date.now();
  let timer;
  try {
    await Promise.race([
      fn(t),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${JOURNEY_TIMEOUT / 1000} s`)), JOURNEY_TIMEOUT);
      }),
    ]);
    // Give late reports (effects, beacons) a moment to arrive.
    await sleep(250);
    const problems = [...soft, ...t.problems()];
    if (problems.length) return { ok: false, ms: Date.now() - startedAt, message: unique(problems).join(' | '), notes };
    return { ok: true, ms: Date.now() - startedAt, notes };
  } catch (error) {
    const message = (error && error.message ? error.message : String(error)).split('\n')[0];
    await sleep(250);
    const problems = [...soft, ...t.problems()];
    const extra = problems.length ? ` [also: ${unique(problems).join(' | ')}]` : '';
    // What the first page showed when it failed, for whoever reads the log.
    const shot = path.join(env.artifacts, `failed-${name}.png`);
    await Promise.race([
      (async () => {
        const page = pages.at(-1);
        if (!page) return;
        await page.top();
        writeFileSync(shot, Buffer.from(await page.driver.takeScreenshot(), 'base64'));
      })().catch(() => {}),
      sleep(5000),
    ]);
    return { ok: false, ms: Date.now() - startedAt, message: message + extra, notes };
  } finally {
    clearTimeout(timer);
    // Quitting takes Firefox half a second: the next journey need not wait for it.
    for (const session of sessions) env.sessions.retire(session);
  }
}

/**
 * Sessions for one engine's journeys: one spare session with the default options is kept
 * starting in the background, so a journey rarely waits for a browser to start (Firefox takes
 * 2.5 s). A spare has loaded nothing, so it is as fresh as a new one. Quit sessions finish
 * quitting in the background; `close()` waits for all of them.
 */
function sessionPool(prepared) {
  let spare = null;
  const quitting = [];
  const startSpare = () => {
    spare = newSession(prepared);
    spare.catch(() => {}); // Reported when taken.
  };
  return {
    async take(options = {}) {
      const custom = (options.scheme && options.scheme !== 'light') || options.downloads;
      if (custom) return newSession(prepared, options);
      const taken = spare ?? newSession(prepared);
      startSpare();
      return taken;
    },
    retire(session) {
      quitting.push(session.quit());
    },
    async close() {
      if (spare) quitting.push(spare.then((s) => s.quit(), () => {}));
      spare = null;
      await Promise.all(quitting);
    },
  };
}

function unique(list) {
  return [...new Set(list)].slice(0, 8);
}

// A stray promise of a journey that already ended (its session quit) must not end the run.
process.on('unhandledRejection', () => {});

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
