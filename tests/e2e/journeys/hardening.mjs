// Prove it holds (issue 7): axe-core on every screen in light and dark, 320 px and 200 %
// zoom without horizontal scrolling, reduced motion, the accessibility tree, a corpus of
// hostile links through one page, and storage changed in another tab.

import {
  QUESTION_COUNT as N,
  STORAGE_KEY,
  UNREADABLE_KEY,
  answer,
  assert,
  atQuestion,
  checkedValue,
  cleanLabel,
  encodeCode,
  encodeTeam,
  eq,
  expectReport,
  finishAll,
  load,
  radioValue,
  snapshotText,
  writtenSnapshot,
  start,
  storage,
  until,
} from '../lib.mjs';
import { SCREENS, _visitScreens } from './screens.mjs';

// ------------------------------------------------------------------------------------------
// axe-core
// ------------------------------------------------------------------------------------------

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe-core in a page or frame (its context bypasses the CSP) and returns violations. */
async function axe(t, target) {
  if (!(await target.evaluate(() => typeof window.axe === 'object'))) {
    await target.addScriptTag({ content: t.axeSource });
  }
  return target.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} [${v.impact}] ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

async function axeAllScreens(t, scheme) {
  const found = [];
  await _visitScreens(t, { colorScheme: scheme, bypassCSP: true }, async (name, target) => {
    for (const v of await axe(t, target)) found.push(`${name}: ${v}`);
  });
  assert(!found.length, `axe violations (${scheme}): ${found.join(' | ')}`);
}

export async function axeLight(t) {
  await axeAllScreens(t, 'light');
}

export async function axeDark(t) {
  await axeAllScreens(t, 'dark');
}

// ------------------------------------------------------------------------------------------
// Narrow screens and zoom
// ------------------------------------------------------------------------------------------

async function noHorizontalScroll(t, options, limitLabel) {
  const found = [];
  await _visitScreens(t, options, async (name, target) => {
    const { scroll, client, wide } = await target.evaluate(() => {
      const root = document.documentElement;
      // Elements that stick out of the viewport, for the message.
      const wide = [...document.querySelectorAll('#widget *')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
        .slice(0, 3)
        .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : el.className ? '.' + String(el.className).split(' ')[0] : ''));
      return { scroll: root.scrollWidth, client: root.clientWidth, wide };
    });
    if (scroll > client) found.push(`${name}: scrollWidth ${scroll} > ${client} (${wide.join(', ')})`);
  });
  assert(!found.length, `horizontal scrolling at ${limitLabel}: ${found.join(' | ')}`);
}

export async function narrow320NoHorizontalScroll(t) {
  await noHorizontalScroll(t, { viewport: { width: 320, height: 640 } }, '320 px');
}

export async function zoom200NoHorizontalScroll(t) {
  // 200 % zoom of a 1280 px window: a 640 CSS px viewport at twice the pixel density.
  await noHorizontalScroll(t, { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }, '200 % zoom (640 px)');
}

export async function reducedMotionHonoured(t) {
  const duration = async (options) => {
    const page = await t.newPage(options);
    await load(page, t.base + '#s=' + snapshotText('33' + '-'.repeat(N - 2), 'q2'));
    await page.waitForSelector('.progress-bar span');
    return page.evaluate(() => {
      const span = document.querySelector('.progress-bar span');
      const option = document.querySelector('.option');
      return [getComputedStyle(span).transitionDuration, getComputedStyle(option).transitionDuration];
    });
  };
  const normal = await duration({});
  assert(normal[0] !== '0s', `the progress bar animates without the preference (${normal[0]}): this test would be vacuous`);
  eq(await duration({ reducedMotion: 'reduce' }), ['0s', '0s'], 'transition durations with prefers-reduced-motion: reduce');
}

// ------------------------------------------------------------------------------------------
// The accessibility tree, as Chromium computes it
// ------------------------------------------------------------------------------------------

