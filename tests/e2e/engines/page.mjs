// A page driven over WebDriver (selenium-webdriver), and the widget's DOM contract on top of it:
// the same helpers lib.mjs gives the Playwright journeys (load, atQuestion, answer, finishAll,
// readReport, …), written against plain WebDriver commands so they run in every engine.
// Content, share codes and expected reports come from lib.mjs.

import { writeFileSync } from 'node:fs';
import { By, Key } from 'selenium-webdriver';
import {
  AssertionError,
  CONTENT,
  DIMENSIONS,
  QUESTION_COUNT,
  STORAGE_KEY,
  UNREADABLE_KEY,
  assert,
  eq,
  expectedReport,
  sleep,
  until,
} from '../lib.mjs';

export { Key };

/** The tallest full-page screenshot (engines.mjs sizes Xvfb's screen to hold it). */
export const SCREENSHOT_HEIGHT = 12000;

/** Keys sorted at every depth: WebDriver does not keep the key order of returned objects. */
export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
  return value;
}

/** `eq` for values read from a page: key order does not count. */
export function same(actual, expected, message) {
  eq(sortKeys(actual), sortKeys(expected), message);
}

/** One browser window in one session; `frame(selector)` scopes commands to an iframe. */
export class Page {
  constructor(driver, engine) {
    this.driver = driver;
    this.engine = engine;
    this.inFrame = null;
  }

