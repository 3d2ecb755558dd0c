// The journeys every engine runs (Chromium, Firefox, WebKit), over WebDriver: the ones that
// matter most to a reader, each in fresh profiles. A journey is an exported async function
// `(t) => …` (names starting with `_` are helpers); `journey.engines = [...]` limits one to
// some engines, and says why. Everything else runs everywhere, so a journey added here runs
// in all three.
//
// `t`: `engine`, `base` (the widget, http://127.0.0.1:<port>/), `hostBase` (the fixtures on
// http://localhost:<port>/, another origin), `artifacts` (this engine's screenshot folder),
// `axeSource`, `newPage({ scheme, downloads })` (a fresh session), `problems()`
// (errors the pages reported so far) and `clearProblems()`, `soft(message)` (a failure that
// lets the journey go on and fails it at the end), `note(text)` (printed after the journey's
// line: what this engine did where engines differ).

import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CONTENT,
  addressSnapshot,
  QUESTION_COUNT as N,
  assert,
  byDimension,
  encodeCode,
  encodeTeam,
  eq,
  expectedReport,
  sleep,
  storedParts,
  until,
  writtenSnapshot,
  resultsLink,
  STORAGE_KEY,
} from '../lib.mjs';
import { _hostUrl } from '../journeys/embed.mjs';
import { SCREENS } from '../journeys/screens.mjs';
import { AXE_TAGS } from '../journeys/hardening.mjs';
import {
  Key,
  answer,
  atQuestion,
  checkedValue,
  expectReport,
  finishAll,
  focusOn,
  focused,
  levelPattern,
  load,
  makePattern,
  mixedPattern,
  radioValue,
  readReport,
  same,
  screenName,
  softFocusOn,
  shareLink,
  start,
  storage,
  tabTo,
} from './page.mjs';

const MIXED = mixedPattern();

/** Opens `url` in a page whose storage already holds the reader's run (as a reader's own
 * browser would after answering), so the results address opens as their own results. */
async function withStoredRun(page, base, url, answers, step) {
  await load(page, base);
  await page.js((key, value) => localStorage.setItem(key, value), STORAGE_KEY, writtenSnapshot(answers, step));
  await load(page, url);
}
const THEIRS = mixedPattern([2, 2, 3, 3, 1, 1, 0, 0]);
const MINE = mixedPattern([3, 3, 3, 0, 2, 2, 3]);

// ------------------------------------------------------------------------------------------
// The engine itself
// ------------------------------------------------------------------------------------------

/** Every session starts with empty storage: a run saved in one profile is not in the next. */
export async function freshProfileEachSession(t) {
  const first = await t.newPage();
  await load(first, t.base);
  await start(first);
  await answer(first, 0, MIXED[0]);
  await until(async () => (await storage(first)).main, 'the first session saves its run');
  const second = await t.newPage();
  await load(second, t.base);
  await second.waitFor('#intro #start');
  same(await storage(second), { main: null, unreadable: null }, "a new session's storage");
  assert(!(await second.has('#continue')), 'a new session must not offer to continue another one');
}

// ------------------------------------------------------------------------------------------
// The reader's own run
// ------------------------------------------------------------------------------------------

