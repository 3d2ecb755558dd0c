// Embed anywhere (issue 6): iframe on another origin, auto-height, host events, foreign
// messages, theme parameters, sub-path deploy, no network after load, per-outcome pages.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { EVERY, journey } from '../harness/journey.mjs';
import { QUESTION_COUNT as N, encodeCode, expectedReport, pattern } from '../lib.mjs';
import { agree, atQuestion, expectReport, finishAll, fits, frameSizes, hostUrl, load, radioValue, shareLink, start } from '../widget.mjs';

const PATTERN = pattern('3333' + '0213' + '3331' + '23233');

/** Opens the host page (in a 900 x 700 window) and returns [page, frame] once the widget inside is usable. */
async function openHost(t, query = 'embed') {
  const page = await t.newPage({ width: 900, height: 700 });
  await page.goto(hostUrl(t, query));
  const frame = await page.frame('#check');
  await frame.waitForSelector('#widget #intro #start', { timeout: 15000 });
  return [page, frame];
}

/** How many messages the host page heard whose data matches `data`'s fields. */
const heardOnHost = (page, data) =>
  page.evaluate((want) => window.__messages.filter((m) => m.data && Object.entries(want).every(([k, v]) => m.data[k] === v)).length, data);

journey('iframeFollowsItsContent', { engines: EVERY }, async (t) => {
  // The author opts in to the result event with `events`.
  const [page, frame] = await openHost(t, 'embed&events');
  assert.ok(!(await frame.has('header.chrome')), 'no page chrome (header) in embed mode');
  assert.ok(!(await frame.has('footer.chrome')), 'no page chrome (footer) in embed mode');
  const settle = [(await fits(t, page, frame, 'intro')).ms];
  // With `events`, the reader agrees on the first screen.
  await agree(frame);
  await frame.click('#start');
  for (let i = 0; i < N; i++) {
    await atQuestion(frame, i);
    settle.push((await fits(t, page, frame, `question ${i + 1}`)).ms);
    await frame.check(`#question input[name=answer][value="${radioValue(PATTERN[i])}"]`);
    await frame.click('#next');
  }
  await frame.waitForSelector('#results');
  const results = await fits(t, page, frame, 'results');
  settle.push(results.ms);
  await expectReport(frame, PATTERN);
  // The host hears the result (re-dispatched by embed.js), with the right verdict and scores.
  const expected = expectedReport(PATTERN);
  const event = await page.waitForFunction(() => window.__results.at(-1));
  assert.equal(event.verdict, expected.verdict, 'verdict in the result event');
  assert.deepEqual(Object.fromEntries(event.dimensions.map((d) => [d.id, d.score])), expected.scores, 'scores in the result event');
  assert.equal(event.version, 1, 'result event version');
  assert.ok(String(event.link).startsWith(t.base), `result event link ${event.link} should start with ${t.base}`);
  // Content shrinks: back to a question, the iframe shrinks with it.
  await frame.clickText('#results', 'Back to the questions');
  await atQuestion(frame, N - 1);
  const question = await fits(t, page, frame, 'back to the last question');
  settle.push(question.ms);
  assert.ok(question.frame < results.frame - 100, `the iframe should shrink from ${results.frame}px (results), is ${question.frame}px`);
  await frame.click('#next');
  await frame.waitForSelector('#results');
  await fits(t, page, frame, 'results again');
  t.note(`iframe height settled after at most ${Math.max(...settle)} ms`);
});

