// Prove it holds (issue 7): every screen in light and dark (screenshots and axe-core), 320 px
// and 200 % zoom without horizontal scrolling, reduced motion, the accessibility tree, a corpus
// of hostile links through one page, storage changed in another tab, and a crash.

import assert from 'node:assert/strict';
import path from 'node:path';
import { EVERY, journey } from '../harness/journey.mjs';
import { ALPHABET, QUESTION_COUNT as N, STORAGE_KEY, cleanLabel, encodeCode, expectedReport, storedParts, writtenSnapshot } from '../lib.mjs';
import { buildCorpus, readCorpus } from '../make-hostile-corpus.mjs';
import { SCREENS, visitEmbed, visitScreens } from '../screens.mjs';
import {
  answer,
  atQuestion,
  axe,
  checkedValue,
  expectReport,
  finishAll,
  finishFromLast,
  load,
  radioValue,
  readReport,
  start,
  storage,
  withStoredRun,
} from '../widget.mjs';

// ------------------------------------------------------------------------------------------
// Every screen: screenshots, axe-core and the content-security policy, light and dark
// ------------------------------------------------------------------------------------------

/**
 * axe-core's rules that read colours (AXE_TAGS holds no other; color-contrast-enhanced is AAA):
 * on a screen whose elements, layout and visibility are what they were in the other scheme,
 * the only rules whose outcome a colour scheme can change (the dark palette sets colours only:
 * core/theme.rs; elementsAndLayout checks it screen by screen).
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * What axe's other rules read of a document, as a hash: its elements, where they are, and what
 * of each is shown (display, visibility, opacity, clipping, generated content).
 */
function elementsAndLayout() {
  let hash = 2166136261;
  const add = (text) => {
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  };
  add(document.documentElement.outerHTML);
  for (const el of document.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    add(`${r.x},${r.y},${r.width},${r.height},${style.display},${style.visibility},${style.opacity},${style.clipPath},${style.clip};`);
    add(`${getComputedStyle(el, '::before').content}|${getComputedStyle(el, '::after').content};`);
  }
  return hash >>> 0;
}

/**
 * Every screen at 360 px (and in Chromium at 1280 px too), in light and dark, through `visit`
 * (visitScreens or visitEmbed): a full-length screenshot (artifacts/<engine>/<screen>-<width>-
 * <scheme>.png), axe-core with 0 violations, and no violation of the content-security policy
 * (the error probe in every page records them; the policy itself has no 'unsafe-inline').
 * Chromium switches one page between the schemes; Firefox and WebKit start in one (WebDriver
 * cannot switch them): a walk per scheme. A screen seen in the other scheme with the same
 * elements and layout is checked by axe's COLOUR_RULES only (a whole run where anything
 * differs); that halves the journey's axe time.
 */
async function everyScreenPassesAxeAndThePolicy(t, visit) {
  const violations = [];
  const walks = t.engine === 'chromium' ? [['light', 'dark']] : [['light'], ['dark']];
  let checked = 0;
  for (const width of t.engine === 'chromium' ? [360, 1280] : [360]) {
    const seen = new Map();
    for (const schemes of walks) {
      await visit(t, { schemes, width, height: 800, screenshots: true }, async (name, target, top, scheme) => {
        if (name === 'intro') {
          const policy = await top.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
          assert.ok(!policy.includes('unsafe-inline'), `no 'unsafe-inline' in the policy: ${policy}`);
        }
        const dark = await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        assert.equal(dark, scheme === 'dark', `${name}: prefers-color-scheme is ${scheme}`);
        await top.screenshot(path.join(t.artifacts, `${name}-${width}-${scheme}.png`));
        // The screenshot is of the top page; axe checks the widget, inside its iframe for 'embed'.
        const layout = await target.evaluate(elementsAndLayout);
        const before = seen.get(name);
        const rules = before !== undefined && before.layout === layout && before.scheme !== scheme ? COLOUR_RULES : null;
        seen.set(name, { layout, scheme });
        for (const v of await axe(t, target, { rules })) violations.push(`${name} at ${width} px, ${scheme}: ${v}`);
        const policy = await target.evaluate(() => (window.__e2e?.errors ?? ['the error probe is missing']).filter((e) => /CSP|probe/.test(e)));
        for (const v of policy) violations.push(`${name} at ${width} px, ${scheme}: ${v}`);
        checked++;
      });
    }
  }
  assert.deepEqual(violations, [], 'axe and policy violations');
  return checked;
}