  /** Runs `fn(...args)` in the page (a driver script: the page's CSP does not apply). */
  async js(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments);`, ...args);
  }

  async url() {
    return this.driver.getCurrentUrl();
  }

  async goto(url) {
    await this.top();
    await this.driver.get(url);
  }

  async reload() {
    await this.top();
    await this.driver.navigate().refresh();
  }

  /** Switches into the iframe matching `selector` (of the top document). */
  async frame(selector) {
    await this.top();
    const element = await this.driver.findElement(By.css(selector));
    await this.driver.switchTo().frame(element);
    this.inFrame = selector;
  }

  /** Back to the top document. */
  async top() {
    if (this.inFrame === null) return;
    await this.driver.switchTo().defaultContent();
    this.inFrame = null;
  }

  async has(selector) {
    return this.js((s) => !!document.querySelector(s), selector);
  }

  /** True when the element exists and takes up room (not display:none or hidden). */
  async visible(selector) {
    return this.js((s) => {
      const el = document.querySelector(s);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    }, selector);
  }

  async waitFor(selector, { timeout = 6000, what } = {}) {
    await until(
      () => this.has(selector),
      async () => `${what ? what + ': ' : ''}${selector} did not appear; ${await screenName(this)} is on screen`,
      { timeout },
    );
  }

  async text(selector) {
    return this.js((s) => document.querySelector(s)?.textContent ?? null, selector);
  }

  async attr(selector, name) {
    return this.js((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, selector, name);
  }

  async value(selector) {
    return this.js((s) => document.querySelector(s)?.value ?? null, selector);
  }

  async element(selector) {
    const found = await this.driver.findElements(By.css(selector));
    if (!found.length) throw new AssertionError(`no element matches ${selector}; ${await screenName(this)} is on screen`);
    return found[0];
  }

  /** A real click (WebDriver's: scrolled into view, refused if covered). */
  async click(selector) {
    const element = await this.element(selector);
    await this.scrollFrameTo(element);
    await element.click();
  }

  /**
   * Inside an iframe, scrolls the top document so that `element` is on screen: WebKitWebDriver
   * scrolls only the frame's own document, and a click outside the window then hits nothing
   * (no error either).
   */
  async scrollFrameTo(element) {
    if (this.inFrame === null) return;
    const selector = this.inFrame;
    const rect = await element.getRect();
    await this.top();
    await this.js(
      (frameSelector, y, height) => {
        const frame = document.querySelector(frameSelector).getBoundingClientRect();
        const top = frame.top + y;
        if (top < 0 || top + height > innerHeight) scrollBy(0, top - innerHeight / 3);
      },
      selector,
      rect.y,
      rect.height,
    );
    await this.frame(selector);
  }

  /** Clicks the button inside `scope` whose text is `text`. */
  async clickText(scope, text) {
    const buttons = await this.driver.findElements(By.css(`${scope} button`));
    for (const button of buttons) {
      if ((await button.getText()).trim() !== text) continue;
      await this.scrollFrameTo(button);
      return button.click();
    }
    throw new AssertionError(`no button "${text}" in ${scope}`);
  }

  /**
   * Empties a text field and types `text` into it (real key events). Line breaks are typed as
   * the Enter key: WebKitWebDriver drops a "\n" in the text.
   */
  async fill(selector, text) {
    const element = await this.element(selector);
    await element.clear();
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (line) await element.sendKeys(line);
      if (i < lines.length - 1) await element.sendKeys(Key.ENTER);
    }
  }

  /** Presses keys on whatever has focus: `press(Key.TAB)`, `press(Key.SHIFT, Key.TAB)` (a chord). */
  async press(...keys) {
    const actions = this.driver.actions();
    for (const key of keys) actions.keyDown(key);
    for (const key of [...keys].reverse()) actions.keyUp(key);
    await actions.perform();
  }

  /** Types text on whatever has focus. */
  async type(text) {
    await this.driver.actions().sendKeys(text).perform();
  }

  /**
   * Makes the viewport `width` x `height` CSS px (window sizes differ from viewport sizes by
   * each browser's own frame). WebKit resizes its view a moment later: waits for it.
   */
  async viewport(width, height) {
    await this.top();
    for (let attempt = 0; attempt < 3; attempt++) {
      const [innerWidth, innerHeight] = await this.js(() => [innerWidth, innerHeight]);
      if (innerWidth === width && innerHeight === height) return;
      const rect = await this.driver.manage().window().getRect();
      await this.driver.manage().window().setRect({ width: rect.width + width - innerWidth, height: rect.height + height - innerHeight });
      await until(
        async () => {
          const [w, h] = await this.js(() => [innerWidth, innerHeight]);
          return w === width && h === height;
        },
        'viewport size',
        { timeout: 2000 },
      ).catch(() => {});
    }
    const [innerWidth, innerHeight] = await this.js(() => [innerWidth, innerHeight]);
    eq([innerWidth, innerHeight], [width, height], `${this.engine} viewport after resizing`);
  }

  /** A screenshot of the whole page: the viewport made as tall as the content first. */
  async screenshot(file, width) {
    await this.top();
    // At most SCREENSHOT_HEIGHT: a taller page would get a scroll bar and a narrower layout.
    const height = await this.js(() => Math.max(document.documentElement.scrollHeight, document.body.scrollHeight));
    assert(height <= SCREENSHOT_HEIGHT, `the page is ${height} px tall, more than a screenshot takes (${SCREENSHOT_HEIGHT})`);
    await this.viewport(width, Math.max(height, 640));
    // Layout may grow once more at the new height (the content did not fit before).
    const again = await this.js(() => document.documentElement.scrollHeight);
    if (again > height && again <= SCREENSHOT_HEIGHT) await this.viewport(width, again);
    await sleep(150);
    writeFileSync(file, Buffer.from(await this.driver.takeScreenshot(), 'base64'));
  }
}

// ------------------------------------------------------------------------------------------
// The widget's DOM contract
// ------------------------------------------------------------------------------------------

/** The radio value for a pattern character. */
export const radioValue = (c) => (c === '?' ? 'unknown' : c);

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

/** Every question at one level (clamped to what each question offers). */
export function levelPattern(level) {
  return makePattern((_, levels) => String(Math.min(level, levels - 1)));
}

/** Loads a URL as a new document (even when only the fragment differs) and waits for the app. */
export async function load(page, url) {
  await page.top();
  if ((await page.url()) !== 'about:blank') await page.driver.get('about:blank');
  await page.driver.get(url);
  await page.waitFor('#widget', { timeout: 15000, what: `the app at ${url.slice(0, 80)}` });
}

/** What is on screen: the id of the main view, and the question number if any. */
export async function screenName(page) {
  return page
    .js(() => {
      if (document.getElementById('crash')) return '#crash';
      const view = document.querySelector('main > section, main > [id]');
      if (!view) return 'nothing';
      const progress = document.getElementById('progress')?.textContent.match(/(\d+) of (\d+)\s*$/);
      return '#' + view.id + (progress ? ` (question ${progress[1]})` : '');
    })
    .catch((error) => `unknown (${error.message.split('\n')[0]})`);
}

/** Position (0-based) of the question on screen from "… N of M", or null. */
export async function position(page) {
  return page.js(() => {
    if (!document.getElementById('question')) return null;
    const m = /(\d+) of (\d+)\s*$/.exec((document.getElementById('progress')?.textContent ?? '').trim());
    return m ? Number(m[1]) - 1 : null;
  });
}

export async function atQuestion(page, i) {
  await until(
    async () => (await position(page)) === i,
    async () => `expected question ${i + 1} on screen, ${await screenName(page)} is`,
  );
}

/** Clicks the start (or continue) button on the intro and waits for a question. */
export async function start(page) {
  await page.waitFor('#intro #start, #intro #continue');
  await page.click('#intro #start, #intro #continue');
  await page.waitFor('#question');
}

/** Answers question `i` with pattern character `c` by clicking, then goes on. */
export async function answer(page, i, c) {
  await atQuestion(page, i);
  if (c !== '-') {
    const selector = `#question input[name=answer][value="${radioValue(c)}"]`;
    await page.click(selector);
    await until(() => page.js((s) => document.querySelector(s)?.checked, selector), `question ${i + 1}: ${selector} should be checked after a click`);
  }
  await page.click('#next');
  if (i + 1 < QUESTION_COUNT) await atQuestion(page, i + 1);
  else await page.waitFor('#results');
}

