// Results at a glance on a phone (issue 26): what a reader came for within the first two
// screens at 390 × 844, the comparison on top on every path, someone else's results in the
// third person, the comment text, a reader coming back, keyboard only, the printed memo.
// The print, media and touch journeys need Playwright (Chromium); the rest run in every engine.

import assert from 'node:assert/strict';
import { inflateSync } from 'node:zlib';
import { CHROMIUM_AND_WEBKIT, journey } from '../harness/journey.mjs';
import { QUESTION_COUNT as N, CONTENT, STORAGE_KEY, byDimension, expectedReport, pattern, resultsLink, writtenSnapshot } from '../lib.mjs';
import { answer, atQuestion, checkedValue, expectReport, finishAll, load, radioValue, seedStorage, start, tabTo } from '../widget.mjs';

/** A phone as Playwright emulates one (journeys marked `playwright`). */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** Two phone screens. */
const TWO_SCREENS = 1700;
const ALL_WORST = byDimension('0', '0', '0', '0');
const ALL_BEST = byDimension('3', '3', '3', '3');
// Ownership all best, Data and Metrics short of their best, Buy-in all worst: yes, partly, no, partly.
const MIXED = byDimension('3', '2', '0', '2');
const UNKNOWNS = pattern('?1'.repeat(N).slice(0, N));

/** A phone-sized page: in every engine by its viewport, or (`emulated`) Playwright's phone. */
async function phonePage(t, emulated = false) {
  if (!emulated) return t.newPage({ width: 390, height: 844 });
  return t.wrap(await (await t.newContext(PHONE)).newPage());
}

/** A phone page whose own finished run (`answers`) is stored, opened on its results link. */
async function ownResults(t, answers, emulated = false) {
  const page = await phonePage(t, emulated);
  await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(answers, 'r') });
  await load(page, resultsLink(t.base, answers));
  await page.waitForSelector('#results #verdict');
  return page;
}

/** The bottom of an element, in CSS pixels from the top of the page. */
async function bottomOf(page, selector) {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return null;
    return el.getBoundingClientRect().bottom + window.scrollY;
  }, selector);
}

async function expectWithin(page, selectors, limit, what) {
  for (const selector of selectors) {
    const bottom = await bottomOf(page, selector);
    assert.ok(bottom !== null, `${what}: ${selector} is on the page`);
    assert.ok(bottom <= limit, `${what}: ${selector} ends at ${Math.round(bottom)} px, beyond ${limit} px`);
  }
}

