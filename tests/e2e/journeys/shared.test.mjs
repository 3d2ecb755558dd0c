// Results that travel (issue 5): shared links in a fresh profile and beside one's own run,
// compare, damaged links, the team view and its link.

import assert from 'node:assert/strict';
import { CHROMIUM_AND_WEBKIT, EVERY, journey } from '../harness/journey.mjs';
import { QUESTION_COUNT as N, encodeCode, encodeTeam, expectedReport, pattern, resultsLink, storedParts } from '../lib.mjs';
import { answer, atQuestion, checkedValue, expectReport, finishAll, finishFromLast, load, radioValue, readReport, shareLink, start, storage } from '../widget.mjs';

const THEIRS = pattern('2223' + '3331' + '1110' + '00000');
const MINE = pattern('3333' + '3332' + '2223' + '?3333');

/**
 * A results link made in one profile shows the same verdict in a fresh one, marked as theirs
 * and storing nothing; in a profile with its own run half done, that run is untouched.
 */
journey('linkFromOneContextOpensInAnother', { engines: EVERY }, async (t) => {
  // Profile A makes a link through the UI.
  const a = await t.newPage();
  await finishFromLast(a, t.base, THEIRS);
  const theirReport = await expectReport(a, THEIRS);
  const link = await shareLink(a);
  assert.equal(link, resultsLink(t.base, THEIRS), 'the results link');

  // Profile B opens it fresh.
  const b = await t.newPage();
  await load(b, link);
  await b.waitForSelector('#shared #shared-banner');
  const banner = (await b.textContent('#shared-banner')).trim();
  assert.ok(banner.length > 10, `the banner says whose results these are: "${banner}"`);
  assert.deepEqual(await readReport(b, '#shared'), theirReport, 'the shared view shows exactly what its maker saw');
  assert.ok(!(await b.has('#results')), 'a link is never shown as the visitor’s own results');
  assert.deepEqual(await storage(b), { main: null, unreadable: null }, 'opening a link stores nothing');

  // B starts a run of its own, then opens the link again, labelled this time.
  await load(b, t.base);
  await start(b);
  for (let i = 0; i < 3; i++) await answer(b, i, MINE[i]);
  const before = storedParts((await storage(b)).main);
  await load(b, resultsLink(t.base, THEIRS, 'their pilot'));
  await b.waitForSelector('#shared #shared-banner');
  assert.equal(await b.textContent('#shared-label'), 'their pilot', 'the shared label');
  await expectReport(b, THEIRS, '#shared', 'shared view');
  assert.deepEqual(storedParts((await storage(b)).main), before, "B's own saved run after opening a link");

  // Back to B's own run: its answers are all there.
  await b.click('#take-check');
  await atQuestion(b, 3);
  for (let i = 2; i >= 0; i--) {
    await b.click('#back');
    await atQuestion(b, i);
    assert.equal(await checkedValue(b), radioValue(MINE[i]), `B's own answer to question ${i + 1}`);
  }
  assert.equal(storedParts((await storage(b)).main).code, before.code, "B's own saved answers after going back to them");
});

journey('takeTheCheckThenCompare', async (t) => {
  const link = resultsLink(t.base, THEIRS, 'their pilot');
  const page = await t.newPage();
  await load(page, link);
  await page.waitForSelector('#shared');
  assert.equal(await page.textContent('#shared-label'), 'their pilot', 'shared label');
  assert.ok(!(await page.has('#compare')), 'no comparison before the visitor has results');
  await page.click('#take-check');
  await atQuestion(page, 0);
  await finishAll(page, MINE);
  await expectReport(page, MINE);
  await page.waitForSelector('#results #compare');
  const rows = await page.$$eval('#compare tr[data-dimension]', (trs) =>
    trs.map((tr) => ({ id: tr.dataset.dimension, cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()) })),
  );
  assert.equal(rows.length, 4, 'compare rows');
  const mine = expectedReport(MINE);
  const theirs = expectedReport(THEIRS);
  for (const row of rows) {
    assert.ok(row.id in mine.scores, `compare row data-dimension "${row.id}" should be a dimension id`);
    assert.ok(row.cells[0].startsWith(String(mine.scores[row.id])), `${row.id}: "yours" cell "${row.cells[0]}" should start with ${mine.scores[row.id]}`);
    assert.ok(row.cells[1].startsWith(String(theirs.scores[row.id])), `${row.id}: "theirs" cell "${row.cells[1]}" should start with ${theirs.scores[row.id]}`);
  }
  const differences = await page.$$eval('#differences li', (lis) => lis.map((li) => li.textContent));
  assert.ok(differences.length >= 1, 'differences are called out in words');
  assert.ok(differences.some((d) => d.startsWith('Ownership')), `differences should name Ownership: ${JSON.stringify(differences)}`);
  // The comparison survives a reload: the compare target is part of the saved run.
  await page.reload();
  await page.waitForSelector('#results #compare');
  // Opening the link again now shows both side by side right away.
  await load(page, link);
  await page.waitForSelector('#shared #compare');
  await expectReport(page, THEIRS, '#shared');
});