journey('everyScreenInLightAndDarkPassesAxeAndThePolicy', { engines: EVERY, timeout: 300000 }, async (t) => {
  const checked = await everyScreenPassesAxeAndThePolicy(t, visitScreens);
  t.note(`axe-core and the policy on ${SCREENS.length} screens, light and dark (${checked} views): 0 violations`);
});

journey('theEmbedInLightAndDarkPassesAxeAndThePolicy', { engines: EVERY }, async (t) => {
  const checked = await everyScreenPassesAxeAndThePolicy(t, visitEmbed);
  t.note(`axe-core and the policy on the embedded widget, light and dark (${checked} views): 0 violations`);
});

// ------------------------------------------------------------------------------------------
// Narrow screens and zoom
// ------------------------------------------------------------------------------------------

/** No screen of `visit`'s walk (visitScreens or visitEmbed) scrolls sideways in `page`. */
async function noHorizontalScroll(t, page, limitLabel, visit) {
  const found = [];
  const measure = async (name, target) => {
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
  };
  await visit(t, {}, measure, { page });
  assert.deepEqual(found, [], `horizontal scrolling at ${limitLabel}`);
}

journey('narrow320NoHorizontalScroll', async (t) => {
  await noHorizontalScroll(t, await t.newPage({ width: 320, height: 640 }), '320 px', visitScreens);
});

journey('narrow320EmbedNoHorizontalScroll', async (t) => {
  await noHorizontalScroll(t, await t.newPage({ width: 320, height: 640 }), '320 px', visitEmbed);
});

journey('zoom200NoHorizontalScroll', { playwright: 'a device scale factor of 2 (context option)' }, async (t) => {
  // 200 % zoom of a 1280 px window: a 640 CSS px viewport at twice the pixel density. Each walk
  // in a fresh profile (the embed walk starts from the widget's first screen).
  for (const visit of [visitScreens, visitEmbed]) {
    const context = await t.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    await noHorizontalScroll(t, t.wrap(await context.newPage()), '200 % zoom (640 px)', visit);
  }
});

journey('reducedMotionHonoured', { playwright: 'prefers-reduced-motion (context option)' }, async (t) => {
  const duration = async (options) => {
    const context = await t.newContext(options);
    const page = t.wrap(await context.newPage());
    await withStoredRun(page, t.base, t.base + '#q=3', '33' + '-'.repeat(N - 2), 'q2');
    await page.waitForSelector('.progress-bar span', { state: 'attached' });
    return page.evaluate(() => {
      const span = document.querySelector('.progress-bar span');
      const option = document.querySelector('.option');
      return [getComputedStyle(span).transitionDuration, getComputedStyle(option).transitionDuration];
    });
  };
  const normal = await duration({});
  assert.notEqual(normal[0], '0s', 'the progress bar animates without the preference: this test would be vacuous');
  assert.deepEqual(await duration({ reducedMotion: 'reduce' }), ['0s', '0s'], 'transition durations with prefers-reduced-motion: reduce');
});

// ------------------------------------------------------------------------------------------
// The accessibility tree, as Chromium computes it
// ------------------------------------------------------------------------------------------

