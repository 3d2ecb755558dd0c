// Meaningful at first paint (issue 15): a shared link's verdict and the first question are in
// the page's static HTML, usable before the app arrives; the app then takes over in place.

import { assert, atQuestion, checkedValue, eq, pattern, resultsLink, storage, storedParts, until } from '../lib.mjs';
import { _axe } from './hardening.mjs';
import { _holdWasm } from './own.mjs';

/** Starts summing layout shifts (not caused by input) in `window.__cls`. */
async function watchLayoutShifts(page) {
  await page.evaluate(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export async function aSharedLinkShowsItsVerdictBeforeTheApp(t) {
  const theirs = pattern('22223' + '3231' + '3333' + '33333');
  const page = await t.newPage({ bypassCSP: true });
  const release = await _holdWasm(page);
  await page.goto(resultsLink(t.base, theirs, 'their pilot'));
  await page.waitForSelector('#static-shared .verdict-headline');
  assert(!(await page.$('#widget')), 'the app has not mounted while its wasm is held back');
  const banner = (await page.textContent('#static-shared .banner')).trim();
  assert(banner.startsWith("These are someone else's results"), `marked as someone else's: ${banner}`);
  const headline = (await page.textContent('#static-shared .verdict-headline')).trim();
  eq(headline, 'Not ready to scale yet', 'the static verdict');
  assert((await page.textContent('#static-shared .verdict')).includes('Blocking: Ownership and Data.'), 'the static verdict names what blocks');
  eq(await _axe(t, page), [], 'axe on the static shared view');
  await watchLayoutShifts(page);
  release();
  await page.waitForSelector('#shared #verdict');
  eq((await page.textContent('#shared .verdict-headline')).trim(), headline, 'the app says the same verdict');
  eq((await page.textContent('#shared-banner')).trim(), banner, 'and marks it the same way');
  await page.waitForTimeout(300);
  eq(await page.evaluate(() => window.__cls), 0, 'layout shift when the app takes over');
}

export async function takeTheCheckWorksBeforeTheApp(t) {
  const page = await t.newPage();
  const release = await _holdWasm(page);
  await page.goto(resultsLink(t.base, pattern('0'.repeat(18))));
  await page.click('#static-take-check');
  // The check's own page, at its first question, still before any app.
  await page.waitForSelector('#static-question #static-q-legend');
  assert(await page.isVisible('#static-question'), 'the first question shows');
  assert(!(await page.isVisible('#static-intro')), 'not the intro');
  release();
  await atQuestion(page, 0);
}

export async function theFirstQuestionCanBeAnsweredBeforeTheApp(t) {
  const page = await t.newPage({ bypassCSP: true });
  const release = await _holdWasm(page);
  await page.goto(t.base);
  await page.click('#start');
  await page.waitForSelector('#static-question');
  eq(new URL(page.url()).hash, '#start', 'the start link leaves #start');
  const legend = (await page.textContent('#static-q-legend')).trim();
  const options = await page.$$eval('#static-question .option span', (spans) => spans.map((s) => s.textContent.trim()));
  eq(await _axe(t, page), [], 'axe on the static first question');
  // Keyboard as well as mouse: the radio group is a real one.
  await page.focus('#static-o0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  eq(await page.$eval('input[name=static-answer]:checked', (i) => i.value), '2', 'the arrow keys choose');
  await page.click('#static-next');
  assert(await page.isVisible('#static-question .pending-note'), 'pressing Next says the next question is coming');
  release();
  // The app adopts the choice and goes on, as if it had all happened in it.
  await atQuestion(page, 1);
  await page.click('#back');
  await atQuestion(page, 0);
  eq(await checkedValue(page), '2', 'the early answer is the reader\'s answer');
  eq((await page.textContent('#q-legend')).trim(), legend, 'the static question is the app\'s first question');
  eq(await page.$$eval('#question .option span', (spans) => spans.map((s) => s.textContent.trim())), options, 'with the same options');
  await until(async () => storedParts((await storage(page)).main).code?.startsWith('1C'), 'the answer is saved');
}