export async function wholeCheckWithNextAndBack(t) {
  const page = await t.newPage();
  await load(page, t.base);
  await page.waitFor('#intro #start');
  await page.click('#intro #start');
  const middle = Math.floor(N / 2);
  for (let i = 0; i < N; i++) {
    await atQuestion(page, i);
    await softFocusOn(t, page, `q${i}-o0`, `question ${i + 1}`);
    const progress = (await page.text('#progress')).replace(/\s+/g, ' ');
    assert(progress.includes(`${i + 1} of ${N}`), `progress text "${progress}" should say ${i + 1} of ${N}`);
    const last = i === N - 1;
    eq((await page.text('#next')).trim(), last ? 'See results' : 'Skip', `#next before answering question ${i + 1}`);
    await page.click(`#question input[name=answer][value="${radioValue(MIXED[i])}"]`);
    eq((await page.text('#next')).trim(), last ? 'See results' : 'Next', `#next after answering question ${i + 1}`);
    await page.click('#next');
    if (i === middle) {
      // Back twice: the answers are still there; then on again.
      for (const j of [middle, middle - 1]) {
        await atQuestion(page, j + 1);
        await page.click('#back');
        await atQuestion(page, j);
        eq(await checkedValue(page), radioValue(MIXED[j]), `question ${j + 1} after going back`);
      }
      await page.click('#next');
      await atQuestion(page, middle);
      await page.click('#next');
    }
  }
  await page.waitFor('#results #verdict');
  await expectReport(page, MIXED);
  eq((await storage(page)).main, writtenSnapshot(MIXED, 'r'), 'stored snapshot');
  eq(await shareLink(page), resultsLink(t.base, MIXED), 'results link');
  await until(async () => (await page.url()) === resultsLink(t.base, MIXED), async () => `the address bar holds the results link, not ${await page.url()}`);
  // Back from the results to the last question, and on to the same results.
  await page.clickText('#results', 'Back to the questions');
  await atQuestion(page, N - 1);
  await softFocusOn(t, page, `q${N - 1}-${MIXED[N - 1] === '?' ? 'unknown' : 'o' + MIXED[N - 1]}`, 'back to the questions from the results: the chosen answer');
  eq(await checkedValue(page), radioValue(MIXED[N - 1]), 'the last answer after going back from the results');
  await page.click('#next');
  await page.waitFor('#results #verdict');
  await expectReport(page, MIXED);
}

export async function reloadResumesMidCheck(t) {
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  const k = Math.min(6, N - 2);
  for (let i = 0; i < k; i++) await answer(page, i, MIXED[i]);
  // Chosen on question k+1 without going on: the choice alone must survive the reload.
  await page.click(`#question input[name=answer][value="${radioValue(MIXED[k])}"]`);
  await page.reload();
  await page.waitFor('#question');
  await atQuestion(page, k);
  eq(await checkedValue(page), radioValue(MIXED[k]), `question ${k + 1} after the reload`);
  for (let i = k - 1; i >= 0; i--) {
    await page.click('#back');
    await atQuestion(page, i);
    eq(await checkedValue(page), radioValue(MIXED[i]), `question ${i + 1} after the reload`);
  }
  // A fresh visit (no fragment) offers to continue.
  await load(page, t.base);
  await page.waitFor('#continue');
  const saved = await page.text('#saved-progress');
  assert(saved.includes(`${k + 1} of`), `saved-progress "${saved}" should say ${k + 1} answered`);
  await page.click('#continue');
  await atQuestion(page, k + 1);
  await finishAll(page, MIXED, k + 1);
  await expectReport(page, MIXED);
}

/** Storage that throws on every access: the check still finishes, the address keeps the run. */
export async function storageThatThrows(t) {
  const page = await t.newPage();
  await load(page, t.base + '?e2e=throwing-storage');
  const blocked = await page.js(() => {
    try {
      return String(window.localStorage);
    } catch (error) {
      return error.name;
    }
  });
  eq(blocked, 'SecurityError', 'the throwing-storage probe is in place (else this journey proves nothing)');
  await page.waitFor('#storage-notice');
  await start(page);
  for (let i = 0; i < 5; i++) await answer(page, i, MIXED[i]);
  await page.reload();
  await page.waitFor('#question');
  await atQuestion(page, 5);
  await page.waitFor('#storage-notice');
  await page.click('#back');
  await atQuestion(page, 4);
  eq(await checkedValue(page), radioValue(MIXED[4]), 'an answer kept in the address across a reload');
  await page.click('#next');
  await finishAll(page, MIXED, 5);
  await expectReport(page, MIXED);
  assert(await page.visible('#storage-notice'), '#storage-notice stays visible on the results');
}

// ------------------------------------------------------------------------------------------
// Keyboard only
// ------------------------------------------------------------------------------------------

