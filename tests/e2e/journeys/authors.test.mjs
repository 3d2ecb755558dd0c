// Author tools of issue 27: the team view from named lines (360 and 1280 px, light and dark,
// axe-core), and a results screen opened with a readers' benchmark (?bench=) saying where the
// reader stands.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { journey } from '../harness/journey.mjs';
import { CONTENT, ROOT, STORAGE_KEY, resultsLink, writtenSnapshot } from '../lib.mjs';
import { axe, load, seedStorage } from '../widget.mjs';

/** The thread fixture's benchmark (tests/benchmark.rs, golden): 13 readers, 3 ready. */
const THREAD_BENCH = 'B1AANAADfDy6_JkbDy6GhkbHx8PJkTHz4CHkEW';

const N = CONTENT.questions.length;
const TOP = '3'.repeat(N);

journey('theTeamViewReadsNamesAndFitsEveryWidth', async (t) => {
  const low = CONTENT.dimensions.map((d, i) => (i === 2 ? '0' : '3').repeat(d.questions.length)).join('');
  const lines = [
    `Maya: ${resultsLink(t.base, TOP)}`,
    `Tom - ${resultsLink(t.base, low)}`,
    `[Ana Costa](${resultsLink(t.base, low)})`,
    `Lee Wong <lee@example.net>: ${resultsLink(t.base, low)}`,
    `${resultsLink(t.base, low)}`,
  ].join('\n');
  for (const scheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      const page = await t.newPage({ width, height: 900, scheme });
      await load(page, t.base + 'tools/#team');
      await page.waitForSelector('#team-input');
      await page.fill('#team-input', lines);
      await page.waitForSelector('#team-summary[data-members="5"]');
      const names = await page.$$eval('#team-summary tbody th[scope="row"] bdi', (els) => els.map((e) => e.textContent));
      assert.deepEqual(names, ['Maya', 'Tom', 'Ana Costa', 'Lee Wong', 'Person 5'], `${width} px: names from every form`);
      // Maya stands out on Buy-in, and her row is on screen without scrolling sideways.
      const outlier = '#team-summary tr[data-member="0"] td.outlier';
      assert.equal(await page.count(outlier), 1, 'the outlier is marked');
      const box = await page.$eval(outlier, (e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, width: r.width };
      });
      assert.ok(box.x >= 0 && box.x + box.width <= width, `${width} px: the outlier is in view (${JSON.stringify(box)})`);
      const { scroll, client } = await page.$eval('.team-table', (e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      assert.ok(scroll <= client, `${width} px ${scheme}: the team table is not clipped (${scroll} > ${client})`);
      assert.ok((await page.textContent('#team-footnote')).includes('never scored as 0'), 'the footnote says what it means');
      assert.ok((await page.inputValue('#team-link')).includes('#t=T2'), 'the team link carries the names');
      assert.deepEqual(await axe(t, page), [], `axe on the team view (${width} px, ${scheme})`);
      await page.screenshot(path.join(t.artifacts, `team-names-${width}-${scheme}.png`));
    }
  }
});

