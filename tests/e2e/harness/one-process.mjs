// Journey files in this one process, one journey after another: how scripts/test.sh runs every
// engine's journeys. Run directly, with node:test's reporters:
//
//   E2E_ENGINE=firefox node --test-reporter=spec tests/e2e/harness/one-process.mjs
//
// Every file, or with E2E_QUEUE (a folder that several such processes share) the files no other
// process has taken: each process takes the next file (an atomic mkdir in the folder) when it
// has run its last one, so two processes share the files as `node --test --test-concurrency=2`
// would, and end together.
//
// Why: `node --test` starts a process per file, and each process its own browsers (in Firefox a
// start and a quit cost 3 CPU-seconds; twelve for the eight files with Firefox journeys). Here
// harness/journey.mjs is one module, so its servers and browsers serve every file the process
// runs (Firefox: four starts). The journeys are the same tests, each in a fresh profile as
// before (a Playwright context, a Firefox user context, a WebKit session).

import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_DIR } from '../lib.mjs';
import { holdEnvironment, journeysFinished } from './journey.mjs';

const queue = process.env.E2E_QUEUE;

/** Whether this process takes `file` (always, without a queue). */
function take(file) {
  if (!queue) return true;
  try {
    mkdirSync(path.join(queue, file));
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  }
}

const release = holdEnvironment();
const journeys = path.join(E2E_DIR, 'journeys');
try {
  for (const file of readdirSync(journeys).filter((name) => name.endsWith('.test.mjs')).sort()) {
    if (!take(file)) continue;
    await import(pathToFileURL(path.join(journeys, file)).href);
    // Without a queue every file is registered at once (node:test runs them in order).
    if (queue) await journeysFinished();
  }
  await journeysFinished();
} finally {
  // Browsers and drivers quit, servers closed, even when a file failed to load.
  await release();
}
