/*! Scaling Readiness Check embed helper (MIT). Resizes each iframe that shows the check to
 * its content height, so it never scrolls inside, and re-dispatches the check's result
 * event on the iframe as a DOM event ("readiness-check:result") for the host page.
 * It trusts the widget only: the origin it was loaded from (its own <script src>), and only
 * messages whose sender is the window of an iframe showing a page of that origin. Heights
 * are capped; a result's link must be an http(s) address on that origin. No dependencies. */
(function () {
  'use strict';
  var SOURCE = 'scaling-readiness-check';
  // Taller than any screen of the check at 320 px wide; anything above is not the widget.
  var MAX_HEIGHT = 12000;
  var script = document.currentScript;
  var widgetOrigin = script && script.src ? originOf(script.src) : null;
  if (!widgetOrigin) return;

  function originOf(address) {
    try {
      var url = new URL(address, location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
    } catch (e) {
      return null;
    }
  }
  /** The iframe of the widget's origin whose window sent the message, if any. */
  function widgetFrame(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === source && originOf(frame.src) === widgetOrigin) return frame;
    }
    return null;
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== widgetOrigin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== SOURCE || data.version !== 1) return;
    var frame = widgetFrame(event.source);
    if (!frame) return;
    if (data.type === 'height') {
      var height = data.height;
      if (typeof height !== 'number' || !(height > 0) || height > MAX_HEIGHT) return;
      frame.style.height = Math.ceil(height) + 'px';
      frame.setAttribute('scrolling', 'no');
    } else if (data.type === 'result') {
      if (typeof data.link !== 'string' || originOf(data.link) !== widgetOrigin) return;
      frame.dispatchEvent(new CustomEvent('readiness-check:result', { detail: data, bubbles: true }));
    }
  });
})();
