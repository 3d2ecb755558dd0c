// The 404 page (issue 28): a results link whose `#` arrived as `%23` (as some comment systems
// and mail clients send it) opens the result it meant, under a sub-path, as GitHub Pages,
// Netlify and Cloudflare Pages serve `404.html` for a missing address; anything else offers the
// check. The hosts' convention is served here by a small server of this file's own: the
// site's files under /check/, and 404.html (status 404) for any address that names none.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { EVERY, journey } from '../harness/journey.mjs';
import { MIME, closeServer } from '../serve.mjs';
import { pattern, resultsLink } from '../lib.mjs';
import { axe } from '../widget.mjs';

const MOUNT = '/check/';

/** Serves `dist` under MOUNT, and `dist/404.html` with status 404 for anything missing. */
async function pagesHost(dist) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://host');
    let file = null;
    if (url.pathname.startsWith(MOUNT)) {
      // Like the hosts: the path's escapes are undone to name a file (`%23` names a file `#…`).
      let name;
      try { name = decodeURIComponent(url.pathname.slice(MOUNT.length)); } catch { name = '\0'; }
      const full = path.join(dist, path.normalize('/' + name));
      const candidate = full.endsWith(path.sep) || name === '' ? path.join(full, 'index.html') : full;
      const stat = await fs.stat(candidate).catch(() => null);
      if (stat?.isFile()) file = candidate;
      else if (stat?.isDirectory()) {
        response.writeHead(301, { location: url.pathname + '/' + url.search });
        return response.end();
      }
    }
    const status = file ? 200 : 404;
    file ??= path.join(dist, '404.html');
    const body = await fs.readFile(file);
    response.writeHead(status, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}${MOUNT}`, close: () => closeServer(server) };
}

/** Clears the console's reports of the 404 status itself (what the host answers for a missing
 * address, by design), after checking that they are all there is. */
function expect404s(t, host) {
  const others = t.problems().filter((p) => !(p.includes('status of 404') && p.includes(host.base)));
  assert.deepEqual(others, [], 'nothing went wrong but the 404 status');
  t.clearProblems();
}

const THEIRS = pattern('2222' + '3231' + '3333' + '33333');

journey('aLinkWhoseHashArrivedEscapedOpensItsResult', { engines: EVERY }, async (t) => {
  const host = await pagesHost(t.dist);
  try {
    const page = await t.newPage();
    const link = resultsLink(host.base, THEIRS, 'Café pilot');
    assert.ok(link.includes('/r/not-od/#r='), link);
    await page.goto(link.replace('#', '%23'));
    await page.waitForSelector('#shared #verdict');
    assert.equal(await page.url(), link, 'the address is the link as it was meant');
    assert.equal((await page.textContent('#shared .verdict-headline')).trim(), 'Not ready to scale yet');
    assert.equal((await page.textContent('#shared-label')).trim(), 'Café pilot', 'the label, escaped in the link, reads as sent');
    // Escaped twice, with the route's `=` escaped too: the same result.
    const twice = link.replace('#r=', '%2523r%253D').replace(/%([0-9A-F]{2})/g, (m, hex) => (hex === '25' || hex === '23' ? m : `%25${hex}`));
    await page.goto(twice);
    await page.waitForSelector('#shared #verdict');
    assert.equal(await page.url(), link, 'undone layer by layer');
    assert.equal((await page.textContent('#shared-label')).trim(), 'Café pilot');
    expect404s(t, host);
  } finally {
    await host.close();
  }
});

journey('anyOtherMissingAddressOffersTheCheck', { engines: EVERY }, async (t) => {
  const host = await pagesHost(t.dist);
  try {
    for (const scheme of ['light', 'dark']) {
      const page = await t.newPage({ scheme, screenshots: true });
      await page.goto(host.base + 'r/not-od/no-such-page');
      await page.waitForSelector('#not-found-heading');
      assert.equal(await page.getAttribute('#take-check', 'href'), MOUNT, "the site's base, read from the address");
      assert.deepEqual(await axe(t, page), [], `axe on the 404 page (${scheme})`);
      for (const width of [360, 1280]) {
        await page.viewport(width, 640);
        await page.screenshot(path.join(t.artifacts, `not-found-${width}-${scheme}.png`));
      }
      if (scheme === 'light') {
        await page.click('#take-check');
        await page.waitForSelector('#static-intro #start, #widget');
        assert.equal(await page.url(), host.base, 'the check itself');
      }
    }
    expect404s(t, host);
  } finally {
    await host.close();
  }
});
