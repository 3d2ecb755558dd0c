// Readers' results (issue 14): a whole comment thread pasted by an author, counted honestly,
// the picture on screen, and what can be taken away (CSV, image, plain text).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CONTENT,
  DIMENSIONS,
  assert,
  contentOf,
  encodeCode,
  encodeTeam,
  eq,
  expectedReport,
  load,
  resultsLink,
  until,
} from '../lib.mjs';
import { _axe } from './hardening.mjs';

/** A small deterministic random generator, so a failing thread can be made again. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A random answer pattern for a question set: mostly answered, some "I don't know". */
function randomPattern(next, setId) {
  return contentOf(setId)
    .questions.map(() => {
      const r = next();
      if (r < 0.04) return '?';
      if (r < 0.06) return '-';
      return String(Math.min(3, Math.floor(next() * 4.6)));
    })
    .join('');
}

/**
 * A comment thread with `count` results links written the ways people write them, some
 * repeated, some damaged, a team link and other URLs; and what it holds: the unique results
 * (code + label, with pattern and set), duplicates and damaged links.
 */
export function _thread(base, count, seed = 7) {
  const next = random(seed);
  const unique = new Map();
  let duplicates = 0;
  let damaged = 0;
  const lines = ['Comments (from the essay page)', '', 'Anna · 2 h', 'Great piece. Here is ours:'];
  const wrappers = [
    (link) => `My result: ${link}.`,
    (link) => `[our pilot](${link})`,
    (link) => `<p>Ours: <a href="${link.replaceAll('&', '&amp;')}">${link}</a></p>`,
    (link) => `${link}`,
    (link) => `Not ready yet 🙈 → ${link} (will retry next quarter)`,
    (link) => `"${link}", said the data lead.`,
  ];
  const made = [];
  while (made.length < count) {
    const setId = next() < 0.2 ? 1 : CONTENT.id;
    const answers = randomPattern(next, setId);
    const label = next() < 0.3 ? `pilot ${Math.floor(next() * 1000)}` : '';
    const code = encodeCode(answers, label, { setId });
    const link = resultsLink(base, answers, label, setId);
    if (unique.has(code)) duplicates++;
    else unique.set(code, { answers, label, setId });
    // A bare code counts on a line of its own (a spreadsheet column); links anywhere.
    made.push(next() < 0.1 ? code : wrappers[Math.floor(next() * wrappers.length)](link));
    if (next() < 0.05 && made.length < count) {
      // A reply quoting the same link: a duplicate.
      made.push(`> ${link}`);
      duplicates++;
    }
    if (next() < 0.04) {
      // A link cut off when copied.
      made.push(`mine: ${link.slice(0, -3)}`);
      damaged++;
    }
    if (next() < 0.1) made.push('Reply · Like · 3', 'See https://example.com/some/other/page#section for more.');
  }
  // The readers: every result posted as a link or a code (the thread is one comment, so each
  // distinct result once); the team link's members are listed apart, not counted.
  const readers = [...unique.values()];
  // A team link with three members, all new.
  const members = [0, 1, 2].map(() => {
    const answers = randomPattern(next, CONTENT.id);
    return { answers, label: '', setId: CONTENT.id, code: encodeCode(answers, '') };
  });
  lines.push(...made, '', `Our team: ${base}#t=${encodeTeam(members.map((m) => m.code))}`);
  let teamNew = 0;
  for (const m of members) {
    if (unique.has(m.code)) duplicates++;
    else {
      unique.set(m.code, m);
      teamNew++;
    }
  }
  return { text: lines.join('\n'), results: [...unique.values()], readers, duplicates, damaged, teamNew };
}

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
    for (const id of DIMENSIONS) {
      bands[id][report.bands[id]]++;
      if (report.verdict === 'not-ready' && report.bands[id] !== 'yes' && report.bands[id] !== 'incomplete') blocking[id]++;
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

export async function aThreadOf500LinksIsCountedAsTheAuthorExpects(t) {
  const thread = _thread(t.base, 500);
  const expected = expectedPicture(thread.readers);
  const page = await t.newPage({ acceptDownloads: true });
  await load(page, t.base + 'tools/#readers');
  await pasteThread(page, thread.text);
  const n = thread.readers.length;
  await page.waitForSelector(`#readers-summary[data-results="${n}"]`, { timeout: 10000 });
  eq(Number(await page.getAttribute('#readers-summary', 'data-ready')), expected.ready, 'ready results');
  const sentence = await page.textContent('#readers-sentence');
  const share = Math.floor((200 * expected.ready + n) / (2 * n));
  assert(sentence.startsWith(`Of ${n} readers who shared results, ${expected.ready} (${share}%)`), `summary sentence: ${sentence}`);
  const counted = await page.textContent('#readers-counted');
  assert(counted.includes(`${n} readers shared a result`), `readers: ${counted} (expected ${n})`);
  assert(counted.includes('Plus 3 members from 1 team link, not counted as readers.'), `team link: ${counted}`);
  // A link cut inside its code reads as cut off; cut inside its label, as damaged.
  const unreadable = [...counted.matchAll(/(\d+) (?:cut off|damaged)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  eq(unreadable, thread.damaged, `links cut when copied, counted by reason: ${counted}`);
  for (const id of DIMENSIONS) {
    const el = `.readers-dimension[data-dimension="${id}"]`;
    const got = {
      yes: Number(await page.getAttribute(el, 'data-yes')),
      partly: Number(await page.getAttribute(el, 'data-partly')),
      no: Number(await page.getAttribute(el, 'data-no')),
    };
    const want = expected.bands[id];
    eq(got, { yes: want.yes, partly: want.partly, no: want.no }, `${id} yes/partly/no`);
  }
  const chart = await page.getAttribute('#readers-blocking', 'aria-label');
  for (const d of CONTENT.dimensions) {
    const count = expected.blocking[d.id];
    assert(chart.includes(`${d.name} ${count} (`), `blocking chart says ${d.name} blocks ${count}: ${chart}`);
  }
  // Two question sets in the thread: a table for each question of each, every answer by its words.
  const questions = CONTENT.questions.length + contentOf(1).questions.length;
  eq(await page.locator('table.readers-questions').count(), questions, 'a table per question of each set');
  const firstOption = (await page.textContent(`table.readers-questions[data-set="${CONTENT.id}"] tr[data-answer="0"] th`)).trim();
  assert(firstOption.length > 12 && !/^\d/.test(firstOption), `options by their words, not numbers: ${firstOption}`);
  eq((await page.textContent(`table.readers-questions[data-set="${CONTENT.id}"] tr[data-answer="unknown"] th`)).trim(), "I don't know", 'the unknown row');

  // CSV: one row per result, spreadsheet-safe.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#readers-csv')]);
  const csvFile = path.join(t.artifacts, 'readers-results.csv');
  await csvDownload.saveAs(csvFile);
  const csv = readFileSync(csvFile, 'utf8');
  assert(csv.startsWith('\ufeff"label","code","link"'), `CSV header: ${csv.slice(0, 60)}`);
  const rows = csv.slice(1).split('\r\n').filter(Boolean);
  eq(rows.length, n + 1, 'CSV rows (a header and one per result)');
  assert(rows.slice(1).every((row) => row.startsWith('"')), 'every cell quoted');
  const codes = new Set(rows.slice(1).map((row) => row.split('","')[1]));
  assert(thread.readers.every((r) => codes.has(encodeCode(r.answers, r.label, { setId: r.setId }))), 'every reader has their row');

  // The summary image and the text to paste.
  const [imageDownload] = await Promise.all([page.waitForEvent('download'), page.click('#readers-image')]);
  const imageFile = path.join(t.artifacts, 'readers-results.png');
  await imageDownload.saveAs(imageFile);
  const png = readFileSync(imageFile);
  eq(png.subarray(1, 4).toString('latin1'), 'PNG', 'summary image is a PNG');
  eq(png.readUInt32BE(16), 1200, 'summary image width');
  const alt = await page.inputValue('#readers-image-alt');
  assert(alt.includes(sentence.trim()), `alt text carries the summary: ${alt}`);
  const plain = await page.inputValue('#readers-plain');
  assert(plain.includes('not all readers') && plain.includes(sentence.trim()), `plain-text summary: ${plain.slice(0, 200)}`);
  eq(await page.evaluate(() => Object.keys(localStorage).length), 0, 'nothing pasted is stored');
}

export async function tenThousandLinksAreSummarised(t) {
  const thread = _thread(t.base, 10000, 11);
  const page = await t.newPage();
  await load(page, t.base + 'tools/#readers');
  await pasteThread(page, thread.text);
  await page.waitForSelector(`#readers-summary[data-results="${thread.readers.length}"]`, { timeout: 30000 });
  eq(Number(await page.getAttribute('#readers-summary', 'data-ready')), expectedPicture(thread.readers).ready, 'ready results among 10,000 links');
}

export async function aDroppedFileIsRead(t) {
  const thread = _thread(t.base, 20, 3);
  const page = await t.newPage();
  await load(page, t.base + 'tools/#readers');
  await page.waitForSelector('#readers-file');
  await page.setInputFiles('#readers-file', { name: 'thread.html', mimeType: 'text/html', buffer: Buffer.from(thread.text) });
  await page.waitForSelector(`#readers-summary[data-results="${thread.readers.length}"]`);
  assert((await page.textContent('#readers-file-status')).includes('thread.html'), 'the screen names the file it read');
  await page.setInputFiles('#readers-file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
  await until(async () => (await page.textContent('#readers-file-status')).includes('not a text'), 'a picture is refused by name');
}

/** Readers' results like every other screen: axe light and dark, keyboard, 320 px, pictures. */
export async function readersResultsAreAccessibleAndFitAPhone(t) {
  const thread = _thread(t.base, 60, 5);
  for (const scheme of ['light', 'dark']) {
    for (const width of [320, 360]) {
      const page = await t.newPage({ viewport: { width, height: 800 }, colorScheme: scheme, bypassCSP: true });
      await load(page, t.base + 'tools/#readers');
      // Keyboard: the box is reachable with Tab and takes a paste.
      await page.waitForSelector('#readers-input');
      await page.focus('#readers-input');
      await page.keyboard.insertText(thread.text);
      await page.waitForSelector(`#readers-summary[data-results="${thread.readers.length}"]`);
      const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      assert(scroll <= client, `${width} px ${scheme}: no horizontal scroll (scrollWidth ${scroll} > ${client})`);
      if (width === 360) {
        eq(await _axe(t, page), [], `axe on readers' results (${scheme})`);
        await page.screenshot({ path: path.join(t.artifacts, `readers-360-${scheme}.png`), fullPage: true });
      }
      await page.close();
    }
  }
}