async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const prop = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
  return nodes
    .filter((n) => !n.ignored)
    .map((n) => ({
      role: n.role?.value,
      name: n.name?.value ?? '',
      live: prop(n, 'live'),
      valuetext: n.value?.value ?? prop(n, 'valuetext'),
      checked: prop(n, 'checked'),
    }));
}

export async function accessibilityTree(t) {
  const page = await t.newPage();
  await load(page, t.base + '#s=' + snapshotText('3' + '-'.repeat(N - 1), 'q1'));
  await page.waitForSelector('#question');
  const legend = (await page.textContent('#q-legend')).trim();
  let tree = await axTree(page);
  const group = tree.find((n) => n.role === 'group' && n.name === legend);
  assert(group, `the options form a group named by the question ("${legend}")`);
  const radios = tree.filter((n) => n.role === 'radio');
  eq(radios.length, 5, 'radio buttons (4 levels and "I don\'t know")');
  assert(radios.every((r) => r.name.length > 3), `every radio has a name: ${JSON.stringify(radios.map((r) => r.name))}`);
  assert(radios.some((r) => r.name === "I don't know"), '"I don\'t know" is a named radio');
  const bar = tree.find((n) => n.role === 'progressbar');
  assert(bar && bar.name, 'a named progressbar');
  const progressLive = await page.getAttribute('#progress', 'aria-live');
  eq(progressLive, 'polite', 'progress text is announced politely');

  await load(page, t.base + '#r=' + encodeCode('1302212032130123'));
  await page.waitForSelector('#verdict');
  tree = await axTree(page);
  const status = tree.find((n) => n.role === 'status' && /ready|not ready/i.test(n.name + (n.valuetext || '')));
  const verdictRole = await page.getAttribute('#verdict', 'role');
  assert(status || verdictRole === 'status', 'the verdict is a status region');
  const chart = tree.find((n) => n.role === 'image' && /Ownership/.test(n.name) && /Metrics/.test(n.name));
  assert(chart, 'the chart has a text alternative naming the dimensions');
  for (const word of ['Ownership', 'Data', 'Buy-in', 'Metrics']) {
    assert(chart.name.includes(word), `chart text alternative names ${word}: "${chart.name}"`);
  }
}

// ------------------------------------------------------------------------------------------
// Hostile links, all through one page by changing location.hash
// ------------------------------------------------------------------------------------------

const MIXED = '1302212032130123';
const OTHER = '3333333320333333';

