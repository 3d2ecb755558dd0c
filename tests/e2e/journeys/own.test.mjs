// The reader's own run (issue 4): a fresh profile, questions, results, saving, broken
// storage, keyboard only, share, copy and download with their fallbacks, clear.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { EVERY, journey } from '../harness/journey.mjs';
import {
  CONTENT,
  QUESTION_COUNT as N,
  STORAGE_KEY,
  UNREADABLE_KEY,
  cleanLabel,
  encodeCode,
  expectedReport,
  pattern,
  resultsLink,
  snapshotText,
  storedParts,
  writtenSnapshot,
} from '../lib.mjs';
import {
  answer,
  atQuestion,
  checkedValue,
  copyStatus,
  expectReport,
  finishAll,
  finishFromLast,
  focusArrives,
  focusOn,
  focused,
  holdWasm,
  injectableCounts,
  load,
  radioValue,
  seedStorage,
  selection,
  shareLink,
  start,
  storage,
  tabTo,
  watchFocus,
  withStoredRun,
} from '../widget.mjs';

const MIXED = pattern('13221203213012303');

/** Every session starts with empty storage: a run saved in one profile is not in the next. */
journey('freshProfileEachSession', { engines: EVERY }, async (t) => {
  const first = await t.newPage();
  await load(first, t.base);
  await start(first);
  await answer(first, 0, MIXED[0]);
  await first.waitForFunction((k) => localStorage.getItem(k), STORAGE_KEY);
  const second = await t.newPage();
  await load(second, t.base);
  await second.waitForSelector('#intro #start');
  assert.deepEqual(await storage(second), { main: null, unreadable: null }, "a new session's storage");
  assert.ok(!(await second.has('#continue')), 'a new session must not offer to continue another one');
});

journey('fullRunWithKnownAnswers', { engines: EVERY }, async (t) => {
  const page = await t.newPage();
  await load(page, t.base);
  await page.waitForSelector('#intro #start:enabled');
  await page.click('#start');
  const middle = Math.floor(N / 2);
  for (let i = 0; i < N; i++) {
    await atQuestion(page, i);
    // Focus on the radio the arrow keys choose: the chosen answer's, else the first (issue 26).
    await focusOn(page, `q${i}-o0`, `question ${i + 1}`);
    const progress = (await page.textContent('#progress')).replace(/\s+/g, ' ');
    assert.ok(progress.includes(`${i + 1} of ${N}`), `progress text "${progress}" should say ${i + 1} of ${N}`);
    assert.equal(await page.getAttribute('[role=progressbar]', 'aria-valuenow'), String(i), `progressbar value at question ${i + 1}`);
    const last = i === N - 1;
    assert.equal((await page.textContent('#next')).trim(), last ? 'See results' : 'Skip', `#next before answering question ${i + 1}`);
    await page.check(`#question input[name=answer][value="${radioValue(MIXED[i])}"]`);
    assert.equal((await page.textContent('#next')).trim(), last ? 'See results' : 'Next', `#next after answering question ${i + 1}`);
    await page.click('#next');
    if (i === middle) {
      // Back twice: the answers are still there; then on again.
      for (const j of [middle, middle - 1]) {
        await atQuestion(page, j + 1);
        await page.click('#back');
        await atQuestion(page, j);
        assert.equal(await checkedValue(page), radioValue(MIXED[j]), `question ${j + 1} after going back`);
      }
      await page.click('#next');
      await atQuestion(page, middle);
      await page.click('#next');
    }
  }
  await page.waitForSelector('#results #verdict');
  await expectReport(page, MIXED);
  assert.equal(await page.count('#next-moves li'), 3, 'number of next moves');
  assert.equal((await storage(page)).main, writtenSnapshot(MIXED, 'r'), 'stored snapshot');
  assert.equal(await shareLink(page), resultsLink(t.base, MIXED), 'results link');
  await t.waitUntil(async () => (await page.url()) === resultsLink(t.base, MIXED), async () => `the address bar holds the results link, not ${await page.url()}`);
  // Back from the results to the last question, and on to the same results.
  await page.clickText('#results', 'Back to the questions');
  await atQuestion(page, N - 1);
  await focusOn(page, `q${N - 1}-${MIXED[N - 1] === '?' ? 'unknown' : 'o' + MIXED[N - 1]}`, 'back to the questions from the results: the chosen answer');
  assert.equal(await checkedValue(page), radioValue(MIXED[N - 1]), 'the last answer after going back from the results');
  await page.click('#next');
  await page.waitForSelector('#results #verdict');
  await expectReport(page, MIXED);
});

