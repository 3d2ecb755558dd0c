// Question set 2 (issue 16): a yes is the essay's yes; links of set 1 open, score and compare
// as they always did, marked as taken with an earlier version.

import assert from 'node:assert/strict';
import { journey } from '../harness/journey.mjs';
import { CONTENT, contentOf, encodeCode, pattern, resultsLink } from '../lib.mjs';
import { expectReport, finishAll, finishFromLast, load, start } from '../widget.mjs';

/** Every dimension's key question one step short of its top, everything else at its best. */
function keysOneStepShort(setId) {
  return contentOf(setId)
    .questions.map((q) => (q.role === 'key' ? String(q.points.length - 2) : String(q.points.length - 1)))
    .join('');
}

journey('everyKeyQuestionOneStepShortIsNotReady', async (t) => {
  const answers = keysOneStepShort(CONTENT.id);
  const page = await t.newPage();
  await finishFromLast(page, t.base, answers);
  const report = await expectReport(page, answers);
  assert.deepEqual(report.verdict, 'not-ready', 'the essay says no to all four');
  assert.deepEqual(Object.values(report.bands).filter((b) => b === 'yes').length, 0, 'no dimension is a yes');
  const moves = await page.$$eval('#next-moves li', (lis) => lis.map((li) => li.textContent));
  assert.deepEqual(moves.length, 3, 'three moves');
  // The named owner without a target is told to agree a target, not to name an owner.
  assert.ok(!moves.some((m) => /^Name one business leader/.test(m)), `moves fit the answers: ${JSON.stringify(moves)}`);
  const ownership = await page.textContent('.dimension[data-dimension="ownership"]');
  assert.ok(ownership.includes('without a target'), `the ownership card says what the reader said: ${ownership.slice(0, 300)}`);
  assert.ok((await page.textContent('.rule')).startsWith('A dimension is a yes only when'), 'the rule is said in one sentence');
});

journey('aSet1LinkOpensAsItAlwaysDidMarkedAsEarlier', async (t) => {
  // Set 1's flaw, kept for its links: every key one step short was "ready to scale".
  const old = keysOneStepShort(1);
  const page = await t.newPage();
  await load(page, resultsLink(t.base, old, 'old pilot', 1));
  await page.waitForSelector('#shared #verdict');
  await expectReport(page, old, '#shared', 'a set 1 link', 1);
  assert.deepEqual(await page.getAttribute('#verdict', 'data-verdict'), 'ready', 'scored as it was when shared');
  assert.ok(await page.has('#earlier-version'), 'marked as taken with an earlier version of the check');
  assert.ok((await page.textContent('.rule')).includes('score of 75'), 'with its own rule for a yes');
});

journey('comparingWithAnEarlierVersionComparesDimensions', async (t) => {
  const old = pattern('3'.repeat(16), 1);
  const page = await t.newPage();
  await load(page, resultsLink(t.base, old, 'last year', 1));
  await page.waitForSelector('#shared');
  await page.click('#take-check');
  await finishAll(page, keysOneStepShort(CONTENT.id));
  await page.waitForSelector('#results #compare');
  const differences = await page.$$eval('#differences li', (lis) => lis.map((li) => li.textContent));
  assert.ok(differences[0].includes('different versions of the check'), `says it compares dimensions: ${JSON.stringify(differences)}`);
  assert.deepEqual(await page.count('#compare tr[data-dimension]'), 4, 'four dimensions side by side');
  assert.ok(encodeCode(old, 'last year', { setId: 1 }).startsWith('1B'), 'a set 1 code');
});

