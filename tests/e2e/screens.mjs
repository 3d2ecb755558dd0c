// Every screen, each reached by its own address (so that one broken navigation cannot hide the
// others; the navigations themselves are asserted by the journeys): the screenshot and axe-core
// passes, the narrow-screen checks and the content-security-policy check visit the check's own
// page through `visitScreens` and the widget embedded on a host page through `visitEmbed`
// (apart: reaching its question takes a click in a frame, which counts only once the browser
// says the frame is seen, and each walk is one page).

import assert from 'node:assert/strict';
import { QUESTION_COUNT as N, addressSnapshot, encodeCode, encodeTeam, pattern, resultsLink } from './lib.mjs';
import { copyStatus, frameSizes, hostUrl, load, radioValue, withStoredRun } from './widget.mjs';

const MINE = pattern('1322' + '1203' + '2130' + '12303');
const THEIRS = pattern('3333' + '3332' + '0333' + '33333');
const TEAM = [
  ['Owner', pattern('2222' + '2222' + '3333' + '22222')],
  ['Data lead', pattern('2222' + '2222' + '0000' + '22222')],
  ['Manager', pattern('2222' + '2222' + '0000' + '22222')],
];

/** The check's own screens, in an order that keeps the reader's own run from mixing into views before it. */
export const SCREENS = ['intro', 'question', 'offered', 'shared', 'bad-link', 'team', 'embed-kit', 'results', 'share', 'compare'];

/** A page for a walk: `page`, or t.newPage(options) in the first of `options.schemes`. */
async function walkPage(t, options, page) {
  const schemes = options.schemes ?? [options.scheme ?? 'light'];
  page ??= await t.newPage({ ...options, scheme: schemes[0] });
  if (schemes.length > 1 && !page.scheme) throw new Error(`a ${t.engine} page cannot change its colour scheme: one walk per scheme`);
  return { page, schemes };
}

/**
 * Opens each screen of SCREENS in one fresh page (`page`, or t.newPage(options)) and calls
 * `onScreen(name, page, page, scheme)`. `options.schemes` (a page that can change its colour
 * scheme, `page.scheme`, only): each screen once in each of these schemes, the page switched
 * between them; otherwise once, in `options.scheme`.
 */
export async function visitScreens(t, options, onScreen, { page: given = null } = {}) {
  const { page, schemes } = await walkPage(t, options, given);
  const visit = async (name, target = page) => {
    for (const scheme of schemes) {
      if (schemes.length > 1) await page.scheme(scheme);
      await onScreen(name, target, page, scheme);
    }
  };

  await load(page, t.base);
  await page.waitForSelector('#intro #start');
  await visit('intro');

  await withStoredRun(page, t.base, t.base + '#q=6', MINE.slice(0, 5) + '-'.repeat(N - 5), 'q5');
  await page.waitForSelector('#question');
  await page.check(`#question input[name=answer][value="${radioValue(MINE[5])}"]`);
  // Tab away and back: the same answer, now with a keyboard focus ring. (Arrow keys after a
  // click would not do: WebKit then keeps :focus-visible off.)
  await page.press('Tab');
  await page.press('Shift+Tab');
  assert.ok(await page.evaluate(() => document.activeElement.matches('#question input[name=answer]:checked:focus-visible')), 'keyboard focus back on the chosen option');
  await visit('question');

  // A progress link from another browser, opened with no run of one's own: asked first.
  await page.evaluate(() => localStorage.clear());
  await load(page, t.base + '#s=' + addressSnapshot(THEIRS.slice(0, 9) + '-'.repeat(N - 9), 'q9'));
  await page.waitForSelector('#offered');
  await visit('offered');

  await load(page, resultsLink(t.base, THEIRS, 'invoice triage'));
  await page.waitForSelector('#shared');
  await visit('shared');

  await load(page, t.base + '#r=' + encodeCode(THEIRS).slice(0, -2));
  await page.waitForSelector('#link-error');
  await visit('bad-link');

  await load(page, t.base + '#t=' + encodeTeam(TEAM.map(([label, a]) => encodeCode(a, label))));
  await page.waitForSelector('#team-summary');
  await visit('team');

  await load(page, t.base + '#embed-kit');
  await page.waitForSelector('#embed-kit');
  await visit('embed-kit');

  await withStoredRun(page, t.base, resultsLink(t.base, MINE), MINE, 'r');
  await page.waitForSelector('#results #verdict');
  await visit('results');

  await page.fill('#pilot-label', 'invoice triage');
  await page.click('#share-link-copy');
  await copyStatus(page);
  await page.evaluate(() => document.getElementById('share').scrollIntoView());
  await visit('share');

  await load(page, resultsLink(t.base, THEIRS, 'invoice triage'));
  await page.waitForSelector('#shared #compare');
  await visit('compare');
}

/**
 * The widget embedded on the host page (another origin) at its first question, in each scheme
 * as visitScreens has them: `onScreen('embed', frame, page, scheme)`, `frame` the widget's
 * iframe. A dark host page says so with `theme=dark`.
 */
export async function visitEmbed(t, options, onScreen, { page: given = null } = {}) {
  const { page, schemes } = await walkPage(t, options, given);
  for (const scheme of schemes) {
    if (schemes.length > 1) await page.scheme(scheme);
    await page.goto(hostUrl(t, 'embed' + (scheme === 'dark' ? '&theme=dark' : '')));
    const frame = await page.frame('#check');
    await frame.waitForSelector('#intro #start', { timeout: 15000 });
    await frame.click('#start');
    await frame.waitForSelector('#question');
    // The iframe settles to its content's height (the embed journeys assert that it does).
    await t
      .waitUntil(async () => {
        const s = await frameSizes(page, frame);
        return Math.abs(s.frame - s.widget) <= 3;
      }, 'the iframe settles to its content height', { timeout: 3000 })
      .catch(() => {});
    await onScreen('embed', frame, page, scheme);
  }
}