journey('allBestIsReadyAllWorstIsNot', async (t) => {
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  await finishAll(page, '3'.repeat(N));
  const best = await expectReport(page, '3'.repeat(N));
  assert.deepEqual(Object.values(best.scores), [100, 100, 100, 100], 'all best scores');
  assert.equal(best.verdict, 'ready', 'all best verdict');
  await page.clickText('#results', 'Back to the questions');
  // Edit every answer down to the worst level.
  for (let i = N - 1; i >= 0; i--) {
    await atQuestion(page, i);
    await page.check('#question input[name=answer][value="0"]');
    if (i > 0) await page.click('#back');
  }
  for (let i = 0; i < N; i++) await answer(page, i, '-');
  const worst = await expectReport(page, '0'.repeat(N));
  assert.deepEqual(Object.values(worst.scores), [0, 0, 0, 0], 'all worst scores');
  assert.equal(worst.verdict, 'not-ready', 'all worst verdict');
});

journey('reloadMidwayResumes', { engines: EVERY }, async (t) => {
  const page = await t.newPage();
  await load(page, t.base);
  await start(page);
  for (let i = 0; i < 6; i++) await answer(page, i, MIXED[i]);
  // Chosen on question 7 without going on: the choice alone must survive the reload.
  await page.check(`#question input[name=answer][value="${radioValue(MIXED[6])}"]`);
  await page.reload();
  await page.waitForSelector('#question');
  await atQuestion(page, 6);
  assert.equal(await checkedValue(page), radioValue(MIXED[6]), 'question 7 answer after reload');
  for (let i = 5; i >= 0; i--) {
    await page.click('#back');
    await atQuestion(page, i);
    assert.equal(await checkedValue(page), radioValue(MIXED[i]), `question ${i + 1} answer after reload`);
  }
  // A fresh visit (no fragment) lands on the question the reader left: question 1, after
  // going back (issue 26).
  await load(page, t.base);
  await atQuestion(page, 0);
  assert.equal(await checkedValue(page), radioValue(MIXED[0]), 'question 1 answer on a fresh visit');
  await finishAll(page, MIXED, 0);
  await expectReport(page, MIXED);
});

journey('backAndEditChangeTheResult', async (t) => {
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
  assert.equal(await checkedValue(page), '0', 'edited question shows the old answer');
  const second = '3333' + '0'.repeat(N - 4);
  for (let i = 0; i < 4; i++) await answer(page, i, '3');
  for (let i = 4; i < N; i++) await answer(page, i, '-');
  await expectReport(page, second);
  // Back from the results to the last question, change it.
  await page.clickText('#results', 'Back to the questions');
  await atQuestion(page, N - 1);
  assert.equal(await checkedValue(page), '0', 'last question keeps its answer');
  const third = second.slice(0, N - 1) + '3';
  await answer(page, N - 1, '3');
  await expectReport(page, third);
  assert.notEqual(expectedReport(third).scores.metrics, expectedReport(second).scores.metrics, 'the edit should change the metrics score (test data)');
});

