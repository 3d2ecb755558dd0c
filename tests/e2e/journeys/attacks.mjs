// Embeds and links that can't be turned against a reader (issue 18): each attack from the
// review as a journey, with a control that shows the journey would notice if it worked.

import {
  DIMENSIONS,
  STORAGE_KEY,
  assert,
  encodeCode,
  encodeTeam,
  eq,
  load,
  pattern,
  resultsLink,
  sleep,
  storage,
  until,
  writtenSnapshot,
} from '../lib.mjs';
import { _hostUrl } from './embed.mjs';
import { _visitScreens } from './screens.mjs';

/** A finished run, ready to scale, with a label the framer would love to learn. */
const DONE = pattern('33333' + '3333' + '3333' + '33333');
const LOWEST = pattern('00000' + '0000' + '0000' + '00000');

/** A context whose widget origin already holds the reader's finished run. */
async function readerWithAFinishedRun(t) {
  const context = await t.newContext();
  const page = await context.newPage();
  await load(page, t.base);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORAGE_KEY, writtenSnapshot(DONE, 'r', 'secret pilot')]);
  await page.close();
  return context;
}

/**
 * A page served on the widget's own origin (another page of the same site) that frames the
 * widget: `src` relative to the widget's base, a 1 px frame unless `style` says otherwise. It
 * records every result message it hears, and can change the frame's fragment afterwards.
 */
async function sameSiteFramer(t, context, src, { style = 'width:1px;height:1px;border:0', later = '' } = {}) {
  const url = `${t.base}__framer-${Math.random().toString(36).slice(2)}.html`;
  const body = `<!doctype html><meta charset="utf-8"><title>Another page of the site</title>
<iframe id="w" src="${t.base}${src}" style="${style}"></iframe>
<script>
  window.__heard = [];
  addEventListener('message', function (e) { if (e.data && e.data.type === 'result') window.__heard.push(e.data); });
  ${later ? `setTimeout(function () { document.getElementById('w').src = ${JSON.stringify(t.base + later)}; }, 1000);` : ''}
</script>`;
  await context.route(url, (route) => route.fulfill({ contentType: 'text/html', body }));
  const page = await context.newPage();
  await page.goto(url);
  const frame = await until(() => page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(t.base)), 'the framed widget');
  await frame.waitForSelector('#widget', { timeout: 10000 });
  return [page, frame];
}

export async function aSameSiteFramerHearsNoResultTheReaderDidNotProduce(t) {
  const context = await readerWithAFinishedRun(t);
  const attacks = [
    ['?embed&events#start', {}],
    ['?embed&events', { later: '?embed&events#start' }],
    ['r/ready/?embed&events#start', {}],
    [`?embed&events#r=${encodeCode(DONE, 'secret pilot')}`, {}],
  ];
  for (const [src, options] of attacks) {
    const [page] = await sameSiteFramer(t, context, src, options);
    // The old build posted within a moment of loading (and of the fragment change).
    await sleep(options.later ? 2200 : 1500);
    eq(await page.evaluate(() => window.__heard.length), 0, `result messages heard by a framer of ${src}${options.later ? ' (then #start)' : ''}`);
    await page.close();
  }
  // Control: the reader's own clicks in a frame in view do send it (agreeing, opening their
  // run, "Send my result"), so the silence above is real.
  const [page, frame] = await sameSiteFramer(t, context, '?embed&events', { style: 'width:800px;height:900px;border:0' });
  await frame.waitForSelector('#widget[data-visible="true"]');
  await frame.click('#consent-yes');
  await frame.click('#start');
  await frame.waitForSelector('#results');
  await frame.click('#send-to-site');
  const heard = await until(() => page.evaluate(() => window.__heard[0]), 'the reader sending their results themselves is heard');
  eq(heard.verdict, 'ready', 'verdict of the result the reader sent');
}

export async function anAdBesideTheWidgetCanNeitherResizeNorForge(t) {
  const page = await t.newPage({ viewport: { width: 900, height: 700 } });
  const ad = `<!doctype html><script>
    parent.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'height', height: 99999 }, '*');
    parent.postMessage({ source: 'scaling-readiness-check', version: 1, type: 'result', verdict: 'ready', blocking: [], index: 100, dimensions: [], link: 'javascript:alert(document.domain)' }, '*');
    window.__sent = true;
  </script>`;
  await page.context().route('http://ads.example/**', (route) => route.fulfill({ contentType: 'text/html', body: ad }));
  await page.goto(_hostUrl(t, 'embed&events'));
  const widget = await until(() => page.frames().find((f) => f.url().startsWith(t.base)), 'the widget iframe');
  await widget.waitForSelector('#intro #start');
  const before = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.id = 'ad';
    frame.src = 'http://ads.example/banner.html';
    frame.style.border = '0';
    document.body.appendChild(frame);
  });
  const adFrame = await until(() => page.frames().find((f) => f.url().startsWith('http://ads.example/')), 'the ad loads');
  await adFrame.waitForFunction(() => window.__sent === true);
  await sleep(500);
  const heard = await page.evaluate(() => window.__messages.filter((m) => m.origin === 'http://ads.example').length);
  assert(heard >= 2, 'the forged messages reached the page (else this journey proves nothing)');
  const adHeight = await page.evaluate(() => document.getElementById('ad').getBoundingClientRect().height);
  assert(adHeight < 1000, `the ad iframe must not be resized by its own messages: ${adHeight}px`);
  eq(await page.evaluate(() => window.__anyResults.length), 0, 'result events dispatched on the page');
  const after = await page.evaluate(() => document.getElementById('check').getBoundingClientRect().height);
  eq(Math.round(after), Math.round(before), 'the widget iframe keeps its height');
}