journey('foreignMessagesAreIgnored', async (t) => {
  const [page, frame] = await openHost(t);
  const settled = await fits(t, page, frame, 'intro');
  const results = await page.evaluate(() => window.__results.length);
  // The host page (another window, another origin than the widget) posts look-alike messages.
  await page.evaluate(() => {
    window.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'height', height: 77 }, '*');
    window.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'result', verdict: 'ready' }, '*');
  });
  // A nested frame of the host's origin tries the same.
  await page.evaluate(() => {
    const spy = document.createElement('iframe');
    spy.id = 'spy';
    spy.srcdoc = "<script>parent.postMessage({source:'scaling-readiness-check',version:1,type:'height',height:55},'*')<\/script>";
    document.body.appendChild(spy);
  });
  // And someone posts commands into the widget: it must not listen. A listener of our own in
  // the widget's window tells when the message has been delivered there.
  await frame.evaluate(() => {
    window.__delivered = 0;
    addEventListener('message', () => window.__delivered++);
  });
  await page.evaluate(() => {
    document.getElementById('check').contentWindow.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'answer', position: 0, answer: 3 }, '*');
  });
  // embed.js handles a message in the same dispatch in which the page's recorder hears it (both
  // listen on the host's window), and the widget's listeners with ours: once both heard them,
  // any effect they had is there, but for the widget's own effects, which run before the
  // next animation frame.
  await page.waitForFunction(() => window.__messages.filter((m) => m.data && (m.data.height === 77 || m.data.height === 55)).length >= 2);
  await frame.waitForFunction(() => window.__delivered >= 1);
  await frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const now = await frameSizes(page, frame);
  assert.equal(Math.round(now.frame), Math.round(settled.frame), 'iframe height after foreign messages');
  assert.equal(await page.evaluate(() => window.__results.length), results, 'result events after a forged result message');
  assert.ok(await frame.has('#intro #start'), 'the widget is still on its intro after a message posted into it');

  // Another origin's page navigated into the widget's own iframe: same window, wrong origin.
  await page.evaluate((url) => {
    document.getElementById('check').contentWindow.location.href = url;
  }, t.hostBase + 'evil.html');
  // evil.html posts its two messages twice; the second pair heard means embed.js has seen all.
  await page.waitForFunction(() => window.__messages.filter((m) => m.data && m.data.height === 123).length >= 2);
  const after = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  assert.equal(Math.round(after), Math.round(settled.frame), 'iframe height after messages from a foreign origin in the same iframe');
  assert.equal(await page.evaluate(() => window.__results.length), results, 'result events forged by a foreign origin in the iframe');
});

journey('themeParametersApply', { engines: EVERY }, async (t) => {
  const page = await t.newPage();
  const widget = (attr) => page.getAttribute('#widget', attr);
  const colors = () => page.evaluate(() => getComputedStyle(document.getElementById('widget')).color);

  await load(page, t.base + '?embed&theme=dark');
  assert.deepEqual(await widget('data-theme'), 'dark', 'theme=dark');
  assert.ok(!(await page.has('header.chrome')), 'no header.chrome with ?embed');
  const dark = await colors();

  await load(page, t.base + '?embed&theme=light&bg=transparent');
  assert.deepEqual(await widget('data-theme'), 'light', 'theme=light');
  const light = await colors();
  assert.ok(dark !== light, `dark and light themes should differ in text colour (both ${dark})`);
  assert.ok((await widget('class')).split(/\s+/).includes('transparent'), 'bg=transparent sets the transparent class');
  const background = await page.evaluate(() => getComputedStyle(document.getElementById('widget')).backgroundColor);
  assert.deepEqual(background, 'rgba(0, 0, 0, 0)', 'bg=transparent background');

  // An accent applies in both themes, as a shade that reads at AA where it does not itself
  // (core::theme; the kit's journeys check the contrast): 8a1c7c (purple) as given in light.
  await load(page, t.base + '?embed&theme=light&accent=8a1c7c');
  const rootStyle = () => page.evaluate(() => document.documentElement.getAttribute('style'));
  assert.ok(String(await rootStyle()).includes('--accent-light: #8a1c7c'), `accent set on the root: ${await rootStyle()}`);
  assert.deepEqual(await page.evaluate(() => getComputedStyle(document.getElementById('start')).backgroundColor), 'rgb(138, 28, 124)', 'the accent colours the start button');
  await load(page, t.base + '?embed&theme=dark&accent=8a1c7c');
  assert.deepEqual(await page.evaluate(() => getComputedStyle(document.getElementById('start')).backgroundColor), 'rgb(219, 78, 201)', 'too dark for the dark theme: a lighter shade of it');

  await load(page, t.base + '?theme=purple&accent=javascript:alert(1)');
  assert.deepEqual(await widget('data-theme'), 'auto', 'a bad theme falls back to auto');
  assert.deepEqual(await rootStyle(), null, 'a bad accent sets nothing');
  assert.ok(await page.has('header.chrome'), 'not embedded (top level, no ?embed): the page chrome is there');

  await load(page, t.base + '?embed&accent=ff0000;background:url(x)&theme=dark%22');
  assert.deepEqual(await rootStyle(), null, 'an accent with CSS after it sets nothing');
  assert.deepEqual(await widget('data-theme'), 'auto', 'a theme with a quote falls back to auto');
});

/** Under a sub-path: the run, its link, the outcome page's styles and the embed snippet. A
 * request that fails (404) is a problem of the page in every engine (console error or probe). */