journey('keyboardOnlyRun', { engines: EVERY }, async (t) => {
  const keys = pattern('3?103213331?02333');
  const page = await t.newPage();
  await load(page, t.base);
  await page.waitForSelector('#intro #start');
  await tabTo(page, '#start');
  await watchFocus(page);
  await page.press('Enter');
  for (let i = 0; i < N; i++) {
    await atQuestion(page, i);
    // After Next focus arrives on the first option: no Tab (issue 26). It must arrive there,
    // whichever option the last question's answer was, so that a screen reader reads the new
    // question out (and a reader's first arrow key is not undone by a late move).
    await focusArrives(page, `q${i}-o0`, `keyboard, question ${i + 1}`);
    await page.press('Space');
    const steps = keys[i] === '?' ? CONTENT.questions[i].points.length : Number(keys[i]);
    for (let s = 0; s < steps; s++) await page.press('ArrowDown');
    assert.equal(await checkedValue(page), radioValue(keys[i]), `keyboard choice on question ${i + 1}`);
    await page.press('Enter');
  }
  await page.waitForSelector('#results #verdict');
  await expectReport(page, keys);
  // The share panel: a label typed, the link copied, with the keyboard.
  await tabTo(page, '#pilot-label');
  await page.type('keyboard pilot');
  const link = await page.waitForFunction(() => {
    const value = document.getElementById('share-link')?.value ?? '';
    return value.endsWith('.keyboard_pilot') && value;
  });
  // The label field sits after the link's copy button (issue 26): back to it.
  await tabTo(page, '#share-link-copy', { reverse: true });
  await page.press('Enter');
  const status = await copyStatus(page);
  // Chromium here has the clipboard permission; the other engines may refuse and select.
  if (t.engine === 'chromium') assert.match(status, /^Copied/, 'copy status with the clipboard allowed');
  if (/^Copied/.test(status)) assert.equal(await page.readClipboard(), link, 'the clipboard holds the results link');
  else assert.match(status, /selected/, `copy status: "${status}"`);
  t.note(`copy with Enter: "${status}"`);
  // Clear my answers, confirmed with the keyboard.
  await tabTo(page, '#clear');
  await page.press('Enter');
  await page.waitForSelector('#confirm-clear');
  await tabTo(page, '#confirm-clear');
  await page.press('Enter');
  await page.waitForSelector('#intro #start');
  assert.deepEqual(await storage(page), { main: null, unreadable: null }, 'storage after clearing with the keyboard');
});

/** Storage that throws on every access: the check still finishes, the address keeps the run. */
journey('storageThatThrowsOnAccess', { engines: EVERY }, async (t) => {
  const page = await t.newPage();
  await load(page, t.base + '?e2e=throwing-storage');
  const blocked = await page.evaluate(() => {
    try {
      return String(window.localStorage);
    } catch (error) {
      return error.name;
    }
  });
  assert.equal(blocked, 'SecurityError', 'the throwing-storage probe is in place (else this journey proves nothing)');
  await page.waitForSelector('#storage-notice');
  await start(page);
  for (let i = 0; i < 5; i++) await answer(page, i, MIXED[i]);
  await page.reload();
  await page.waitForSelector('#question');
  await atQuestion(page, 5);
  await page.waitForSelector('#storage-notice');
  await page.click('#back');
  await atQuestion(page, 4);
  assert.equal(await checkedValue(page), radioValue(MIXED[4]), 'answer kept in the address across a reload');
  await page.click('#next');
  await finishAll(page, MIXED, 5);
  await expectReport(page, MIXED);
  assert.ok(await page.isVisible('#storage-notice'), '#storage-notice stays visible on the results');
});

journey('storageFullOnWrite', async (t) => {
  const page = await t.newPage();
  await load(page, t.base + '?e2e=full-storage');
  await start(page);
  await answer(page, 0, MIXED[0]);
  await page.waitForSelector('#storage-notice');
  for (let i = 1; i < 4; i++) await answer(page, i, MIXED[i]);
  await page.reload();
  await atQuestion(page, 4);
  await finishAll(page, MIXED, 4);
  await expectReport(page, MIXED);
  assert.ok(await page.isVisible('#storage-notice'), '#storage-notice visible with a full storage');
});

journey('corruptedSavedDataIsKeptAside', async (t) => {
  const page = await t.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: 'garbage{' });
  await load(page, t.base);
  await page.waitForSelector('#storage-notice');
  await page.waitForSelector('#intro #start');
  assert.ok(!(await page.has('#continue')), 'a fresh start must not offer to continue');
  assert.deepEqual(await storage(page), { main: null, unreadable: 'garbage{' }, 'storage after reading garbage');
  await start(page);
  await finishAll(page, MIXED);
  await expectReport(page, MIXED);
  const after = await storage(page);
  assert.equal(after.unreadable, 'garbage{', 'the unreadable value is never overwritten');
  assert.equal(after.main, writtenSnapshot(MIXED, 'r'), 'the new run is saved');
});

