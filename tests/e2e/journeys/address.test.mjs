// The address bar is the results link (issue 12): what readers copy is what they meant to
// share; while answering it carries the step only; runs ride in it only where storage fails,
// and such a link is offered, never silently adopted. Every journey runs at the root and under
// a sub-path, and the reader's own run also starting from a per-outcome page.

import assert from 'node:assert/strict';
import { journey } from '../harness/journey.mjs';
import { QUESTION_COUNT as N, STORAGE_KEY, addressSnapshot, pattern, resultsLink, storedParts, writtenSnapshot } from '../lib.mjs';
import { answer, atQuestion, checkedValue, expectReport, finishAll, finishFromLast, load, seedStorage, start, storage } from '../widget.mjs';

const MINE = pattern('3233' + '3213' + '3321' + '23123');
const THEIRS = pattern('3333' + '3333' + '2333' + '33323');

/** Both places a widget lives: the root of a site and a sub-path. */
const bases = (t) => [
  ['root', t.base],
  ['sub-path', t.subBase],
];

/** Throws on any access to window.localStorage, as blocked third-party storage does. */
function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

journey('theCopiedAddressBarOpensAsSomeoneElsesResultElsewhere', async (t) => {
  for (const [where, base] of bases(t)) {
    const page = await t.newPage();
    await finishFromLast(page, base, MINE);
    await t.waitUntil(async () => (await page.url()) === resultsLink(base, MINE), async () => `${where}: address ${(await page.url())}`);
    const copied = (await page.url());
    assert.deepEqual(copied, await page.inputValue('#share-link'), `${where}: the address bar holds the share field's link`);
    // A fresh browser: the same verdict, marked as someone else's, nothing stored.
    const other = await t.newPage();
    await load(other, copied);
    await other.waitForSelector('#shared #shared-banner');
    await expectReport(other, MINE, '#shared', `${where}: the copied address elsewhere`);
    assert.deepEqual(await storage(other), { main: null, unreadable: null }, `${where}: nothing stored by opening it`);
    // A browser with its own run half done: the shared view; its run and step untouched.
    const busy = await t.newPage();
    await load(busy, base);
    await start(busy);
    for (let i = 0; i < 4; i++) await answer(busy, i, THEIRS[i]);
    const before = (await storage(busy)).main;
    await load(busy, copied);
    await busy.waitForSelector('#shared #shared-banner');
    assert.deepEqual((await storage(busy)).main, before, `${where}: the visitor's stored run after opening the link`);
    await busy.click('#take-check');
    await atQuestion(busy, 4);
    const after = (await storage(busy)).main;
    assert.deepEqual(storedParts(after), storedParts(before), `${where}: the visitor's run and step after going back to it`);
  }
});

journey('theOwnerReloadsTheirResultsAddress', { playwright: 'a second tab of the same browser' }, async (t) => {
  for (const [where, base] of bases(t)) {
    const page = await t.newPage();
    await finishFromLast(page, base, MINE);
    await page.fill('#pilot-label', 'invoice triage');
    await t.waitUntil(async () => (await page.url()) === resultsLink(base, MINE, 'invoice triage'), async () => `${where}: label in the address: ${(await page.url())}`);
    await page.reload();
    await page.waitForSelector('#results #share');
    assert.deepEqual((await page.textContent('#screen-heading')).trim(), 'Your results', `${where}: the owner sees their own results`);
    assert.deepEqual(await page.inputValue('#pilot-label'), 'invoice triage', `${where}: the label after a reload`);
    assert.deepEqual((await page.url()), resultsLink(base, MINE, 'invoice triage'), `${where}: the address after a reload`);
    // Coming back from the comments (a new tab of the same browser) is the owner too.
    const again = t.wrap(await page.pw.context().newPage());
    await load(again, resultsLink(base, MINE, 'invoice triage'));
    await again.waitForSelector('#results #share');
  }
});

journey('whileAnsweringTheAddressHoldsTheStepOnly', async (t) => {
  for (const [where, base] of bases(t)) {
    const page = await t.newPage();
    await load(page, base);
    await start(page);
    for (let i = 0; i < 6; i++) await answer(page, i, MINE[i]);
    assert.deepEqual(new URL((await page.url())).hash, '#q=7', `${where}: the address names the question`);
    assert.ok(!(await page.url()).includes('s='), `${where}: and holds no answer: ${(await page.url())}`);
    await page.reload();
    await atQuestion(page, 6);
    await page.click('#back');
    await atQuestion(page, 5);
    assert.deepEqual(await checkedValue(page), MINE[5], `${where}: answers are back after a reload`);
  }
});