export async function keyboardOnlyAnswering(t) {
  const pattern = makePattern((i, levels) => (i % 5 === 1 ? '?' : String((i * 3 + 1) % levels)));
  const page = await t.newPage();
  await load(page, t.base);
  await page.waitFor('#intro #start');
  await tabTo(page, '#start');
  await page.press(Key.ENTER);
  for (let i = 0; i < N; i++) {
    await atQuestion(page, i);
    if (await softFocusOn(t, page, `q${i}-o0`, `keyboard, question ${i + 1}`)) {
      // After Next focus is already on the first option: no Tab (issue 26).
    } else {
      // Where a reader would be left: Tab on from wherever focus is to the options.
      await tabTo(page, '#question input[name=answer]');
    }
    await page.press(Key.SPACE);
    const levels = CONTENT.questions[i].points.length;
    const steps = pattern[i] === '?' ? levels : Number(pattern[i]);
    for (let s = 0; s < steps; s++) await page.press(Key.ARROW_DOWN);
    eq(await checkedValue(page), radioValue(pattern[i]), `keyboard choice on question ${i + 1}`);
    await page.press(Key.ENTER);
  }
  await page.waitFor('#results #verdict');
  await expectReport(page, pattern);
  // The share panel: a label typed, the link copied, with the keyboard.
  await tabTo(page, '#pilot-label');
  await page.type('keyboard pilot');
  await until(async () => (await shareLink(page)).endsWith('.keyboard_pilot'), async () => `the link should carry the label: ${await shareLink(page)}`);
  // The label field sits after the link's copy button (issue 26): back to it.
  await tabTo(page, '#share-link-copy', { reverse: true });
  await page.press(Key.ENTER);
  const status = await until(async () => (await page.text('#share .copy-status')).trim(), 'a copy status after Enter on #share-link-copy');
  assert(/^Copied|selected/.test(status), `copy status: "${status}"`);
  t.note(`copy with Enter: "${status}"`);
  // Clear my answers, confirmed with the keyboard.
  await tabTo(page, '#clear');
  await page.press(Key.ENTER);
  await page.waitFor('#confirm-clear');
  await tabTo(page, '#confirm-clear');
  await page.press(Key.ENTER);
  await page.waitFor('#intro #start');
  same(await storage(page), { main: null, unreadable: null }, 'storage after clearing with the keyboard');
}

// ------------------------------------------------------------------------------------------
// Results that travel
// ------------------------------------------------------------------------------------------

/** A results link made in one profile shows the same verdict in another, marked as theirs. */
export async function resultsLinkInAFreshProfile(t) {
  const maker = await t.newPage();
  await load(maker, t.base);
  await start(maker);
  await finishAll(maker, THEIRS);
  const theirs = await expectReport(maker, THEIRS);
  const link = await shareLink(maker);
  eq(link, resultsLink(t.base, THEIRS), 'the results link');

  const visitor = await t.newPage();
  await load(visitor, link);
  await visitor.waitFor('#shared');
  await visitor.waitFor('#shared-banner');
  const banner = (await visitor.text('#shared-banner')).trim();
  assert(banner.length > 10, `the banner says whose results these are: "${banner}"`);
  same(await readReport(visitor, '#shared'), theirs, 'the shared view shows what its maker saw');
  assert(!(await visitor.has('#results')), 'a link is never shown as the visitor’s own results');
  same(await storage(visitor), { main: null, unreadable: null }, 'opening a link stores nothing');
}

/** A visitor's own run in progress is untouched by opening someone else's link. */
export async function ownRunUntouchedByASharedLink(t) {
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  for (let i = 0; i < 3; i++) await answer(page, i, MINE[i]);
  const before = (await storage(page)).main;
  assert(before, 'the run is saved before the link is opened');
  await load(page, resultsLink(t.base, THEIRS, 'their pilot'));
  await page.waitFor('#shared-banner');
  eq(await page.text('#shared-label'), 'their pilot', 'the shared label');
  await expectReport(page, THEIRS, '#shared', 'shared view');
  eq(storedParts((await storage(page)).main).code, storedParts(before).code, 'own answers after opening a link');
  await page.click('#take-check');
  await atQuestion(page, 3);
  for (let i = 2; i >= 0; i--) {
    await page.click('#back');
    await atQuestion(page, i);
    eq(await checkedValue(page), radioValue(MINE[i]), `own answer to question ${i + 1}`);
  }
}