journey('savedSnapshotRestores', async (t) => {
  const saved = pattern('3210?3210' + '-'.repeat(N - 9));
  const page = await t.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: snapshotText(saved, 'q9', 'restored pilot') });
  // A fresh visit lands on the question the reader left (issue 26).
  await load(page, t.base);
  await atQuestion(page, 9);
  assert.ok(!(await page.has('#storage-notice')), 'a readable snapshot must not raise the storage notice');
  await page.click('#back');
  await atQuestion(page, 8);
  assert.equal(await checkedValue(page), '0', 'restored answer of question 9');
  await page.click('#next');
  const full = saved.slice(0, 9) + '321033333';
  await finishAll(page, full, 9);
  await expectReport(page, full);
  assert.equal(await page.inputValue('#pilot-label'), 'restored pilot', 'restored pilot label');
  assert.ok((await shareLink(page)).endsWith('.restored_pilot'), 'the link carries the restored label');

  // A snapshot written by a newer version is kept aside, not discarded.
  const other = await t.newPage();
  const newer = 'S3;1BIN3QDMzO5;q3;;future-field';
  await seedStorage(other, t.base, { [STORAGE_KEY]: newer });
  await load(other, t.base);
  await other.waitForSelector('#storage-notice');
  assert.equal((await storage(other)).unreadable, newer, 'newer snapshot kept aside');
});

journey('startOverAsksFirst', async (t) => {
  const page = await t.newPage();
  // Left on the intro, which a fresh visit shows again with "start over" (issue 26).
  await seedStorage(page, t.base, { [STORAGE_KEY]: snapshotText('3333' + '-'.repeat(N - 4), 'i') });
  await load(page, t.base);
  await page.click('#start-over');
  await page.waitForSelector('#confirm-start-over-yes');
  assert.equal(storedParts((await storage(page)).main).code, encodeCode('3333' + '-'.repeat(N - 4)), 'nothing discarded before confirming');
  await page.click('#confirm-start-over-yes');
  await atQuestion(page, 0);
  assert.equal(await checkedValue(page), null, 'no answer after starting over');
  await page.reload();
  await atQuestion(page, 0);
  assert.equal(await checkedValue(page), null, 'no answer after starting over and reloading');
});

journey('clearEmptiesStorage', async (t) => {
  const page = await t.newPage();
  // A finished run, and earlier data that could not be read, kept aside.
  await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(MIXED, 'r'), [UNREADABLE_KEY]: 'not a snapshot' });
  await load(page, t.base);
  await page.waitForSelector('#results #verdict');
  const before = await storage(page);
  assert.ok(before.main && before.unreadable, `both keys are set before clearing: ${JSON.stringify(before)}`);
  await page.click('#clear');
  await page.click('#confirm-clear');
  await page.waitForSelector('#intro #start');
  assert.deepEqual(await storage(page), { main: null, unreadable: null }, 'storage after clear my answers');
  assert.equal(new URL(await page.url()).hash, '', 'address fragment after clear my answers');
  await load(page, t.base);
  await page.waitForSelector('#intro #start');
  assert.ok(!(await page.has('#continue')), 'nothing to continue after clearing');
});

journey('copiedLinkOpensElsewhere', async (t) => {
  const page = await t.newPage();
  await finishFromLast(page, t.base, MIXED);
  await page.click('#share-link-copy');
  assert.match(await copyStatus(page), /Copied/, 'copy confirmation');
  const copied = await page.readClipboard();
  assert.equal(copied, await shareLink(page), 'clipboard holds the results link');
  const other = await t.newPage();
  await load(other, copied);
  await other.waitForSelector('#shared');
  await expectReport(other, MIXED, '#shared', 'shared view of the copied link');
  assert.deepEqual(await storage(other), { main: null, unreadable: null }, 'opening a link stores nothing');
});

journey('pilotLabelIsPlainText', async (t) => {
  const raw = '  Invoice   triage ✓ 請求書 <script>alert(1)</script>';
  const label = cleanLabel(raw);
  const page = await t.newPage();
  await finishFromLast(page, t.base, MIXED);
  await page.fill('#pilot-label', raw);
  const link = await page.waitForFunction((code) => {
    const value = document.getElementById('share-link')?.value ?? '';
    return value.endsWith(code) && value;
  }, encodeCode(MIXED, label));
  assert.equal(link.split('#r=')[1], encodeCode(MIXED, label), 'the link carries the cleaned label');
  const other = await t.newPage();
  await load(other, t.base);
  await other.waitForSelector('#intro');
  const baseline = await injectableCounts(other);
  const scripts = await other.evaluate(() => document.querySelectorAll('script').length);
  await load(other, link);
  await other.waitForSelector('#shared');
  assert.equal(await other.textContent('#shared-label'), label, '#shared-label text');
  assert.equal(await other.evaluate(() => document.querySelectorAll('script').length), scripts, 'script elements');
  assert.equal(await injectableCounts(other), baseline, 'script/img/iframe/object/embed elements');
  assert.equal(await other.evaluate(() => document.querySelector('#shared-label').children.length), 0, 'label has no child element');
  await expectReport(other, MIXED, '#shared');
});

