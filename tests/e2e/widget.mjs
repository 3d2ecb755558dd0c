// The widget's DOM contract, written once against the page interface (harness/playwright.mjs
// lists it): open a page, answer, finish, read the report, storage, focus, axe-core. Every
// journey in every engine drives the widget through these. Content, share codes and expected
// reports come from lib.mjs.

import assert from 'node:assert/strict';
import { CONTENT, DIMENSIONS, QUESTION_COUNT, STORAGE_KEY, UNREADABLE_KEY, expectedReport, writtenSnapshot } from './lib.mjs';

/** The axe-core rule tags every screen is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** The radio value for a pattern character. */
export const radioValue = (c) => (c === '?' ? 'unknown' : c);

/** Loads a URL as a new document (even when only the fragment differs) and waits for the app. */
export async function load(page, url) {
  if ((await page.url()) !== 'about:blank') await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('#widget', { timeout: 15000 });
}

/** Opens `url` with the reader's own run already stored (as their browser would have it). */
export async function withStoredRun(page, base, url, answers, step, label = '') {
  await seedStorage(page, base, { [STORAGE_KEY]: writtenSnapshot(answers, step, label) });
  await load(page, url);
}

/**
 * Writes localStorage for `base`'s origin before the page at `base` reads it: the base page is
 * loaded first (a fresh profile stores nothing on a visit), storage written, then the journey
 * loads what it wants.
 */
export async function seedStorage(page, base, entries) {
  await load(page, base);
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
}

/** What is on screen: the id of the main view, and the question number if any. */
export async function screenName(page) {
  return page
    .evaluate(() => {
      if (document.getElementById('crash')) return '#crash';
      const view = document.querySelector('main > section, main > [id]');
      if (!view) return 'nothing';
      const progress = document.getElementById('progress')?.textContent.match(/(\d+) of (\d+)\s*$/);
      return '#' + view.id + (progress ? ` (question ${progress[1]})` : '');
    })
    .catch((error) => `unknown (${String(error.message).split('\n')[0]})`);
}

/** Waits until question `i` (0-based) is on screen. */
export async function atQuestion(page, i) {
  try {
    await page.waitForFunction((i) => {
      if (!document.getElementById('question')) return false;
      const m = /(\d+) of (\d+)\s*$/.exec((document.getElementById('progress')?.textContent ?? '').trim());
      return !!m && Number(m[1]) - 1 === i;
    }, i);
  } catch (error) {
    throw new Error(`expected question ${i + 1} on screen, ${await screenName(page)} is (${String(error.message).split('\n')[0]})`);
  }
}

/** Clicks the start (or continue) button on the intro and waits for a question. */
export async function start(page) {
  await page.waitForSelector('#intro #start, #intro #continue');
  await page.click('#intro #start, #intro #continue');
  await page.waitForSelector('#question');
}

/** Answers question `i` (which must be on screen) with pattern character `c`, then goes on. */
export async function answer(page, i, c) {
  await atQuestion(page, i);
  if (c !== '-') await page.check(`#question input[name=answer][value="${radioValue(c)}"]`);
  await page.click('#next');
  if (i + 1 < QUESTION_COUNT) await atQuestion(page, i + 1);
  else await page.waitForSelector('#results');
}

/** Answers every question from `from` on by clicking, ending on the results. */
export async function finishAll(page, answers, from = 0) {
  for (let i = from; i < QUESTION_COUNT; i++) await answer(page, i, answers[i]);
  await page.waitForSelector('#results #verdict');
}

/**
 * Finishes a run the short way, for journeys about what comes after answering (answering
 * itself is fullRunWithKnownAnswers', keyboardOnlyRun's and their neighbours' to show, and a
 * click-through costs 3 CPU-seconds in Chromium, 5 in WebKit): every answer but the last
 * already saved, as the reader's browser would hold them after answering, then the last one
 * answered by clicking, which finishes the run as the reader's own last click does (the step,
 * the address and the saved run are then the app's). Ends on the results.
 */
