// The embed keeps its promises on every host (issue 28): the accent in light, dark and
// auto-dark with its contrast measured; the embed kit's preview following its pickers; the
// kit's snippets pasted into a blog page of another site, working; a refused frame shrunk to
// its notice; the storage-blocked frame's notice; axe on the kit, light and dark; screenshots.

import assert from 'node:assert/strict';
import path from 'node:path';
import { EVERY, journey } from '../harness/journey.mjs';
import { expectedReport, pattern } from '../lib.mjs';
import { agree, axe, finishAll, hostUrl, load } from '../widget.mjs';

const PATTERN = pattern('3333' + '0213' + '3331' + '23233');

/** WCAG contrast of two `rgb(r, g, b)` colours, as the spec computes it. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, bl] = rgb
      .match(/\d+(\.\d+)?/g)
      .slice(0, 3)
      .map(Number)
      .map((c) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The accent as the widget in `frame` draws it, and what it is drawn with. */
async function accentColours(frame) {
  return frame.evaluate(() => {
    const start = document.getElementById('start');
    const widget = document.getElementById('widget');
    const style = getComputedStyle(start);
    const probe = document.createElement('a');
    probe.href = '#';
    probe.textContent = 'probe';
    widget.querySelector('.screen').appendChild(probe);
    const link = getComputedStyle(probe).color;
    probe.remove();
    return { button: style.backgroundColor, buttonText: style.color, link, page: getComputedStyle(widget).backgroundColor };
  });
}

/**
 * Waits until the iframe `selector` on `page` is as tall as the widget in `frame` (within 3 px),
 * as embed.js makes it; returns the last heights measured.
 */
async function fitted(t, page, selector, frame, what) {
  let last;
  await t.waitUntil(
    async () => {
      const outer = await page.evaluate((s) => document.querySelector(s).getBoundingClientRect().height, selector);
      const inner = await frame.evaluate(() => document.getElementById('widget').getBoundingClientRect().height);
      last = { outer, inner };
      return Math.abs(outer - inner) <= 3;
    },
    () => `${what}: iframe ${last?.outer}px for a ${last?.inner}px widget`,
    { timeout: 10000 },
  );
  return last;
}

/**
 * Puts `html` on a page served by `servedUrl`'s site, as a CMS would publish a pasted post:
 * Chromium lets only a page served from loopback itself frame the loopback widget, so the post
 * is written into such a page (document.write runs its scripts as a parser would). What the
 * post's scripts log is kept in `window.__logged` (document.open keeps the window, and so the
 * console wrapped before it).
 */
async function publish(page, servedUrl, html) {
  await page.goto(servedUrl);
  await page.evaluate((text) => {
    window.__logged = [];
    const log = console.log.bind(console);
    console.log = (...args) => {
      window.__logged.push(JSON.parse(JSON.stringify(args)));
      log(...args);
    };
    document.open();
    document.write(text);
    document.close();
  }, html);
}

/** Opens the blog page on another site with the widget at `query`; returns [page, frame]. */
async function blogFrame(page, t, query) {
  await page.goto(hostUrl(t, query));
  const frame = await page.frame('#check');
  await frame.waitForSelector('#widget #intro #start', { timeout: 15000 });
  return frame;
}

journey('accentReadsInLightDarkAndAutoDark', { engines: EVERY }, async (t) => {
  // c2410c (orange) reads on the light page (4.8:1); on the dark one (3.1:1) it does not, so
  // the widget shows the nearest lighter shade that does, #f05211 (core::theme).
  const cases = [
    ['light', 'embed&theme=light&accent=c2410c', 'light', 'rgb(194, 65, 12)'],
    ['dark', 'embed&theme=dark&accent=c2410c', 'light', 'rgb(240, 82, 17)'],
    ['auto, dark device', 'embed&accent=c2410c', 'dark', 'rgb(240, 82, 17)'],
    ['auto, light device', 'embed&accent=c2410c', 'light', 'rgb(194, 65, 12)'],
    ['dark with its own accent_dark', 'embed&theme=dark&accent=c2410c&accent_dark=fb923c', 'light', 'rgb(251, 146, 60)'],
  ];
  // One page per device scheme (a browser start each over WebDriver), each case a new load.
  const pages = {};
  for (const [what, query, scheme, expected] of cases) {
    pages[scheme] ??= await t.newPage({ scheme, width: 900, height: 700 });
    const frame = await blogFrame(pages[scheme], t, query);
    const colours = await accentColours(frame);
    assert.equal(colours.button, expected, `${what}: the start button's accent`);
    assert.equal(colours.link, expected, `${what}: a link's accent`);
    const onPage = contrast(colours.link, colours.page);
    const onButton = contrast(colours.button, colours.buttonText);
    assert.ok(onPage >= 4.5, `${what}: link on the page ${onPage.toFixed(2)}:1 < 4.5`);
    assert.ok(onButton >= 4.5, `${what}: button text ${onButton.toFixed(2)}:1 < 4.5`);
  }
});