/** The corpus: `{ hash, expect: 'error'|'shared'|'team', kind?, label?, members? }`. */
export function _hostileCorpus() {
  const corpus = [];
  const add = (hash, expect, extra = {}) => corpus.push({ hash, expect, ...extra });
  const labelled = encodeCode(MIXED, 'pilot x');
  const core = encodeCode(MIXED);

  add('#r=' + labelled, 'shared', { label: 'pilot x' });
  add('#r=' + core, 'shared', { label: null });

  // Every single-character substitution of the code part, with a spread of replacements.
  const replacements = ['A', 'z', '9', '-', '_', '.', '~', '%', '+', ' ', 'é', '<'];
  for (let p = 0; p < core.length; p++) {
    for (const c of replacements) {
      if (c === core[p]) continue;
      add('#r=' + core.slice(0, p) + c + core.slice(p + 1) + labelled.slice(core.length), 'error');
    }
  }
  // Every truncation of a labelled code.
  for (let n = 0; n < labelled.length; n++) add('#r=' + labelled.slice(0, n), 'error', n === 0 ? { kind: 'empty' } : {});

  // Future versions.
  for (const d of '23456789') {
    add('#r=' + d + labelled.slice(1), 'error', { kind: 'newer-format' });
  }
  const team = encodeTeam([labelled, encodeCode(OTHER, 'other'), core]);
  add('#t=' + team, 'team', { members: 3 });
  for (const d of '29') add('#t=T' + d + team.slice(2), 'error', { kind: 'newer-format' });
  for (let p = 0; p < 5; p++) {
    for (const c of ['A', '~', '0']) {
      if (c !== team[p]) add('#t=' + team.slice(0, p) + c + team.slice(p + 1), 'error');
    }
  }
  for (let n = 0; n < team.length; n += 4) add('#t=' + team.slice(0, n), 'error');

  // Huge inputs.
  add('#r=' + 'A'.repeat(5000), 'error', { kind: 'too-long' });
  add('#r=1B' + 'A'.repeat(100000), 'error', { kind: 'too-long' });
  add('#r=' + core + '.' + 'a'.repeat(3000), 'error', { kind: 'too-long' });
  add('#t=T1' + '~'.repeat(60000), 'error');
  add('#t=' + encodeTeam(Array(40).fill(core)).slice(0, 200) + 'x'.repeat(70000), 'error', { kind: 'too-long' });

  // Invalid and tricky percent-escapes, some with a valid check value.
  add('#r=' + encodeCode(MIXED, '', { labelBytes: [0xff, 0xfe] }), 'error', { kind: 'damaged' });
  add('#r=' + encodeCode(MIXED, '', { labelBytes: [0xe2, 0x82] }), 'error', { kind: 'damaged' });
  add('#r=' + encodeCode(MIXED, '', { labelBytes: [0xc0, 0xaf] }), 'error', { kind: 'damaged' });
  add('#r=' + encodeCode(MIXED, '', { labelBytes: [0xed, 0xa0, 0x80] }), 'error', { kind: 'damaged' });
  for (const tail of ['%FF%FE', '%', '%G1', '%4', '%%', '%00', '%E2%82', '%2e%2e%2f']) add('#r=' + core + '.' + tail, 'error');
  add('#r=%FF%FE', 'error');
  add('#r=%', 'error');
  add('#t=%FF', 'error');

  // HTML and script in labels: valid codes (shown as plain text) and raw ones (refused).
  for (const label of [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"><svg onload=alert(1)>',
    'javascript:alert(1)',
    '&lt;b&gt;bold&lt;/b&gt;',
    "'; DROP TABLE links; --",
  ]) {
    add('#r=' + encodeCode(MIXED, label), 'shared', { label: cleanLabel(label) });
    add('#r=' + core + '.' + label, 'error');
  }
  add('#t=' + encodeTeam([encodeCode(MIXED, '<img src=x onerror=alert(1)>'), encodeCode(OTHER, '<script>alert(2)</script>')]), 'team', { members: 2 });

  // Bidi controls and zero-width characters: stripped from labels, refused in codes.
  for (const label of ['abc\u202Eevil\u202C', '\u200Bzero\u200Dwidth\uFEFF', '\u2066isolate\u2069 me', 'RTL \u05e9\u05dc\u05d5\u05dd \u061C ok']) {
    add('#r=' + encodeCode(MIXED, label), 'shared', { label: cleanLabel(label) });
    add('#r=' + encodeCode(MIXED, '', { labelBytes: [...Buffer.from(label, 'utf8')] }), 'shared', { label: cleanLabel(label) });
  }
  add('#r=' + core + '\u202E', 'error');
  add('#r=\u200B' + core, 'error');
  add('#t=' + encodeTeam([encodeCode(OTHER, '\u202Eevil')]), 'team', { members: 1 });

  // Odd shapes.
  for (const hash of ['#r=..', '#r=1B.', '#r=1', '#r=1B', '#r=~', '#r=' + core + '~' + core, '#r=' + core + '.' + 'label.with.dots', '#t=', '#t=T', '#t=T1', '#t=T1A', '#t=~~~~', '#t=' + core, '#r=' + team]) {
    add(hash, 'error');
  }
  return corpus;
}