journey('worksUnderASubPath', async (t) => {
  const page = await t.newPage();
  await load(page, t.subBase);
  await start(page);
  await finishAll(page, PATTERN);
  await expectReport(page, PATTERN);
  const link = await shareLink(page);
  const { slug } = expectedReport(PATTERN);
  assert.equal(link, `${t.subBase}r/${slug}/#r=${encodeCode(PATTERN)}`, 'results link under the sub-path');
  const other = await t.newPage();
  await load(other, link);
  await other.waitForSelector('#shared');
  await expectReport(other, PATTERN, '#shared', 'results link opened under the sub-path');
  assert.equal(await other.evaluate(() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0), true, 'styles load on the outcome page');
  // The embed kit's snippet names the sub-path too.
  await load(other, t.subBase + '#embed-kit');
  const snippet = await other.inputValue('#paste-html');
  assert.ok(snippet.includes(`src="${t.subBase}?embed"`) && snippet.includes(`${t.subBase}embed.js`), `embed snippet: ${snippet}`);
});

journey('noNetworkAfterLoad', { playwright: "the page's requests (request events)" }, async (t) => {
  const page = await t.newPage();
  await load(page, t.base);
  await page.waitForSelector('#start:enabled');
  await page.pw.waitForLoadState('load');
  const requests = [];
  page.pw.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url())) requests.push(`${r.method()} ${r.url()}`);
  });
  await start(page);
  await finishAll(page, PATTERN);
  await page.fill('#pilot-label', 'network check');
  await page.click('#share-link-copy');
  await page.click('#share-comment-copy').catch(() => {});
  await page.click('#download-image').catch(() => {});
  const link = await shareLink(page);
  // A marker request, after a frame was drawn: the browser reports requests in the order it
  // starts them, so any request the page started before is on the list once the marker is.
  let markers = 0;
  const mark = async () => {
    const marker = `${t.base}__e2e__/flush?${++markers}`;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.evaluate(async (url) => {
      await fetch(url, { method: 'POST' });
    }, marker);
    await t.waitUntil(() => requests.includes(`POST ${marker}`), 'the marker request is seen');
  };
  // Other views through the address (whether they render is asserted elsewhere: here only
  // the network counts).
  for (const [hash, selector] of [[link.slice(link.indexOf('#')), '#shared'], ['#team', '#team']]) {
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await page.waitForSelector(selector, { timeout: 5000 }).catch(() => {});
  }
  await mark();
  const beforeKit = requests.length;
  await page.evaluate(() => {
    location.hash = '#embed-kit';
  });
  await page.waitForSelector('#embed-kit', { timeout: 5000 }).catch(() => {});
  // The kit's preview (the widget's own origin, so its document is readable) shows the check,
  // and the link card's image is in: all they load.
  const loaded = () =>
    page.evaluate(() => ({
      // The reader's own run is stored: the intro offers to continue it.
      preview: !!document.getElementById('kit-preview')?.contentDocument?.querySelector('#widget #intro :is(#start, #continue):enabled'),
      pending: [...document.images].filter((image) => !image.complete).map((image) => image.src),
    }));
  let last;
  await t.waitUntil(
    async () => {
      last = await loaded();
      return last.preview && !last.pending.length;
    },
    () => `the kit's preview and images should load: ${JSON.stringify(last)}`,
    { timeout: 15000 },
  );
  await mark();
  // The author tools are a page of their own on the widget's site: the views before them load
  // nothing but the test's markers (a fragment is never sent).
  const ours = (r) => r.startsWith(`POST ${t.base}__e2e__/flush?`) || r === `GET ${t.base}__e2e__/errors.js`;
  const elsewhere = requests.slice(0, beforeKit).filter((r) => !ours(r) && (!/^GET /.test(r) || !r.slice(4).startsWith(t.base + 'tools/') || r.includes('#')));
  assert.deepEqual(elsewhere, [], 'requests made after the widget was usable, other than loading the tools page');
  // The embed kit previews the check and the card a link makes: the widget's own files only
  // (and the test's error probe, harness/probes.mjs, in each page).
  const offSite = requests.slice(beforeKit).filter((r) => !ours(r) && (!/^GET /.test(r) || !r.slice(4).startsWith(t.base) || r.includes('#')));
  assert.deepEqual(offSite, [], "the embed kit's requests, other than the widget's own files");
});

