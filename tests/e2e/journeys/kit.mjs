// The embed keeps its promises on every host (issue 28): the accent in light, dark and
// auto-dark with its contrast measured; the embed kit's preview following its pickers; the
// kit's snippets pasted into a blog page of another site, working; a refused frame shrunk to
// its notice; the storage-blocked frame's notice; axe on the kit, light and dark; screenshots.

import path from 'node:path';
import { assert, eq, expectedReport, finishAll, load, pattern, until } from '../lib.mjs';
import { _hostUrl } from './embed.mjs';
import { _axe } from './hardening.mjs';

const PATTERN = pattern('33333' + '0213' + '3331' + '23233');

/** WCAG contrast of two `rgb(r, g, b)` colours, as the spec computes it. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
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
 * Puts `html` on a page served by `servedUrl`'s site, as a CMS would publish a pasted post:
 * Chromium lets only a page served from loopback itself frame the loopback widget, so the post
 * is written into such a page (document.write runs its scripts as a parser would).
 */
async function publish(page, servedUrl, html) {
  await page.goto(servedUrl);
  await page.evaluate((text) => {
    document.open();
    document.write(text);
    document.close();
  }, html);
}

/** Opens the blog page on another site with the widget at `query`, returns the widget frame. */
async function blogFrame(t, query, options = {}) {
  const page = await t.newPage({ viewport: { width: 900, height: 700 }, ...options });
  await page.goto(_hostUrl(t, query));
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(t.base)), 'the widget iframe');
  await frame.waitForSelector('#widget #intro #start', { timeout: 10000 });
  return [page, frame];
}

export async function accentReadsInLightDarkAndAutoDark(t) {
  // c2410c (orange) reads on the light page (4.8:1); on the dark one (3.1:1) it does not, so
  // the widget shows the nearest lighter shade that does, #f05211 (core::theme).
  const cases = [
    ['light', 'embed&theme=light&accent=c2410c', 'light', 'rgb(194, 65, 12)'],
    ['dark', 'embed&theme=dark&accent=c2410c', 'light', 'rgb(240, 82, 17)'],
    ['auto, dark device', 'embed&accent=c2410c', 'dark', 'rgb(240, 82, 17)'],
    ['auto, light device', 'embed&accent=c2410c', 'light', 'rgb(194, 65, 12)'],
    ['dark with its own accent_dark', 'embed&theme=dark&accent=c2410c&accent_dark=fb923c', 'light', 'rgb(251, 146, 60)'],
  ];
  for (const [what, query, colorScheme, expected] of cases) {
    const [page, frame] = await blogFrame(t, query, { colorScheme });
    const colours = await accentColours(frame);
    eq(colours.button, expected, `${what}: the start button's accent`);
    eq(colours.link, expected, `${what}: a link's accent`);
    const onPage = contrast(colours.link, colours.page);
    const onButton = contrast(colours.button, colours.buttonText);
    assert(onPage >= 4.5, `${what}: link on the page ${onPage.toFixed(2)}:1 < 4.5`);
    assert(onButton >= 4.5, `${what}: button text ${onButton.toFixed(2)}:1 < 4.5`);
    await page.close();
  }
}

/** The kit on the tools page, in a fresh context. */
async function openKit(t, options = {}) {
  const page = await t.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await load(page, t.base + 'tools/#embed-kit');
  await page.waitForSelector('#embed-kit #kit-preview');
  return page;
}

/** The kit's preview frame once it shows the check at `address`. */
async function previewAt(page, address) {
  await until(async () => (await page.getAttribute('#kit-preview', 'src')) === address, `the preview should show ${address}`);
  const frame = await until(() => page.frames().find((f) => f.url() === address), `the preview frame loads ${address}`);
  await frame.waitForSelector('#widget #intro #start', { timeout: 10000 });
  return frame;
}

