// Embeds and links that can't be turned against a reader (issue 18): each attack from the
// review as a journey, with a control that shows the journey would notice if it worked.

import assert from 'node:assert/strict';
import { EVERY, journey } from '../harness/journey.mjs';
import { DIMENSIONS, STORAGE_KEY, encodeCode, encodeTeam, pattern, resultsLink, writtenSnapshot } from '../lib.mjs';
import { agree, hostUrl, load, storage } from '../widget.mjs';

/** A finished run, ready to scale, with a label the framer would love to learn. */
const DONE = pattern('3333' + '3333' + '3333' + '33333');
const LOWEST = pattern('0000' + '0000' + '0000' + '00000');
const FRAMER = "pages of the widget's own site made up on the spot (route)";

/** A context whose widget origin already holds the reader's finished run. */
async function readerWithAFinishedRun(t) {
  const context = await t.newContext();
  const page = t.wrap(await context.newPage());
  await load(page, t.base);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, writtenSnapshot(DONE, 'r', 'secret pilot')]);
  await page.pw.close();
  return context;
}

/**
 * A page served on the widget's own origin (another page of the same site) that frames the
 * widget: `src` relative to the widget's base, a 1 px frame unless `style` says otherwise. It
 * records every result message and every height the widget posts.
 */
async function sameSiteFramer(t, context, src, { style = 'width:1px;height:1px;border:0' } = {}) {
  const url = `${t.base}__framer-${Math.random().toString(36).slice(2)}.html`;
  const body = `<!doctype html><meta charset="utf-8"><title>Another page of the site</title>
<iframe id="w" src="${t.base}${src}" style="${style}"></iframe>
<script>
  window.__heard = [];
  window.__heights = [];
  addEventListener('message', function (e) {
    if (e.data && e.data.type === 'result') window.__heard.push(e.data);
    if (e.data && e.data.type === 'height') window.__heights.push(e.data.height);
  });
</script>`;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body }));
  const page = t.wrap(await context.newPage());
  await page.goto(url);
  const frame = await page.frame('#w');
  await frame.waitForSelector('#widget', { timeout: 10000 });
  return [page, frame];
}

/**
 * Waits until everything the framed widget posted while it started has arrived: it has posted
 * a height (it has drawn), then the frame is made 300 px wider and the widget posts the new
 * height. Messages from one window arrive in the order it posts them, and that height is posted
 * after the effects of its start (a resize is observed after them), so a result sent at start
 * has arrived by then.
 */
async function everythingFromItsStartArrived(page, { drawn = false } = {}) {
  if (!drawn) await page.waitForFunction(() => window.__heights.length > 0);
  const heard = await page.evaluate(() => {
    const frame = document.getElementById('w');
    frame.style.width = frame.getBoundingClientRect().width + 300 + 'px';
    return window.__heights.length;
  });
  await page.waitForFunction((n) => window.__heights.length > n, heard);
}

journey('aSameSiteFramerHearsNoResultTheReaderDidNotProduce', { playwright: FRAMER }, async (t) => {
  const context = await readerWithAFinishedRun(t);
  const attacks = [
    ['?embed&events#start', null],
    ['?embed&events', '?embed&events#start'],
    ['r/ready/?embed&events#start', null],
    [`?embed&events#r=${encodeCode(DONE, 'secret pilot')}`, null],
  ];
  for (const [src, later] of attacks) {
    const [page] = await sameSiteFramer(t, context, src);
    // The old build posted within a moment of loading (and of the fragment change).
    await everythingFromItsStartArrived(page);
    if (later) {
      // A change of fragment only: the widget stays drawn and, since a frame's height no
      // longer depends on the stored run, need not post a new height for it. Wait until the
      // frame is at the new address; the resize's height then follows what it posted for it.
      await page.evaluate((url) => {
        document.getElementById('w').src = url;
      }, t.base + later);
      await page.waitForFunction((url) => document.getElementById('w').contentWindow.location.href === url, t.base + later);
      await everythingFromItsStartArrived(page, { drawn: true });
    }
    assert.equal(await page.evaluate(() => window.__heard.length), 0, `result messages heard by a framer of ${src}${later ? ` (then ${later})` : ''}`);
    await page.pw.close();
  }
  // Control: the reader's own click in the frame does send it, so the silence above is real.
  const [page, frame] = await sameSiteFramer(t, context, '?embed&events', { style: 'width:800px;height:900px;border:0' });
  // In a frame the stored run is held out of sight until the reader, in view, agrees to send
  // and opens it, then sends it on purpose (as in frames.mjs).
  await agree(frame);
  await frame.click('#start');
  await frame.waitForSelector('#results');
  await frame.click('#send-to-site');
  const heard = await page.waitForFunction(() => window.__heard[0]);
  assert.equal(heard.verdict, 'ready', 'verdict of the result the reader sent');
});

