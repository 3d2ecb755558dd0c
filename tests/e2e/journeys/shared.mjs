// Results that travel (issue 5): shared links, compare, damaged links, team view.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  QUESTION_COUNT as N,
  answer,
  assert,
  atQuestion,
  checkedValue,
  encodeCode,
  encodeTeam,
  eq,
  expectReport,
  expectedReport,
  finishAll,
  load,
  radioValue,
  shareLink,
  snapshotText,
  start,
  storage,
  storedParts,
  pattern,
  resultsLink,
  seedStorage,
  writtenSnapshot,
  STORAGE_KEY,
} from '../lib.mjs';

const THEIRS = pattern('22223' + '3331' + '1110' + '00000');
const MINE = pattern('33333' + '3332' + '2223' + '?3333');


export async function linkFromOneContextOpensInAnother(t) {
  // Context A makes a link through the UI.
  const a = await t.newPage();
  await load(a, t.base);
  await start(a);
  await finishAll(a, THEIRS);
  const link = await shareLink(a);
  const theirReport = await expectReport(a, THEIRS);

  // Context B has its own progress, then opens the link.
  const b = await t.newPage();
  await load(b, t.base);
  await start(b);
  for (let i = 0; i < 3; i++) await answer(b, i, MINE[i]);
  const before = storedParts((await storage(b)).main);
  await load(b, link);
  await b.waitForSelector('#shared');
  await b.waitForSelector('#shared-banner');
  const shown = await expectReport(b, THEIRS, '#shared', 'shared view');
  eq(shown, theirReport, 'the shared view shows exactly what its maker saw');
  const after = storedParts((await storage(b)).main);
  eq(after.code, before.code, "B's own saved answers after opening a link");

  // Back to B's own run: its answers are all there.
  await b.click('#take-check');
  await atQuestion(b, 3);
  for (let i = 2; i >= 0; i--) {
    await b.click('#back');
    await atQuestion(b, i);
    eq(await checkedValue(b), radioValue(MINE[i]), `B's own answer to question ${i + 1}`);
  }
  eq(storedParts((await storage(b)).main).code, before.code, "B's own saved answers after going back to them");
}

export async function takeTheCheckThenCompare(t) {
  const link = resultsLink(t.base, THEIRS, 'their pilot');
  const page = await t.newPage();
  await load(page, link);
  await page.waitForSelector('#shared');
  eq(await page.textContent('#shared-label'), 'their pilot', 'shared label');
  assert(!(await page.$('#compare')), 'no comparison before the visitor has results');
  await page.click('#take-check');
  await atQuestion(page, 0);
  await finishAll(page, MINE);
  await expectReport(page, MINE);
  await page.waitForSelector('#results #compare');
  const rows = await page.$$eval('#compare tr[data-dimension]', (trs) =>
    trs.map((tr) => ({ id: tr.dataset.dimension, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()) })),
  );
  eq(rows.length, 4, 'compare rows');
  const mine = expectedReport(MINE);
  const theirs = expectedReport(THEIRS);
  for (const row of rows) {
    assert(row.id in mine.scores, `compare row data-dimension "${row.id}" should be a dimension id`);
    assert(row.cells[0].startsWith(String(mine.scores[row.id])), `${row.id}: "yours" cell "${row.cells[0]}" should start with ${mine.scores[row.id]}`);
    assert(row.cells[1].startsWith(String(theirs.scores[row.id])), `${row.id}: "theirs" cell "${row.cells[1]}" should start with ${theirs.scores[row.id]}`);
  }
  const differences = await page.$$eval('#differences li', (lis) => lis.map((li) => li.textContent));
  assert(differences.length >= 1, 'differences are called out in words');
  assert(differences.some((d) => d.startsWith('Ownership')), `differences should name Ownership: ${JSON.stringify(differences)}`);
  // The comparison survives a reload: the compare target is part of the saved run.
  await page.reload();
  await page.waitForSelector('#results #compare');
  // Opening the link again now shows both side by side right away.
  await load(page, link);
  await page.waitForSelector('#shared #compare');
  await expectReport(page, THEIRS, '#shared');
}

/** A team code cut off just before its last member. */
const teamCut = (code) => code.slice(0, code.lastIndexOf('~'));

