// Embed anywhere (issue 6): iframe on another origin, auto-height, host events, foreign
// messages, theme parameters, sub-path deploy, no network after load, per-outcome pages.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import {
  QUESTION_COUNT as N,
  assert,
  atQuestion,
  encodeCode,
  eq,
  expectReport,
  expectedReport,
  finishAll,
  load,
  radioValue,
  shareLink,
  sleep,
  start,
  until,
  pattern,
} from '../lib.mjs';

const PATTERN = pattern('33333' + '0213' + '3331' + '23233');

/** The host page URL embedding the widget at `widgetBase` with a query string. */
export function _hostUrl(t, query = 'embed', widgetBase = t.base) {
  return `${t.hostBase}host.html?widget=${encodeURIComponent(widgetBase)}&query=${encodeURIComponent(query)}`;
}

/** Opens the host page and returns [page, frame] once the widget inside is usable. */
export async function _openHost(t, options = {}, query = 'embed') {
  const page = await t.newPage({ viewport: { width: 900, height: 700 }, ...options });
  await page.goto(_hostUrl(t, query));
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(t.base)), 'the widget iframe should load');
  await frame.waitForSelector('#widget #intro #start', { timeout: 10000 });
  return [page, frame];
}

/** Heights: the iframe element on the host, the widget inside, and the frame's scrolling. */
async function sizes(page, frame) {
  const outer = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  const inner = await frame.evaluate(() => ({
    widget: document.getElementById('widget').getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  return { frame: outer, ...inner };
}

/** Waits until the iframe fits its content within 3 px and does not scroll inside. */
async function fits(page, frame, what) {
  let last;
  await until(
    async () => {
      last = await sizes(page, frame);
      return Math.abs(last.frame - last.widget) <= 3 && last.scroll <= last.client + 2;
    },
    () => `${what}: iframe ${last?.frame}px for a ${last?.widget}px widget, inner scrollHeight ${last?.scroll} > clientHeight ${last?.client}`,
    { timeout: 3000 },
  );
  return last;
}

export async function iframeFollowsItsContent(t) {
  // The author opts in to the result event with `events`.
  const [page, frame] = await _openHost(t, {}, 'embed&events');
  assert(!(await frame.$('header.chrome')), 'no page chrome (header) in embed mode');
  assert(!(await frame.$('footer.chrome')), 'no page chrome (footer) in embed mode');
  await fits(page, frame, 'intro');
  // With `events`, the reader agrees on the first screen (in a frame the browser reports in view).
  await frame.waitForSelector('#widget[data-visible="true"]');
  await frame.click('#consent-yes');
  await frame.click('#start');
  for (let i = 0; i < N; i++) {
    await atQuestion(frame, i);
    await fits(page, frame, `question ${i + 1}`);
    await frame.check(`#question input[name=answer][value="${radioValue(PATTERN[i])}"]`);
    await frame.click('#next');
  }
  await frame.waitForSelector('#results');
  const results = await fits(page, frame, 'results');
  await expectReport(frame, PATTERN);
  // The host hears the result, with the right verdict and scores.
  const expected = expectedReport(PATTERN);
  const event = await until(() => page.evaluate(() => window.__results.at(-1)), 'the host should receive a readiness-check:result event');
  eq(event.verdict, expected.verdict, 'verdict in the result event');
  eq(
    Object.fromEntries(event.dimensions.map((d) => [d.id, d.score])),
    expected.scores,
    'scores in the result event',
  );
  eq(event.version, 1, 'result event version');
  assert(String(event.link).startsWith(t.base), `result event link ${event.link} should start with ${t.base}`);
  // Content shrinks: back to a question, the iframe shrinks with it.
  await frame.click('#results button:has-text("Back to the questions")');
  await atQuestion(frame, N - 1);
  const question = await fits(page, frame, 'back to the last question');
  assert(question.frame < results.frame - 100, `the iframe should shrink from ${results.frame}px (results), is ${question.frame}px`);
  await frame.click('#next');
  await frame.waitForSelector('#results');
  await fits(page, frame, 'results again');
}

export async function foreignMessagesAreIgnored(t) {
  const [page, frame] = await _openHost(t);
  const settled = await fits(page, frame, 'intro');
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
  // And someone posts commands into the widget: it must not listen.
  await page.evaluate(() => {
    document.getElementById('check').contentWindow.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'answer', position: 0, answer: 3 }, '*');
  });
  await sleep(600);
  const now = await sizes(page, frame);
  eq(Math.round(now.frame), Math.round(settled.frame), 'iframe height after foreign messages');
  eq(await page.evaluate(() => window.__results.length), results, 'result events after a forged result message');
  assert(await frame.$('#intro #start'), 'the widget is still on its intro after a message posted into it');
  const heard = await page.evaluate(() => window.__messages.filter((m) => m.data && (m.data.height === 77 || m.data.height === 55)).length);
  assert(heard >= 2, 'the forged messages did reach the host page (else this test proves nothing)');

  // Another origin's page navigated into the widget's own iframe: same window, wrong origin.
  await page.evaluate((url) => { document.getElementById('check').contentWindow.location.href = url; }, t.hostBase + 'evil.html');
  const evil = await until(() => page.frames().find((f) => f.url().endsWith('/evil.html')), 'the foreign page loads in the iframe');
  await evil.waitForFunction(() => window.__sent === true);
  await sleep(300);
  const after = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  eq(Math.round(after), Math.round(settled.frame), 'iframe height after messages from a foreign origin in the same iframe');
  eq(await page.evaluate(() => window.__results.length), results, 'result events forged by a foreign origin in the iframe');
  const fromEvil = await page.evaluate(() => window.__messages.filter((m) => m.data && m.data.height === 123).length);
  assert(fromEvil >= 1, "the foreign page's messages did reach the host page (else this test proves nothing)");
}

export async function themeParametersApply(t) {
  const page = await t.newPage();
  const widget = (attr) => page.getAttribute('#widget', attr);
  const colors = () => page.evaluate(() => getComputedStyle(document.getElementById('widget')).color);

  await load(page, t.base + '?embed&theme=dark');
  eq(await widget('data-theme'), 'dark', 'theme=dark');
  assert(!(await page.$('header.chrome')), 'no header.chrome with ?embed');
  const dark = await colors();

  await load(page, t.base + '?embed&theme=light&bg=transparent');
  eq(await widget('data-theme'), 'light', 'theme=light');
  const light = await colors();
  assert(dark !== light, `dark and light themes should differ in text colour (both ${dark})`);
  assert((await widget('class')).split(/\s+/).includes('transparent'), 'bg=transparent sets the transparent class');
  const background = await page.evaluate(() => getComputedStyle(document.getElementById('widget')).backgroundColor);
  eq(background, 'rgba(0, 0, 0, 0)', 'bg=transparent background');

  // An accent applies to the themes where it reads at AA: 8a1c7c (purple) in light only.
  await load(page, t.base + '?embed&theme=light&accent=8a1c7c');
  const rootStyle = () => page.evaluate(() => document.documentElement.getAttribute('style'));
  assert(String(await rootStyle()).includes('--accent-light: #8a1c7c'), `accent set on the root: ${await rootStyle()}`);
  eq(await page.evaluate(() => getComputedStyle(document.getElementById('start')).backgroundColor), 'rgb(138, 28, 124)', 'the accent colours the start button');
  await load(page, t.base + '?embed&theme=dark&accent=8a1c7c');
  eq(await page.evaluate(() => getComputedStyle(document.getElementById('start')).backgroundColor), 'rgb(124, 180, 255)', 'too dark for the dark theme: its own accent stays');
  // ff0000 reads below 4.5:1 on both backgrounds: not applied anywhere.
  await load(page, t.base + '?embed&accent=ff0000');
  eq(await rootStyle(), null, 'a low-contrast accent sets nothing');

  await load(page, t.base + '?theme=purple&accent=javascript:alert(1)');
  eq(await widget('data-theme'), 'auto', 'a bad theme falls back to auto');
  eq(await rootStyle(), null, 'a bad accent sets nothing');
  assert(await page.$('header.chrome'), 'not embedded (top level, no ?embed): the page chrome is there');

  await load(page, t.base + '?embed&accent=ff0000;background:url(x)&theme=dark%22');
  eq(await rootStyle(), null, 'an accent with CSS after it sets nothing');
  eq(await widget('data-theme'), 'auto', 'a theme with a quote falls back to auto');
}

export async function worksUnderASubPath(t) {
  const page = await t.newPage();
  const failures = [];
  page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  await load(page, t.subBase);
  await start(page);
  await finishAll(page, PATTERN);
  await expectReport(page, PATTERN);
  const link = await shareLink(page);
  const { slug } = expectedReport(PATTERN);
  eq(link, `${t.subBase}r/${slug}/#r=${encodeCode(PATTERN)}`, 'results link under the sub-path');
  const other = await t.newPage();
  other.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  await load(other, link);
  await other.waitForSelector('#shared');
  await expectReport(other, PATTERN, '#shared', 'results link opened under the sub-path');
  eq(await other.evaluate(() => document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0), true, 'styles load on the outcome page');
  // The embed kit's snippet names the sub-path too.
  await load(other, t.subBase + '#embed-kit');
  const snippet = await other.inputValue('#snippet-html');
  assert(snippet.includes(`src="${t.subBase}?embed"`) && snippet.includes(`${t.subBase}embed.js`), `embed snippet: ${snippet}`);
  eq(failures, [], 'failed requests under the sub-path');
}

export async function noNetworkAfterLoad(t) {
  const page = await t.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  await load(page, t.base);
  await page.waitForSelector('#start:enabled');
  await page.waitForLoadState('load');
  const requests = [];
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url())) requests.push(`${r.method()} ${r.url()}`);
  });
  await start(page);
  await finishAll(page, PATTERN);
  await page.fill('#pilot-label', 'network check');
  await page.click('#share-link-copy');
  await page.click('#share-comment-copy').catch(() => {});
  await page.click('#download-image').catch(() => {});
  const link = await shareLink(page);
  // Other views through the address (whether they render is asserted elsewhere: here only
  // the network counts).
  for (const [hash, selector] of [[link.slice(link.indexOf('#')), '#shared'], ['#team', '#team'], ['#embed-kit', '#embed-kit']]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForSelector(selector, { timeout: 5000 }).catch(() => {});
  }
  await sleep(300);
  // The author tools are a page of their own on the widget's site: opening them loads its
  // files, and nothing else goes anywhere (a fragment is never sent).
  const elsewhere = requests.filter((r) => !/^GET /.test(r) || !r.slice(4).startsWith(t.base + 'tools/') || r.includes('#'));
  eq(elsewhere, [], 'requests made after the widget was usable, other than loading the tools page');
}