/** The kit on the tools page, in a fresh profile. */
async function openKit(t, options = {}) {
  const page = await t.newPage({ width: 1280, height: 900, ...options });
  await load(page, t.base + 'tools/#embed-kit');
  await page.waitForSelector('#embed-kit #kit-preview');
  return page;
}

/** The kit's preview frame once it shows the check at `address`. */
async function previewAt(t, page, address) {
  await t.waitUntil(async () => (await page.getAttribute('#kit-preview', 'src')) === address, `the preview should show ${address}`);
  const frame = await page.frame('#kit-preview');
  await t.waitUntil(async () => (await frame.url()) === address, `the preview frame loads ${address}`, { timeout: 10000 });
  await frame.waitForSelector('#widget #intro #start', { timeout: 15000 });
  return frame;
}

/** Whether the checkbox `selector` is ticked. */
const ticked = (page, selector) => page.$eval(selector, (input) => input.checked);

journey('theKitsPreviewFollowsItsPickers', async (t) => {
  const page = await openKit(t, { downloads: true });
  let frame = await previewAt(t, page, `${t.base}?embed`);
  assert.equal(await frame.getAttribute('#widget', 'data-theme'), 'auto', 'the preview starts with the automatic theme');
  // The preview is as tall as the check in it, as embed.js makes it on the author's page.
  await fitted(t, page, '#kit-preview', frame, 'the preview should fit the check');

  await page.check('#kit-theme-dark');
  await page.fill('#kit-accent', 'c2410c');
  await page.check('#kit-transparent');
  const address = `${t.base}?embed&theme=dark&accent=c2410c&bg=transparent`;
  frame = await previewAt(t, page, address);
  assert.equal(await page.textContent('#kit-address'), address, 'the address shown');
  assert.equal(await frame.getAttribute('#widget', 'data-theme'), 'dark', 'the preview in the dark theme');
  assert.ok((await frame.getAttribute('#widget', 'class')).split(/\s+/).includes('transparent'), 'transparent in the preview');
  assert.equal((await accentColours(frame)).button, 'rgb(240, 82, 17)', 'the preview shows the dark shade');
  // The kit said so, with the colour the preview shows.
  assert.equal(await page.getAttribute('#kit-accent-notes li', 'data-used'), '#f05211');
  assert.ok((await page.textContent('#kit-accent-notes li')).includes("can't be read there"), 'the kit says the colour does not read as given');
  // The button image takes the accent too.
  assert.equal(await page.getAttribute('#kit-button-image', 'data-colour'), '#c2410c');
  const download = await page.download('#kit-button-download');
  assert.equal(download.name, 'readiness-check-button.png', 'the button image downloads');

  await page.check('#kit-theme-light');
  await page.click('#kit-transparent');
  assert.equal(await ticked(page, '#kit-transparent'), false, 'transparent unticked');
  await page.check('#kit-events');
  frame = await previewAt(t, page, `${t.base}?embed&theme=light&accent=c2410c&events`);
  assert.equal((await accentColours(frame)).button, 'rgb(194, 65, 12)', 'light: the colour as given');
  // Not a colour: said, and left out of the address.
  await page.fill('#kit-accent', 'orange');
  await page.waitForSelector('#kit-accent-invalid');
  await previewAt(t, page, `${t.base}?embed&theme=light&events`);
});

journey('theKitsSnippetsWorkPastedIntoABlogPage', async (t) => {
  // The author picks events and an accent, copies the HTML snippet and the listener example
  // and pastes both into a post on their own site.
  const kit = await openKit(t);
  await kit.fill('#kit-accent', 'c2410c');
  await kit.check('#kit-events');
  await t.waitUntil(async () => (await kit.inputValue('#paste-html')).includes('events'), 'the snippet follows the pickers');
  const snippet = await kit.inputValue('#paste-html');
  const listener = await kit.inputValue('#kit-listener');
  for (const host of ['#paste-wordpress', '#paste-ghost']) assert.equal(await kit.inputValue(host), snippet, `${host}: the same snippet`);

  const page = await t.newPage({ width: 800, height: 700 });
  await publish(
    page,
    `${t.hostBase}evil.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>
<body><h1>My post</h1><p>Check your pilot:</p>
${snippet}
${listener}
<p>The end.</p></body></html>`,
  );
  const frame = await page.frame('iframe');
  await t.waitUntil(async () => (await frame.url()).startsWith(t.base), 'the pasted iframe loads the widget', { timeout: 10000 });
  await frame.waitForSelector('#widget #intro #start', { timeout: 15000 });
  // embed.js fits the frame to the intro (no 640 px box, no inner scroll).
  await fitted(t, page, 'iframe', frame, 'the pasted frame fits its content');
  assert.equal((await accentColours(frame)).button, 'rgb(194, 65, 12)', 'the accent applies in the pasted frame');
  // The kit's snippet opts in to the result event: the reader agrees first.
  await agree(frame);
  await frame.click('#start');
  await finishAll(frame, PATTERN);
  await fitted(t, page, 'iframe', frame, 'the pasted frame fits the results');
  // The pasted listener hears the result, once.
  const expected = expectedReport(PATTERN);
  const heard = await page.waitForFunction(() => window.__logged.find((args) => args[0] === 'Scaling Readiness Check:'));
  assert.equal(heard[1], expected.verdict, 'the verdict the listener got');
  assert.ok(String(heard[3]).startsWith(t.base), `the results link the listener got: ${heard[3]}`);
  // The result event is sent once the results are on screen, and they are: a second one would
  // be a second message from the widget, which the resize below makes it post after anything
  // it posted for the results (messages from one window arrive in order).
  await frame.clickText('#results', 'Back to the questions');
  await frame.waitForSelector('#question');
  await fitted(t, page, 'iframe', frame, 'the pasted frame fits the question');
  assert.equal(await page.evaluate(() => window.__logged.filter((args) => args[0] === 'Scaling Readiness Check:').length), 1, 'one result');
});