export async function theKitsPreviewFollowsItsPickers(t) {
  const page = await openKit(t);
  let frame = await previewAt(page, `${t.base}?embed`);
  eq(await frame.getAttribute('#widget', 'data-theme'), 'auto', 'the preview starts with the automatic theme');
  // The preview is as tall as the check in it, as embed.js makes it on the author's page.
  let last;
  await until(
    async () => {
      const outer = await page.evaluate(() => document.getElementById('kit-preview').getBoundingClientRect().height);
      const inner = await frame.evaluate(() => document.getElementById('widget').getBoundingClientRect().height);
      last = { outer, inner };
      return Math.abs(outer - inner) <= 3;
    },
    () => `the preview should fit the check: ${last?.outer}px for ${last?.inner}px`,
  );

  await page.check('#kit-theme-dark');
  await page.fill('#kit-accent', 'c2410c');
  await page.check('#kit-transparent');
  const address = `${t.base}?embed&theme=dark&accent=c2410c&bg=transparent`;
  frame = await previewAt(page, address);
  eq(await page.textContent('#kit-address'), address, 'the address shown');
  eq(await frame.getAttribute('#widget', 'data-theme'), 'dark', 'the preview in the dark theme');
  assert((await frame.getAttribute('#widget', 'class')).split(/\s+/).includes('transparent'), 'transparent in the preview');
  eq((await accentColours(frame)).button, 'rgb(240, 82, 17)', 'the preview shows the dark shade');
  // The kit said so, with the colour the preview shows.
  eq(await page.getAttribute('#kit-accent-notes li', 'data-used'), '#f05211');
  assert((await page.textContent('#kit-accent-notes li')).includes("can't be read there"), 'the kit says the colour does not read as given');
  // The button image takes the accent too.
  eq(await page.getAttribute('#kit-button-image', 'data-colour'), '#c2410c');
  const download = page.waitForEvent('download');
  await page.click('#kit-button-download');
  eq((await download).suggestedFilename(), 'readiness-check-button.png', 'the button image downloads');

  await page.check('#kit-theme-light');
  await page.uncheck('#kit-transparent');
  await page.check('#kit-events');
  frame = await previewAt(page, `${t.base}?embed&theme=light&accent=c2410c&events`);
  eq((await accentColours(frame)).button, 'rgb(194, 65, 12)', 'light: the colour as given');
  // Not a colour: said, and left out of the address.
  await page.fill('#kit-accent', 'orange');
  await page.waitForSelector('#kit-accent-invalid');
  await previewAt(page, `${t.base}?embed&theme=light&events`);
}

export async function theKitsSnippetsWorkPastedIntoABlogPage(t) {
  // The author picks events and an accent, copies the HTML snippet and the listener example
  // and pastes both into a post on their own site.
  const kit = await openKit(t);
  await kit.fill('#kit-accent', 'c2410c');
  await kit.check('#kit-events');
  await until(async () => (await kit.inputValue('#paste-html')).includes('events'), 'the snippet follows the pickers');
  const snippet = await kit.inputValue('#paste-html');
  const listener = await kit.inputValue('#kit-listener');
  for (const host of ['#paste-wordpress', '#paste-ghost']) eq(await kit.inputValue(host), snippet, `${host}: the same snippet`);

  const page = await t.newPage({ viewport: { width: 800, height: 700 } });
  const logged = [];
  page.on('console', async (message) => {
    if (message.type() === 'log') logged.push(await Promise.all(message.args().map((a) => a.jsonValue())));
  });
  await publish(
    page,
    `${t.hostBase}evil.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,"></head>
<body><h1>My post</h1><p>Check your pilot:</p>
${snippet}
${listener}
<p>The end.</p></body></html>`,
  );
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(t.base)), 'the pasted iframe loads');
  await frame.waitForSelector('#widget #intro #start', { timeout: 10000 });
  // embed.js fits the frame to the intro (no 640 px box, no inner scroll).
  const fitted = async () => {
    const outer = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    const inner = await frame.evaluate(() => document.getElementById('widget').getBoundingClientRect().height);
    return Math.abs(outer - inner) <= 3;
  };
  await until(fitted, 'the pasted frame fits its content');
  eq((await accentColours(frame)).button, 'rgb(194, 65, 12)', 'the accent applies in the pasted frame');
  await frame.click('#start');
  await finishAll(frame, PATTERN);
  await until(fitted, 'the pasted frame fits the results');
  // The pasted listener hears the result, once.
  const expected = expectedReport(PATTERN);
  const heard = await until(() => logged.find((args) => args[0] === 'Scaling Readiness Check:'), 'the pasted listener logs the result');
  eq(heard[1], expected.verdict, 'the verdict the listener got');
  assert(String(heard[3]).startsWith(t.base), `the results link the listener got: ${heard[3]}`);
  eq(logged.filter((args) => args[0] === 'Scaling Readiness Check:').length, 1, 'one result');
}