export async function damagedLinksAreExplained(t) {
  const good = encodeCode(THEIRS, 'pilot');
  const core = good.split('.')[0];
  const changed = core.slice(0, 5) + (core[5] === 'A' ? 'B' : 'A') + core.slice(6) + '.pilot';
  const cases = [
    ['truncated', `#r=${core.slice(0, -1)}`, 'truncated'],
    ['one character changed', `#r=${changed}`, 'damaged'],
    ['wrong format version', `#r=2${good.slice(1)}`, 'newer-format'],
    ['unknown question set', `#r=${encodeCode(THEIRS, '', { setId: 60 })}`, 'unknown-set'],
    ['garbage', '#r=hello world!', 'damaged'],
    ['5000 characters', `#r=1B${'A'.repeat(4998)}`, 'too-long'],
    ['HTML and script in the label part', `#r=${core}.<script>alert(1)</script><img src=x onerror=alert(2)>`, 'damaged'],
    ['empty', '#r=', 'empty'],
    ['team link from a newer version', `#t=T2${encodeTeam([good]).slice(2)}`, 'newer-format'],
    ['team link cut before its last member', `#t=${teamCut(encodeTeam([good, core]))}`, 'truncated'],
    ['team link with a character changed', `#t=${encodeTeam([good, core]).replace('~1C', '~1D')}`, 'damaged'],
  ];
  const page = await t.newPage();
  const problems = [];
  for (const [name, hash, kind] of cases) {
    await load(page, t.base + hash);
    const el = await page.waitForSelector('#link-error', { timeout: 5000 }).catch(() => null);
    if (!el) {
      problems.push(`${name}: no #link-error`);
      continue;
    }
    const got = await el.getAttribute('data-error');
    if (got !== kind) problems.push(`${name}: data-error "${got}", expected "${kind}"`);
    const text = (await el.textContent()).trim();
    if (text.length < 40) problems.push(`${name}: message too short: "${text}"`);
    if (!(await page.$('#link-error #take-check'))) problems.push(`${name}: no #take-check`);
    if (await page.$('img, iframe, object, embed')) problems.push(`${name}: an element was injected`);
    if (t.problems.length) problems.push(`${name}: ${t.problems.splice(0).join('; ')}`);
  }
  assert(!problems.length, problems.join(' | '));
}

export async function badLinkOffersTheCheck(t) {
  const page = await t.newPage();
  await load(page, t.base + '#r=1BbrokenXX');
  await page.waitForSelector('#link-error');
  await page.click('#link-error #take-check');
  await atQuestion(page, 0);
}

/** Team members: an owner who rates Buy-in best, and four who rate it worst. */
const OWNER = pattern('22222' + '2222' + '3333' + '22222');
const MANAGER = pattern('22222' + '2222' + '0000' + '22222');
const TEAM = [
  ['Manager A', MANAGER],
  ['Manager B', MANAGER],
  ['Owner', OWNER],
  ['Manager C', MANAGER],
  ['Manager D', MANAGER],
];

/** The team table as text: header names and each row's cells. */
async function teamTable(page) {
  return page.evaluate(() => {
    const table = document.querySelector('#team-summary table');
    if (!table) return null;
    const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => ({
      name: tr.querySelector('th').textContent.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent.trim(), outlier: td.classList.contains('outlier') })),
    }));
    return { header, rows };
  });
}

export async function teamViewShowsTheOutlier(t) {
  const page = await t.newPage();
  await load(page, t.base + '#team');
  await page.waitForSelector('#team #team-input');
  const lines = TEAM.map(([label, answers]) => resultsLink(t.base, answers, label));
  await page.fill('#team-input', lines.join('\n'));
  await page.waitForSelector('#team-summary[data-members="5"]');
  eq(await page.getAttribute('#team-summary', 'data-ready'), 'false', 'team verdict');
  eq(await page.locator('#team-errors li').count(), 0, 'no errors for 5 good links');
  const table = await teamTable(page);
  const ownerColumn = table.header.indexOf('Owner') - 1; // first header cell is "Dimension"
  assert(ownerColumn >= 0, `the header should name the Owner: ${JSON.stringify(table.header)}`);
  const outliers = table.rows.flatMap((row) => row.cells.map((c, i) => (c.outlier ? `${row.name}/${i}` : null)).filter(Boolean));
  eq(outliers, [`Buy-in/${ownerColumn}`], "outlier cells (row/column): only the owner's Buy-in");
  const findings = await page.$$eval('#team-findings li', (lis) => lis.map((li) => li.textContent));
  assert(
    findings.some((f) => f.includes('Buy-in') && f.includes('Owner')),
    `#team-findings should say the Owner stands apart on Buy-in: ${JSON.stringify(findings)}`,
  );
  const buyIn = table.rows.find((r) => r.name === 'Buy-in');
  const expectedAverage = Math.round((100 + 0 * 4) / 5);
  assert(buyIn.cells.some((c) => c.text.startsWith(`${expectedAverage} `)), `Buy-in average ${expectedAverage} in ${JSON.stringify(buyIn.cells)}`);
}