/** A team code cut off just before its last member. */
const teamCut = (code) => code.slice(0, code.lastIndexOf('~'));

/** Damaged links each get their explanation and a way into the check. */
journey('damagedLinksAreExplained', { engines: EVERY }, async (t) => {
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
    // T1 and T2 (codes with names) are read; T3 is a format this build does not know yet.
    ['team link from a newer version', `#t=T3${encodeTeam([good]).slice(2)}`, 'newer-format'],
    ['team link cut before its last member', `#t=${teamCut(encodeTeam([good, core]))}`, 'truncated'],
    ['team link with a character changed', `#t=${encodeTeam([good, core]).replace('~1C', '~1D')}`, 'damaged'],
  ];
  const page = await t.newPage();
  const problems = [];
  for (const [name, hash, kind] of cases) {
    await load(page, t.base + hash);
    const shown = await page.waitForSelector('#link-error', { timeout: 5000 }).then(() => true, () => false);
    if (!shown) {
      problems.push(`${name}: no #link-error`);
      continue;
    }
    const got = await page.getAttribute('#link-error', 'data-error');
    if (got !== kind) problems.push(`${name}: data-error "${got}", expected "${kind}"`);
    const text = (await page.textContent('#link-error')).trim();
    if (text.length < 40) problems.push(`${name}: message too short: "${text}"`);
    if (!(await page.has('#link-error #take-check'))) problems.push(`${name}: no #take-check`);
    if (await page.has('img, iframe, object, embed')) problems.push(`${name}: an element was injected`);
  }
  assert.deepEqual(problems, [], 'damaged links');
  // The explanation offers the check itself.
  await page.click('#link-error #take-check');
  await atQuestion(page, 0);
});

/** Team members: an owner who rates Buy-in best, and four who rate it worst. */
const OWNER = pattern('2222' + '2222' + '3333' + '22222');
const MANAGER = pattern('2222' + '2222' + '0000' + '22222');
const TEAM = [
  ['Manager A', MANAGER],
  ['Manager B', MANAGER],
  ['Owner', OWNER],
  ['Manager C', MANAGER],
  ['Manager D', MANAGER],
];

/**
 * The team table as text: the header names, one row per person (name and a cell per dimension,
 * each with whether it is marked as an outlier) and the team rows of the footer.
 */
async function teamTable(page) {
  return page.evaluate(() => {
    const table = document.querySelector('#team-summary table');
    if (!table) return null;
    const header = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
    const read = (tr) => ({
      name: tr.querySelector('th').textContent.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent.trim(), outlier: td.classList.contains('outlier') })),
    });
    return { header, rows: [...table.querySelectorAll('tbody tr')].map(read), team: [...table.querySelectorAll('tfoot tr')].map(read) };
  });
}

const findings = (page) => page.$$eval('#team-findings li', (lis) => lis.map((li) => li.textContent));