export async function finishAll(page, answers, from = 0) {
  for (let i = from; i < QUESTION_COUNT; i++) await answer(page, i, answers[i]);
  await page.waitFor('#results #verdict');
}

export async function checkedValue(page) {
  return page.js(() => document.querySelector('#question input[name=answer]:checked')?.value ?? null);
}

/** Scores, bands and verdict as rendered inside `root` (objects keyed in DIMENSIONS order). */
export async function readReport(page, root = '#results') {
  // Arrays from the page: WebDriver does not keep the key order of returned objects.
  const raw = await page.js(
    (root, ids) => {
      const scope = document.querySelector(root);
      if (!scope) return null;
      const rows = ids.map((id) => {
        const el = scope.querySelector(`.dimension[data-dimension="${id}"]`);
        return el ? [el.dataset.score === '' ? null : Number(el.dataset.score), el.dataset.band] : ['missing', 'missing'];
      });
      return [rows, scope.querySelector('#verdict')?.dataset.verdict ?? 'missing'];
    },
    root,
    DIMENSIONS,
  );
  if (!raw) return null;
  const [rows, verdict] = raw;
  return {
    scores: Object.fromEntries(DIMENSIONS.map((id, i) => [id, rows[i][0]])),
    bands: Object.fromEntries(DIMENSIONS.map((id, i) => [id, rows[i][1]])),
    verdict,
  };
}

export async function expectReport(page, answers, root = '#results', what = 'report') {
  const expected = expectedReport(answers);
  const got = await readReport(page, root);
  assert(got, `${what}: ${root} is not on screen`);
  eq(got, { scores: expected.scores, bands: expected.bands, verdict: expected.verdict }, `${what} for ${answers}`);
  return got;
}

export async function storage(page) {
  return page.js(
    (k, u) => {
      try {
        return { main: localStorage.getItem(k), unreadable: localStorage.getItem(u) };
      } catch (error) {
        return { error: String(error) };
      }
    },
    STORAGE_KEY,
    UNREADABLE_KEY,
  );
}

export async function focusedId(page) {
  return page.js(() => document.activeElement?.id ?? '');
}

export async function focused(page) {
  return page.js(() => {
    const el = document.activeElement;
    if (!el) return 'nothing';
    const name = el.getAttribute('name');
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (name ? `[name=${name}]` : '');
  });
}

export async function focusOn(page, id, what, timeout = 4000) {
  await until(async () => (await focusedId(page)) === id, async () => `${what}: focus should move to #${id}, is on ${await focused(page)}`, { timeout });
}

/**
 * Like focusOn, but a miss is recorded with `t.soft` and the journey goes on, so that one
 * focus problem does not hide what comes after it. Resolves to true when focus arrived.
 */
export async function softFocusOn(t, page, id, what) {
  try {
    // The app moves focus on the next animation frame: a second is plenty.
    await focusOn(page, id, what, 1000);
    return true;
  } catch (error) {
    t.soft(error.message);
    return false;
  }
}

/** Presses Tab until the focused element matches `selector` (keyboard only). */
export async function tabTo(page, selector, { max = 80, reverse = false } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    if (await page.js((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    if (reverse) await page.press(Key.SHIFT, Key.TAB);
    else await page.press(Key.TAB);
    if (seen.length < 12) seen.push(await focused(page));
  }
  throw new AssertionError(`could not reach ${selector} with the Tab key in ${max} presses (focus went ${seen.join(' → ')} …)`);
}

export async function shareLink(page) {
  return page.value('#share-link');
}
