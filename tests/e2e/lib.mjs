// Shared helpers for the journeys: an independent share-code encoder (to build links and
// hostile inputs), expected scores computed from the content's weights, and small page
// helpers that drive the widget through its DOM contract.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(E2E_DIR, '..', '..');
/**
 * Chromium's flags for every test and the bench: as root, on this closed network (no
 * background networking, updates or sync), with a small /dev/shm.
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
export const STORAGE_KEY = 'scaling-readiness-check';
export const UNREADABLE_KEY = 'scaling-readiness-check.unreadable';
export const DIMENSIONS = ['ownership', 'data', 'buy_in', 'metrics'];

// ------------------------------------------------------------------------------------------
// Assertions
// ------------------------------------------------------------------------------------------

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}

export function eq(actual, expected, message) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message}: expected ${e}, got ${a}`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` (sync or async) until it returns a truthy value; throws `message` on timeout. */
export async function until(check, message, { timeout = 4000, interval = 50 } = {}) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() - start > timeout) {
      const detail = last instanceof Error ? ` (${last.message})` : '';
      let text = message;
      if (typeof message === 'function') text = await Promise.resolve().then(message).catch((e) => `(message failed: ${e.message})`);
      throw new AssertionError(`${text}${detail}`);
    }
    await sleep(interval);
  }
}

// ------------------------------------------------------------------------------------------
// Content: weights, roles and rules, from tests/e2e/scoring-data.json (kept in step with the
// content by tests/content.rs); the scoring below is written independently of the Rust code.
// ------------------------------------------------------------------------------------------

const SCORING_DATA = JSON.parse(readFileSync(path.join(E2E_DIR, 'scoring-data.json'), 'utf8'));

/** The scoring data of one question set: `{ id, dimensions, questions, count }`. */
export function contentOf(setId = SCORING_DATA.current) {
  const set = SCORING_DATA.sets.find((s) => s.id === setId);
  if (!set) throw new Error(`no question set ${setId} in scoring-data.json`);
  const questions = set.dimensions.flatMap((d) => d.questions);
  return { id: set.id, dimensions: set.dimensions, questions, count: questions.length };
}

export const CONTENT = contentOf();
export const CURRENT_SET = CONTENT.id;
export const QUESTION_COUNT = CONTENT.count;

/** Pattern of one character per question: '0'..'3' a level, '?' "I don't know", '-' unanswered. */
export function pattern(text, setId = CURRENT_SET) {
  if (text.length !== contentOf(setId).count) throw new Error(`pattern ${text} must have ${contentOf(setId).count} characters`);
  return text;
}

/** A pattern of one character per question, dimension by dimension: `byDimension('3', '0', '3', '3')`. */
export function byDimension(...perDimension) {
  return CONTENT.dimensions.map((d, i) => perDimension[i].repeat(d.questions.length).slice(0, d.questions.length)).join('');
}

/**
 * Whether a complete dimension is a yes: set 1 by its score, from set 2 on by the essay's test
 * (the key question at its top option, nothing at the lowest option, and no "I don't know" on
 * an essential question).
 */
function isYes(dimension, chars, score) {
  if (dimension.rule.kind === 'score') return score >= dimension.rule.pass;
  return dimension.questions.every((q, i) => {
    const c = chars[i];
    if (c === '?') return q.role === 'supporting';
    const level = Number(c);
    if (q.role === 'key') return level === q.points.length - 1;
    return level > 0;
  });
}

/**
 * The report the widget should show for a pattern, computed from the content's weights:
 * `{ scores: {id: n|null}, bands: {id: 'yes'|'partly'|'no'|'incomplete'}, verdict, slug }`.
 */
export function expectedReport(answers, setId = CURRENT_SET) {
  const content = contentOf(setId);
  const scores = {};
  const bands = {};
  let position = 0;
  const blocking = [];
  let missing = false;
  for (const d of content.dimensions) {
    let earned = 0;
    let possible = 0;
    let complete = true;
    const chars = [];
    for (const q of d.questions) {
      const c = answers[position++];
      chars.push(c);
      const max = Math.max(...q.points);
      possible += q.weight * max;
      if (c === '-') complete = false;
      else if (c !== '?') earned += q.weight * q.points[Number(c)];
    }
    if (!complete) {
      scores[d.id] = null;
      bands[d.id] = 'incomplete';
      missing = true;
      continue;
    }
    const score = Math.floor((100 * earned + Math.floor(possible / 2)) / possible);
    scores[d.id] = score;
    bands[d.id] = isYes(d, chars, score) ? 'yes' : score >= d.rule.partly ? 'partly' : 'no';
    if (bands[d.id] !== 'yes') blocking.push(d.id);
  }
  const verdict = blocking.length ? 'not-ready' : missing ? 'incomplete' : 'ready';
  const slug =
    verdict === 'not-ready' ? 'not-' + blocking.map((id) => id[0]).join('') : verdict;
  return { scores, bands, verdict, slug };
}

// ------------------------------------------------------------------------------------------
// Share codes, written independently of the Rust code (format 1, see src/core/share_code.rs)
// ------------------------------------------------------------------------------------------

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function charValue(c) {
  const i = ALPHABET.indexOf(c);
  return i < 0 ? null : i;
}