journey('anAdBesideTheWidgetCanNeitherResizeNorForge', { playwright: 'an ad served from another site (route)' }, async (t) => {
  const context = await t.newContext({ viewport: { width: 900, height: 700 } });
  const page = t.wrap(await context.newPage());
  const ad = `<!doctype html><script>
    parent.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'height', height: 99999 }, '*');
    parent.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'result', verdict: 'ready', blocking: [], index: 100, dimensions: [], link: 'javascript:alert(document.domain)' }, '*');
  </script>`;
  await context.route('http://ads.example/**', (route) => route.fulfill({ contentType: 'text/html', body: ad }));
  await page.goto(hostUrl(t, 'embed&events'));
  const widget = await page.frame('#check');
  await widget.waitForSelector('#intro #start');
  const before = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.id = 'ad';
    frame.src = 'http://ads.example/banner.html';
    frame.style.border = '0';
    document.body.appendChild(frame);
  });
  // embed.js hears a message in the same dispatch as the page's recorder (both listen on the
  // window): once the recorder has both forged messages, embed.js has handled them.
  await page.waitForFunction(() => window.__messages.filter((m) => m.origin === 'http://ads.example').length >= 2);
  const adHeight = await page.evaluate(() => document.getElementById('ad').getBoundingClientRect().height);
  assert.ok(adHeight < 1000, `the ad iframe must not be resized by its own messages: ${adHeight}px`);
  assert.equal(await page.evaluate(() => window.__anyResults.length), 0, 'result events dispatched on the page');
  const after = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  assert.equal(Math.round(after), Math.round(before), 'the widget iframe keeps its height');
});

journey('aSiteNotOnTheAuthorsListGetsALinkInstead', async (t) => {
  // The author allowed the host page's origin: there the check works as usual.
  const page = await t.newPage({ width: 900, height: 700 });
  await page.goto(hostUrl(t, 'embed', t.listedBase));
  const allowed = await page.frame('#check');
  await allowed.waitForSelector('#intro #start', { timeout: 15000 });
  // Any other site framing it gets a notice and a link that opens the check in its own tab.
  const other = await t.newPage();
  await other.goto(new URL(t.subBase).origin + '/unlisted-framer.html');
  const refused = await other.frame('#w');
  await refused.waitForSelector('#framing-refused', { timeout: 15000 });
  assert.ok(!(await refused.has('#start')), 'no check inside a frame the author did not allow');
  assert.equal(await refused.getAttribute('#open-in-tab', 'href'), t.listedBase, 'the link opens the check itself, not the embed');
  assert.equal(await refused.getAttribute('#open-in-tab', 'target'), '_blank', 'in its own tab');
  // Not framed at all, the listed build is the check as usual.
  await load(other, t.listedBase);
  await other.waitForSelector('#intro #start');
});