export async function hostileLinkCorpus(t) {
  const corpus = _hostileCorpus();
  assert(corpus.length >= 200, `the corpus should hold at least 200 links, has ${corpus.length}`);
  const page = await t.newPage();
  await load(page, t.base);
  await page.waitForSelector('#intro #start');
  const results = await page.evaluate(async (corpus) => {
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const waitFor = async (fn, ms = 1500) => {
      const start = performance.now();
      while (performance.now() - start < ms) {
        const value = fn();
        if (value) return value;
        await sleep(4);
      }
      return null;
    };
    const counts = () => ['script', 'img', 'iframe', 'object', 'embed', 'image', 'link', 'style', 'base', 'meta'].map((s) => document.getElementsByTagName(s).length).join(',');
    const baseline = counts();
    const out = [];
    let sentinelFailures = 0;
    for (const entry of corpus) {
      // A sentinel view between links, so that two links with the same outcome still show a
      // fresh screen.
      location.hash = '#embed-kit';
      if (!(await waitFor(() => document.getElementById('embed-kit')))) {
        out.push({ problem: 'changing location.hash to #embed-kit did not show the embed kit' });
        if (++sentinelFailures >= 3) break;
        continue;
      }
      // Let the app's own address effect settle before the next change of the fragment.
      await sleep(0);
      await waitFor(() => location.hash === '#embed-kit', 500);
      location.hash = entry.hash;
      const shown = await waitFor(() =>
        !document.getElementById('embed-kit') &&
        (document.getElementById('link-error') ||
          document.getElementById('shared') ||
          (document.getElementById('team-summary') && document.getElementById('team'))),
      );
      const screen = document.querySelector('main')?.textContent.trim() ?? '';
      out.push({
        shown: shown ? { 'link-error': 'error', shared: 'shared', team: 'team' }[shown.id] ?? shown.id : null,
        kind: document.getElementById('link-error')?.dataset.error ?? null,
        label: document.getElementById('shared-label')?.textContent ?? null,
        labelChildren: document.getElementById('shared-label')?.children.length ?? 0,
        members: document.getElementById('team-summary')?.dataset.members ?? null,
        counts: counts(),
        blank: screen.length < 20,
        crash: !!document.getElementById('crash'),
        hash: location.hash.slice(0, 40),
      });
      if (out.at(-1).crash) break;
    }
    return { baseline, out };
  }, corpus);

  const stuck = results.out.filter((r) => r.problem).length;
  assert(
    stuck < 3,
    `changing location.hash does not change the view (tried #embed-kit between links; the screen stayed as it was), so only ${results.out.length} of ${corpus.length} links could be tried`,
  );
  const problems = [];
  results.out.forEach((r, i) => {
    const entry = corpus[i];
    const hash = entry.hash.length > 60 ? entry.hash.slice(0, 57) + '…' : entry.hash;
    const name = `#${i} ${JSON.stringify(hash)}`;
    if (r.problem) return problems.push(`${name}: ${r.problem}`);
    if (r.crash) return problems.push(`${name}: the page crashed`);
    if (r.blank) problems.push(`${name}: blank screen`);
    const expected = entry.expect;
    if (r.shown !== expected) problems.push(`${name}: shows ${r.shown ?? 'nothing'}${r.kind ? ` (${r.kind})` : ''}, expected ${expected} (address now ${r.hash})`);
    if (entry.kind && r.kind !== entry.kind) problems.push(`${name}: data-error ${r.kind}, expected ${entry.kind}`);
    if (expected === 'shared' && entry.label !== undefined && r.label !== entry.label) {
      problems.push(`${name}: label ${JSON.stringify(r.label)}, expected ${JSON.stringify(entry.label)}`);
    }
    if (r.labelChildren) problems.push(`${name}: the label holds elements`);
    if (entry.members && r.members !== String(entry.members)) problems.push(`${name}: ${r.members} members, expected ${entry.members}`);
    if (r.counts !== results.baseline) problems.push(`${name}: element counts ${r.counts}, were ${results.baseline}`);
  });
  if (results.out.length < corpus.length && !problems.length) problems.push(`only ${results.out.length} of ${corpus.length} links were tried`);
  assert(!problems.length, `${problems.length} of ${corpus.length} hostile links misbehaved: ${problems.slice(0, 8).join(' | ')}`);
}

