// Every screen, reached by its own address (so one broken navigation cannot hide the rest),
// screenshotted at 360 px and 1280 px wide, light and dark, for review.
// `_visitScreens` is shared with the accessibility and narrow-screen checks in hardening.mjs.

import path from 'node:path';
import { QUESTION_COUNT as N, STORAGE_KEY, addressSnapshot, encodeCode, encodeTeam, load, pattern, resultsLink, until, writtenSnapshot } from '../lib.mjs';
import { _hostUrl } from './embed.mjs';

const MINE = pattern('13022' + '1203' + '2130' + '12303');
const THEIRS = pattern('33333' + '3332' + '0333' + '33333');
const TEAM = [
  ['Owner', pattern('22222' + '2222' + '3333' + '22222')],
  ['Data lead', pattern('22222' + '2222' + '0000' + '22222')],
  ['Manager', pattern('22222' + '2222' + '0000' + '22222')],
];

/** Puts the reader's own run into the page's storage, then opens `url`. */
async function withStoredRun(page, url, answers, step) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, writtenSnapshot(answers, step)]);
  await load(page, url);
}

/** The screens in an order that keeps the reader's own run from mixing into views before it. */
export const SCREENS = ['intro', 'question', 'offered', 'shared', 'bad-link', 'team', 'embed-kit', 'results', 'share', 'compare', 'embed'];

/**
 * Opens each screen in a fresh context made with `options`, and calls `onScreen(name, target,
 * page)` on it; `target` is the page, or for 'embed' the widget's frame inside a host page on
 * another origin.
 */
export async function _visitScreens(t, options, onScreen, only = SCREENS, initScript = null) {
  const context = await t.newContext(options);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const want = new Set(only);
  const visit = async (name, target = page, top = page) => {
    if (want.has(name)) await onScreen(name, target, top);
  };
  await load(page, t.base);
  await page.waitForSelector('#intro #start');
  await visit('intro');

  await withStoredRun(page, t.base + '#q=6', MINE.slice(0, 5) + '-'.repeat(N - 5), 'q5');
  await page.waitForSelector('#question');
  await page.check('#question input[name=answer][value="2"]');
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

  await withStoredRun(page, resultsLink(t.base, MINE), MINE, 'r');
  await page.waitForSelector('#results #verdict');
  await visit('results');

  if (want.has('share')) {
    await page.fill('#pilot-label', 'invoice triage');
    await page.click('#share-link-copy');
    await until(async () => (await page.textContent('#share .copy-status')).trim().length > 0, 'copy status');
    await page.locator('#share').scrollIntoViewIfNeeded();
    await visit('share');
  }

  await load(page, resultsLink(t.base, THEIRS, 'invoice triage'));
  await page.waitForSelector('#shared #compare');
  await visit('compare');

  if (want.has('embed')) {
    const query = 'embed' + (options.colorScheme === 'dark' ? '&theme=dark' : '');
    const host = await context.newPage();
    await host.goto(_hostUrl(t, query));
    const frame = await until(() => host.frames().find((f) => f.url().startsWith(t.base)), 'the widget iframe');
    await frame.waitForSelector('#intro #start');
    await frame.click('#start');
    await frame.waitForSelector('#question');
    await until(
      async () => {
        const outer = await host.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
        const inner = await frame.evaluate(() => document.getElementById('widget').getBoundingClientRect().height);
        return Math.abs(outer - inner) < 4;
      },
      'the iframe should settle to its content height',
      { timeout: 2000 },
    ).catch(() => {}); // The embed journeys assert the height; here a picture is enough.
    await visit('embed', frame, host);
  }
}

/** Takes full-page screenshots of every screen at one width and colour scheme. */
async function shoot(t, width, scheme) {
  await _visitScreens(t, { viewport: { width, height: 800 }, colorScheme: scheme }, async (name, target, page) => {
    await page.screenshot({ path: path.join(t.artifacts, `${name}-${width}-${scheme}.png`), fullPage: true });
  });
}

export async function screenshots360Light(t) {
  await shoot(t, 360, 'light');
}
export async function screenshots360Dark(t) {
  await shoot(t, 360, 'dark');
}
export async function screenshots1280Light(t) {
  await shoot(t, 1280, 'light');
}
export async function screenshots1280Dark(t) {
  await shoot(t, 1280, 'dark');
}