journey('blindClicksThroughAnInvisibleFrameClearNothing', { playwright: `${FRAMER}, and clicks at a point (mouse)` }, async (t) => {
  const context = await readerWithAFinishedRun(t);
  const [page, frame] = await sameSiteFramer(t, context, '?embed&bg=transparent', {
    style: 'position:absolute;left:0;top:0;width:700px;height:900px;border:0;opacity:0.0001',
  });
  // In a frame the reader's run is held out of sight: the frame opens at the intro.
  await frame.waitForSelector('#intro #start');
  const before = (await storage(page)).main;
  assert.ok(before && before.includes('"format":3'), `the reader's run is stored before the attack: ${before}`);
  // The attacker knows the layout: three rounds of a click at the centre of every button the
  // frame shows (enough to open the run, aim at "Clear my answers", then at its confirmation).
  for (let round = 0; round < 3; round++) {
    const boxes = await frame.$$eval('button', (els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.x + r.width / 2, r.y + r.height / 2]),
    );
    for (const [x, y] of boxes) await page.pw.mouse.click(x, y);
  }
  // Each click is handled in its dispatch (mouse.click waits for it); a screen it opened would
  // be in the frame by this round-trip into it.
  assert.ok(!(await frame.has('#results')) && !(await frame.has('.confirm')), 'blind clicks opened neither the run nor a confirmation');
  assert.equal((await storage(page)).main, before, "the reader's run survives blind clicks");
  await page.pw.close();
  // Control: the same frame in plain view; the reader opens their run, asks to clear it and,
  // once the confirmation's button appears, confirms: the run is cleared.
  const [shown, visible] = await sameSiteFramer(t, context, '?embed&bg=transparent', { style: 'width:700px;height:900px;border:0' });
  await visible.waitForSelector('#widget[data-visible="true"]');
  await visible.click('#start');
  await visible.waitForSelector('#results');
  await visible.click('#clear');
  await visible.waitForSelector('#confirm-clear', { timeout: 5000 });
  await visible.click('#confirm-clear');
  await shown.waitForFunction((k) => localStorage.getItem(k) === null, STORAGE_KEY);
});

journey('anOutcomePageNeverContradictsTheResultInItsTitle', { engines: EVERY }, async (t) => {
  const page = await t.newPage();
  await load(page, `${t.base}r/ready/#r=${encodeCode(LOWEST)}`);
  await page.waitForSelector('#shared #verdict[data-verdict="not-ready"]');
  assert.equal(await page.title(), 'Shared results: Not ready to scale yet · Scaling Readiness Check', 'the tab says the result, not the page');
  // And the address moves to the result's own outcome page, so a copy of it previews right.
  await t.waitUntil(async () => (await page.url()) === resultsLink(t.base, LOWEST), async () => `address ${await page.url()}`);
});

journey('labelsStayInTheirPlaceAndBlankOnesAreNoLabels', async (t) => {
  // Right-to-left labels in the team's findings are isolated, so the sentence keeps its order.
  const owner = pattern('2222' + '2222' + '3333' + '22222');
  const manager = pattern('2222' + '2222' + '0000' + '22222');
  const members = [
    encodeCode(owner, 'מנהלת המוצר'),
    encodeCode(manager, 'צוות א'),
    encodeCode(manager, 'צוות ב'),
    encodeCode(manager, 'Person 5'),
    encodeCode(manager, ''),
  ];
  const page = await t.newPage();
  await load(page, t.base + '#t=' + encodeTeam(members));
  await page.waitForSelector('#team-summary[data-members="5"]');
  const findings = await page.$$eval('#team-findings li', (lis) => lis.map((li) => li.textContent));
  const apart = findings.find((f) => f.includes('stands apart'));
  assert.ok(apart && apart.includes('\u2068מנהלת המוצר\u2069'), `the label is isolated in the sentence: ${JSON.stringify(findings)}`);
  const header = await page.$$eval('#team-summary thead th', (ths) => ths.map((th) => th.textContent.trim()));
  assert.deepEqual(new Set(header).size, header.length, `member names are unique: ${JSON.stringify(header)}`);
  // A label of fillers that show nothing is no label at all.
  const blank = encodeCode(owner, '', { labelBytes: Buffer.from('\u3164\u2800\u115f', 'utf8') });
  await load(page, t.base + '#r=' + blank);
  await page.waitForSelector('#shared');
  assert.ok(!(await page.has('#shared-label')), 'no empty-looking label is shown');
  assert.deepEqual((await page.textContent('#screen-heading')).trim(), 'Shared results', 'the heading has no blank label');
  assert.equal(DIMENSIONS.length, 4);
});
