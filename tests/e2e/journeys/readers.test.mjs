// Readers' results (issues 14 and 27): a whole comment thread pasted by an author, counted
// honestly (readers, not links; team members apart), the picture on screen with every answer by
// its words, and what can be taken away (CSV, image, plain text).

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { journey } from '../harness/journey.mjs';
import { CONTENT, DIMENSIONS, commentThread, contentOf, encodeCode, expectedReport } from '../lib.mjs';
import { axe, load } from '../widget.mjs';

/** What the screen should say for these results, computed independently. */
function expectedPicture(results) {
  let ready = 0;
  let incomplete = 0;
  const blocking = Object.fromEntries(DIMENSIONS.map((id) => [id, 0]));
  const bands = Object.fromEntries(DIMENSIONS.map((id) => [id, { yes: 0, partly: 0, no: 0, incomplete: 0 }]));
  for (const r of results) {
    const report = expectedReport(r.answers, r.setId);
    if (report.verdict === 'ready') ready++;
    if (report.verdict === 'incomplete') incomplete++;
    // The blockers, by the first letters in the outcome's slug (not-odbm): from set 3 on an
    // answer that is not a yes blocks even while its dimension has questions open.
    const blockers = report.verdict === 'not-ready' ? report.slug.slice('not-'.length) : '';
    for (const id of DIMENSIONS) {
      bands[id][report.bands[id]]++;
      if (blockers.includes(id[0])) blocking[id]++;
    }
  }
  return { ready, incomplete, notReady: results.length - ready - incomplete, blocking, bands };
}