export async function aRefusedFrameShrinksToItsNotice(t) {
  // A site the author did not list frames the check with the kit's snippet: the notice reports
  // its height and embed.js shrinks the iframe from 640 px to it.
  const page = await t.newPage({ viewport: { width: 800, height: 900 } });
  await publish(
    page,
    `${new URL(t.subBase).origin}/unlisted-framer.html`,
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Not listed</title>
<iframe src="${t.listedBase}?embed" title="Scaling Readiness Check" style="width:100%;border:0" height="640"></iframe>
<script src="${t.listedBase}embed.js" defer></script>`,
  );
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(t.listedBase)), 'the refused frame');
  await frame.waitForSelector('#framing-refused');
  let last;
  await until(
    async () => {
      const outer = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
      const inner = await frame.evaluate(() => document.getElementById('widget').getBoundingClientRect().height);
      last = { outer, inner };
      return Math.abs(outer - inner) <= 3;
    },
    () => `the refused frame should fit its notice: iframe ${last?.outer}px, notice ${last?.inner}px`,
  );
  assert(last.outer < 320, `the refused frame is ${last.outer}px tall (was 640)`);
}

/** Throws on any access to window.localStorage, as blocked third-party storage does. */
function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

export async function aStorageBlockedFrameSaysTheAnswersGoAndOffersItsOwnTab(t) {
  const context = await t.newContext({ viewport: { width: 900, height: 800 } });
  await context.addInitScript(blockStorage);
  const page = await context.newPage();
  await page.goto(_hostUrl(t, 'embed'));
  const frame = await until(() => page.frames().find((f) => f.url().startsWith(t.base)), 'the widget iframe');
  await frame.waitForSelector('#storage-notice');
  const text = await frame.textContent('#storage-notice');
  assert(text.includes('lost when you leave or reload'), `the notice says the answers go: ${text}`);
  assert(!text.includes('address'), `no address the reader cannot see: ${text}`);
  await frame.click('#start');
  await frame.check('#question input[name=answer][value="3"]');
  await frame.click('#next');
  await frame.waitForSelector('#question');
  // The link carries the answers so far to the check's own tab, where they are kept.
  const href = await frame.getAttribute('#open-own-tab', 'href');
  assert(href.startsWith(`${t.base}#s=`), `the own tab link carries the run: ${href}`);
  eq(await frame.getAttribute('#open-own-tab', 'target'), '_blank');
  const own = await t.newPage();
  await load(own, href);
  await own.waitForSelector('#offered');
  await own.click('#accept-offered');
  await own.waitForSelector('#question');
  await until(() => own.evaluate(() => localStorage.getItem('scaling-readiness-check')), 'kept in the own tab');
}

export async function axeOnTheKitLightAndDark(t) {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const page = await openKit(t, { colorScheme, bypassCSP: true });
    await page.fill('#kit-accent', 'c2410c');
    await page.check('#kit-events');
    await page.waitForSelector('#kit-accent-notes li');
    for (const v of await _axe(t, page)) found.push(`${colorScheme}: ${v}`);
  }
  assert(!found.length, `axe violations on the kit: ${found.join(' | ')}`);
}

export async function kitScreenshots(t) {
  for (const [width, colorScheme] of [[360, 'light'], [1280, 'light'], [360, 'dark'], [1280, 'dark']]) {
    const page = await openKit(t, { viewport: { width, height: 900 }, colorScheme });
    await page.fill('#kit-accent', 'c2410c');
    await previewAt(page, `${t.base}?embed&accent=c2410c`);
    await page.waitForSelector('#kit-button-image');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert(overflow <= 0, `the kit scrolls sideways at ${width}px: ${overflow}px`);
    await page.screenshot({ path: path.join(t.artifacts, `kit-${width}-${colorScheme}.png`), fullPage: true });
  }
}
