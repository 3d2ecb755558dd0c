// The page interface over Playwright (playwright-core driving /usr/bin/chromium), and the list
// of what the interface holds. A journey written against it runs in every engine: here in
// Chromium, and in Firefox and WebKit through harness/webdriver.mjs's WdPage, which implements
// the same methods with WebDriver commands. The names are Playwright's, so a journey reads like
// any Playwright test; every method is async (even `url()`).
//
//   goto(url) reload() url() title()            navigation (of the top page)
//   evaluate(fn, arg) addScript(source)         a function (one argument) or a script in the page
//   has(sel) count(sel) isVisible(sel)          no waiting
//   waitForSelector(sel, {state, timeout})      'visible' (default) or 'attached'
//   waitForFunction(fn, arg, {timeout})         resolves to fn's first truthy value
//   textContent(sel) getAttribute(sel, name) inputValue(sel)   wait for the element first
//   $eval(sel, fn, arg) $$eval(sel, fn, arg)    fn(element | elements, arg) in the page
//   click(sel) check(sel) clickText(scope, text) fill(sel, text) focus(sel)
//   press('Shift+Tab') type(text)               keys on whatever has focus
//   clickAt(x, y)                               a mouse click at a point of the viewport (of the
//                                               frame, for a frame's interface)
//   frame(sel)                                  the same interface inside an iframe of this page
//                                               (or of this frame: frames nest)
//   viewport(width, height) screenshot(file)    full-page picture of the top page
//   download(sel) → { name, bytes }             needs t.newPage({ downloads: true })
//   readClipboard()                             what a paste would insert
//   engine                                      'chromium' | 'firefox' | 'webkit'
//
// Only here: `page.pw` (the Playwright Page) and `page.target()` (the Page or the iframe's Frame),
// for journeys marked `playwright: '…'`.

import { readFileSync } from 'node:fs';

/**
 * In a frame's document: whether the widget there counts a reader's click or key now. Where
 * the browser can say whether a frame is seen (IntersectionObserver v2: Chromium), the widget
 * counts them only once it has reported the frame in view, which it says on its root
 * (`data-visible`); elsewhere always. A reader acts on what they see, so both page interfaces
 * wait for this before a click or key in a frame (the browser's first report comes a frame or
 * more after the widget draws: a click at once would be on a frame not yet seen). Blind
 * clicks are `clickAt`, which never waits.
 */
export const WIDGET_SEEN = () => {
  const widget = document.getElementById('widget');
  const verifiable = 'IntersectionObserverEntry' in window && 'isVisible' in IntersectionObserverEntry.prototype;
  return !widget || !verifiable || widget.dataset.visible !== 'false';
};

/**
 * The interface over a Playwright Page, or (`frameSelector`) over an iframe of that page, or of
 * a frame in it (`outer`: the selectors of the frames around it, outermost first).
 */
export class PwPage {
  constructor(page, frameSelector = null, outer = []) {
    /** The Playwright Page (journeys marked `playwright` may use it). */
    this.pw = page;
    this.frameSelector = frameSelector;
    this.outer = outer;
    this.engine = 'chromium';
  }

  /** The innermost iframe element, looked up afresh through the frames around it. */
  async frameElement() {
    let scope = this.pw;
    for (const selector of this.outer) {
      const frame = await (await scope.waitForSelector(selector, { state: 'attached' })).contentFrame();
      if (!frame) throw new Error(`${selector} has no content frame`);
      scope = frame;
    }
    return scope.waitForSelector(this.frameSelector, { state: 'attached' });
  }

  /** The Page, or the iframe's Frame, looked up afresh (the frame may have navigated). */
  async target() {
    if (this.frameSelector === null) return this.pw;
    const frame = await (await this.frameElement()).contentFrame();
    if (!frame) throw new Error(`${this.frameSelector} has no content frame`);
    return frame;
  }

  async evaluate(fn, arg) {
    return (await this.target()).evaluate(fn, arg);
  }
  async addScript(source) {
    // Evaluated by DevTools, which the page's CSP does not govern.
    await (await this.target()).evaluate(source);
  }
  async goto(url) {
    await this.pw.goto(url);
  }
  async reload() {
    await this.pw.reload();
  }
  async url() {
    return (await this.target()).url();
  }
  async title() {
    return (await this.target()).title();
  }
  async frame(selector) {
    await this.waitForSelector(selector, { state: 'attached' });
    return new PwPage(this.pw, selector, this.frameSelector === null ? [] : [...this.outer, this.frameSelector]);
  }
  async has(selector) {
    return (await (await this.target()).$(selector)) !== null;
  }
  async count(selector) {
    return (await this.target()).locator(selector).count();
  }
  async isVisible(selector) {
    return (await this.target()).isVisible(selector);
  }
  async waitForSelector(selector, { state = 'visible', timeout } = {}) {
    await (await this.target()).waitForSelector(selector, { state, timeout });
  }
  async waitForFunction(fn, arg, { timeout } = {}) {
    const handle = await (await this.target()).waitForFunction(fn, arg, { timeout });
    return handle.jsonValue();
  }
  async textContent(selector) {
    return (await this.target()).textContent(selector);
  }
  async getAttribute(selector, name) {
    return (await this.target()).getAttribute(selector, name);
  }
  async inputValue(selector) {
    return (await this.target()).inputValue(selector);
  }
  async $eval(selector, fn, arg) {
    return (await this.target()).$eval(selector, fn, arg);
  }
  async $$eval(selector, fn, arg) {
    return (await this.target()).$$eval(selector, fn, arg);
  }
  /** Before a reader's click or key in a frame: until the widget counts them (WIDGET_SEEN). */
  async untilSeen() {
    if (this.frameSelector === null) return;
    await (await this.target()).waitForFunction(WIDGET_SEEN);
  }
  async click(selector) {
    await this.untilSeen();
    await (await this.target()).click(selector);
  }
  async check(selector) {
    await this.untilSeen();
    await (await this.target()).check(selector);
  }
  async clickText(scope, text) {
    await this.untilSeen();
    const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await (await this.target()).locator(`${scope} button`).filter({ hasText: exact }).click();
  }
  async fill(selector, text) {
    await (await this.target()).fill(selector, text);
  }
  async focus(selector) {
    await (await this.target()).focus(selector);
  }
  async press(keys) {
    await this.untilSeen();
    await this.pw.keyboard.press(keys);
  }
  async type(text) {
    await this.pw.keyboard.type(text);
  }
  async clickAt(x, y) {
    let [left, top] = [0, 0];
    // (An element's box is in the top page's viewport, however deep its frame.)
    if (this.frameSelector !== null) ({ x: left, y: top } = await (await this.frameElement()).boundingBox());
    await this.pw.mouse.click(left + x, top + y);
  }
  async viewport(width, height) {
    await this.pw.setViewportSize({ width, height });
  }
  /** Switches what `prefers-color-scheme` says ('light' or 'dark'), the page left as it is. */
  async scheme(name) {
    await this.pw.emulateMedia({ colorScheme: name });
  }
  async screenshot(file) {
    await this.pw.screenshot({ path: file, fullPage: true });
  }
  async download(selector) {
    await this.untilSeen();
    const target = await this.target();
    const [download] = await Promise.all([this.pw.waitForEvent('download'), target.click(selector)]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }
  async readClipboard() {
    // Every context is granted clipboard-read and clipboard-write (harness/journey.mjs).
    return (await this.target()).evaluate(() => navigator.clipboard.readText());
  }
}