// ------------------------------------------------------------------------------------------
// Storage changed in another tab
// ------------------------------------------------------------------------------------------

export async function storageChangedInAnotherTab(t) {
  const context = await t.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  // Only the front tab gets animation frames (Playwright's clicks wait for them).
  await a.bringToFront();
  await load(a, t.base);
  await start(a);
  for (let i = 0; i < 5; i++) await answer(a, i, MIXED[i]);

  // Another tab writes garbage; this tab goes on and reloads: nothing of its own is lost.
  await b.bringToFront();
  await load(b, t.base);
  await b.waitForSelector('#continue');
  await b.evaluate((k) => localStorage.setItem(k, 'garbage{'), STORAGE_KEY);
  await a.bringToFront();
  await answer(a, 5, MIXED[5]);
  await a.reload();
  await atQuestion(a, 6);
  await a.click('#back');
  await atQuestion(a, 5);
  eq(await checkedValue(a), radioValue(MIXED[5]), 'answer kept after another tab wrote garbage');
  await a.click('#next');

  // Another tab writes garbage and this one reloads before saving again: the address keeps
  // the answers, the garbage is kept aside.
  await b.evaluate((k) => localStorage.setItem(k, 'garbage 2'), STORAGE_KEY);
  await a.reload();
  await atQuestion(a, 6);
  await a.waitForSelector('#storage-notice');
  eq((await storage(a)).unreadable, 'garbage 2', 'garbage from another tab kept aside');

  // Another tab clears storage: this tab goes on and finishes with every answer.
  await b.evaluate((k) => localStorage.removeItem(k), STORAGE_KEY);
  await finishAll(a, MIXED, 6);
  await expectReport(a, MIXED);
  await a.reload();
  await a.waitForSelector('#results');
  await expectReport(a, MIXED);
  eq((await storage(a)).main, writtenSnapshot(MIXED, 'r'), 'stored run after another tab cleared storage');
}

export async function answersFromAnotherTabAreKept(t) {
  const context = await t.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.bringToFront();
  await load(a, t.base);
  await start(a);
  for (let i = 0; i < 5; i++) await answer(a, i, MIXED[i]);
  // The same reader continues in a second tab and answers two more questions there.
  await b.bringToFront();
  await load(b, t.base);
  await b.click('#continue');
  await atQuestion(b, 5);
  await answer(b, 5, MIXED[5]);
  await answer(b, 6, MIXED[6]);
  // Back in the first tab, they edit an earlier answer.
  await a.bringToFront();
  await a.click('#back');
  await atQuestion(a, 4);
  await a.check('#question input[name=answer][value="3"]');
  await a.click('#next');
  await atQuestion(a, 5);
  // Neither tab's answers may be lost: question 5 as edited in A, 6 and 7 as answered in B.
  await b.bringToFront();
  await load(b, t.base);
  await b.click('#continue');
  await until(async () => (await b.$('#question')) || (await b.$('#results')), 'tab B resumes');
  const stored = (await storage(b)).main.split(';')[1];
  const both = MIXED.slice(0, 4) + '3' + MIXED.slice(5, 7) + '-'.repeat(N - 7);
  const onlyA = MIXED.slice(0, 4) + '3' + '-'.repeat(N - 5);
  const onlyB = MIXED.slice(0, 7) + '-'.repeat(N - 7);
  const which = { [encodeCode(onlyA)]: "only tab A's answers (B's two answers were overwritten)", [encodeCode(onlyB)]: "only tab B's answers (A's edit was lost)" };
  assert(
    stored === encodeCode(both),
    `the stored run should hold both tabs' answers (${both}), holds ${which[stored] ?? stored}`,
  );
}
