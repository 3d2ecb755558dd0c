// Every journey file in this one process, one journey after another: how scripts/test.sh runs
// the Firefox journeys. Run directly, with node:test's reporters:
//
//   E2E_ENGINE=firefox node --test-reporter=spec tests/e2e/harness/one-process.mjs
//
// Why: `node --test` starts a process per file, and each process its own Firefox for each set of
// launch preferences it needs (a start and a quit: 3 CPU-seconds), twelve in all for the eight
// files with Firefox journeys. Here harness/journey.mjs is one module, so its servers and its
// Firefox for each set of preferences serve every file's journeys: four starts. The journeys
// are the same tests, each still in a window of a user context of its own (a fresh profile).
// Chromium keeps a process per file, two at a time: its pages are contexts of one browser per
// process already, and its layer needs both cores' worth of files to end in time.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_DIR } from '../lib.mjs';

const journeys = path.join(E2E_DIR, 'journeys');
for (const file of readdirSync(journeys).filter((name) => name.endsWith('.test.mjs')).sort()) {
  await import(pathToFileURL(path.join(journeys, file)).href);
}