async function axTree(page) {
  const cdp = await page.pw.context().newCDPSession(page.pw);
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

journey('accessibilityTree', { playwright: 'the accessibility tree (CDP)' }, async (t) => {
  const page = await t.newPage();
  await withStoredRun(page, t.base, t.base + '#q=2', '3' + '-'.repeat(N - 1), 'q1');
  await page.waitForSelector('#question');
  const legend = (await page.textContent('#q-legend')).trim();
  let tree = await axTree(page);
  const group = tree.find((n) => n.role === 'group' && n.name === legend);
  assert.ok(group, `the options form a group named by the question ("${legend}")`);
  const radios = tree.filter((n) => n.role === 'radio');
  assert.equal(radios.length, 5, 'radio buttons (4 levels and "I don\'t know")');
  assert.ok(radios.every((r) => r.name.length > 3), `every radio has a name: ${JSON.stringify(radios.map((r) => r.name))}`);
  assert.ok(radios.some((r) => r.name === "I don't know"), '"I don\'t know" is a named radio');
  const bar = tree.find((n) => n.role === 'progressbar');
  assert.ok(bar && bar.name, 'a named progressbar');
  assert.equal(await page.getAttribute('#progress', 'aria-live'), 'polite', 'progress text is announced politely');

  await load(page, t.base + '#r=' + encodeCode(MIXED));
  await page.waitForSelector('#verdict');
  tree = await axTree(page);
  const status = tree.find((n) => n.role === 'status' && /ready|not ready/i.test(n.name + (n.valuetext || '')));
  const verdictRole = await page.getAttribute('#verdict', 'role');
  assert.ok(status || verdictRole === 'status', 'the verdict is a status region');
  // The four dimensions at a glance are plain text in a named list: one item per dimension,
  // its name, score and band read as text; the bars repeat the score and stay out of the tree.
  const list = tree.find((n) => n.role === 'list' && n.name === 'Each dimension');
  assert.ok(list, "the dimensions at a glance form a list named \"Each dimension\"");
  const rows = await page.$$eval("#glance li", (els) => els.map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
  assert.equal(rows.length, 4, `a row per dimension: ${JSON.stringify(rows)}`);
  const texts = tree.filter((n) => n.role === 'StaticText').map((n) => n.name);
  for (const [i, word] of ['Ownership', 'Data', 'Buy-in', 'Metrics'].entries()) {
    assert.ok(rows[i].startsWith(word) && /\d+\/100/.test(rows[i]), `row ${i + 1} names ${word} and its score: "${rows[i]}"`);
    assert.ok(texts.includes(word), `${word} is read out as text`);
  }
  const hiddenBars = await page.$$eval("#glance .glance-bar", (els) => els.every((e) => e.getAttribute('aria-hidden') === 'true'));
  assert.ok(hiddenBars, 'the bars are hidden from assistive technology');
});

// ------------------------------------------------------------------------------------------
// Hostile links, all through one page by changing location.hash
// ------------------------------------------------------------------------------------------

const MIXED = '13221203213012303';

/**
 * What `location.hash` reports after assigning `#fragment`: the URL standard's fragment
 * serialisation (tab and newlines dropped; C0 controls, space, `"`, `<`, `>`, `` ` ``, DEL and
 * every non-ASCII character percent-encoded as UTF-8; '%' left alone). tests/hostile_links.rs
 * feeds the decoders the same string; the journey checks that Chromium agrees.
 */
export function browserHash(fragment) {
  let out = '#';
  for (const ch of fragment.replace(/[\t\n\r]/g, '')) {
    const cp = ch.codePointAt(0);
    if (cp < 0x20 || cp >= 0x7f || ' "<>`'.includes(ch)) {
      out += [...Buffer.from(ch, 'utf8')].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
    } else out += ch;
  }
  return out;
}

/**
 * The label a valid results link carries, decoded and cleaned as the widget shows it, or null.
 * What followed the link is not part of its code: the code ends at the first character no
 * code holds, without trailing dots.
 */
function linkLabel(fragmentCode) {
  const code = fragmentCode.replace(/[^A-Za-z0-9\-_.%~].*$/s, '').replace(/\.+$/, '');
  const dot = code.indexOf('.');
  if (dot < 0) return null;
  const bytes = [];
  const text = code.slice(dot + 1);
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text[i] === '_' ? 0x20 : text.charCodeAt(i));
  }
  return cleanLabel(Buffer.from(bytes).toString('utf8')) || null;
}

/**
 * The corpus, read from tests/golden/hostile_links.txt (written by make-hostile-corpus.mjs):
 * `{ hash, browserHash, expect: 'error'|'shared'|'team', kind?, label?, members?, line }`.
 */
function hostileCorpus() {
  return readCorpus().map(({ expect, kind, fragment, line }) => {
    const entry = { hash: '#' + fragment, browserHash: browserHash(fragment), line };
    if (expect === 'error') return { ...entry, expect: 'error', ...(kind !== '-' ? { kind } : {}) };
    assert.ok(kind === '-', `hostile_links.txt:${line}: an "ok" line cannot pin an error kind`);
    if (fragment.startsWith('r=')) return { ...entry, expect: 'shared', label: linkLabel(fragment.slice(2)) };
    assert.ok(fragment.startsWith('t=T1'), `hostile_links.txt:${line}: an "ok" line must be a results or team link`);
    return { ...entry, expect: 'team', members: ALPHABET.indexOf(fragment[4]) };
  });
}