export async function teamListWithBrokenLines(t) {
  const page = await t.newPage();
  await load(page, t.base + '#team');
  await page.waitForSelector('#team-input');
  const good1 = resultsLink(t.base, OWNER, 'Owner');
  const good2 = encodeCode(MANAGER, 'Manager');
  const truncated = resultsLink(t.base, MANAGER).slice(0, -2);
  const lines = [good1, truncated, good2, 'this is not a link <b>at all</b>'];
  await page.fill('#team-input', lines.join('\n'));
  await page.waitForSelector('#team-summary[data-members="2"]');
  const errors = await page.$$eval('#team-errors li', (lis) => lis.map((li) => li.dataset.error));
  eq(errors, ['truncated', 'damaged'], '#team-errors data-error values');
  const texts = await page.$$eval('#team-errors li', (lis) => lis.map((li) => li.textContent));
  assert(texts[0].includes('2') && texts[1].includes('4'), `errors should name lines 2 and 4: ${JSON.stringify(texts)}`);
  eq(await page.$$eval('#team-errors b, #team b', (els) => els.length), 0, 'no markup from a pasted line');
}

export async function teamLinkReproducesTheTable(t) {
  const page = await t.newPage();
  await load(page, t.base + '#team');
  await page.waitForSelector('#team-input');
  await page.fill('#team-input', TEAM.map(([label, answers]) => resultsLink(t.base, answers, label)).join('\n'));
  await page.waitForSelector('#team-summary[data-members="5"]');
  const table = await teamTable(page);
  const findings = await page.$$eval('#team-findings li', (lis) => lis.map((li) => li.textContent));
  const link = await page.inputValue('#team-link');
  assert(link.startsWith(`${t.base}#t=`), `team link ${link} should start with ${t.base}#t=`);
  const other = await t.newPage();
  await load(other, link);
  await other.waitForSelector('#team-summary[data-members="5"]');
  eq(await teamTable(other), table, 'team table opened from the team link');
  eq(await other.$$eval('#team-findings li', (lis) => lis.map((li) => li.textContent)), findings, 'team findings from the team link');
  eq(await other.inputValue('#team-link'), link, 'the team link is stable');
}

export async function resultImageDownloads(t) {
  const page = await t.newPage({ acceptDownloads: true });
  await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(MINE, 'r') });
  await load(page, resultsLink(t.base, MINE));
  await page.waitForSelector('#results #download-image');
  await page.fill('#pilot-label', 'invoice triage');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 5000 }), page.click('#download-image')]);
  assert(/\.png$/.test(download.suggestedFilename()), `download name ${download.suggestedFilename()} should end in .png`);
  const file = path.join(t.artifacts, 'result-image.png');
  await download.saveAs(file);
  const png = readFileSync(file);
  eq([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  eq(png.subarray(12, 16).toString('latin1'), 'IHDR', 'first PNG chunk');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert(width >= 1000 && width <= 2400 && height >= 500 && height <= 1300, `image ${width}x${height} should suit a LinkedIn post (about 1200x627)`);
  assert(png.length > 10_000 && png.length < 2_000_000, `image of ${png.length} bytes: expected a drawn picture of sensible size`);
  const alt = await page.inputValue('#image-alt');
  for (const word of ['Ownership', 'Data', 'Buy-in', 'Metrics']) assert(alt.includes(word), `alt text names ${word}: ${alt}`);
  assert(/not ready/i.test(alt), `alt text gives the verdict: ${alt}`);
  assert((await page.textContent('#image-status')).trim().length > 0, 'the image status says what happened');
}