/**
 * The share sheet, sharing files, the clipboard and the result image, as far as this engine
 * has them: each button is there exactly when its API is, the image downloads as a PNG the
 * size of a post, the copy button either copies or selects the link and says so. Then what a
 * phone has and these engines lack (probes): a share sheet that takes the link and the PNG,
 * the links to post elsewhere, and no clipboard API, so the link is selected for a manual copy.
 */
journey('shareDownloadAndCopyFallbacks', { engines: EVERY }, async (t) => {
  const page = await t.newPage({ downloads: true });
  await withStoredRun(page, t.base, resultsLink(t.base, MIXED), MIXED, 'r');
  await page.waitForSelector('#results #share');
  const has = await page.evaluate(() => {
    let files = false;
    try {
      files = typeof navigator.canShare === 'function' && navigator.canShare({ files: [new File([new Uint8Array(0)], 'probe.png', { type: 'image/png' })] });
    } catch {
      files = false;
    }
    return { share: typeof navigator.share === 'function', files };
  });
  assert.equal(await page.has('#system-share'), has.share, '#system-share present exactly when navigator.share exists');
  assert.equal(await page.has('#share-image'), has.files, '#share-image present exactly when canShare({files}) accepts a PNG');
  const notes = [`navigator.share ${has.share ? 'yes' : 'no'}, canShare(files) ${has.files ? 'yes' : 'no'}`];

  // The result image, labelled: a download (a data: link), a PNG the size of a post.
  await page.fill('#pilot-label', 'invoice triage');
  const link = await page.waitForFunction(() => {
    const value = document.getElementById('share-link')?.value ?? '';
    return value.endsWith('.invoice_triage') && value;
  });
  const { name, bytes: png } = await page.download('#download-image');
  writeFileSync(path.join(t.artifacts, 'result-image.png'), png);
  assert.match(name, /\.png$/, 'the downloaded file name');
  assert.equal((await page.textContent('#image-status')).trim(), `Image saved: ${name}.`, 'image status after Download image');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR', 'first PNG chunk');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width >= 1000 && width <= 2400 && height >= 500 && height <= 1300, `image ${width}x${height} should suit a LinkedIn post (about 1200x627)`);
  assert.ok(png.length > 10_000 && png.length < 2_000_000, `image of ${png.length} bytes: expected a drawn picture of sensible size`);
  const alt = await page.inputValue('#image-alt');
  for (const word of ['Ownership', 'Data', 'Buy-in', 'Metrics']) assert.ok(alt.includes(word), `alt text names ${word}: ${alt}`);
  assert.match(alt, /not ready/i, 'alt text gives the verdict');
  notes.push(`image downloaded (${width}x${height})`);

  await page.click('#share-link-copy');
  const status = await copyStatus(page);
  if (/^Copied/.test(status)) {
    assert.equal(await page.readClipboard(), link, 'what a paste inserts after "Copied to the clipboard."');
    notes.push('clipboard: copied (pasted back)');
  } else {
    assert.match(status, /selected/, 'copy status is either copied or the selection fallback');
    assert.deepEqual(await selection(page), { id: 'share-link', start: 0, end: link.length, length: link.length }, 'the link is selected for a manual copy');
    notes.push('clipboard: refused, text selected');
  }

  // A phone: a share sheet that takes files (probe), and no clipboard API.
  const phone = await t.newPage();
  const probed = resultsLink(t.base, MIXED).replace('#', '?e2e=share-sheet,no-clipboard#');
  await withStoredRun(phone, t.base + '?e2e=share-sheet,no-clipboard', probed, MIXED, 'r');
  await phone.waitForSelector('#results #share');
  await phone.fill('#pilot-label', 'share sheet');
  const phoneLink = await phone.waitForFunction(() => {
    const value = document.getElementById('share-link')?.value ?? '';
    return value.endsWith('.share_sheet') && value;
  });
  assert.ok(await phone.has('#share-image'), 'a share sheet that takes files: #share-image is offered');
  await phone.click('#system-share');
  const sheet = await phone.waitForFunction(() => window.__e2eShared.at(-1) ?? null);
  assert.equal(sheet.url, phoneLink, 'the share sheet gets the results link');
  assert.ok(typeof sheet.text === 'string' && sheet.text.length > 10, 'the share sheet gets a text');
  await phone.click('#share-image');
  const image = await phone.waitForFunction(() => window.__e2eShared.find((s) => s.files.length) ?? null);
  assert.match(image.files[0], /^scaling-readiness\.png image\/png \d{4,}$/, 'the shared file');
  for (const id of ['share-linkedin', 'share-x', 'share-email']) {
    const href = await phone.getAttribute(`#${id}`, 'href');
    assert.ok(href && decodeURIComponent(href).includes(phoneLink), `#${id} href should carry the results link: ${href}`);
  }
  assert.ok((await phone.getAttribute('#share-email', 'href')).startsWith('mailto:'), '#share-email is a mailto: link');
  const comment = await phone.inputValue('#share-comment');
  assert.ok(comment.includes(phoneLink), `the ready comment holds the link: ${comment}`);
  await phone.click('#share-link-copy');
  assert.match(await copyStatus(phone), /selected/, 'without a clipboard API the copy button says it selected the text');
  assert.deepEqual(await selection(phone), { id: 'share-link', start: 0, end: phoneLink.length, length: phoneLink.length }, 'the link is selected for a manual copy');
  t.note(notes.join('; '));
});