journey('aRefusedFrameShrinksToItsNotice', { engines: EVERY }, async (t) => {
  // A site the author did not list frames the check with the kit's snippet: the notice reports
  // its height and embed.js shrinks the iframe from 640 px to it. The host page fixture, read
  // from 127.0.0.1 instead of localhost, is such a site (the author listed localhost's origin).
  const page = await t.newPage({ width: 800, height: 900 });
  await page.goto(hostUrl(t, 'embed', t.listedBase).replace('//localhost:', '//127.0.0.1:'));
  const frame = await page.frame('#check');
  await frame.waitForSelector('#framing-refused', { timeout: 15000 });
  const last = await fitted(t, page, '#check', frame, 'the refused frame should fit its notice');
  assert.ok(last.outer < 320, `the refused frame is ${last.outer}px tall (was 640)`);
});

/** Throws on any access to window.localStorage, as blocked third-party storage does. */
function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

journey(
  'aStorageBlockedFrameSaysTheAnswersGoAndOffersItsOwnTab',
  { playwright: 'blocks storage in the framed widget only, as a browser blocking third-party storage does (init script)' },
  async (t) => {
    const context = await t.newContext({ viewport: { width: 900, height: 800 } });
    await context.addInitScript(blockStorage);
    const page = t.wrap(await context.newPage());
    await page.goto(hostUrl(t, 'embed'));
    const frame = await page.frame('#check');
    await frame.waitForSelector('#storage-notice', { timeout: 15000 });
    const text = await frame.textContent('#storage-notice');
    assert.ok(text.includes('lost when you leave or reload'), `the notice says the answers go: ${text}`);
    assert.ok(!text.includes('address'), `no address the reader cannot see: ${text}`);
    await frame.click('#start');
    await frame.check('#question input[name=answer][value="3"]');
    await frame.click('#next');
    await frame.waitForSelector('#question');
    // The link carries the answers so far to the check's own tab, where they are kept.
    const href = await frame.getAttribute('#open-own-tab', 'href');
    assert.ok(href.startsWith(`${t.base}#s=`), `the own tab link carries the run: ${href}`);
    assert.equal(await frame.getAttribute('#open-own-tab', 'target'), '_blank');
    const own = await t.newPage();
    await load(own, href);
    await own.waitForSelector('#offered');
    await own.click('#accept-offered');
    await own.waitForSelector('#question');
    await own.waitForFunction(() => localStorage.getItem('scaling-readiness-check'));
  },
);

journey('axeOnTheKitLightAndDark', async (t) => {
  const found = [];
  for (const scheme of ['light', 'dark']) {
    const page = await openKit(t, { scheme });
    await page.fill('#kit-accent', 'c2410c');
    await page.check('#kit-events');
    await page.waitForSelector('#kit-accent-notes li');
    for (const v of await axe(t, page)) found.push(`${scheme}: ${v}`);
  }
  assert.deepEqual(found, [], 'axe violations on the kit');
});

journey('kitScreenshots', async (t) => {
  for (const [width, scheme] of [
    [360, 'light'],
    [1280, 'light'],
    [360, 'dark'],
    [1280, 'dark'],
  ]) {
    const page = await openKit(t, { width, height: 900, scheme });
    await page.fill('#kit-accent', 'c2410c');
    await previewAt(t, page, `${t.base}?embed&accent=c2410c`);
    await page.waitForSelector('#kit-button-image');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the kit scrolls sideways at ${width}px: ${overflow}px`);
    await page.screenshot(path.join(t.artifacts, `kit-${width}-${scheme}.png`));
    // What a reader sees first in a frame with `events`: the consent, on a page of another site.
    const host = await t.newPage({ width, height: 900, scheme });
    await host.goto(hostUrl(t, 'embed&events'));
    const frame = await host.frame('#check');
    await frame.waitForSelector('#widget #intro #consent-yes', { timeout: 15000 });
    const question = await frame.textContent('#consent-question');
    assert.ok(/localhost/.test(question), `the consent names the site asking: ${question}`);
    await host.screenshot(path.join(t.artifacts, `consent-${width}-${scheme}.png`));
  }
});