journey('resultsOpenedWithABenchmarkSayWhereTheReaderStands', async (t) => {
  for (const scheme of ['light', 'dark']) {
    const page = await t.newPage({ width: 360, height: 900, scheme });
    await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(TOP, 'r') });
    await load(page, `${t.base}?bench=${THREAD_BENCH}`);
    // A finished stored run opens where the reader left it: on the results.
    await page.waitForSelector('#benchmark-headline');
    assert.equal((await page.textContent('#benchmark-headline')).trim(), 'Among 13 readers who shared their results, 3 (23%) are ready to scale.', 'headline');
    const place = await page.$$eval('#benchmark-place li', (els) => els.map((e) => e.textContent));
    assert.equal(place.length, 4, 'a line per dimension');
    assert.ok(place[1].startsWith('Data: a yes — 54% of 13 readers who shared say the same.'), `Data: ${place[1]}`);
    assert.deepEqual(await axe(t, page), [], `axe on results with a benchmark (${scheme})`);
    await page.screenshot(path.join(t.artifacts, `results-bench-360-${scheme}.png`));
    // The results address keeps the benchmark (and nothing else of the query): a reload still
    // says where the reader stands.
    await t.waitUntil(async () => (await page.url()) === resultsLink(t.base, TOP).replace('#', `?bench=${THREAD_BENCH}#`), async () => `address ${await page.url()}`);
    await page.reload();
    await page.waitForSelector('#benchmark-headline');
  }
  // A damaged benchmark is ignored for readers.
  const page = await t.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(TOP, 'r') });
  await load(page, `${t.base}?bench=${THREAD_BENCH.slice(0, -1)}x`);
  await page.waitForSelector('#results');
  // The benchmark line is drawn with the results screen (a plain child of it, read from the
  // address at once), so once #results is there a benchmark would be too.
  assert.equal(await page.count('#benchmark'), 0, 'a damaged benchmark shows nothing');
});

journey('aThreadsBenchmarkGoesFromReadersResultsIntoTheKitsSnippets', async (t) => {
  const page = await t.newPage({ width: 1280, height: 900 });
  await load(page, t.base + 'tools/#readers');
  await page.waitForSelector('#readers-input');
  const thread = readFileSync(path.join(ROOT, 'tests/golden/readers_thread.txt'), 'utf8');
  await page.$eval(
    '#readers-input',
    (area, value) => {
      area.value = value;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    thread,
  );
  // The thread's benchmark, as the golden vector has it (tests/benchmark.rs).
  await page.waitForSelector('#readers-bench');
  assert.equal(await page.inputValue('#readers-bench'), THREAD_BENCH, 'the benchmark readers\' results make of the thread');
  // The author takes it to the embed kit: every snippet carries it.
  await page.click('#readers-bench-kit');
  await page.waitForSelector('#embed-kit #kit-bench');
  assert.equal(await page.inputValue('#kit-bench'), THREAD_BENCH, 'the kit opens with the benchmark');
  assert.ok((await page.textContent('#kit-bench-reads')).includes('Among 13 readers who shared their results, 3 (23%) are ready to scale.'), 'the kit says what it holds');
  const embed = `${t.base}?embed&bench=${THREAD_BENCH}`;
  await t.waitUntil(async () => (await page.getAttribute('#kit-preview', 'src')) === embed, async () => `preview ${await page.getAttribute('#kit-preview', 'src')}`);
  assert.equal(await page.inputValue('#paste-substack'), `${t.base}?bench=${THREAD_BENCH}`, 'Substack: the address with the benchmark');
  assert.ok((await page.inputValue('#paste-linkedin')).endsWith(`${t.base}?bench=${THREAD_BENCH}`), 'LinkedIn: the text ends with it');
  assert.ok((await page.inputValue('#paste-html')).includes(`?embed&amp;bench=${THREAD_BENCH}`), 'the iframe snippet carries it');
  // The preview is the check a reader will see, with the benchmark read.
  const frame = await page.frame('#kit-preview');
  await t.waitUntil(async () => (await frame.url()) === embed, 'the preview loads the address', { timeout: 10000 });
  await frame.waitForSelector('#widget #intro #start', { timeout: 15000 });
  await page.screenshot(path.join(t.artifacts, 'kit-bench-1280.png'));
  // A damaged benchmark is explained, and left out of everything.
  await page.fill('#kit-bench', THREAD_BENCH.slice(0, -1) + 'x');
  await page.waitForSelector('#kit-bench-invalid');
  assert.ok((await page.textContent('#kit-bench-invalid')).includes('damaged'), 'the kit says why');
  await t.waitUntil(async () => (await page.getAttribute('#kit-preview', 'src')) === `${t.base}?embed`, 'the preview drops it');
  assert.equal(await page.inputValue('#paste-substack'), t.base, 'Substack: the plain address');
  assert.deepEqual(await axe(t, page), [], 'axe on the kit with a damaged benchmark');
});
