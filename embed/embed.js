/*! Scaling Readiness Check embed helper (MIT). Resizes each iframe that shows the check to
 * its content height, so it never scrolls inside, and re-dispatches the check's result
 * event on the iframe as a DOM event ("readiness-check:result") for the host page.
 * It trusts the widget only: the folder it was loaded from (its own <script src>), and only
 * messages from that origin whose sender is the window of an iframe whose address is under
 * that folder (another page of a shared origin or CDN is not the widget). Heights are capped
 * (MAX_FRAME_HEIGHT in src/core/embed.rs); a result's link must be an http(s) address under
 * that folder. The widget belongs on an origin of its own (docs/embedding.md). No
 * dependencies. */
(function () {
  'use strict';
  var SOURCE = 'scaling-readiness-check';
  // Taller than any screen of the check at 320 px wide; anything above is not the widget.
  var MAX_HEIGHT = 12000;
  var script = document.currentScript;
  var widgetOrigin = script && script.src ? originOf(script.src) : null;
  if (!widgetOrigin) return;
  // The widget's folder: embed.js sits at the widget's root, beside index.html.
  var widgetBase = new URL('.', script.src).href;

  function originOf(address) {
    try {
      var url = new URL(address, location.href);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
    } catch (e) {
      return null;
    }
  }
  /** True for an http(s) address under the widget's folder. */
  function underWidget(address) {
    try {
      var url = new URL(address, location.href);
      return originOf(url.href) === widgetOrigin && url.href.indexOf(widgetBase) === 0;
    } catch (e) {
      return false;
    }
  }
  /** The iframe showing the widget (its address under the widget's folder) whose window sent
   * the message, if any. */
  function widgetFrame(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow === source && underWidget(frame.src)) return frame;
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
      if (typeof data.link !== 'string' || !underWidget(data.link)) return;
      frame.dispatchEvent(new CustomEvent('readiness-check:result', { detail: data, bubbles: true }));
    }
  });
})();