function checkValue(values, labelBytes) {
  let sum = 0;
  [...values, ...labelBytes].forEach((v, i) => {
    sum = (sum + (i + 1) * v) % 4093;
  });
  return (sum + labelBytes.length * 7) % 4093;
}

function digits(value, len) {
  let n = BigInt(value);
  const out = [];
  for (let i = 0; i < len; i++) {
    out.unshift(ALPHABET[Number(n % 64n)]);
    n /= 64n;
  }
  return out.join('');
}

/** Mirrors the widget's label cleaning: no control/bidi/zero-width, whitespace collapsed, 60 chars. */
export function cleanLabel(raw) {
  const invisible = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0\u{E0000}-\u{E007F}]/gu;
  // Rust's char::is_whitespace set (JS's \s differs: it has U+FEFF and lacks U+0085).
  const space = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/gu;
  const kept = raw.replace(space, ' ').replace(invisible, '');
  const collapsed = kept.split(' ').filter(Boolean).join(' ');
  return [...collapsed].slice(0, 60).join('').trimEnd();
}

function percentEncode(bytes) {
  return [...bytes]
    .map((b) => {
      if (b === 0x20) return '_';
      const c = String.fromCharCode(b);
      if (/[A-Za-z0-9-]/.test(c)) return c;
      return '%' + b.toString(16).toUpperCase().padStart(2, '0');
    })
    .join('');
}

/**
 * A share code for a pattern and label. Options: `labelBytes` (raw bytes instead of a cleaned
 * label, e.g. invalid UTF-8), `setId` (question-set id), `format` (first character).
 */
export function encodeCode(answers, label = '', { labelBytes, setId = CURRENT_SET, format = '1' } = {}) {
  let number = 0n;
  let states = 1n;
  // A set this build does not know (a code "from the future") takes the current set's shape.
  const known = SCORING_DATA.sets.some((s) => s.id === setId);
  (known ? contentOf(setId) : CONTENT).questions.forEach((q, i) => {
    const radix = BigInt(q.points.length + 2);
    const c = answers[i];
    const digit = c === '-' ? 0n : c === '?' ? radix - 1n : BigInt(Number(c) + 1);
    number = number * radix + digit;
    states *= radix;
  });
  const bits = (states - 1n).toString(2).length;
  const payloadLen = Math.max(1, Math.ceil(bits / 6));
  const head = format + ALPHABET[setId] + digits(number, payloadLen);
  const bytes = labelBytes ? [...labelBytes] : [...Buffer.from(cleanLabel(label), 'utf8')];
  const values = [...head].map((c) => charValue(c) ?? 0);
  const code = head + digits(checkValue(values, bytes), 2);
  return bytes.length ? `${code}.${percentEncode(bytes)}` : code;
}

/** The results link for a pattern under a base address: `r/<outcome>/#r=<code>` (the base page while incomplete). */
export function resultsLink(base, answers, label = '', setId = CURRENT_SET) {
  const { verdict, slug } = expectedReport(answers, setId);
  const code = encodeCode(answers, label, { setId });
  return verdict === 'incomplete' ? `${base}#r=${code}` : `${base}r/${slug}/#r=${code}`;
}

/** A team code carrying several share codes. */
export function encodeTeam(codes) {
  const members = codes.map((c) => '~' + c).join('');
  const header = 'T1' + ALPHABET[codes.length];
  const check = checkValue([...header].map((c) => charValue(c) ?? 0), [...Buffer.from(members, 'utf8')]);
  return header + digits(check, 2) + members;
}

/** A stored snapshot in the first release's format (S1), which the widget migrates to S2:
 * seeding the old format makes every journey that restores storage a migration test too. */
export function snapshotText(answers, step, label = '') {
  return `S1;${encodeCode(answers, label)};${step}`;
}

/** The progress text the widget mirrors in the address (S2), optionally with a compare target. */
export function addressSnapshot(answers, step, label = '', compareCode = '') {
  return `S2;${encodeCode(answers, label)};${step};${compareCode}`;
}

/** The JSON the widget stores today (format 3, through gloo-storage); `step` as in S2 text. */
export function writtenSnapshot(answers, step, label = '', compareCode = '') {
  return JSON.stringify({ format: 3, run: encodeCode(answers, label), step, compare: compareCode || null });
}

/** The parts of a stored run (format 3 JSON, or the older S1/S2 text): `{ code, step }`. */
export function storedParts(text) {
  if (String(text).startsWith('{')) {
    const { run, step } = JSON.parse(text);
    return { code: run, step };
  }
  const [, code, step] = String(text).split(';');
  return { code, step };
}

