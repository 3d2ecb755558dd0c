// Question set 3 (issue 25): a yes the reader could say out loud. A run one answer short of
// all-best, for each failure mode the essay names, is not Ready, and its card names that answer
// in the reader's words with its fix; a Ready run scales in stages first and says what the check
// does not cover; a known blocker decides while a question is open.

import assert from 'node:assert/strict';
import { journey } from '../harness/journey.mjs';
import { CONTENT, expectedReport } from '../lib.mjs';
import { answer, atQuestion, expectReport, finishFromLast, load, start, withStoredRun } from '../widget.mjs';

/** The best option of a question: its last one that is not "not applicable". */
const bestLevel = (q) => q.stances.findLastIndex((s) => s !== 'not-applicable');

/** All best but question `id` at pattern character `c`. */
function oneShort(id, c) {
  return CONTENT.questions.map((q) => (q.id === id ? c : String(bestLevel(q)))).join('');
}

/** The dimension a question belongs to. */
const dimensionOf = (id) => CONTENT.dimensions.find((d) => d.questions.some((q) => q.id === id)).id;

/** The words of option `c` of question `i` (on screen), as the reader sees them. */
async function chosenWords(page, i, c) {
  await atQuestion(page, i);
  const id = c === '?' ? `q${i}-unknown` : `q${i}-o${c}`;
  return (await page.textContent(`#question label[for="${id}"] span`)).trim();
}

/**
 * Answers every question by clicking, as `answers` says; returns the words of the option chosen
 * at position `watch` as the reader saw them on the question screen.
 */
async function answerAll(page, answers, watch) {
  let words = null;
  for (let i = 0; i < answers.length; i++) {
    if (i === watch) words = await chosenWords(page, i, answers[i]);
    await answer(page, i, answers[i]);
  }
  await page.waitForSelector('#results #verdict');
  return words;
}

// Each failure mode the essay names, as the one answer short of all-best (question id, answer).
const FAILURE_MODES = [
  ['data handled by hand', 'data.manual_steps', '1'],
  ['bad data spotted by eye', 'data.quality_monitoring', '1'],
  ['nobody accountable for the results', 'ownership.named_owner', '0'],
  ['the owner judged on delivery, not results', 'ownership.in_goals', '1'],
  ['nobody named who may stop the AI', 'ownership.decision_rights', '1'],
  ['nobody owns the data feed end to end', 'data.pipeline_owner', '1'],
  ['accuracy not measured', 'metrics.production_accuracy', '1'],
  ['an estimated baseline', 'metrics.baseline', '1'],
  ['"I don\'t know"', 'metrics.baseline', '?'],
];

journey('everyFailureModeOneAnswerShortIsNotReadyAndItsCardNamesIt', async (t) => {
  const page = await t.newPage();
  for (const [n, [mode, id, c]] of FAILURE_MODES.entries()) {
    const answers = oneShort(id, c);
    assert.equal(expectedReport(answers).verdict, 'not-ready', `${mode}: the independent scorer agrees`);
    const watch = CONTENT.questions.findIndex((q) => q.id === id);
    let words;
    if (n === 0) {
      // The first by clicking through every question, as a reader would.
      await load(page, t.base);
      await start(page);
      words = await answerAll(page, answers, watch);
    } else {
      // The others from the same answers already saved (answering is the first's to show; a
      // click-through costs 3 CPU-seconds): the results say what they mean, then the question
      // screen shows the words.
      await withStoredRun(page, t.base, t.base, answers, 'r');
      await page.waitForSelector('#results #verdict');
    }
    const report = await expectReport(page, answers, '#results', mode);
    assert.equal(report.verdict, 'not-ready', `${mode}: not Ready`);
    const dimension = dimensionOf(id);
    assert.notEqual(report.bands[dimension], 'yes', `${mode}: ${dimension} is not a yes`);
    const card = `#results .dimension[data-dimension="${dimension}"]`;
    const items = await page.$$eval(`${card} .holding-back li`, (lis) =>
      lis.map((li) => ({ text: li.textContent, fix: li.querySelector('.blocker-fix')?.textContent ?? '' })),
    );
    const claims = await page.count(`${card} .claims`);
    if (n > 0) {
      await load(page, `${t.base}#q=${watch + 1}`);
      words = await chosenWords(page, watch, answers[watch]);
    }
    assert.equal(items.length, 1, `${mode}: the card lists the one answer that is not a yes: ${JSON.stringify(items)}`);
    assert.ok(items[0].text.includes(`\u201c${words}\u201d`), `${mode}: in the reader's words (${words}): ${items[0].text}`);
    assert.ok(items[0].fix.trim().length > 20, `${mode}: with its fix`);
    assert.equal(claims, 0, `${mode}: no yes claims on a card that is not a yes`);
  }
});

journey('aReadyRunScalesInStagesFirstAndSaysWhatTheCheckDoesNotCover', async (t) => {
  // Everything a yes, both "not applicable" options taken.
  const answers = CONTENT.questions
    .map((q) => String(q.stances.includes('not-applicable') ? q.stances.indexOf('not-applicable') : bestLevel(q)))
    .join('');
  const page = await t.newPage();
  await finishFromLast(page, t.base, answers);
  const report = await expectReport(page, answers);
  assert.equal(report.verdict, 'ready');
  assert.equal((await page.textContent('#verdict .verdict-headline')).trim(), "Ready to scale by the essay's four tests");
  assert.ok((await page.textContent('#not-covered')).includes('legal, regulatory or security'), 'says what is not covered');
  const moves = await page.$$eval('#next-moves li', (lis) => lis.map((li) => li.textContent));
  assert.equal(moves.length, 3, 'three moves');
  assert.ok(moves[0].startsWith('Scale in stages'), `the first move is scaling in stages: ${moves[0]}`);
  const na = await page.textContent('#results .dimension[data-dimension="metrics"] .not-applicable');
  assert.ok(na.startsWith('Not applicable here:'), `"not applicable" is shown on the card: ${na}`);
});

journey('aKnownBlockerDecidesWhileAQuestionIsOpen', async (t) => {
  // Nobody answers for the results; a Data question skipped.
  const open = CONTENT.questions.findIndex((q) => q.id === 'data.sources_mapped');
  const answers = [...oneShort('ownership.named_owner', '0')].map((c, i) => (i === open ? '-' : c)).join('');
  const page = await t.newPage();
  await finishFromLast(page, t.base, answers);
  const report = await expectReport(page, answers);
  assert.equal(report.verdict, 'not-ready', 'not "Not finished"');
  const sentence = await page.textContent('#verdict');
  assert.ok(sentence.includes('Ownership is not a yes yet') && sentence.includes('1 question is still open'), sentence);
});