/** Meta content by property or name, from an HTML text. */
function meta(html, key) {
  const re = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`);
  return re.exec(html)?.[1] ?? null;
}

export async function perOutcomePages(t) {
  const rDir = path.join(t.dist, 'r');
  const slugs = readdirSync(rDir).filter((d) => existsSync(path.join(rDir, d, 'index.html')));
  eq(slugs.length, 16, 'number of per-outcome pages');
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
  assert(!problems.length, problems.slice(0, 6).join(' | ') + (problems.length > 6 ? ` (+${problems.length - 6} more)` : ''));
}

export async function outcomePagesLoadTheApp(t) {
  const page = await t.newPage();
  const ready = '3'.repeat(N);
  await load(page, `${t.base}r/ready/#r=${encodeCode(ready)}`);
  await page.waitForSelector('#shared');
  await expectReport(page, ready, '#shared', 'r/ready/ page');
  // The tab names the result's own verdict (the page's static title is for link previews).
  eq(await page.title(), 'Shared results: Ready to scale · Scaling Readiness Check', 'r/ready/ title');
  await load(page, `${t.base}r/not-b/`);
  await page.waitForSelector('#intro #start:enabled');
  await start(page);
  const notB = pattern('33333' + '3333' + '0000' + '33333');
  await finishAll(page, notB);
  eq(await shareLink(page), `${t.base}r/not-b/#r=${encodeCode(notB)}`, 'a results link made on an outcome page');
}