/** Checks the encoder against the committed golden vectors; returns a list of mismatches. */
export function checkGoldenVectors(file = path.join(ROOT, 'tests/golden/share_codes.txt')) {
  const problems = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, answers, label = '', scores, verdict] = line.split('\t');
    const setId = ALPHABET.indexOf(code[1]);
    const mine = encodeCode(answers, label, { setId });
    if (mine !== code) problems.push(`encode(${answers}, ${JSON.stringify(label)}) = ${mine}, golden ${code}`);
    const report = expectedReport(answers, setId);
    const got = DIMENSIONS.map((id) => (report.scores[id] === null ? '-' : report.scores[id])).join(',');
    if (got !== scores) problems.push(`scores(${answers}) = ${got}, golden ${scores}`);
    if (report.slug !== verdict) problems.push(`verdict(${answers}) = ${report.slug}, golden ${verdict}`);
  }
  return problems;
}

/**
 * Fills the host page fixture's placeholders (fixtures/host.html): `{{WIDGET}}` (the widget's
 * base URL) and `{{QUERY}}`, from the request's `widget` and `query` parameters. The servers
 * of run.mjs and engines/run.mjs pass it to serve.mjs as `rewrite`.
 */
export function hostRewrite(text, url) {
  const params = new URL(url, 'http://x').searchParams;
  const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return text
    .replaceAll('{{WIDGET}}', attr(params.get('widget') || ''))
    .replaceAll('{{QUERY}}', attr(params.get('query') || 'embed'));
}

// ------------------------------------------------------------------------------------------
// Page helpers
// ------------------------------------------------------------------------------------------

/** Loads a URL as a new document (even when only the fragment differs from the current one). */
export async function load(page, url) {
  if (page.url() !== 'about:blank') await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('#widget', { timeout: 10000 });
}

/** Position (0-based) of the question on screen, from the progress text "… N of 16". */
export async function position(page) {
  const text = await page.textContent('#progress');
  const m = /(\d+) of (\d+)\s*$/.exec(text.trim());
  if (!m) throw new AssertionError(`progress text ${JSON.stringify(text)} does not end in "N of M"`);
  return Number(m[1]) - 1;
}

/** Waits until question `i` is on screen. */
export async function atQuestion(page, i) {
  await until(
    async () => (await page.$('#question')) && (await position(page)) === i,
    async () => `expected question ${i + 1} on screen, ${await screenName(page)} is`,
  );
}

/** What is on screen: the id of the main view, and the question number if any. */
export async function screenName(page) {
  return page.evaluate(() => {
    const view = document.querySelector('main > section, main > [id]');
    if (!view) return 'nothing';
    const progress = document.getElementById('progress')?.textContent.match(/(\d+) of (\d+)\s*$/);
    return '#' + view.id + (progress ? ` (question ${progress[1]})` : '');
  }).catch((error) => `unknown (${error.message})`);
}

/** Clicks the start (or continue) button on the intro and waits for a question. */
export async function start(page) {
  await page.click('#start, #continue');
  await page.waitForSelector('#question');
}

/** The radio value for a pattern character. */
export const radioValue = (c) => (c === '?' ? 'unknown' : c);

/** Answers the question on screen (which must be `i`) with pattern character `c`, then goes on. */
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

/** The checked radio's value on the question screen, or null. */
export async function checkedValue(page) {
  return page.evaluate(() => document.querySelector('#question input[name=answer]:checked')?.value ?? null);
}

/** Scores, bands and verdict as rendered inside `root`. */
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
      const verdict = scope.querySelector('#verdict')?.dataset.verdict ?? 'missing';
      return { scores, bands, verdict };
    },
    { root, ids: DIMENSIONS },
  );
}

/** Asserts that the report inside `root` matches what the pattern should give. */
export async function expectReport(page, answers, root = '#results', what = 'report', setId = CURRENT_SET) {
  const expected = expectedReport(answers, setId);
  const got = await readReport(page, root);
  assert(got, `${what}: ${root} is not on screen`);
  eq(got, { scores: expected.scores, bands: expected.bands, verdict: expected.verdict }, `${what} for ${answers}`);
  return got;
}

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

/**
 * Writes localStorage for `base`'s origin before the app's first load in this page: an init
 * script that runs once per tab (a sessionStorage flag keeps reloads from seeding again).
 */
export async function seedStorage(page, base, entries) {
  await page.addInitScript(
    ({ origin, entries }) => {
      if (location.origin !== origin) return;
      try {
        if (sessionStorage.getItem('__e2e_seeded')) return;
        sessionStorage.setItem('__e2e_seeded', '1');
        localStorage.clear();
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      } catch {
        // Storage blocked on purpose by the journey: nothing to seed.
      }
    },
    { origin: new URL(base).origin, entries },
  );
}

/** The id of the focused element (inside shadow-free documents). */
export async function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** The focused element, described: `tag#id`. */
export async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') : 'nothing';
  });
}

/** Waits until the element with `id` has focus. */
export async function focusOn(page, id, what) {
  await until(async () => (await focusedId(page)) === id, async () => `${what}: focus should move to #${id}, is on ${await focused(page)}`);
}

/** Presses Tab until the focused element matches `selector` (keyboard only). */
export async function tabTo(page, selector, { max = 80, reverse = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(reverse ? 'Shift+Tab' : 'Tab');
  }
  throw new AssertionError(`could not reach ${selector} with the Tab key in ${max} presses`);
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