/** Pastes a text into the readers' box (as one input event, as a paste is). */
async function pasteThread(page, text) {
  await page.waitForSelector('#readers-input');
  await page.$eval('#readers-input', (area, value) => {
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

journey('aThreadOf500LinksIsCountedAsTheAuthorExpects', async (t) => {
  // Some all-best runs: from set 3 on almost no random run is Ready, and the count of Ready
  // readers should be tested on more than zero.
  const made = commentThread(t.base, 500, 7, { best: 0.15 });
  const expected = expectedPicture(made.readers);
  assert.ok(expected.ready > 0, `the thread has Ready readers (else the count proves little): ${expected.ready}`);
  const page = await t.newPage({ downloads: true });
  await load(page, t.base + 'tools/#readers');
  await pasteThread(page, made.text);
  const n = made.readers.length;
  await page.waitForSelector(`#readers-summary[data-results="${n}"]`, { timeout: 10000 });
  assert.deepEqual(Number(await page.getAttribute('#readers-summary', 'data-ready')), expected.ready, 'ready results');
  const sentence = await page.textContent('#readers-sentence');
  const share = Math.floor((200 * expected.ready + n) / (2 * n));
  assert.ok(sentence.startsWith(`Of ${n} readers who shared results, ${expected.ready} (${share}%)`), `summary sentence: ${sentence}`);
  const counted = await page.textContent('#readers-counted');
  assert.ok(counted.includes(`${n} readers shared a result`), `readers: ${counted} (expected ${n})`);
  assert.ok(counted.includes('Plus 3 members from 1 team link, not counted as readers.'), `team link: ${counted}`);
  // A link cut inside its code reads as cut off; cut inside its label, as damaged.
  const unreadable = [...counted.matchAll(/(\d+) (?:cut off|damaged)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  assert.deepEqual(unreadable, made.damaged, `links cut when copied, counted by reason: ${counted}`);
  for (const id of DIMENSIONS) {
    const el = `.readers-dimension[data-dimension="${id}"]`;
    const got = {
      yes: Number(await page.getAttribute(el, 'data-yes')),
      partly: Number(await page.getAttribute(el, 'data-partly')),
      no: Number(await page.getAttribute(el, 'data-no')),
    };
    const want = expected.bands[id];
    assert.deepEqual(got, { yes: want.yes, partly: want.partly, no: want.no }, `${id} yes/partly/no`);
  }
  const chart = await page.getAttribute('#readers-blocking', 'aria-label');
  for (const d of CONTENT.dimensions) {
    const count = expected.blocking[d.id];
    assert.ok(chart.includes(`${d.name} ${count} (`), `blocking chart says ${d.name} blocks ${count}: ${chart}`);
  }
  // Two question sets in the thread: a table for each question of each, every answer by its words.
  const questions = CONTENT.questions.length + contentOf(1).questions.length;
  assert.equal(await page.count('table.readers-questions'), questions, 'a table per question of each set');
  const firstOption = (await page.textContent(`table.readers-questions[data-set="${CONTENT.id}"] tr[data-answer="0"] th`)).trim();
  assert.ok(firstOption.length > 12 && !/^\d/.test(firstOption), `options by their words, not numbers: ${firstOption}`);
  assert.equal((await page.textContent(`table.readers-questions[data-set="${CONTENT.id}"] tr[data-answer="unknown"] th`)).trim(), "I don't know", 'the unknown row');

  // CSV: one row per result, spreadsheet-safe.
  const csvFile = await page.download('#readers-csv');
  writeFileSync(path.join(t.artifacts, 'readers-results.csv'), csvFile.bytes);
  const csv = csvFile.bytes.toString('utf8');
  assert.ok(csv.startsWith('\ufeff"label","code","link"'), `CSV header: ${csv.slice(0, 60)}`);
  const rows = csv.slice(1).split('\r\n').filter(Boolean);
  assert.deepEqual(rows.length, n + 1, 'CSV rows (a header and one per result)');
  assert.ok(rows.slice(1).every((row) => row.startsWith('"')), 'every cell quoted');
  const codes = new Set(rows.slice(1).map((row) => row.split('","')[1]));
  assert.ok(made.readers.every((r) => codes.has(encodeCode(r.answers, r.label, { setId: r.setId }))), 'every reader has their row');

  // The summary image and the text to paste.
  const { bytes: png } = await page.download('#readers-image');
  writeFileSync(path.join(t.artifacts, 'readers-results.png'), png);
  assert.deepEqual(png.subarray(1, 4).toString('latin1'), 'PNG', 'summary image is a PNG');
  assert.deepEqual(png.readUInt32BE(16), 1200, 'summary image width');
  const alt = await page.inputValue('#readers-image-alt');
  assert.ok(alt.includes(sentence.trim()), `alt text carries the summary: ${alt}`);
  const plain = await page.inputValue('#readers-plain');
  assert.ok(plain.includes('not all readers') && plain.includes(sentence.trim()), `plain-text summary: ${plain.slice(0, 200)}`);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).length), 0, 'nothing pasted is stored');
});

journey('tenThousandLinksAreSummarised', async (t) => {
  const made = commentThread(t.base, 10000, 11, { best: 0.1 });
  const expected = expectedPicture(made.readers);
  assert.ok(expected.ready > 0, `the thread has Ready readers: ${expected.ready}`);
  const page = await t.newPage();
  await load(page, t.base + 'tools/#readers');
  await pasteThread(page, made.text);
  await page.waitForSelector(`#readers-summary[data-results="${made.readers.length}"]`, { timeout: 30000 });
  assert.deepEqual(Number(await page.getAttribute('#readers-summary', 'data-ready')), expected.ready, 'ready readers among 10,000 links');
});

journey('aDroppedFileIsRead', { playwright: 'a file given to the file input (setInputFiles)' }, async (t) => {
  const made = commentThread(t.base, 20, 3);
  const page = await t.newPage();
  await load(page, t.base + 'tools/#readers');
  await page.waitForSelector('#readers-file');
  await page.pw.setInputFiles('#readers-file', { name: 'thread.html', mimeType: 'text/html', buffer: Buffer.from(made.text) });
  await page.waitForSelector(`#readers-summary[data-results="${made.readers.length}"]`);
  assert.ok((await page.textContent('#readers-file-status')).includes('thread.html'), 'the screen names the file it read');
  await page.pw.setInputFiles('#readers-file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
  await t.waitUntil(async () => (await page.textContent('#readers-file-status')).includes('not a text'), 'a picture is refused by name');
});

/** Readers' results like every other screen: axe light and dark, keyboard, 320 px, pictures. */
journey('readersResultsAreAccessibleAndFitAPhone', { playwright: 'a paste typed as one insertion (insertText)' }, async (t) => {
  const made = commentThread(t.base, 60, 5);
  for (const scheme of ['light', 'dark']) {
    for (const width of [320, 360]) {
      const page = await t.newPage({ width, height: 800, scheme });
      await load(page, t.base + 'tools/#readers');
      // Keyboard: the box is reachable with Tab and takes a paste.
      await page.waitForSelector('#readers-input');
      await page.focus('#readers-input');
      await page.pw.keyboard.insertText(made.text);
      await page.waitForSelector(`#readers-summary[data-results="${made.readers.length}"]`);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert.ok(scroll <= client, `${width} px ${scheme}: no horizontal scroll (scrollWidth ${scroll} > ${client})`);
      if (width === 360) {
        assert.deepEqual(await axe(t, page), [], `axe on readers' results (${scheme})`);
        await page.screenshot(path.join(t.artifacts, `readers-360-${scheme}.png`));
      }
      await page.pw.close();
    }
  }
});

