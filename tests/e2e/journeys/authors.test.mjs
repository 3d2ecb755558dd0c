// Author tools of issue 27: the team view from named lines (360 and 1280 px, light and dark,
// axe-core), and a results screen opened with a readers' benchmark (?bench=) saying where the
// reader stands.

import assert from 'node:assert/strict';
import path from 'node:path';
import { journey } from '../harness/journey.mjs';
import { CONTENT, STORAGE_KEY, resultsLink, writtenSnapshot } from '../lib.mjs';
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