export async function finishFromLast(page, base, answers) {
  const last = answers.length - 1;
  await withStoredRun(page, base, `${base}#q=${last + 1}`, answers.slice(0, last) + '-', `q${last}`);
  await answer(page, last, answers[last]);
  await page.waitForSelector('#results #verdict');
}

/** The checked radio's value on the question screen, or null. */
export async function checkedValue(page) {
  return page.evaluate(() => document.querySelector('#question input[name=answer]:checked')?.value ?? null);
}

/** Scores, bands and verdict as rendered inside `root`, or null when `root` is not there. */
export async function readReport(page, root = '#results') {
  return page.evaluate(
    ({ root, ids }) => {
      const scope = document.querySelector(root);
      if (!scope) return null;
      const scores = {};
      const bands = {};
      for (const id of ids) {
        const el = scope.querySelector(`.dimension[data-dimension="${id}"]`);
        scores[id] = el ? (el.dataset.score === '' ? null : Number(el.dataset.score)) : 'missing';
        bands[id] = el ? el.dataset.band : 'missing';
      }
      return { scores, bands, verdict: scope.querySelector('#verdict')?.dataset.verdict ?? 'missing' };
    },
    { root, ids: DIMENSIONS },
  );
}

/** Asserts that the report inside `root` is what the pattern should give; returns it. */
export async function expectReport(page, answers, root = '#results', what = 'report', setId) {
  const expected = expectedReport(answers, setId);
  const got = await readReport(page, root);
  assert.ok(got, `${what}: ${root} is not on screen`);
  assert.deepEqual(got, { scores: expected.scores, bands: expected.bands, verdict: expected.verdict }, `${what} for ${answers}`);
  return got;
}

/** The widget's two storage keys, or `{ error }` when storage throws. */
export async function storage(page) {
  return page.evaluate(
    ([k, u]) => {
      try {
        return { main: localStorage.getItem(k), unreadable: localStorage.getItem(u) };
      } catch (error) {
        return { error: String(error) };
      }
    },
    [STORAGE_KEY, UNREADABLE_KEY],
  );
}

/** The focused element, described: `tag#id[name=…]`. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    const name = el.getAttribute('name');
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (name ? `[name=${name}]` : '');
  });
}

/** Waits until the element with `id` has focus (the app moves focus on the next frame). */
export async function focusOn(page, id, what) {
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 3000 });
  } catch {
    throw new Error(`${what}: focus should move to #${id}, is on ${await focused(page)}`);
  }
}

/**
 * Records, in the page, the id of every element focus arrives on from now on. A screen reader
 * reads an element out when focus arrives on it, not when the element it was already on is
 * renamed under it: `focusArrives` tells the two apart.
 */
export async function watchFocus(page) {
  await page.evaluate(() => {
    window.focusArrivals = [];
    document.addEventListener('focusin', (event) => window.focusArrivals.push(event.target.id), true);
  });
}

/**
 * Waits until focus has arrived on #id (a focus event there since the last call) and rests
 * there, then forgets the arrivals so far. Needs `watchFocus` first.
 */
export async function focusArrives(page, id, what) {
  try {
    await page.waitForFunction(
      (id) => {
        if (!window.focusArrivals.includes(id) || document.activeElement?.id !== id) return false;
        window.focusArrivals.length = 0;
        return true;
      },
      id,
      { timeout: 3000 },
    );
  } catch {
    throw new Error(`${what}: focus should arrive on #${id}, is on ${await focused(page)} (arrived on: ${await page.evaluate(() => window.focusArrivals.join(', ') || 'nothing')})`);
  }
}

/** Presses Tab until the focused element matches `selector` (keyboard only). */
export async function tabTo(page, selector, { max = 80, reverse = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.press(reverse ? 'Shift+Tab' : 'Tab');
    if (seen.length < 12) seen.push(await focused(page));
  }
  throw new Error(`could not reach ${selector} with the Tab key in ${max} presses (focus went ${seen.join(' → ')} …)`);
}

