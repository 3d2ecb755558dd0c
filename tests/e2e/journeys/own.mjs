// The reader's own run (issue 4): questions, results, saving, broken storage, share, clear.

import {
  QUESTION_COUNT as N,
  STORAGE_KEY,
  UNREADABLE_KEY,
  answer,
  assert,
  atQuestion,
  checkedValue,
  cleanLabel,
  encodeCode,
  eq,
  expectReport,
  expectedReport,
  finishAll,
  focusOn,
  injectableCounts,
  load,
  radioValue,
  seedStorage,
  shareLink,
  snapshotText,
  writtenSnapshot,
  addressSnapshot,
  storedParts,
  start,
  storage,
  tabTo,
  until,
  pattern,
  resultsLink,
} from '../lib.mjs';

const MIXED = pattern('130221203213012303');

/** Throws on any access to window.localStorage, as blocked third-party storage does. */
function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

/** Storage that reads but cannot write: a full quota. */
function fullStorage() {
  Storage.prototype.setItem = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

export async function fullRunWithKnownAnswers(t) {
  const page = await t.newPage();
  await load(page, t.base);
  await page.waitForSelector('#intro #start:enabled');
  await page.click('#start');
  for (let i = 0; i < N; i++) {
    await atQuestion(page, i);
    // Focus on the radio the arrow keys choose: the chosen answer's, else the first (issue 26).
    await focusOn(page, `q${i}-o0`, `question ${i + 1}`);
    const progress = (await page.textContent('#progress')).replace(/\s+/g, ' ');
    assert(progress.includes(`${i + 1} of ${N}`), `progress text "${progress}" should say ${i + 1} of ${N}`);
    eq(await page.getAttribute('[role=progressbar]', 'aria-valuenow'), String(i), `progressbar value at question ${i + 1}`);
    const before = (await page.textContent('#next')).trim();
    eq(before, i === N - 1 ? 'See results' : 'Skip', `#next text before answering question ${i + 1}`);
    await page.check(`#question input[name=answer][value="${radioValue(MIXED[i])}"]`);
    const after = (await page.textContent('#next')).trim();
    eq(after, i === N - 1 ? 'See results' : 'Next', `#next text after answering question ${i + 1}`);
    await page.click('#next');
  }
  await page.waitForSelector('#results');
  await expectReport(page, MIXED);
  eq(await page.locator('#next-moves li').count(), 3, 'number of next moves');
  eq((await storage(page)).main, writtenSnapshot(MIXED, 'r'), 'stored snapshot');
  eq(await shareLink(page), resultsLink(t.base, MIXED), 'results link');
  await until(async () => page.url() === resultsLink(t.base, MIXED), async () => `the address bar holds the results link, not ${page.url()}`);
}

export async function allBestIsReadyAllWorstIsNot(t) {
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  await finishAll(page, '3'.repeat(N));
  const best = await expectReport(page, '3'.repeat(N));
  eq(Object.values(best.scores), [100, 100, 100, 100], 'all best scores');
  eq(best.verdict, 'ready', 'all best verdict');
  await page.click('#results button:has-text("Back to the questions")');
  // Edit every answer down to the worst level.
  for (let i = N - 1; i >= 0; i--) {
    await atQuestion(page, i);
    await page.check('#question input[name=answer][value="0"]');
    if (i > 0) await page.click('#back');
  }
  for (let i = 0; i < N; i++) await answer(page, i, '-');
  const worst = await expectReport(page, '0'.repeat(N));
  eq(Object.values(worst.scores), [0, 0, 0, 0], 'all worst scores');
  eq(worst.verdict, 'not-ready', 'all worst verdict');
}

export async function reloadMidwayResumes(t) {
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  for (let i = 0; i < 6; i++) await answer(page, i, MIXED[i]);
  // Choose on question 7 without going on: the choice alone must survive the reload.
  await page.check(`#question input[name=answer][value="${radioValue(MIXED[6])}"]`);
  await page.reload();
  await page.waitForSelector('#question');
  await atQuestion(page, 6);
  eq(await checkedValue(page), radioValue(MIXED[6]), 'question 7 answer after reload');
  for (let i = 5; i >= 0; i--) {
    await page.click('#back');
    await atQuestion(page, i);
    eq(await checkedValue(page), radioValue(MIXED[i]), `question ${i + 1} answer after reload`);
  }
  // A fresh visit (no fragment) lands on the question the reader left: question 1, after
  // going back (issue 26).
  await load(page, t.base);
  await atQuestion(page, 0);
  eq(await checkedValue(page), radioValue(MIXED[0]), 'question 1 answer on a fresh visit');
  await finishAll(page, MIXED, 0);
  await expectReport(page, MIXED);
}

export async function backAndEditChangeTheResult(t) {
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  const first = '0'.repeat(N);
  await finishAll(page, first);
  await expectReport(page, first);
  // Edit Ownership from the results card (in its details, issue 26).
  await page.click('.dimension[data-dimension="ownership"] button.disclosure');
  await page.click('.dimension[data-dimension="ownership"] button.edit');
  await atQuestion(page, 0);
  await focusOn(page, 'q0-o0', 'edit from results: the chosen answer');
  eq(await checkedValue(page), '0', 'edited question shows the old answer');
  const second = '3333' + '0'.repeat(N - 4);
  for (let i = 0; i < 4; i++) await answer(page, i, '3');
  for (let i = 4; i < N; i++) await answer(page, i, '-');
  await expectReport(page, second);
  // Back from the results to the last question, change it.
  await page.click('#results button:has-text("Back to the questions")');
  await atQuestion(page, N - 1);
  eq(await checkedValue(page), '0', 'last question keeps its answer');
  const third = second.slice(0, N - 1) + '3';
  await answer(page, N - 1, '3');
  await expectReport(page, third);
  assert(
    expectedReport(third).scores.metrics !== expectedReport(second).scores.metrics,
    'the edit should change the metrics score (test data)',
  );
}

export async function keyboardOnlyRun(t) {
  const keys = pattern('3?2103213331?02333');
  const page = await t.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await load(page, t.base);
  await page.waitForSelector('#start');
  await tabTo(page, '#start');
  await page.keyboard.press('Enter');
  for (let i = 0; i < N; i++) {
    await atQuestion(page, i);
    // After Next focus is already on the first option: no Tab (issue 26).
    await focusOn(page, `q${i}-o0`, `keyboard, question ${i + 1}`);
    await page.keyboard.press('Space');
    const steps = keys[i] === '?' ? 4 : Number(keys[i]);
    for (let s = 0; s < steps; s++) await page.keyboard.press('ArrowDown');
    eq(await checkedValue(page), radioValue(keys[i]), `keyboard choice on question ${i + 1}`);
    await page.keyboard.press('Enter');
  }
  await page.waitForSelector('#results');
  await expectReport(page, keys);
  // Share panel: label, then copy.
  await tabTo(page, '#pilot-label');
  await page.keyboard.type('keyboard pilot');
  // The label field sits after the link's copy button (issue 26): back to it.
  await tabTo(page, '#share-link-copy', { reverse: true });
  await page.keyboard.press('Enter');
  await until(
    async () => (await page.textContent('#share .copy-status')).includes('Copied'),
    'copy confirmation after Enter on #share-link-copy',
  );
  const link = await shareLink(page);
  assert(link.endsWith('.keyboard_pilot'), `link ${link} should carry the label`);
  eq(await page.evaluate(() => navigator.clipboard.readText()), link, 'clipboard holds the results link');
  // Clear my answers, confirmed with the keyboard.
  await tabTo(page, '#clear');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#confirm-clear');
  await tabTo(page, '#confirm-clear');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#intro #start');
  eq(await storage(page), { main: null, unreadable: null }, 'storage after clearing with the keyboard');
}

export async function storageThatThrowsOnAccess(t) {
  const context = await t.newContext();
  await context.addInitScript(blockStorage);
  const page = await context.newPage();
  await load(page, t.base);
  await page.waitForSelector('#storage-notice');
  await start(page);
  for (let i = 0; i < 5; i++) await answer(page, i, MIXED[i]);
  await page.reload();
  await page.waitForSelector('#question');
  await atQuestion(page, 5);
  await page.waitForSelector('#storage-notice');
  await page.click('#back');
  await atQuestion(page, 4);
  eq(await checkedValue(page), radioValue(MIXED[4]), 'answer kept in the address across a reload');
  await page.click('#next');
  await finishAll(page, MIXED, 5);
  await expectReport(page, MIXED);
  assert(await page.isVisible('#storage-notice'), '#storage-notice stays visible on the results');
}

export async function storageFullOnWrite(t) {
  const context = await t.newContext();
  await context.addInitScript(fullStorage);
  const page = await context.newPage();
  await load(page, t.base);
  await start(page);
  await answer(page, 0, MIXED[0]);
  await page.waitForSelector('#storage-notice');
  for (let i = 1; i < 4; i++) await answer(page, i, MIXED[i]);
  await page.reload();
  await atQuestion(page, 4);
  await finishAll(page, MIXED, 4);
  await expectReport(page, MIXED);
  assert(await page.isVisible('#storage-notice'), '#storage-notice visible with a full storage');
}

export async function corruptedSavedDataIsKeptAside(t) {
  const page = await t.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: 'garbage{' });
  await load(page, t.base);
  await page.waitForSelector('#storage-notice');
  await page.waitForSelector('#intro #start');
  assert(!(await page.$('#continue')), 'a fresh start must not offer to continue');
  eq(await storage(page), { main: null, unreadable: 'garbage{' }, 'storage after reading garbage');
  await start(page);
  await finishAll(page, MIXED);
  await expectReport(page, MIXED);
  const after = await storage(page);
  eq(after.unreadable, 'garbage{', 'the unreadable value is never overwritten');
  eq(after.main, writtenSnapshot(MIXED, 'r'), 'the new run is saved');
}

