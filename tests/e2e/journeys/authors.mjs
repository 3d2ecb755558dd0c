// Author tools of issue 27: the team view from named lines (360 and 1280 px, light and dark),
// and a results screen opened with a readers' benchmark (?bench=) saying where the reader
// stands. Written with the feature; see the helper's report for whether they have been run.

import path from 'node:path';
import { CONTENT, STORAGE_KEY, assert, eq, load, resultsLink, seedStorage, writtenSnapshot } from '../lib.mjs';
import { _axe } from './hardening.mjs';

/** The thread fixture's benchmark (tests/benchmark.rs, golden): 13 readers, 3 ready. */
const THREAD_BENCH = 'B1AANAADfDy6_JkbDy6GhkbHx8PJkTHz4CHkEW';

const N = CONTENT.questions.length;
const TOP = '3'.repeat(N);

export async function theTeamViewReadsNamesAndFitsEveryWidth(t) {
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
      const page = await t.newPage({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
      await load(page, t.base + 'tools/#team');
      await page.waitForSelector('#team-input');
      await page.fill('#team-input', lines);
      await page.waitForSelector('#team-summary[data-members="5"]');
      const names = await page.$$eval('#team-summary tbody th[scope="row"] bdi', (els) => els.map((e) => e.textContent));
      eq(names, ['Maya', 'Tom', 'Ana Costa', 'Lee Wong', 'Person 5'], `${width} px: names from every form`);
      // Maya stands out on Buy-in, and her row is on screen without scrolling sideways.
      const outlier = page.locator('#team-summary tr[data-member="0"] td.outlier');
      eq(await outlier.count(), 1, 'the outlier is marked');
      const box = await outlier.boundingBox();
      assert(box && box.x >= 0 && box.x + box.width <= width, `${width} px: the outlier is in view (${JSON.stringify(box)})`);
      const { scroll, client } = await page.$eval('.team-table', (e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      assert(scroll <= client, `${width} px ${scheme}: the team table is not clipped (${scroll} > ${client})`);
      assert((await page.textContent('#team-footnote')).includes("never scored as 0"), 'the footnote says what it means');
      assert((await page.inputValue('#team-link')).includes('#t=T2'), 'the team link carries the names');
      eq(await _axe(t, page), [], `axe on the team view (${width} px, ${scheme})`);
      await page.screenshot({ path: path.join(t.artifacts, `team-names-${width}-${scheme}.png`), fullPage: true });
      await page.close();
    }
  }
}

export async function resultsOpenedWithABenchmarkSayWhereTheReaderStands(t) {
  for (const scheme of ['light', 'dark']) {
    const page = await t.newPage({ viewport: { width: 360, height: 900 }, colorScheme: scheme, bypassCSP: true });
    await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(TOP, 'r') });
    await load(page, `${t.base}?bench=${THREAD_BENCH}`);
    await page.waitForSelector('#benchmark-headline');
    eq((await page.textContent('#benchmark-headline')).trim(), 'Among 13 readers who shared their results, 3 (23%) are ready to scale.', 'headline');
    const place = await page.$$eval('#benchmark-place li', (els) => els.map((e) => e.textContent));
    eq(place.length, 4, 'a line per dimension');
    assert(place[1].startsWith('Data: a yes — 54% of 13 readers who shared say the same.'), `Data: ${place[1]}`);
    eq(await _axe(t, page), [], `axe on results with a benchmark (${scheme})`);
    await page.screenshot({ path: path.join(t.artifacts, `results-bench-360-${scheme}.png`), fullPage: true });
    await page.close();
  }
  // A damaged benchmark is ignored for readers.
  const page = await t.newPage();
  await seedStorage(page, t.base, { [STORAGE_KEY]: writtenSnapshot(TOP, 'r') });
  await load(page, `${t.base}?bench=${THREAD_BENCH.slice(0, -1)}x`);
  await page.waitForSelector('#results');
  eq(await page.locator('#benchmark').count(), 0, 'a damaged benchmark shows nothing');
}