/** Damaged links each get their explanation and a way into the check. */
export async function damagedLinksExplained(t) {
  const good = encodeCode(THEIRS, 'pilot');
  const core = good.split('.')[0];
  const changed = core.slice(0, 5) + (core[5] === 'A' ? 'B' : 'A') + core.slice(6) + '.pilot';
  const cases = [
    ['truncated', `#r=${core.slice(0, -1)}`, 'truncated'],
    ['one character changed', `#r=${changed}`, 'damaged'],
    ['a newer format', `#r=2${good.slice(1)}`, 'newer-format'],
    ['an unknown question set', `#r=${encodeCode(THEIRS, '', { setId: 60 })}`, 'unknown-set'],
    ['5000 characters', `#r=1B${'A'.repeat(4998)}`, 'too-long'],
    ['markup in the label part', `#r=${core}.<script>alert(1)</script><img src=x onerror=alert(2)>`, 'damaged'],
    ['empty', '#r=', 'empty'],
    ['a team link cut short', `#t=${encodeTeam([good, core]).slice(0, encodeTeam([good, core]).lastIndexOf('~'))}`, 'truncated'],
  ];
  const page = await t.newPage();
  const problems = [];
  for (const [name, hash, kind] of cases) {
    await load(page, t.base + hash);
    const shown = await until(() => page.has('#link-error'), `${name}: #link-error`).catch(() => false);
    if (!shown) {
      problems.push(`${name}: no #link-error (${await screenName(page)})`);
      continue;
    }
    const got = await page.attr('#link-error', 'data-error');
    if (got !== kind) problems.push(`${name}: data-error "${got}", expected "${kind}"`);
    const text = (await page.text('#link-error')).trim();
    if (text.length < 40) problems.push(`${name}: message too short: "${text}"`);
    if (!(await page.has('#link-error #take-check'))) problems.push(`${name}: no #take-check`);
    if (await page.has('img, iframe, object, embed')) problems.push(`${name}: an element was injected`);
  }
  assert(!problems.length, problems.join(' | '));
  await page.click('#link-error #take-check');
  await atQuestion(page, 0);
}

/** The team table (cells as text, outliers marked) and the findings. */
async function teamView(page) {
  return page.js(() => {
    const el = document.querySelector('#team-summary table');
    const cell = (c) => c.textContent.trim() + (c.classList.contains('outlier') ? ' [outlier]' : '');
    return {
      table: el && [...el.querySelectorAll('tr')].map((tr) => [...tr.children].map(cell)),
      findings: [...document.querySelectorAll('#team-findings li')].map((li) => li.textContent),
    };
  });
}

/** The team view from pasted links, and its team link reproducing the table elsewhere. */
export async function teamLinkReproducesTheTable(t) {
  const owner = byDimension('2', '2', '3', '2');
  const manager = byDimension('2', '2', '0', '2');
  const team = [['Manager A', manager], ['Manager B', manager], ['Owner', owner], ['Manager C', manager], ['Manager D', manager]];
  const page = await t.newPage();
  await load(page, t.base + 'tools/#team');
  await page.waitFor('#team #team-input');
  await page.fill('#team-input', team.map(([label, answers]) => resultsLink(t.base, answers, label)).join('\n'));
  await page.waitFor(`#team-summary[data-members="${team.length}"]`);
  const made = await teamView(page);
  assert(made.table && made.table.length >= 5, `a table with a row per dimension: ${JSON.stringify(made.table)}`);
  assert(JSON.stringify(made.table).includes('[outlier]'), `the owner's Buy-in stands out: ${JSON.stringify(made.table)}`);
  const link = await page.value('#team-link');
  assert(link.startsWith(`${t.base}#t=`), `team link ${link} should start with ${t.base}#t=`);

  const other = await t.newPage();
  await load(other, link);
  await other.waitFor(`#team-summary[data-members="${team.length}"]`);
  const opened = await teamView(other);
  same(opened, made, 'the team table and findings opened from the team link in a fresh profile');
  eq(await other.value('#team-link'), link, 'the team link is stable');
}

// ------------------------------------------------------------------------------------------
// Embedded on another origin
// ------------------------------------------------------------------------------------------