export async function aSiteNotOnTheAuthorsListGetsALinkInstead(t) {
  // The author allowed the host page's origin: there the check works as usual.
  const page = await t.newPage({ viewport: { width: 900, height: 700 } });
  await page.goto(_hostUrl(t, 'embed', t.listedBase));
  const allowed = await until(() => page.frames().find((f) => f.url().startsWith(t.listedBase)), 'the allowed iframe');
  await allowed.waitForSelector('#intro #start');
  // Any other site framing it gets a notice and a link that opens the check in its own tab.
  const other = await t.newPage();
  await other.goto(new URL(t.subBase).origin + '/unlisted-framer.html');
  const refused = await until(() => other.frames().find((f) => f.url().startsWith(t.listedBase)), 'the refused iframe');
  await refused.waitForSelector('#framing-refused');
  assert(!(await refused.$('#start')), 'no check inside a frame the author did not allow');
  eq(await refused.getAttribute('#open-in-tab', 'href'), t.listedBase, 'the link opens the check itself, not the embed');
  eq(await refused.getAttribute('#open-in-tab', 'target'), '_blank', 'in its own tab');
  // Not framed at all, the listed build is the check as usual.
  await load(other, t.listedBase);
  await other.waitForSelector('#intro #start');
}

export async function blindClicksThroughAnInvisibleFrameClearNothing(t) {
  const context = await readerWithAFinishedRun(t);
  const [page, frame] = await sameSiteFramer(t, context, '?embed&bg=transparent', {
    style: 'position:absolute;left:0;top:0;width:700px;height:900px;border:0;opacity:0.0001',
  });
  await frame.waitForSelector('#intro #start');
  // The saved run is held out of sight in a frame: no "Clear my answers" to aim at. The
  // attacker clicks every button the frame shows, twice, the second round after the pause.
  for (let round = 0; round < 2; round++) {
    const boxes = await frame.$$eval('button, a', (els) =>
      els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => [r.x + r.width / 2, r.y + r.height / 2]),
    );
    for (const [x, y] of boxes) await page.mouse.click(x, y);
    if (round === 0) await sleep(2000);
  }
  const stored = await storage(page);
  assert(stored.main && stored.main.includes('"format":3') && stored.main.includes('secret'), `the reader's run survives blind clicks: ${JSON.stringify(stored)}`);
  // Control: the same frame in plain view, the reader opens their run and clears it.
  const [, shown] = await sameSiteFramer(t, context, '?embed', { style: 'width:800px;height:900px;border:0' });
  await shown.waitForSelector('#widget[data-visible="true"]');
  await shown.click('#start');
  await shown.waitForSelector('#results');
  await shown.click('#clear');
  await shown.waitForSelector('#confirm-clear');
  await shown.click('#confirm-clear');
  await until(async () => (await storage(page)).main === null, 'the reader who confirms does clear');
}

export async function anOutcomePageNeverContradictsTheResultInItsTitle(t) {
  const page = await t.newPage();
  await load(page, `${t.base}r/ready/#r=${encodeCode(LOWEST)}`);
  await page.waitForSelector('#shared #verdict[data-verdict="not-ready"]');
  eq(await page.title(), 'Shared results: Not ready to scale yet · Scaling Readiness Check', 'the tab says the result, not the page');
  // And the address moves to the result's own outcome page, so a copy of it previews right.
  await until(() => page.url() === resultsLink(t.base, LOWEST), async () => `address ${page.url()}`);
}

export async function theStrictPolicyHoldsOnEveryScreen(t) {
  const page = await t.newPage();
  await load(page, t.base);
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert(!policy.includes('unsafe-inline'), `no 'unsafe-inline' in the policy: ${policy}`);
  const violations = [];
  await _visitScreens(
    t,
    {},
    async (name, target) => {
      const seen = await target.evaluate(() => (window.__violations || []).splice(0));
      for (const v of seen) violations.push(`${name}: ${v}`);
    },
    undefined,
    () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  );
  eq(violations, [], 'policy violations on the screens');
}

export async function labelsStayInTheirPlaceAndBlankOnesAreNoLabels(t) {
  // Right-to-left labels in the team's findings are isolated, so the sentence keeps its order.
  const owner = pattern('22222' + '2222' + '3333' + '22222');
  const manager = pattern('22222' + '2222' + '0000' + '22222');
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
  assert(apart && apart.includes('\u2068מנהלת המוצר\u2069'), `the label is isolated in the sentence: ${JSON.stringify(findings)}`);
  const header = await page.$$eval('#team-summary thead th', (ths) => ths.map((th) => th.textContent.trim()));
  eq(new Set(header).size, header.length, `member names are unique: ${JSON.stringify(header)}`);
  // A label of fillers that show nothing is no label at all.
  const blank = encodeCode(owner, '', { labelBytes: Buffer.from('\u3164\u2800\u115f', 'utf8') });
  await load(page, t.base + '#r=' + blank);
  await page.waitForSelector('#shared');
  assert(!(await page.$('#shared-label')), 'no empty-looking label is shown');
  eq((await page.textContent('#screen-heading')).trim(), 'Shared results', 'the heading has no blank label');
  assert(DIMENSIONS.length === 4);
}