export async function savedSnapshotRestores(t) {
  const saved = pattern('3210?3210' + '-'.repeat(N - 9));
  const page = await t.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: snapshotText(saved, 'q9', 'restored pilot') });
  // A fresh visit lands on the question the reader left (issue 26).
  await load(page, t.base);
  await atQuestion(page, 9);
  assert(!(await page.$('#storage-notice')), 'a readable snapshot must not raise the storage notice');
  await page.click('#back');
  await atQuestion(page, 8);
  eq(await checkedValue(page), '0', 'restored answer of question 9');
  await page.click('#next');
  const full = saved.slice(0, 9) + '321033333';
  await finishAll(page, full, 9);
  await expectReport(page, full);
  eq(await page.inputValue('#pilot-label'), 'restored pilot', 'restored pilot label');
  assert((await shareLink(page)).endsWith('.restored_pilot'), 'the link carries the restored label');

  // A snapshot written by a newer version is kept aside, not discarded.
  const other = await t.newPage();
  const newer = 'S3;1BIN3QDMzO5;q3;;future-field';
  await seedStorage(other, t.base, { [STORAGE_KEY]: newer });
  await load(other, t.base);
  await other.waitForSelector('#storage-notice');
  eq((await storage(other)).unreadable, newer, 'newer snapshot kept aside');
}