// ------------------------------------------------------------------------------------------
// Before the app arrives
// ------------------------------------------------------------------------------------------

journey('staticIntroStartsBeforeTheApp', { playwright: 'holds the wasm request back (route)' }, async (t) => {
  // Hold the wasm back: the static intro in index.html is readable and its start link works.
  const page = await t.newPage();
  const release = await holdWasm(page);
  await page.goto(t.base);
  await page.waitForSelector('#static-intro #start');
  assert.ok(!(await page.has('#widget')), 'the app has not mounted while its wasm is held back');
  assert.equal(await page.textContent('#static-intro h1'), 'Is your AI pilot ready to scale?', 'static intro heading');
  await page.click('#start');
  assert.equal(new URL(await page.url()).hash, '#start', 'the start link leaves #start in the address');
  release();
  // The app honours the early click: the first question, with focus on its first option.
  await atQuestion(page, 0);
  assert.ok(!(await page.has('#static-intro')), 'the static intro is gone once the app mounts');
  await focusOn(page, 'q0-o0', 'the first question after an early click');
  await page.waitForFunction(() => location.hash === '#q=1');
});

journey('staticIntroHiddenForOtherScreens', { playwright: 'holds the wasm request back (route)' }, async (t) => {
  // A results link on the base page never flashes the intro while the app loads.
  const page = await t.newPage();
  const release = await holdWasm(page);
  await page.goto(t.base + '#team');
  assert.ok(!(await page.isVisible('#static-intro')), 'static intro hidden for #team');
  assert.ok(await page.isVisible('.loading'), 'a loading line instead');
  release();
  await page.waitForSelector('#team');
});

journey('theResultImageKeepsEveryLineInside', { engines: EVERY }, async (t) => {
  // The longest headline (set 3's Ready) and a long label, on the image a reader posts: nothing
  // is drawn in the right margin, where a line that ran on past the image's text width would be.
  const best = CONTENT.questions.map((q) => String(q.stances.findLastIndex((s) => s !== 'not-applicable'))).join('');
  const label = 'a long pilot name that keeps going on';
  const page = await t.newPage({ downloads: true });
  await withStoredRun(page, t.base, resultsLink(t.base, best, label), best, 'r', label);
  await page.waitForSelector('#results #verdict[data-verdict="ready"]');
  const { bytes } = await page.download('#download-image');
  const margin = await page.evaluate(async (data) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(data)], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [bitmap.width, bitmap.height];
    const c = canvas.getContext('2d');
    c.drawImage(bitmap, 0, 0);
    // Right of the text width (64 + 1072 px), below the top bar, above the rows' band labels.
    const { data: pixels } = c.getImageData(1140, 20, bitmap.width - 1140, 280);
    const background = [pixels[0], pixels[1], pixels[2]];
    let inked = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (Math.abs(pixels[i] - background[0]) + Math.abs(pixels[i + 1] - background[1]) + Math.abs(pixels[i + 2] - background[2]) > 30) inked++;
    }
    return { background, inked };
  }, [...bytes]);
  assert.deepEqual(margin.background, [246, 247, 249], "the margin is the image's background");
  assert.equal(margin.inked, 0, `pixels drawn in the right margin: ${margin.inked}`);
});