/** Heights: the iframe on the host page, the widget inside, and the frame's own scrolling. */
async function frameSizes(page) {
  await page.top();
  const outer = await page.js(() => document.getElementById('check').getBoundingClientRect().height);
  await page.frame('#check');
  const inner = await page.js(() => ({
    widget: document.getElementById('widget').getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  return { frame: outer, ...inner };
}

/** Waits until the iframe fits its content within 3 px and does not scroll inside. */
async function fits(page, what) {
  let last;
  const started = Date.now();
  await until(
    async () => {
      last = await frameSizes(page);
      return Math.abs(last.frame - last.widget) <= 3 && last.scroll <= last.client + 2;
    },
    () => `${what}: iframe ${last?.frame}px for a ${last?.widget}px widget, inner scrollHeight ${last?.scroll} > clientHeight ${last?.client}`,
    { timeout: 4000 },
  );
  return { ...last, ms: Date.now() - started };
}

export async function embedGrowsToItsContent(t) {
  const page = await t.newPage();
  await page.viewport(900, 700);
  await page.goto(_hostUrl(t, 'embed&events'));
  await page.frame('#check');
  await page.waitFor('#widget #intro #start', { timeout: 15000, what: 'the widget in the iframe' });
  assert(!(await page.has('header.chrome')), 'no page chrome in embed mode');
  const settle = [];
  settle.push((await fits(page, 'intro')).ms);
  await page.frame('#check');
  await page.click('#start');
  for (let i = 0; i < N; i++) {
    await answer(page, i, MIXED[i]);
    if (i === 0) {
      settle.push((await fits(page, 'question 2')).ms);
      await page.frame('#check');
    }
  }
  const results = await fits(page, 'results');
  settle.push(results.ms);
  await page.frame('#check');
  await expectReport(page, MIXED);
  // The host hears the result (re-dispatched by embed.js).
  await page.top();
  const event = await until(() => page.js(() => window.__results.at(-1) ?? null), 'the host should receive a readiness-check:result event');
  eq(event.verdict, expectedReport(MIXED).verdict, 'verdict in the result event');
  // The content shrinks: back to a question, the iframe shrinks with it.
  await page.frame('#check');
  await page.clickText('#results', 'Back to the questions');
  await atQuestion(page, N - 1);
  const question = await fits(page, 'back to the last question');
  settle.push(question.ms);
  assert(question.frame < results.frame - 100, `the iframe should shrink from ${results.frame}px (results), is ${question.frame}px`);
  t.note(`iframe height settled after ${settle.join(', ')} ms`);
}

// ------------------------------------------------------------------------------------------
// What an engine may lack: the widget's fallbacks
// ------------------------------------------------------------------------------------------

/**
 * The share sheet, sharing files, the clipboard and downloads, as far as this engine has them:
 * each button is there exactly when its API is, the copy button either copies (checked by
 * pasting) or selects the text and says so, the image is downloaded. Then a phone's share sheet
 * (a probe) gets the link and the image, and without a clipboard API the link is selected.
 */
export async function shareFallbacks(t) {
  const downloads = mkdtempSync(path.join(os.tmpdir(), `readiness-downloads-${t.engine}-`));
  try {
    const page = await t.newPage({ downloads });
    await withStoredRun(page, t.base, resultsLink(t.base, MIXED), MIXED, 'r');
    await page.waitFor('#results #share');
    const has = await page.js(() => {
      let files = false;
      try {
        files = typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([new Uint8Array(0)], 'probe.png', { type: 'image/png' })] });
      } catch {
        files = false;
      }
      return { share: typeof navigator.share === 'function', files, clipboard: typeof navigator.clipboard?.writeText === 'function' };
    });
    eq(await page.has('#system-share'), has.share, '#system-share present exactly when navigator.share exists');
    eq(await page.has('#share-image'), has.files, '#share-image present exactly when canShare({files}) accepts a PNG');
    const notes = [`navigator.share ${has.share ? 'yes' : 'no'}, canShare(files) ${has.files ? 'yes' : 'no'}`];

    // The result image: a download (a data: link), wherever the engine puts it.
    await page.click('#download-image');
    const imageStatus = await until(async () => (await page.text('#image-status')).trim(), 'an image status');
    eq(imageStatus, 'Image saved: scaling-readiness.png.', 'image status after Download image');
    const file = path.join(downloads, 'scaling-readiness.png');
    await until(
      () => existsSync(file) && readFileSync(file).length > 1000,
      () => `the image in the downloads folder (holds: ${readdirSync(downloads).join(', ') || 'nothing'})`,
      { timeout: 5000 },
    );
    const png = readFileSync(file);
    eq([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG', 'the downloaded file is a PNG');
    notes.push(`image downloaded (${png.readUInt32BE(16)}x${png.readUInt32BE(20)})`);
    await page.fill('#pilot-label', 'engine check');
    const link = await shareLink(page);
    assert(link.endsWith('.engine_check'), `the link carries the label: ${link}`);
    await page.click('#share-link-copy');
    const status = await until(async () => (await page.text('#share .copy-status')).trim(), 'a copy status');
    if (status.startsWith('Copied')) {
      // Check the clipboard the reader's way: paste it into the team view.
      await load(page, t.base + 'tools/#team');
      await page.waitFor('#team-input');
      await page.click('#team-input');
      await page.press(Key.CONTROL, 'v');
      const pasted = await until(async () => (await page.value('#team-input')).trim(), 'something pasted into #team-input', { timeout: 3000 }).catch(() => '');
      eq(pasted, link, 'what Ctrl+V pastes after "Copied to the clipboard."');
      await page.waitFor('#team-summary[data-members="1"]');
      notes.push('clipboard: copied (pasted back)');
    } else {
      assert(/selected/.test(status), `copy status is neither copied nor the selection fallback: "${status}"`);
      const selection = await page.js(() => {
        const el = document.activeElement;
        return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value?.length };
      });
      same(selection, { id: 'share-link', start: 0, end: link.length, length: link.length }, 'the link is selected for a manual copy');
      notes.push('clipboard: refused, text selected');
    }


    // What a phone has and none of these engines does: a share sheet that takes files (faked
    // by a probe), and no clipboard API, so the copy button falls back to a selection.
    const phone = await t.newPage();
    // The probes ride in the query of every page loaded (the test server adds them).
    const probed = resultsLink(t.base, MIXED).replace('#', '?e2e=share-sheet,no-clipboard#');
    await withStoredRun(phone, t.base + '?e2e=share-sheet,no-clipboard', probed, MIXED, 'r');
    await phone.waitFor('#results #share');
    assert(await phone.has('#system-share'), 'a share sheet: #system-share is offered');
    assert(await phone.has('#share-image'), 'a share sheet that takes files: #share-image is offered');
    const phoneLink = await shareLink(phone);
    await phone.click('#system-share');
    const sheet = await until(() => phone.js(() => window.__e2eShared.at(-1) ?? null), 'navigator.share is called');
    eq(sheet.url, phoneLink, 'the share sheet gets the results link');
    await phone.click('#share-image');
    const image = await until(() => phone.js(() => window.__e2eShared.find((s) => s.files.length) ?? null), 'the image goes to the share sheet');
    assert(/^scaling-readiness\.png image\/png \d{4,}$/.test(image.files[0]), `the shared file: ${image.files[0]}`);
    await phone.click('#share-link-copy');
    const fallback = await until(async () => (await phone.text('#share .copy-status')).trim(), 'a copy status without a clipboard API');
    assert(/selected/.test(fallback), `without a clipboard API the copy button says it selected the text: "${fallback}"`);
    const selection = await phone.js(() => {
      const el = document.activeElement;
      return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value?.length };
    });
    same(selection, { id: 'share-link', start: 0, end: phoneLink.length, length: phoneLink.length }, 'the link is selected for a manual copy');
    t.note(notes.join('; '));
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------
// A crash
// ------------------------------------------------------------------------------------------

/**
 * A real trap in the release build: the app's wasm memory is wiped (keep-wasm probe), the next
 * click traps, and index.html's crash script replaces the page with a message and a focused
 * reload button; reloading resumes the saved run. As in journeys/hardening.mjs, for Chromium.
 */
export async function crashShowsAMessageAndReloadResumes(t) {
  const page = await t.newPage();
  await load(page, t.base + '?e2e=keep-wasm');
  await start(page);
  for (let i = 0; i < 3; i++) await answer(page, i, MIXED[i]);
  await until(() => page.js(() => !!window.__e2eWasm?.memory), 'the keep-wasm probe holds the wasm exports');
  // Returns nothing: sending megabytes of zeroes back over WebDriver stalls WebKit's driver.
  await page.js(() => {
    new Uint8Array(window.__e2eWasm.memory.buffer).fill(0);
  });
  await page.click('#next');
  await page.waitFor('main#crash [role=alert]', { what: 'the crash message' });
  eq(await page.text('#crash h1'), 'Something went wrong', 'crash heading');
  eq(await page.text('#crash [role=alert]'), 'Your saved answers are safe: reload the page to go on where you were.', 'crash message');
  // Once seen under load in WebKit: focus on the body right after the page was replaced (the
  // crash script focuses the button again a frame later when that happens).
  await until(async () => (await page.js(() => document.activeElement?.textContent)) === 'Reload the page', async () => `focus on the reload button, not on: ${await page.js(() => document.activeElement?.tagName)}`);
  assert(!(await page.has('#widget')), 'the broken app is gone');
  const violations = await axe(t, page);
  assert(!violations.length, `axe violations on the crash message: ${violations.join(' | ')}`);
  // The trap surfaced as an uncaught error: this journey's point, not a problem.
  const reported = await until(() => t.problems().length && t.problems(), 'the trap is reported as a page error');
  assert(reported.every((p) => p.startsWith('page error')), `only the trap, as a page error: ${reported.join(' | ')}`);
  t.note(`trap reported as: ${reported[0].replace(/ \(http.*$/, '').slice(0, 90)}`);
  t.clearProblems();

  await page.click('#crash button');
  await page.waitFor('#widget');
  await atQuestion(page, 3);
  await page.click('#back');
  await atQuestion(page, 2);
  eq(await checkedValue(page), radioValue(MIXED[2]), 'answers before the crash are kept');
}

/**
 * index.html tells a crash from other errors by the error's type and stack, whose format each
 * engine writes its own way: a wasm stack overflow must show the message, a plain JS error
 * must not.
 */
export async function crashIsAnErrorFromTheWasmOnly(t) {
  const page = await t.newPage();
  await load(page, t.base + '?e2e=provoke');
  await page.waitFor('#intro #start');
  await page.js(() => window.__e2eProvoke.plainError());
  await until(() => t.problems().length, 'the plain error is reported');
  await sleep(200);
  assert(!(await page.has('#crash')) && (await page.has('#widget')), 'a plain JS error must not replace the app');
  t.clearProblems();
  const seen = [];
  for (const how of ['timer', 'promise']) {
    await load(page, t.base + '?e2e=provoke');
    await page.waitFor('#intro #start');
    await page.js((how) => window.__e2eProvoke.stackOverflow(how), how);
    await until(() => t.problems().length, `the stack overflow (${how}) is reported`);
    seen.push(`${how}: ${t.problems()[0].replace(/ \(http.*$/, '').slice(0, 70)}`);
    await page.waitFor('main#crash [role=alert]', { what: `stack overflow (${how}): the crash message` });
    t.clearProblems();
  }
  t.note(seen.join('; '));
}

// ------------------------------------------------------------------------------------------
// Every screen: axe-core and screenshots
// ------------------------------------------------------------------------------------------

const TEAM = [
  ['Owner', byDimension('2', '2', '3', '2')],
  ['Data lead', byDimension('2', '2', '0', '2')],
  ['Manager', byDimension('2', '2', '0', '2')],
];

/**
 * Opens each screen of screens.mjs's SCREENS by its own address in one fresh session and calls
 * `onScreen(name, page)`; for 'embed' the page is switched into the widget's iframe on the
 * host page (another origin), and `page.top()` gets back to the host.
 */
export async function _visitScreens(t, options, onScreen) {
  const page = await t.newPage(options);
  if (options.width) await page.viewport(options.width, 800);
  const visit = (name) => onScreen(name, page);
  const partial = makePattern((i, levels) => (i < 5 ? MINE[i] : '-'));

  await load(page, t.base);
  await page.waitFor('#intro #start');
  await visit('intro');

  await withStoredRun(page, t.base, t.base + '#q=6', partial, 'q5');
  await page.waitFor('#question');
  await page.click(`#question input[name=answer][value="${radioValue(MINE[5])}"]`);
  // Tab away and back: the same answer, now with a keyboard focus ring. (Arrow keys after a
  // click would not do: WebKit then keeps :focus-visible off.)
  await page.press(Key.TAB);
  await page.press(Key.SHIFT, Key.TAB);
  eq(await page.js(() => document.activeElement.matches('#question input[name=answer]:checked:focus-visible')), true, 'keyboard focus back on the chosen option');
  await visit('question');

  // A progress link from another browser, opened with no run of one's own: asked first.
  await page.js(() => localStorage.clear());
  await load(page, t.base + '#s=' + addressSnapshot(THEIRS.slice(0, 9) + '-'.repeat(N - 9), 'q9'));
  await page.waitFor('#offered');
  await visit('offered');

  await load(page, resultsLink(t.base, THEIRS, 'invoice triage'));
  await page.waitFor('#shared');
  await visit('shared');

  await load(page, t.base + '#r=' + encodeCode(THEIRS).slice(0, -2));
  await page.waitFor('#link-error');
  await visit('bad-link');

  await load(page, t.base + 'tools/#t=' + encodeTeam(TEAM.map(([label, a]) => encodeCode(a, label))));
  await page.waitFor('#team-summary');
  await visit('team');

  await load(page, t.base + 'tools/#embed-kit');
  await page.waitFor('#embed-kit');
  await visit('embed-kit');

  await withStoredRun(page, t.base, resultsLink(t.base, MINE), MINE, 'r');
  await page.waitFor('#results #verdict');
  await visit('results');

  await page.fill('#pilot-label', 'invoice triage');
  await page.click('#share-link-copy');
  await until(async () => (await page.text('#share .copy-status')).trim().length > 0, 'copy status');
  await page.js(() => document.getElementById('share').scrollIntoView());
  await visit('share');

  await load(page, resultsLink(t.base, THEIRS, 'invoice triage'));
  await page.waitFor('#shared #compare');
  await visit('compare');

  const query = 'embed' + (options.scheme === 'dark' ? '&theme=dark' : '');
  await page.goto(_hostUrl(t, query));
  await page.frame('#check');
  await page.waitFor('#intro #start', { timeout: 15000 });
  await page.click('#start');
  await page.waitFor('#question');
  await fits(page, 'embed screen').catch(() => {}); // embedGrowsToItsContent asserts it
  await page.frame('#check');
  await visit('embed');
  await page.top();
  assert(SCREENS.every((name) => ['intro', 'question', 'offered', 'shared', 'bad-link', 'team', 'embed-kit', 'results', 'share', 'compare', 'embed'].includes(name)), `screens.mjs lists a screen this visit does not know: ${SCREENS.join(', ')}`);
}

/** axe-core's violations on the page (or frame) `page` is in, as readable lines. */
async function axe(t, page) {
  // A driver script, not a <script>: the page's CSP (script-src 'self') does not apply.
  if (!(await page.js(() => typeof window.axe === 'object'))) await page.driver.executeScript(t.axeSource);
  assert(await page.js(() => typeof window.axe === 'object'), 'axe-core did not load');
  return page.driver.executeScript(
    `return window.axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
      .then((r) => r.violations.map((v) => v.id + ' [' + v.impact + '] ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')));`,
    AXE_TAGS,
  );
}

/**
 * Every screen at 360 px in one colour scheme: a full-length screenshot
 * (artifacts/<engine>/<screen>-360-<scheme>.png) and axe-core with the tags hardening.mjs
 * uses, 0 violations.
 */
async function everyScreen(t, scheme) {
  const violations = [];
  await _visitScreens(t, { scheme, width: 360 }, async (name, page) => {
    const dark = await page.js(() => matchMedia('(prefers-color-scheme: dark)').matches);
    eq(dark, scheme === 'dark', `${name}: prefers-color-scheme is ${scheme}`);
    const frame = page.inFrame;
    await page.screenshot(path.join(t.artifacts, `${name}-360-${scheme}.png`), 360);
    // The screenshot is of the top page; axe checks the widget, inside its iframe for 'embed'.
    if (frame) await page.frame(frame);
    for (const v of await axe(t, page)) violations.push(`${name}: ${v}`);
    await page.viewport(360, 800);
    if (frame) await page.frame(frame);
  });
  assert(!violations.length, `axe violations (${scheme}): ${violations.join(' | ')}`);
  t.note(`axe-core on ${SCREENS.length} screens: 0 violations`);
}

export async function everyScreenLight(t) {
  await everyScreen(t, 'light');
}
export async function everyScreenDark(t) {
  await everyScreen(t, 'dark');
}