export async function startOverAsksFirst(t) {
  const page = await t.newPage();
  // Left on the intro, which a fresh visit shows again with "start over" (issue 26).
  await seedStorage(page, t.base, { [STORAGE_KEY]: snapshotText('3333' + '-'.repeat(N - 4), 'i') });
  await load(page, t.base);
  await page.click('#start-over');
  await page.waitForSelector('#confirm-start-over-yes');
  eq(storedParts((await storage(page)).main).code, encodeCode('3333' + '-'.repeat(N - 4)), 'nothing discarded before confirming');
  await page.click('#confirm-start-over-yes');
  await atQuestion(page, 0);
  eq(await checkedValue(page), null, 'no answer after starting over');
  await page.reload();
  await atQuestion(page, 0);
  eq(await checkedValue(page), null, 'no answer after starting over and reloading');
}

export async function clearEmptiesStorage(t) {
  const page = await t.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: 'not a snapshot' });
  await load(page, t.base);
  await page.waitForSelector('#storage-notice');
  await start(page);
  await finishAll(page, MIXED);
  const before = await storage(page);
  assert(before.main && before.unreadable, `both keys are set before clearing: ${JSON.stringify(before)}`);
  await page.click('#clear');
  await page.click('#confirm-clear');
  await page.waitForSelector('#intro #start');
  eq(await storage(page), { main: null, unreadable: null }, 'storage after clear my answers');
  eq(new URL(page.url()).hash, '', 'address fragment after clear my answers');
  await load(page, t.base);
  await page.waitForSelector('#intro #start');
  assert(!(await page.$('#continue')), 'nothing to continue after clearing');
}

export async function copiedLinkOpensElsewhere(t) {
  const page = await t.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await load(page, t.base);
  await start(page);
  await finishAll(page, MIXED);
  await page.click('#share-link-copy');
  await until(async () => (await page.textContent('#share .copy-status')).includes('Copied'), 'copy confirmation');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  eq(copied, await shareLink(page), 'clipboard holds the results link');
  const other = await t.newPage();
  await load(other, copied);
  await other.waitForSelector('#shared');
  await expectReport(other, MIXED, '#shared', 'shared view of the copied link');
  eq(await storage(other), { main: null, unreadable: null }, 'opening a link stores nothing');
}