/** Counts elements that a link must never inject. */
export async function injectableCounts(page) {
  return page.evaluate(() =>
    ['script', 'img', 'iframe', 'object', 'embed', 'svg image'].map((s) => document.querySelectorAll(s).length).join(','),
  );
}

/** The share link from the share panel. */
export async function shareLink(page) {
  return page.inputValue('#share-link');
}

/** The copy status line of the share panel, once it says something. */
export async function copyStatus(page) {
  return page.waitForFunction(() => document.querySelector('#share .copy-status')?.textContent.trim() || null);
}

/** What is selected in the focused field: `{ id, start, end, length }`. */
export async function selection(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value?.length };
  });
}

/**
 * axe-core's violations in the document `page` is in (a page or a frame), as readable lines:
 * every rule of AXE_TAGS, or only `rules` (their ids).
 */
export async function axe(t, page, { rules = null } = {}) {
  // A driver script, not a <script>: the page's CSP (script-src 'self') does not govern it.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScript(t.axeSource);
  assert.ok(await page.evaluate(() => typeof window.axe === 'object'), 'axe-core did not load');
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: AXE_TAGS };
  return page.evaluate(async (runOnly) => {
    const result = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} [${v.impact}] ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, runOnly);
}

/** The host page fixture's address, embedding the widget at `widgetBase` with a query string. */
export function hostUrl(t, query = 'embed', widgetBase = t.base) {
  return `${t.hostBase}host.html?widget=${encodeURIComponent(widgetBase)}&query=${encodeURIComponent(query)}`;
}

/** Heights: the iframe on the host page, the widget inside, and the frame's own scrolling. */
export async function frameSizes(page, frame) {
  const outer = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    widget: document.getElementById('widget').getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  return { frame: outer, ...inner };
}

/** Waits until the iframe fits its content within 3 px and does not scroll inside. */
export async function fits(t, page, frame, what) {
  let last;
  const started = Date.now();
  await t.waitUntil(
    async () => {
      last = await frameSizes(page, frame);
      return Math.abs(last.frame - last.widget) <= 3 && last.scroll <= last.client + 2;
    },
    () => `${what}: iframe ${last?.frame}px for a ${last?.widget}px widget, inner scrollHeight ${last?.scroll} > clientHeight ${last?.client}`,
    { timeout: 4000 },
  );
  return { ...last, ms: Date.now() - started };
}

/**
 * Playwright journeys: holds the page's wasm request until the returned function is called
 * (Playwright's route), to see what the page does before the app arrives.
 */
export async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.pw.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

// ------------------------------------------------------------------------------------------
// Patterns that follow the current question set
// ------------------------------------------------------------------------------------------

/**
 * A pattern for the current question set: `pick(i, levels)` gives question i's character
 * ('0'.. a level below `levels`, '?' or '-'). Never a fixed length: the set will change.
 */
export function makePattern(pick) {
  return CONTENT.questions.map((q, i) => pick(i, q.points.length)).join('');
}

/** A varied, complete pattern: levels cycling through `seed`, an "I don't know" every 7th. */
export function mixedPattern(seed = [1, 3, 0, 2, 2, 1, 2, 0, 3]) {
  return makePattern((i, levels) => (i % 7 === 5 ? '?' : String(seed[i % seed.length] % levels)));
}

/**
 * The reader agrees, on the first screen of a frame with `events`, to send the result. Where
 * the engine can say whether the frame is in view (IntersectionObserver v2: Chromium), a "yes"
 * counts only once the browser has reported it in view (the page interface's clicks in a frame
 * wait for that); elsewhere the reader's own click does.
 */
export async function agree(frame) {
  await frame.click('#consent-yes');
  await frame.waitForSelector('#consent-yes[aria-pressed="true"]');
}