/** Meta content by property or name, from an HTML text. */
function meta(html, key) {
  const re = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`);
  return re.exec(html)?.[1] ?? null;
}

journey('perOutcomePages', async (t) => {
  const rDir = path.join(t.dist, 'r');
  const slugs = readdirSync(rDir).filter((d) => existsSync(path.join(rDir, d, 'index.html')));
  assert.deepEqual(slugs.length, 16, 'number of per-outcome pages');
  const index = readFileSync(path.join(t.dist, 'index.html'), 'utf8');
  const titles = new Set([/<title>([^<]*)<\/title>/.exec(index)[1]]);
  const images = new Set();
  const problems = [];
  for (const slug of slugs) {
    const html = readFileSync(path.join(rDir, slug, 'index.html'), 'utf8');
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    if (!title || titles.has(title)) problems.push(`${slug}: title "${title}" is missing or not unique`);
    titles.add(title);
    for (const key of ['og:title', 'og:description', 'og:image', 'twitter:image', 'twitter:card']) {
      if (!meta(html, key)) problems.push(`${slug}: no ${key}`);
    }
    const image = meta(html, 'og:image');
    if (image) {
      if (images.has(image)) problems.push(`${slug}: og:image ${image} is shared with another outcome`);
      images.add(image);
      if (!/^https?:/.test(image) && !existsSync(path.resolve(rDir, slug, image))) {
        problems.push(`${slug}: og:image ${image} does not exist in dist`);
      }
      if (meta(html, 'twitter:image') !== image) problems.push(`${slug}: twitter:image differs from og:image`);
    }
    if (meta(html, 'og:title') !== title.split(' · ')[0] && !title.includes(meta(html, 'og:title') || '\u0000')) {
      problems.push(`${slug}: og:title "${meta(html, 'og:title')}" does not match the title "${title}"`);
    }
  }
  assert.ok(!problems.length, problems.slice(0, 6).join(' | ') + (problems.length > 6 ? ` (+${problems.length - 6} more)` : ''));
});

journey('outcomePagesLoadTheApp', async (t) => {
  const page = await t.newPage();
  const ready = '3'.repeat(N);
  await load(page, `${t.base}r/ready/#r=${encodeCode(ready)}`);
  await page.waitForSelector('#shared');
  await expectReport(page, ready, '#shared', 'r/ready/ page');
  // The tab names the result's own verdict (the page's static title is for link previews).
  await page.waitForFunction(() => document.title === "Shared results: Ready to scale by the essay's four tests · Scaling Readiness Check");
  await load(page, `${t.base}r/not-b/`);
  await page.waitForSelector('#intro #start:enabled');
  await start(page);
  const notB = pattern('3333' + '3333' + '0000' + '33333');
  await finishAll(page, notB);
  assert.equal(await shareLink(page), `${t.base}r/not-b/#r=${encodeCode(notB)}`, 'a results link made on an outcome page');
});

journey('resultEventIsOptIn', async (t) => {
  // Without `events` in the widget's address, the host page never receives the result.
  const [page, frame] = await openHost(t);
  await frame.click('#start');
  await finishAll(frame, PATTERN);
  await frame.waitForSelector('#results');
  await expectReport(frame, PATTERN);
  const results = await fits(t, page, frame, 'results');
  // Messages from one window arrive in the order it posts them: going back to a question
  // makes the widget post a smaller height after anything it posted for the results, so once
  // the iframe has shrunk, a result message would have arrived.
  await frame.clickText('#results', 'Back to the questions');
  await atQuestion(frame, N - 1);
  const question = await fits(t, page, frame, 'back to a question');
  assert.ok(question.frame < results.frame, 'the iframe shrank');
  assert.equal(await page.evaluate(() => (window.__results || []).length), 0, 'result events without opting in');
  // With `events`, finishing the check sends exactly one result event; for an unfinished run
  // what is not known is null (not missing), so hosts can test for it. (A run with nothing
  // finished, whose index is null too, is checked in tests/web.rs with the same serializer.)
  const SKIPPED = '----' + PATTERN.slice(4);
  const [page2, frame2] = await openHost(t, 'embed&events');
  await agree(frame2);
  await frame2.click('#start');
  await finishAll(frame2, SKIPPED);
  await page2.waitForFunction(() => (window.__results || []).length === 1);
  const event = await page2.evaluate(() => window.__results.at(-1));
  const expected = expectedReport(SKIPPED);
  assert.equal(event.verdict, expected.verdict, 'verdict of an unfinished run');
  assert.deepEqual(Object.fromEntries(event.dimensions.map((d) => [d.id, d.score])), expected.scores, 'scores, null where unfinished');
  const ownership = event.dimensions.find((d) => d.id === 'ownership');
  assert.ok(ownership.score === null && ownership.band === null, `unfinished dimension: ${JSON.stringify(ownership)}`);
  // The index averages the finished dimensions (rounded half up), as the chart shows it.
  const scored = Object.values(expected.scores).filter((v) => v !== null);
  assert.equal(event.index, Math.floor((scored.reduce((a, b) => a + b, 0) + Math.floor(scored.length / 2)) / scored.length), 'index of the finished dimensions');
});