export async function resultEventIsOptIn(t) {
  // Without `events` in the widget's address, the host page never receives the result.
  const [page, frame] = await _openHost(t);
  await frame.click('#start');
  await finishAll(frame, PATTERN);
  await frame.waitForSelector('#results');
  await expectReport(frame, PATTERN);
  await page.waitForTimeout(500);
  eq(await page.evaluate(() => (window.__results || []).length), 0, 'result events without opting in');
  // With `events`, finishing the check sends exactly one result event; for an unfinished run
  // what is not known is null (not missing), so hosts can test for it. (A run with nothing
  // finished, whose index is null too, is checked in tests/web.rs with the same serializer.)
  const SKIPPED = '----' + PATTERN.slice(4);
  const [page2, frame2] = await _openHost(t, {}, 'embed&events');
  await frame2.waitForSelector('#widget[data-visible="true"]');
  await frame2.click('#consent-yes');
  await frame2.click('#start');
  await finishAll(frame2, SKIPPED);
  await until(() => page2.evaluate(() => (window.__results || []).length === 1), 'one result event after finishing');
  const event = await page2.evaluate(() => window.__results.at(-1));
  const expected = expectedReport(SKIPPED);
  eq(event.verdict, expected.verdict, 'verdict of an unfinished run');
  eq(Object.fromEntries(event.dimensions.map((d) => [d.id, d.score])), expected.scores, 'scores, null where unfinished');
  const ownership = event.dimensions.find((d) => d.id === 'ownership');
  assert(ownership.score === null && ownership.band === null, `unfinished dimension: ${JSON.stringify(ownership)}`);
  // The index averages the finished dimensions (rounded half up), as the chart shows it.
  const scored = Object.values(expected.scores).filter((v) => v !== null);
  eq(event.index, Math.floor((scored.reduce((a, b) => a + b, 0) + Math.floor(scored.length / 2)) / scored.length), 'index of the finished dimensions');
}