/** Every second-person word in a text. */
function secondPerson(text) {
  return text
    .split(/[^\p{L}'’]+/u)
    .filter((w) => /^(you|your|yours|yourself|yourselves|you['’](re|ve|d|ll))$/i.test(w));
}

journey('verdictMovesAndCopyLinkWithinTwoPhoneScreens', { engines: CHROMIUM_AND_WEBKIT }, async (t) => {
  for (const [answers, verdict] of [
    [ALL_WORST, 'not-ready'],
    [MIXED, 'not-ready'],
    [ALL_BEST, 'ready'],
  ]) {
    const page = await ownResults(t, answers);
    await expectReport(page, answers);
    assert.equal(await page.getAttribute('#verdict', 'data-verdict'), verdict, 'verdict');
    await expectWithin(
      page,
      ['#verdict', '#glance', '#next-moves', '#share-link-copy', '#share-comment', '#print'],
      TWO_SCREENS,
      `${verdict} result ${answers}`,
    );
    assert.equal(await page.count('#next-moves li'), 3, 'three moves');
  }
});

journey('compareSummaryInTheFirstScreenOnBothPaths', { engines: CHROMIUM_AND_WEBKIT }, async (t) => {
  const theirs = ALL_WORST;
  // A visitor who already had results opens a shared link.
  const had = await ownResults(t, MIXED);
  await load(had, resultsLink(t.base, theirs, 'ops'));
  await had.waitForSelector('#shared #compare-summary');
  await expectWithin(had, ['#compare-summary'], 844, 'visitor with results, shared link');
  assert.equal(await had.getAttribute('#compare-theirs', 'data-verdict'), 'not-ready', 'their verdict beside');
  await had.click('#to-compare');
  await had.waitForFunction(() => document.activeElement?.id === 'compare-heading');

  // A visitor who opens a shared link, takes the check and finishes.
  const fresh = await phonePage(t);
  await load(fresh, resultsLink(t.base, theirs, 'ops'));
  await fresh.waitForSelector('#shared #take-check');
  await fresh.click('#take-check');
  await finishAll(fresh, ALL_BEST);
  await fresh.waitForSelector('#results #compare-summary');
  await expectWithin(fresh, ['#compare-summary'], 844, 'shared link, took the check, finished');
  assert.equal(await fresh.getAttribute('#compare-mine', 'data-verdict'), 'ready', 'own verdict beside');
  assert.equal(await fresh.getAttribute('#compare-theirs', 'data-verdict'), 'not-ready', 'their verdict beside');
  assert.ok(await fresh.has('#compare table'), 'the detail is on the page');
});

journey('sharedResultSpeaksOfThem', { playwright: 'print media (emulateMedia)' }, async (t) => {
  const page = await phonePage(t, true);
  await load(page, resultsLink(t.base, UNKNOWNS));
  await page.waitForSelector('#shared #verdict');
  await expectReport(page, UNKNOWNS, '#shared', 'shared view');
  // Everything on the screen about the result, on screen and in print.
  for (const media of ['screen', 'print']) {
    await page.pw.emulateMedia({ media });
    const text = await page.evaluate(() => [...document.querySelectorAll('.their-words')].map((el) => el.textContent).join(' '));
    assert.ok(text.includes('Their verdict') && text.includes('They answered'), `${media}: the third person is there`);
    assert.deepEqual(secondPerson(text), [], `${media}: second-person words on someone else's results`);
  }
  await page.pw.emulateMedia({ media: 'screen' });
  await expectWithin(page, ['#verdict', '#next-moves', '#take-check'], TWO_SCREENS, 'shared result');
});

journey('commentTextOfAMixedResult', { engines: CHROMIUM_AND_WEBKIT }, async (t) => {
  const page = await ownResults(t, MIXED);
  const comment = await page.inputValue('#share-comment');
  // What the independent scorer in lib.mjs says, in the squares' order (asking order).
  const { bands } = expectedReport(MIXED);
  const order = CONTENT.dimensions.map((d) => bands[d.id]);
  assert.ok(order.includes('partly') && order.includes('no') && order.includes('yes'), `a mixed result: ${order}`);
  const squares = order.map((b) => ({ yes: '🟩', partly: '🟨', no: '🟥' })[b]).join('');
  const standings = CONTENT.dimensions.map((d) => `${d.name} ${bands[d.id]}`).join(', ');
  const passing = order.filter((b) => b === 'yes').length;
  const expected = `${passing}/${order.length} ${squares} – not ready. ${standings} → `;
  assert.ok(comment.includes(expected), `comment text: ${comment}, expected ${expected}`);
  assert.ok(comment.endsWith(resultsLink(t.base, MIXED)), `the comment ends with the link: ${comment}`);
});

journey('aReaderComingBackLandsWhereTheyLeft', { engines: CHROMIUM_AND_WEBKIT }, async (t) => {
  const page = await phonePage(t);
  await load(page, t.base);
  await start(page);
  for (let i = 0; i < 5; i++) await answer(page, i, MIXED[i]);
  // Unfinished: back to the question left.
  await load(page, t.base);
  await atQuestion(page, 5);
  for (let i = 5; i < N; i++) await answer(page, i, MIXED[i]);
  await page.waitForSelector('#results');
  // Finished: back to the results, and the address is the results link again.
  await load(page, t.base);
  await page.waitForSelector('#results #verdict');
  await expectReport(page, MIXED);
  await t.waitUntil(async () => (await page.url()) === resultsLink(t.base, MIXED), async () => `address ${await page.url()}`);
});

journey('keyboardOnlyArrowsChooseRightAfterNext', { playwright: 'a touch tap (hasTouch)' }, async (t) => {
  // Every level and "I don't know", spread over the questions.
  const keys = CONTENT.questions.map((q, i) => (i % 5 === 4 ? '?' : String((i * 3 + 1) % q.points.length))).join('');
  const page = await t.newPage({ width: 1280, height: 900 });
  await load(page, t.base);
  await page.waitForSelector('#intro #start');
  await tabTo(page, '#start');
  await page.press('Enter');
  let pressed = 0;
  let minimum = 0;
  const press = async (key) => {
    pressed++;
    await page.press(key);
  };
  for (let i = 0; i < N; i++) {
    await atQuestion(page, i);
    // After Next, focus lands where the arrows choose: the checked option, else the first. (The
    // previous question's radio can still hold focus for a moment as the question changes.)
    await page.waitForFunction(() => {
      const focused = document.activeElement;
      if (!focused?.matches('#question input[name=answer]')) return false;
      const checked = document.querySelector('#question input[name=answer]:checked');
      return focused === (checked ?? document.querySelector('#question input[name=answer]'));
    });
    if (i === 0) {
      const tip = await page.evaluate(() => getComputedStyle(document.querySelector('#question .hint')).visibility);
      assert.equal(tip, 'visible', 'the keyboard tip shows to a keyboard user');
    }
    const options = CONTENT.questions[i].points.length;
    const level = keys[i] === '?' ? options : Number(keys[i]);
    minimum += Math.max(1, level) + 1;
    // Space chooses the focused first option; each arrow moves and chooses.
    if (level === 0) await press('Space');
    for (let s = 0; s < level; s++) await press('ArrowDown');
    assert.equal(await checkedValue(page), radioValue(keys[i]), `keyboard choice on question ${i + 1}`);
    await press('Enter');
  }
  await page.waitForSelector('#results #verdict');
  await expectReport(page, keys);
  t.note(`keyboard: ${pressed} keys for ${N} questions (${(pressed / N).toFixed(2)} a question, Tab never needed)`);
  assert.equal(pressed, minimum, 'keys: the choice and Enter, nothing to reach the options');
  // A pointer user never sees the tip.
  const touch = await phonePage(t, true);
  await load(touch, t.base);
  await start(touch);
  await touch.pw.tap('#question label.option');
  const tip = await touch.evaluate(() => getComputedStyle(document.querySelector('#question .hint')).visibility);
  assert.equal(tip, 'hidden', 'no keyboard tip after a tap');
});

// ------------------------------------------------------------------------------------------
// The printed memo
// ------------------------------------------------------------------------------------------

/** Text of a PDF written by Chromium (Skia): the shown glyphs through each font's ToUnicode map. */
function pdfText(buffer) {
  const raw = buffer.toString('latin1');
  const objects = new Map();
  for (const m of raw.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const body = m[2];
    const s = body.indexOf('stream');
    let stream = null;
    if (s >= 0) {
      let start = s + 'stream'.length;
      if (raw[0] !== undefined && body[start] === '\r') start++;
      if (body[start] === '\n') start++;
      const end = body.lastIndexOf('endstream');
      const bytes = Buffer.from(body.slice(start, end), 'latin1');
      try {
        stream = /FlateDecode/.test(body.slice(0, s)) ? inflateSync(bytes).toString('latin1') : bytes.toString('latin1');
      } catch {
        stream = null;
      }
    }
    objects.set(m[1], { dict: s >= 0 ? body.slice(0, s) : body, stream });
  }
  const hexUtf16 = (hex) => {
    let out = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return out;
  };
  const cmaps = new Map();
  for (const [num, obj] of objects) {
    const to = /\/ToUnicode (\d+) 0 R/.exec(obj.dict);
    if (!to) continue;
    const map = new Map();
    const text = objects.get(to[1])?.stream ?? '';
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(p[1], 16), hexUtf16(p[2]));
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const p of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
        const lo = parseInt(p[1], 16);
        const hi = parseInt(p[2], 16);
        if (p[3].startsWith('[')) {
          [...p[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, k) => map.set(lo + k, hexUtf16(d[1])));
        } else {
          const first = hexUtf16(p[3].slice(1, -1));
          for (let c = lo; c <= hi; c++) map.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + c - lo));
        }
      }
    }
    cmaps.set(num, map);
  }
  const fonts = new Map();
  for (const obj of objects.values()) {
    for (const block of obj.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const f of block[1].matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) if (cmaps.has(f[2])) fonts.set(f[1], cmaps.get(f[2]));
    }
  }
  let text = '';
  for (const obj of objects.values()) {
    if (!obj.stream || !/\bTf\b/.test(obj.stream)) continue;
    let font = new Map();
    for (const op of obj.stream.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\bET\b/g)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[0] === 'ET') text += '\n';
      else {
        const hexes = op[2] !== undefined ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [op[3]];
        const width = op[2] !== undefined ? 4 : 4;
        for (const hex of hexes) for (let i = 0; i + width <= hex.length; i += width) text += font.get(parseInt(hex.slice(i, i + width), 16)) ?? '';
      }
    }
  }
  return text;
}

