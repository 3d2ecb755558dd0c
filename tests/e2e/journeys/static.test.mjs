// Meaningful at first paint (issue 15): a shared link's verdict and the first question are in
// the page's static HTML, usable before the app arrives; the app then takes over in place.

import assert from 'node:assert/strict';
import { journey } from '../harness/journey.mjs';
import { ALPHABET, CURRENT_SET, QUESTION_COUNT, pattern, resultsLink, storedParts } from '../lib.mjs';
import { atQuestion, axe, checkedValue, holdWasm, storage } from '../widget.mjs';

const HOLD = 'holds the wasm request back (route)';

/** Starts summing layout shifts (not caused by input) in `window.__cls`. */
async function watchLayoutShifts(page) {
  await page.evaluate(() => {
    window.__cls = 0;
    const add = (entries) => {
      for (const entry of entries) if (!entry.hadRecentInput) window.__cls += entry.value;
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    // The shifts of frames drawn so far, delivered or not yet delivered to the callback.
    window.__clsNow = () => {
      add(observer.takeRecords());
      return window.__cls;
    };
  });
}

journey('aSharedLinkShowsItsVerdictBeforeTheApp', { playwright: HOLD }, async (t) => {
  const theirs = pattern('2222' + '3231' + '3333' + '33333');
  const page = await t.newPage();
  const release = await holdWasm(page);
  await page.goto(resultsLink(t.base, theirs, 'their pilot'));
  await page.waitForSelector('#static-shared .verdict-headline');
  assert.ok(!(await page.has('#widget')), 'the app has not mounted while its wasm is held back');
  const banner = (await page.textContent('#static-shared .banner')).trim();
  assert.ok(banner.startsWith("These are someone else's results"), `marked as someone else's: ${banner}`);
  const headline = (await page.textContent('#static-shared .verdict-headline')).trim();
  assert.deepEqual(headline, 'Not ready to scale yet', 'the static verdict');
  assert.ok((await page.textContent('#static-shared .verdict')).includes('Blocking: Ownership and Data.'), 'the static verdict names what blocks');
  assert.deepEqual(await axe(t, page), [], 'axe on the static shared view');
  await watchLayoutShifts(page);
  release();
  await page.waitForSelector('#shared #verdict');
  assert.deepEqual((await page.textContent('#shared .verdict-headline')).trim(), headline, 'the app says the same verdict');
  assert.deepEqual((await page.textContent('#shared-banner')).trim(), banner, 'and marks it the same way');
  // A shift happens in a frame being drawn: two frames after the app's verdict is there, any
  // shift of its taking over has been recorded.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await page.evaluate(() => window.__clsNow()), 0, 'layout shift when the app takes over');
});

journey('takeTheCheckWorksBeforeTheApp', { playwright: HOLD }, async (t) => {
  const page = await t.newPage();
  const release = await holdWasm(page);
  await page.goto(resultsLink(t.base, pattern('0'.repeat(QUESTION_COUNT))));
  await page.click('#static-take-check');
  // The check's own page, at its first question, still before any app.
  await page.waitForSelector('#static-question #static-q-legend');
  assert.ok(await page.isVisible('#static-question'), 'the first question shows');
  assert.ok(!(await page.isVisible('#static-intro')), 'not the intro');
  release();
  await atQuestion(page, 0);
});

journey('theFirstQuestionCanBeAnsweredBeforeTheApp', { playwright: HOLD }, async (t) => {
  const page = await t.newPage();
  const release = await holdWasm(page);
  await page.goto(t.base);
  await page.click('#start');
  await page.waitForSelector('#static-question');
  assert.deepEqual(new URL((await page.url())).hash, '#start', 'the start link leaves #start');
  const legend = (await page.textContent('#static-q-legend')).trim();
  const options = await page.$$eval('#static-question .option span', (spans) => spans.map((s) => s.textContent.trim()));
  assert.deepEqual(await axe(t, page), [], 'axe on the static first question');
  // Keyboard as well as mouse: the radio group is a real one.
  await page.focus('#static-o0');
  await page.press('ArrowDown');
  await page.press('ArrowDown');
  assert.deepEqual(await page.$eval('input[name=static-answer]:checked', (i) => i.value), '2', 'the arrow keys choose');
  await page.click('#static-next');
  assert.ok(await page.isVisible('#static-question .pending-note'), 'pressing Next says the next question is coming');
  release();
  // The app adopts the choice and goes on, as if it had all happened in it.
  await atQuestion(page, 1);
  await page.click('#back');
  await atQuestion(page, 0);
  assert.deepEqual(await checkedValue(page), '2', 'the early answer is the reader\'s answer');
  assert.deepEqual((await page.textContent('#q-legend')).trim(), legend, 'the static question is the app\'s first question');
  assert.deepEqual(await page.$$eval('#question .option span', (spans) => spans.map((s) => s.textContent.trim())), options, 'with the same options');
  await t.waitUntil(async () => storedParts((await storage(page)).main).code?.startsWith('1' + ALPHABET[CURRENT_SET]), 'the answer is saved');
});