journey('withStorageBlockedTheAddressKeepsTheRunAndAsksElsewhere', { playwright: 'storage blocked with no marker in the address it checks (init script)' }, async (t) => {
  for (const [where, base] of bases(t)) {
    const context = await t.newContext();
    await context.addInitScript(blockStorage);
    const page = t.wrap(await context.newPage());
    await load(page, base);
    await page.waitForSelector('#storage-notice');
    await start(page);
    for (let i = 0; i < 5; i++) await answer(page, i, MINE[i]);
    const address = (await page.url());
    assert.ok(new URL(address).hash.startsWith('#s=S2;'), `${where}: the run rides in the address: ${address}`);
    await page.reload();
    await atQuestion(page, 5);
    // That address in another browser (with working storage): asked before anything is adopted.
    const other = await t.newPage();
    await load(other, address);
    await other.waitForSelector('#offered #accept-offered');
    assert.deepEqual(await storage(other), { main: null, unreadable: null }, `${where}: nothing adopted before the visitor chooses`);
    await other.click('#accept-offered');
    await atQuestion(other, 5);
    await t.waitUntil(async () => storedParts((await storage(other)).main).code === addressSnapshot(MINE.slice(0, 5) + '-'.repeat(N - 5), 'q5').split(';')[1], `${where}: accepted, the run is theirs`);
    // Finished with storage blocked, the address is the results link, and a reload is still the owner's.
    await finishAll(page, MINE, 5);
    await t.waitUntil(async () => (await page.url()) === resultsLink(base, MINE), async () => `${where}: results address with storage blocked: ${(await page.url())}`);
    await page.reload();
    await page.waitForSelector('#results #share');
  }
});

journey('oldStyleProgressLinksStillOpen', async (t) => {
  const old = (base) => base + '#s=' + addressSnapshot(THEIRS.slice(0, 7) + '-'.repeat(N - 7), 'q7', 'their pilot');
  for (const [where, base] of bases(t)) {
    // No saved run: asked, the link's answers shown as someone else's until the visitor chooses.
    const fresh = await t.newPage();
    await load(fresh, old(base));
    await fresh.waitForSelector('#offered #shared-banner');
    assert.ok(await fresh.has('#accept-offered'), `${where}: offered to continue`);
    await fresh.click('#start-fresh');
    await atQuestion(fresh, 0);
    assert.deepEqual(await checkedValue(fresh), null, `${where}: starting fresh takes nothing from the link`);
    // A saved run of one's own: untouched, and the link's answers can be seen as shared.
    const mine = await t.newPage();
    await seedStorage(mine, base, { [STORAGE_KEY]: writtenSnapshot(MINE.slice(0, 3) + '-'.repeat(N - 3), 'q3') });
    await load(mine, old(base));
    await mine.waitForSelector('#offered #own-run-untouched');
    assert.ok(!(await mine.has('#accept-offered')), `${where}: never offered over a run of one's own`);
    await mine.click('#offered-as-shared');
    await mine.waitForSelector('#shared');
    await mine.click('#take-check');
    await atQuestion(mine, 3);
    assert.deepEqual(storedParts((await storage(mine)).main).step, 'q3', `${where}: the own run where it was`);
  }
});

journey('aCheckTakenFromAnOutcomePageLandsRight', async (t) => {
  for (const [where, base] of bases(t)) {
    const page = await t.newPage();
    await load(page, resultsLink(base, THEIRS));
    await page.waitForSelector('#shared');
    await page.click('#take-check');
    await atQuestion(page, 0);
    assert.deepEqual((await page.url()), base + '#q=1', `${where}: the question's address is the check's page`);
    await finishAll(page, MINE);
    await t.waitUntil(async () => (await page.url()) === resultsLink(base, MINE), async () => `${where}: results address: ${(await page.url())}`);
    await page.reload();
    await page.waitForSelector('#results #compare');
  }
});

/**
 * A page address whose path starts with two slashes (`https://site//`, as a link written with
 * one slash too many gives): every address the widget writes or goes to stays on the site. A
 * path written relative to such a page (`//r/…`) would name another host: `replaceState`
 * refuses it and a navigation would leave the site.
 */
journey('anAddressWithADoubledSlashStaysOnTheSite', async (t) => {
  const origin = new URL(t.base).origin;
  const base = `${origin}//`;
  const page = await t.newPage();
  await load(page, base);
  await start(page);
  assert.deepEqual((await page.url()), `${base}#q=1`, 'the first question under a doubled slash');
  await finishFromLast(page, base, MINE);
  await t.waitUntil(async () => (await page.url()) === resultsLink(base, MINE), async () => `results address: ${(await page.url())}`);
  assert.deepEqual((await page.url()), await page.inputValue('#share-link'), "the address bar holds the share field's link");
  const tools = await t.newPage();
  await load(tools, `${base}#readers`);
  await tools.waitForSelector('#readers-input');
  assert.deepEqual(new URL((await tools.url())).origin, origin, 'a tool opened from the check stays on the site');
  assert.deepEqual((await tools.url()), `${base}tools/#readers`, "the readers' results address");
});

/**
 * A results link clicked in a comment often carries what followed it there (a closing
 * bracket, sentence dots, a comma) or a tracking parameter a site added: it opens as the link,
 * and the address bar then holds the link itself.
 */
journey('aLinkWithTheCommentsPunctuationOpensAsTheLink', async (t) => {
  const link = resultsLink(t.base, THEIRS, 'claims pilot');
  for (const after of [')', ').', '...', ',', '!', "'", '&utm_source=linkedin']) {
    const page = await t.newPage();
    await load(page, link + after);
    await page.waitForSelector('#shared #shared-banner');
    await expectReport(page, THEIRS, '#shared', `followed by ${after}`);
    assert.deepEqual(await page.textContent('#shared-label'), 'claims pilot', `the label, followed by ${after}`);
    await t.waitUntil(async () => (await page.url()) === link, async () => `followed by ${after}: address ${(await page.url())}`);
    assert.deepEqual(await storage(page), { main: null, unreadable: null }, `followed by ${after}: nothing stored`);
  }
});

