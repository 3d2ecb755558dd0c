// Counts node:test JUnit reports for scripts/test.sh: prints "<passed> <failed>" summed over
// the reports of a layer's processes (a test case with a <failure> failed, also when it timed
// out or was cancelled; a <skipped> one counts as failed too: journeys are never skipped), or
// exits 1 when a report is missing or the reports hold no test case.
//
//   node tests/e2e/harness/summary.mjs <report.xml>...

import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  let xml;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`summary: no report at ${file} (${error.code})`);
    process.exit(1);
  }
  // Each test case is either self-closing (passed) or holds its outcome. A file that registers
  // no journey for this engine under `node --test` is reported as a passing case named by its
  // path: not a journey. (A file that failed to load is a failing case by that name, and counts.)
  const cases = [...xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)]
    .map((c) => ({ name: /\bname="([^"]*)"/.exec(c[1])?.[1] ?? '', body: c[3] }))
    .filter((c) => !(c.body === undefined && /^\/.*\.test\.mjs$/.test(c.name)));
  const failing = cases.filter((c) => c.body !== undefined && /<(failure|error|skipped)\b/.test(c.body)).length;
  passed += cases.length - failing;
  failed += failing;
}
if (passed + failed === 0) {
  console.error(`summary: ${process.argv.slice(2).join(' ') || 'no report named'}: no test case`);
  process.exit(1);
}
console.log(`${passed} ${failed}`);