/** Pages in a PDF. */
function pdfPages(buffer) {
  return (buffer.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
}

// NFKC: Chromium's PDF writes ligatures (ﬁ) as single glyphs.
const squash = (s) => s.normalize('NFKC').replace(/\s+/g, '');

journey('printedMemoHoldsDateLinkAndFitsTwoPages', { playwright: 'prints to PDF (page.pdf)' }, async (t) => {
  for (const [answers, label] of [
    [ALL_WORST, 'invoice triage'],
    [UNKNOWNS, ''],
    [MIXED, ''],
    [ALL_BEST, ''],
  ]) {
    const page = await ownResults(t, answers, true);
    if (label) {
      await page.fill('#pilot-label', label);
      await page.waitForFunction(() => (document.getElementById('share-link')?.value ?? '').includes('.invoice_triage'));
    }
    const link = await page.inputValue('#share-link');
    const date = (await page.textContent('#memo-date')).trim();
    const now = await page.evaluate(() => {
      const d = new Date();
      return [d.getDate(), d.toLocaleString('en-GB', { month: 'long' }), d.getFullYear()].join(' ');
    });
    assert.equal(date, now, "the memo's date is today");
    assert.ok(await page.has('#print'), 'a print button on the results');
    const pdf = await page.pw.pdf({ format: 'A4', printBackground: true });
    const pages = pdfPages(pdf);
    const text = pdfText(pdf);
    const what = `memo of ${answers}`;
    assert.ok(pages >= 1 && pages <= 2, `${what}: ${pages} A4 pages`);
    assert.ok(!text.includes('Details on'), `${what}: no disclosure buttons in print`);
    for (const needed of ['Scaling Readiness Check', date, link, label ? `Pilot: ${label}` : 'Pilot: not named']) {
      assert.ok(squash(text).includes(squash(needed)), `${what}: the PDF holds "${needed}"; it says: ${text.slice(0, 400)}`);
    }
    // Every dimension's details are in print, and the moves.
    for (const dimension of CONTENT.dimensions) assert.ok(text.includes(dimension.name), `${what}: ${dimension.name}`);
    assert.ok(squash(text).includes(squash(await page.textContent('#next-moves li'))), `${what}: the first move`);
    t.note(`${what}: ${pages} page(s)`);
  }
  // The shared view prints the same way, in the third person.
  const shared = await phonePage(t, true);
  await load(shared, resultsLink(t.base, UNKNOWNS));
  await shared.waitForSelector('#shared #verdict');
  const pdf = await shared.pw.pdf({ format: 'A4', printBackground: true });
  const text = pdfText(pdf);
  assert.ok(pdfPages(pdf) <= 2, `shared memo: ${pdfPages(pdf)} pages`);
  assert.ok(squash(text).includes(squash(resultsLink(t.base, UNKNOWNS))), 'shared memo: the link');
  assert.ok(text.includes('shared results memo'), 'shared memo: its title');
  assert.deepEqual(secondPerson(text.replace(/Scaling Readiness Check: shared results memo/, '')), [], 'shared memo: second person');
});
