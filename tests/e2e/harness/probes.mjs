// Test probes the journeys' servers add to the pages they serve, under `/__e2e__/`.
//
// WebDriver has no init scripts and no page-error events in every engine (only Chromium and
// Firefox speak BiDi), so the server itself puts a few same-origin scripts into each HTML page,
// right after the page's Content-Security-Policy meta. They are held to that policy like any
// other script (`script-src 'self'` admits them, as it would not an inline one) and run before
// the app's own scripts:
//
//   errors.js            always: records uncaught errors, unhandled rejections, CSP violations,
//                        failed resources and console.error calls, and reports each one to
//                        the server (`navigator.sendBeacon('/__e2e__/report')`, connect-src
//                        'self'), so that an error in a page that has since navigated away or
//                        closed still fails the journey.
//   throwing-storage.js  when the address carries `?e2e=throwing-storage`: any use of
//                        `window.localStorage` throws a SecurityError, as blocked storage does.
//   keep-wasm.js         when the address carries `?e2e=keep-wasm`: keeps the app's wasm exports
//                        (Trunk's start event carries them) in `window.__e2eWasm`, so a journey
//                        can provoke a real trap.
//   full-storage.js      `?e2e=full-storage`: `localStorage.setItem` throws QuotaExceededError.
//   no-clipboard.js      `?e2e=no-clipboard`: no `navigator.clipboard`, as in older or locked-down
//                        browsers.
//   share-sheet.js       `?e2e=share-sheet`: a share sheet that takes PNG files (as on a phone);
//                        what the page shares is kept in `window.__e2eShared`.
//   provoke.js           `?e2e=provoke`: `window.__e2eProvoke` raises errors from the page's own
//                        realm (a plain JS error, a wasm stack overflow), which a driver script
//                        cannot do in every engine.
//
// The widget ignores query parameters it does not know and keeps the query when it rewrites
// the address, so a marker survives reloads. Several markers: `?e2e=keep-wasm,throwing-storage`.

const SCRIPTS = {
  errors: `(function () {
  'use strict';
  if (window.__e2e) return;
  var errors = [];
  window.__e2e = { errors: errors };
  function describe(x) {
    if (x && typeof x === 'object' && 'message' in x) return (x.name ? x.name + ': ' : '') + x.message;
    try { return typeof x === 'string' ? x : JSON.stringify(x); } catch (e) { return String(x); }
  }
  function report(kind, text) {
    var line = kind + ': ' + String(text).slice(0, 400);
    errors.push(line);
    try {
      navigator.sendBeacon('/__e2e__/report', JSON.stringify({ line: line, page: String(location.href).slice(0, 160) }));
    } catch (e) { /* nothing to do: the in-page list still has it */ }
  }
  addEventListener('error', function (event) {
    if (typeof ErrorEvent === 'function' && event instanceof ErrorEvent) {
      report('page error', event.error !== undefined && event.error !== null ? describe(event.error) : event.message);
      return;
    }
    var el = event.target;
    if (el && el !== window && el.tagName) report('resource error', el.tagName.toLowerCase() + ' ' + (el.src || el.href || ''));
  }, true);
  addEventListener('unhandledrejection', function (event) { report('unhandled rejection', describe(event.reason)); });
  addEventListener('securitypolicyviolation', function (event) {
    report('CSP violation', event.violatedDirective + ' blocked ' + (event.blockedURI || '(inline)'));
  }, true);
  var original = console.error;
  console.error = function () {
    report('console error', Array.prototype.map.call(arguments, describe).join(' '));
    return original.apply(this, arguments);
  };
})();
`,
  'throwing-storage': `Object.defineProperty(window, 'localStorage', {
  configurable: true,
  get: function () { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
`,
  'keep-wasm': `addEventListener('TrunkApplicationStarted', function (event) { window.__e2eWasm = event.detail.wasm; });
`,
  // Storage that reads but cannot write: a full quota.
  'full-storage': `Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
`,
  // A browser without the async clipboard API: the copy buttons must fall back.
  'no-clipboard': `Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: function () { return undefined; } });
`,
  // A phone's share sheet, which takes files: records what the page hands it.
  'share-sheet': `window.__e2eShared = [];
Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: function (data) {
  window.__e2eShared.push({ url: data.url || null, text: data.text || null, files: Array.prototype.map.call(data.files || [], function (f) { return f.name + ' ' + f.type + ' ' + f.size; }) });
  return Promise.resolve();
} });
Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: function (data) {
  return !data.files || Array.prototype.every.call(data.files, function (f) { return f.type === 'image/png'; });
} });
`,
  // Errors raised by the page's own code (a driver script runs in its own realm in Firefox,
  // so its errors never reach the page's error handlers).
  provoke: `window.__e2eProvoke = {
  plainError: function () { setTimeout(function () { throw new Error('not from the wasm'); }); },
  stackOverflow: function (how) {
    // (module (func $f (call $f)) (export "f" (func $f)))
    var bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 6, 1, 4, 0, 16, 0, 11]);
    var f = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f;
    if (how === 'promise') Promise.resolve().then(f); else setTimeout(f);
  }
};
`,
};

/** The probe names a page address asks for with `?e2e=a,b`, after `errors`. */
export function probesFor(requestUrl) {
  const marker = new URL('http://x' + requestUrl).searchParams.get('e2e') || '';
  return ['errors', ...marker.split(',').filter((name) => name && name !== 'errors')];
}

/** Adds the probes' script tags to an HTML page: after its CSP meta, else first in `<head>`. */
export function injectProbes(html, requestUrl) {
  const tags = probesFor(requestUrl)
    .map((name) => `<script src="/__e2e__/${encodeURIComponent(name)}.js"></script>`)
    .join('');
  const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>/i.exec(html);
  if (csp) {
    const end = csp.index + csp[0].length;
    return html.slice(0, end) + tags + html.slice(end);
  }
  return html.replace(/<head[^>]*>/i, (head) => head + tags);
}

/**
 * Where the probes report. `handle` is serve.mjs's `handle` option: it serves the probe
 * scripts (404 for an unknown one, which errors.js then reports as a failed resource) and
 * collects reports in `lines`, in order of arrival.
 */
export function probeSink() {
  const lines = [];
  async function handle(req, res) {
    const url = new URL('http://x' + (req.url || '/'));
    if (!url.pathname.startsWith('/__e2e__/')) return false;
    if (req.method === 'POST' && url.pathname === '/__e2e__/report') {
      let body = '';
      for await (const chunk of req) body += chunk;
      try {
        const { line, page } = JSON.parse(body);
        lines.push(`${line} (${page})`);
      } catch {
        lines.push(`unreadable probe report: ${body.slice(0, 200)}`);
      }
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/__e2e__/flush') {
      // harness/journey.mjs asks each open page for this before it reads `lines`.
      for await (const chunk of req) void chunk;
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return true;
    }
    const name = /^\/__e2e__\/([a-z-]+)\.js$/.exec(url.pathname)?.[1];
    const script = name && Object.hasOwn(SCRIPTS, name) ? SCRIPTS[name] : null;
    if (script === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('no such probe\n');
      return true;
    }
    res.writeHead(200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : script);
    return true;
  }
  return { lines, handle };
}
