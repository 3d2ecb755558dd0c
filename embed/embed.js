/*! Scaling Readiness Check embed helper (MIT). Resizes each iframe that shows the check to
 * its content height, so it never scrolls inside, and re-dispatches the check's result
 * event on the iframe as a DOM event ("readiness-check:result") for the host page.
 * Messages are accepted only from the iframe's own window and origin. No dependencies. */
(function () {
  'use strict';
  var SOURCE = 'scaling-readiness-check';
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe'));
  }
  function originOf(frame) {
    try { return new URL(frame.src, location.href).origin; } catch (e) { return null; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== SOURCE || data.version !== 1) return;
    var frame = frames().filter(function (f) { return f.contentWindow === event.source; })[0];
    if (!frame || originOf(frame) !== event.origin) return;
    if (data.type === 'height' && typeof data.height === 'number' && data.height > 0 && data.height < 100000) {
      frame.style.height = Math.ceil(data.height) + 'px';
      frame.setAttribute('scrolling', 'no');
    } else if (data.type === 'result') {
      frame.dispatchEvent(new CustomEvent('readiness-check:result', { detail: data, bubbles: true }));
    }
  });
})();