journey('teamViewShowsTheOutlier', async (t) => {
  const page = await t.newPage();
  await load(page, t.base + '#team');
  await page.waitForSelector('#team #team-input');
  const lines = TEAM.map(([label, answers]) => resultsLink(t.base, answers, label));
  await page.fill('#team-input', lines.join('\n'));
  await page.waitForSelector('#team-summary[data-members="5"]');
  assert.equal(await page.getAttribute('#team-summary', 'data-ready'), 'false', 'team verdict');
  assert.equal(await page.count('#team-errors li'), 0, 'no errors for 5 good links');
  const table = await teamTable(page);
  // One row per person, one column per dimension.
  assert.deepEqual(table.header, ['Person', 'Ownership', 'Data', 'Buy-in', 'Metrics'], 'team table header');
  assert.deepEqual(table.rows.map((r) => r.name), TEAM.map(([label]) => label), 'one row per person, in the order pasted');
  const buyInColumn = table.header.indexOf('Buy-in') - 1; // first header cell is "Person"
  const outliers = table.rows.flatMap((row) => row.cells.map((c, i) => (c.outlier ? `${row.name}/${table.header[i + 1]}` : null)).filter(Boolean));
  assert.deepEqual(outliers, ['Owner/Buy-in'], "outlier cells (person/dimension): only the owner's Buy-in");
  // The mark is visible in the Owner's row, not only a class.
  const ownerRow = TEAM.findIndex(([label]) => label === 'Owner');
  const mark = `#team-summary tbody tr[data-member="${ownerRow}"] td.outlier .tag`;
  assert.ok(await page.isVisible(mark), `the Owner's Buy-in cell shows its outlier mark (${mark})`);
  assert.equal((await page.textContent(mark)).trim(), 'stands out', "the owner's outlier mark");
  const said = await findings(page);
  assert.ok(said.some((f) => f.includes('Buy-in') && f.includes('Owner')), `#team-findings should say the Owner stands apart on Buy-in: ${JSON.stringify(said)}`);
  // The team's average on Buy-in, from the scorer in lib.mjs (every member answered it).
  const buyIn = (answers) => expectedReport(answers).scores.buy_in;
  const expectedAverage = Math.round(TEAM.reduce((sum, [, answers]) => sum + buyIn(answers), 0) / TEAM.length);
  const average = table.team.find((r) => r.name === 'Average of those who know');
  assert.ok(average, `an average row in the footer: ${JSON.stringify(table.team)}`);
  assert.equal(average.cells[buyInColumn].text, String(expectedAverage), `Buy-in average in ${JSON.stringify(average.cells)}`);
});

journey('teamListWithBrokenLines', async (t) => {
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
  assert.deepEqual(errors, ['truncated', 'damaged'], '#team-errors data-error values');
  const texts = await page.$$eval('#team-errors li', (lis) => lis.map((li) => li.textContent));
  assert.ok(texts[0].includes('2') && texts[1].includes('4'), `errors should name lines 2 and 4: ${JSON.stringify(texts)}`);
  assert.equal(await page.count('#team-errors b, #team b'), 0, 'no markup from a pasted line');
});

/** The team view from pasted links, and its team link reproducing the table in a fresh profile. */
journey('teamLinkReproducesTheTable', { engines: CHROMIUM_AND_WEBKIT }, async (t) => {
  const page = await t.newPage();
  await load(page, t.base + '#team');
  await page.waitForSelector('#team-input');
  await page.fill('#team-input', TEAM.map(([label, answers]) => resultsLink(t.base, answers, label)).join('\n'));
  await page.waitForSelector('#team-summary[data-members="5"]');
  const table = await teamTable(page);
  assert.ok(table.rows.some((row) => row.cells.some((c) => c.outlier)), `the owner's Buy-in stands out: ${JSON.stringify(table)}`);
  const said = await findings(page);
  const link = await page.inputValue('#team-link');
  assert.ok(link.startsWith(`${t.base}#t=`), `team link ${link} should start with ${t.base}#t=`);
  const other = await t.newPage();
  await load(other, link);
  await other.waitForSelector('#team-summary[data-members="5"]');
  assert.deepEqual(await teamTable(other), table, 'team table opened from the team link');
  assert.deepEqual(await findings(other), said, 'team findings from the team link');
  assert.equal(await other.inputValue('#team-link'), link, 'the team link is stable');
});