export async function pilotLabelIsPlainText(t) {
  const raw = '  Invoice   triage ✓ 請求書 <script>alert(1)</script>';
  const label = cleanLabel(raw);
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  await finishAll(page, MIXED);
  await page.fill('#pilot-label', raw);
  const link = await shareLink(page);
  eq(link.split('#r=')[1], encodeCode(MIXED, label), 'the link carries the cleaned label');
  const other = await t.newPage();
  await load(other, t.base);
  await other.waitForSelector('#intro');
  const baseline = await injectableCounts(other);
  const scripts = await other.evaluate(() => document.querySelectorAll('script').length);
  await load(other, link);
  await other.waitForSelector('#shared');
  eq(await other.textContent('#shared-label'), label, '#shared-label text');
  eq(await other.evaluate(() => document.querySelectorAll('script').length), scripts, 'script elements');
  eq(await injectableCounts(other), baseline, 'script/img/iframe/object/embed elements');
  eq(await other.evaluate(() => document.querySelector('#shared-label').children.length), 0, 'label has no child element');
  await expectReport(other, MIXED, '#shared');
}

export async function shareSheetLinksAndCopyFallback(t) {
  // A browser with a share sheet and without the clipboard API.
  const context = await t.newContext();
  await context.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value(data) {
        window.__shared.push(data);
        return Promise.resolve();
      },
    });
    Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
  });
  const page = await context.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(MIXED, 'r') });
  await load(page, resultsLink(t.base, MIXED));
  await page.waitForSelector('#results #share');
  await page.fill('#pilot-label', 'share sheet');
  const link = await shareLink(page);
  assert(link.endsWith('.share_sheet'), `link ${link} carries the label`);

  await page.click('#system-share');
  const shared = await until(() => page.evaluate(() => window.__shared.at(-1)), 'navigator.share should be called');
  eq(shared.url, link, 'the share sheet gets the results link');
  assert(typeof shared.text === 'string' && shared.text.length > 10, 'the share sheet gets a text');

  for (const id of ['share-linkedin', 'share-x', 'share-email']) {
    const href = await page.getAttribute(`#${id}`, 'href');
    assert(href && decodeURIComponent(href).includes(link), `#${id} href should carry the results link: ${href}`);
  }
  assert((await page.getAttribute('#share-email', 'href')).startsWith('mailto:'), '#share-email is a mailto: link');
  const comment = await page.inputValue('#share-comment');
  assert(comment.includes(link), `the ready comment holds the link: ${comment}`);

  // No clipboard API: the copy button selects the text for a manual copy and says so.
  await page.click('#share-link-copy');
  await until(async () => (await page.textContent('#share .copy-status')).includes('selected'), 'the copy fallback explains itself');
  const selection = await page.evaluate(() => {
    const el = document.activeElement;
    return { id: el.id, start: el.selectionStart, end: el.selectionEnd, length: el.value?.length };
  });
  eq(selection, { id: 'share-link', start: 0, end: link.length, length: link.length }, 'the link is selected for a manual copy');

  // Without a share sheet there is no share button.
  const plain = await t.newPage();
  await seedStorage(plain, t.base, { [STORAGE_KEY]: writtenSnapshot(MIXED, 'r') });
  await load(plain, resultsLink(t.base, MIXED));
  await plain.waitForSelector('#results #share');
  const hasShare = await plain.evaluate(() => typeof navigator.share === 'function');
  eq(!!(await plain.$('#system-share')), hasShare, '#system-share present exactly when navigator.share exists');
}

/** Holds the page's wasm request until the returned function is called. */
export async function _holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route('**/*_bg.wasm', async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

export async function staticIntroStartsBeforeTheApp(t) {
  // Hold the wasm back: the static intro in index.html is readable and its start link works.
  const page = await t.newPage();
  const release = await _holdWasm(page);
  await page.goto(t.base);
  await page.waitForSelector('#static-intro #start');
  assert(!(await page.$('#widget')), 'the app has not mounted while its wasm is held back');
  eq(await page.textContent('#static-intro h1'), 'Is your AI pilot ready to scale?', 'static intro heading');
  await page.click('#start');
  eq(new URL(page.url()).hash, '#start', 'the start link leaves #start in the address');
  release();
  // The app honours the early click: the first question, with focus on its first option.
  await atQuestion(page, 0);
  assert(!(await page.$('#static-intro')), 'the static intro is gone once the app mounts');
  await until(() => page.evaluate(() => document.activeElement && document.activeElement.id === 'q0-o0'), 'focus on the first option');
  await until(() => page.evaluate(() => location.hash === '#q=1'), 'the address then names the question, never the answers');
}

export async function staticIntroHiddenForOtherScreens(t) {
  // A results link on the base page never flashes the intro while the app loads.
  const page = await t.newPage();
  const release = await _holdWasm(page);
  await page.goto(t.base + '#team');
  assert(!(await page.isVisible('#static-intro')), 'static intro hidden for #team');
  assert(await page.isVisible('.loading'), 'a loading line instead');
  release();
  await page.waitForSelector('#team');
}
