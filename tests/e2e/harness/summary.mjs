// Counts a node:test JUnit report for scripts/test.sh: prints "<passed> <failed>" (a test case
// with a <failure> failed, also when it timed out or was cancelled; a <skipped> one counts as
// failed too: journeys are never skipped), or exits 1 when the report is missing or holds no
// test case.
//
//   node tests/e2e/harness/summary.mjs <report.xml>

import { readFileSync } from 'node:fs';

const file = process.argv[2];
let xml;
try {
  xml = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`summary: no report at ${file} (${error.code})`);
  process.exit(1);
}
// Each test case is either self-closing (passed) or holds its outcome. A file that registers no
// journey for this engine is reported as a passing case named by its path: not a journey. (A
// file that failed to load is a failing case by that name, and counts.)
const cases = [...xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)]
  .map((c) => ({ name: /\bname="([^"]*)"/.exec(c[1])?.[1] ?? '', body: c[3] }))
  .filter((c) => !(c.body === undefined && /^\/.*\.test\.mjs$/.test(c.name)));
if (!cases.length) {
  console.error(`summary: ${file} holds no test case`);
  process.exit(1);
}
const failed = cases.filter((c) => c.body !== undefined && /<(failure|error|skipped)\b/.test(c.body)).length;
console.log(`${cases.length - failed} ${failed}`);