journey('hostileLinkCorpus', async (t) => {
  const written = readCorpus().map(({ expect, kind, fragment }) => [expect, kind, fragment]);
  const built = buildCorpus().map(({ expect, kind, fragment }) => [expect, kind, fragment]);
  assert.deepEqual(written, built, 'tests/golden/hostile_links.txt is what make-hostile-corpus.mjs writes (run it)');
  const corpus = hostileCorpus();
  assert.ok(corpus.length >= 200, `the corpus should hold at least 200 links, has ${corpus.length}`);
  // On the tools page, which shows every screen a link can open (results, bad links, teams)
  // in one document; the check's page runs the same decoding and sends team links there.
  const page = await t.newPage();
  await load(page, t.base + 'tools/');
  await page.waitForSelector('#intro #start');
  const results = await page.evaluate(async (corpus) => {
    // Polls a condition every few milliseconds (in the page: a round trip per poll would
    // take the run from seconds to minutes).
    const waitFor = async (fn, ms = 1500) => {
      const start = performance.now();
      while (performance.now() - start < ms) {
        const value = fn();
        if (value) return value;
        await new Promise((resolve) => setTimeout(resolve, 4));
      }
      return null;
    };
    const counts = () => ['script', 'img', 'iframe', 'object', 'embed', 'image', 'link', 'style', 'base', 'meta'].map((s) => document.getElementsByTagName(s).length).join(',');
    const baseline = counts();
    const out = [];
    let sentinelFailures = 0;
    for (const entry of corpus) {
      // A sentinel view between links, so that two links with the same outcome still show a
      // fresh screen: the intro (an empty fragment), the lightest view (the embed kit, tried
      // first, took two thirds of this journey's CPU).
      location.hash = '';
      if (!(await waitFor(() => document.getElementById('intro')))) {
        out.push({ problem: 'emptying location.hash did not show the intro' });
        if (++sentinelFailures >= 3) break;
        continue;
      }
      // Let the app's own address effect settle before the next change of the fragment: it
      // runs on the next tick after the view is drawn, before the next animation frame.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await waitFor(() => location.hash === '', 500);
      location.hash = entry.hash;
      // Read back at once, before the app's hashchange handler can rewrite it.
      const reported = location.hash;
      const shown = await waitFor(() =>
        !document.getElementById('intro') &&
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
        reported: reported === entry.browserHash ? null : reported.slice(0, 60),
      });
      if (out.at(-1).crash) break;
    }
    return { baseline, out };
  }, corpus);

  const stuck = results.out.filter((r) => r.problem).length;
  assert.ok(
    stuck < 3,
    `changing location.hash does not change the view (tried the intro between links; the screen stayed as it was), so only ${results.out.length} of ${corpus.length} links could be tried`,
  );
  const problems = [];
  results.out.forEach((r, i) => {
    const entry = corpus[i];
    const hash = entry.hash.length > 60 ? entry.hash.slice(0, 57) + '…' : entry.hash;
    const name = `line ${entry.line} ${JSON.stringify(hash)}`;
    if (r.problem) return problems.push(`${name}: ${r.problem}`);
    if (r.reported !== null) {
      problems.push(`${name}: location.hash reads ${JSON.stringify(r.reported)}, not ${JSON.stringify(entry.browserHash.slice(0, 60))} (tests/hostile_links.rs assumes the latter)`);
    }
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
  assert.ok(!problems.length, `${problems.length} of ${corpus.length} hostile links misbehaved: ${problems.slice(0, 8).join(' | ')}`);
});

// ------------------------------------------------------------------------------------------
// Storage changed in another tab (two tabs of one browser: Playwright contexts)
// ------------------------------------------------------------------------------------------

const TABS = 'two tabs of one browser (a context with two pages)';

/**
 * Two tabs of one browser: tab `a` in front with the first five questions answered, tab `b`
 * open but not loaded yet.
 */
async function twoTabsFiveAnswered(t) {
  const context = await t.newContext();
  const a = t.wrap(await context.newPage());
  const b = t.wrap(await context.newPage());
  // Only the front tab gets animation frames (Playwright's clicks wait for them).
  await a.pw.bringToFront();
  await load(a, t.base);
  await start(a);
  for (let i = 0; i < 5; i++) await answer(a, i, MIXED[i]);
  return [a, b];
}

journey('storageChangedInAnotherTab', { playwright: TABS }, async (t) => {
  const [a, b] = await twoTabsFiveAnswered(t);

  // Another tab writes garbage; this tab goes on and reloads: nothing of its own is lost.
  await b.pw.bringToFront();
  // A fresh visit lands on the question the reader left (issue 26).
  await load(b, t.base);
  await atQuestion(b, 5);
  await b.evaluate((k) => localStorage.setItem(k, 'garbage{'), STORAGE_KEY);
  await a.pw.bringToFront();
  await answer(a, 5, MIXED[5]);
  await a.reload();
  await atQuestion(a, 6);
  await a.click('#back');
  await atQuestion(a, 5);
  assert.equal(await checkedValue(a), radioValue(MIXED[5]), 'answer kept after another tab wrote garbage');
  await a.click('#next');

  // Another tab writes garbage and this one reloads before saving again: the address keeps
  // the answers, the garbage is kept aside.
  await b.evaluate((k) => localStorage.setItem(k, 'garbage 2'), STORAGE_KEY);
  await a.reload();
  await atQuestion(a, 6);
  await a.waitForSelector('#storage-notice');
  assert.equal((await storage(a)).unreadable, 'garbage 2', 'garbage from another tab kept aside');

  // Another tab clears storage: this tab goes on and finishes with every answer.
  await b.evaluate((k) => localStorage.removeItem(k), STORAGE_KEY);
  await finishAll(a, MIXED, 6);
  await expectReport(a, MIXED);
  await a.reload();
  await a.waitForSelector('#results');
  await expectReport(a, MIXED);
  assert.equal((await storage(a)).main, writtenSnapshot(MIXED, 'r'), 'stored run after another tab cleared storage');
});

journey('answersFromAnotherTabAreKept', { playwright: TABS }, async (t) => {
  const [a, b] = await twoTabsFiveAnswered(t);
  // The same reader continues in a second tab and answers two more questions there.
  await b.pw.bringToFront();
  await load(b, t.base);
  await atQuestion(b, 5);
  await answer(b, 5, MIXED[5]);
  await answer(b, 6, MIXED[6]);
  // Back in the first tab, they edit an earlier answer.
  await a.pw.bringToFront();
  await a.click('#back');
  await atQuestion(a, 4);
  await a.check('#question input[name=answer][value="3"]');
  await a.click('#next');
  await atQuestion(a, 5);
  // Neither tab's answers may be lost: question 5 as edited in A, 6 and 7 as answered in B.
  await b.pw.bringToFront();
  await load(b, t.base);
  await b.waitForSelector('#question, #results');
  const stored = storedParts((await storage(b)).main).code;
  const both = MIXED.slice(0, 4) + '3' + MIXED.slice(5, 7) + '-'.repeat(N - 7);
  const onlyA = MIXED.slice(0, 4) + '3' + '-'.repeat(N - 5);
  const onlyB = MIXED.slice(0, 7) + '-'.repeat(N - 7);
  const which = { [encodeCode(onlyA)]: "only tab A's answers (B's two answers were overwritten)", [encodeCode(onlyB)]: "only tab B's answers (A's edit was lost)" };
  assert.ok(stored === encodeCode(both), `the stored run should hold both tabs' answers (${both}), holds ${which[stored] ?? stored}`);
});

journey('resultsOnScreenFollowAnotherTabsAnswers', { playwright: TABS }, async (t) => {
  const context = await t.newContext();
  const a = t.wrap(await context.newPage());
  await finishFromLast(a, t.base, MIXED);
  await expectReport(a, MIXED);
  // The reader is in the label field (marked, to know the element again after the redraw).
  await a.focus('#pilot-label');
  await a.evaluate(() => (document.activeElement.dataset.e2eMark = 'here'));
  // Tab B, same browser, changes the first answer.
  const b = t.wrap(await context.newPage());
  await load(b, t.base + '#q=1');
  await atQuestion(b, 0);
  const changed = (MIXED[0] === '3' ? '0' : '3') + MIXED.slice(1);
  await b.check(`#question input[name=answer][value="${changed[0]}"]`);
  // Tab A redraws its results with the newer answers, and says so.
  await a.pw.bringToFront();
  const want = expectedReport(changed).scores;
  await t.waitUntil(
    async () => JSON.stringify((await readReport(a)).scores) === JSON.stringify(want),
    'the results on screen follow the answers saved in the other tab',
  );
  await a.waitForSelector('#storage-notice');
  // Redrawn in place, not moved: focus stays in the very field the reader was in.
  assert.equal(await a.evaluate(() => `${document.activeElement?.id}:${document.activeElement?.dataset.e2eMark}`), 'pilot-label:here', 'focus after the redraw');
});

// ------------------------------------------------------------------------------------------
// A crash
// ------------------------------------------------------------------------------------------

/**
 * A real trap in the release build (which aborts on panic without any hook): the app's wasm
 * memory is wiped (keep-wasm probe), the next click traps, and index.html's crash script
 * replaces the page with a message and a focused reload button, which passes axe-core.
 * Reloading resumes the saved run. Under the page's own CSP, so a script the policy blocked
 * would fail here.
 */
journey('crashShowsAMessageAndReloadResumes', { engines: EVERY }, async (t) => {
  const page = await t.newPage();
  await load(page, t.base + '?e2e=keep-wasm');
  await start(page);
  for (let i = 0; i < 3; i++) await answer(page, i, MIXED[i]);
  await page.waitForFunction(() => !!window.__e2eWasm?.memory);
  // Returns nothing: sending megabytes of zeroes back over WebDriver stalls WebKit's driver.
  await page.evaluate(() => {
    new Uint8Array(window.__e2eWasm.memory.buffer).fill(0);
  });
  await page.click('#next');
  await page.waitForSelector('main#crash [role=alert]');
  assert.equal(await page.textContent('#crash h1'), 'Something went wrong', 'crash heading');
  assert.equal(await page.textContent('#crash [role=alert]'), 'Your saved answers are safe: reload the page to go on where you were.', 'crash message');
  // Once seen under load in WebKit: focus on the body right after the page was replaced (the
  // crash script focuses the button again a frame later when that happens).
  await page.waitForFunction(() => document.activeElement?.textContent === 'Reload the page');
  assert.ok(!(await page.has('#widget')), 'the broken app is gone');
  assert.deepEqual(await axe(t, page), [], 'axe violations on the crash message');
  // The trap surfaced as an uncaught error: this journey's point, not a problem.
  const reported = await t.waitUntil(() => t.problems().length && t.problems(), 'the trap is reported as a page error');
  assert.ok(reported.every((p) => p.startsWith('page error')), `only the trap, as a page error: ${reported.join(' | ')}`);
  t.note(`trap reported as: ${reported[0].replace(/ \(http.*$/, '').slice(0, 90)}`);
  t.clearProblems();

  await page.click('#crash button');
  await page.waitForSelector('#widget');
  await atQuestion(page, 3);
  await page.click('#back');
  await atQuestion(page, 2);
  assert.equal(await checkedValue(page), radioValue(MIXED[2]), 'answers before the crash are kept');
});

/**
 * index.html tells a crash from other errors by the error's type and stack, whose format each
 * engine writes its own way: a wasm stack overflow (from a timer, and inside a promise) must
 * show the message; a plain JS error (a browser extension, say) must not.
 */
journey('crashIsAnErrorFromTheWasmOnly', { engines: EVERY }, async (t) => {
  const page = await t.newPage();
  await load(page, t.base + '?e2e=provoke');
  await page.waitForSelector('#intro #start');
  await page.evaluate(() => window.__e2eProvoke.plainError());
  await t.waitUntil(() => t.problems().length, 'the plain error is reported');
  // The crash script decides in the same error dispatch in which the probe reported the error
  // (both listen on window, synchronously): it has decided by now. One frame more, for the
  // focus it sets a frame later.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  assert.ok(!(await page.has('#crash')) && (await page.has('#widget')), 'a plain JS error must not replace the app');
  t.clearProblems();
  const seen = [];
  for (const how of ['timer', 'promise']) {
    await load(page, t.base + '?e2e=provoke');
    await page.waitForSelector('#intro #start');
    await page.evaluate((how) => window.__e2eProvoke.stackOverflow(how), how);
    await t.waitUntil(() => t.problems().length, `the stack overflow (${how}) is reported`);
    seen.push(`${how}: ${t.problems()[0].replace(/ \(http.*$/, '').slice(0, 70)}`);
    await page.waitForSelector('main#crash [role=alert]');
    assert.ok(!(await page.has('#widget')), `stack overflow (${how}): the app is replaced`);
    t.clearProblems();
  }
  t.note(seen.join('; '));
});
