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
//                                               frame, for a frame's interface: one that reaches it)
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
import { setTimeout as delay } from 'node:timers/promises';

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
 * How long a press that did not reach its frame waits before the next try (pressOnce): a
 * polling interval, as waitForFunction's; each try is a whole click (measured: trying again at
 * once cost half as much CPU again: 24.6 CPU-seconds, not 17.0, on two journeys in frames).
 */
const PRESS_AGAIN_AFTER_MS = 100;

/**
 * In a frame's document: how many presses (pointerdown) have reached it since the first call,
 * counted by the first listener of its window (which lets them go on).
 */
const PRESSES = () => {
  if (!window.__e2ePresses) {
    const presses = (window.__e2ePresses = { count: 0 });
    addEventListener('pointerdown', () => presses.count++, true);
  }
  return window.__e2ePresses.count;
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
    /** The Frame `target()` last found (frames only), while it is attached. */
    this.found = null;
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

  /**
   * The Page, or the iframe's Frame. Playwright keeps one Frame for a frame through all its
   * navigations (cross-site ones too), until the frame goes away (its iframe removed, or a
   * frame around it navigated): so the Frame found is kept while it lives, and looked up
   * afresh through the selectors once it is detached. A lookup is five or six protocol
   * messages, and frame journeys make one for every step (measured, the Chromium layer:
   * 53,000 messages with frames kept and waitForSelector below, 73,800 before).
   */
  async target() {
    if (this.frameSelector === null) return this.pw;
    if (this.found && !this.found.isDetached()) return this.found;
    const frame = await (await this.frameElement()).contentFrame();
    if (!frame) throw new Error(`${this.frameSelector} has no content frame`);
    this.found = frame;
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
    return (await this.target()).evaluate((selector) => document.querySelector(selector) !== null, selector);
  }
  async count(selector) {
    return (await this.target()).locator(selector).count();
  }
  async isVisible(selector) {
    return (await this.target()).isVisible(selector);
  }
  async waitForSelector(selector, { state = 'visible', timeout } = {}) {
    // The first match, as Frame.waitForSelector has it, without the element handle it would
    // make and hand over (four more protocol messages a wait, for a handle never used).
    await (await this.target()).locator(selector).first().waitFor({ state, timeout });
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
  /**
   * A reader's press of the mouse: `act(target)` presses once (target: the Page, or the frame's
   * Frame), or resolves to false when there is nothing to press. In a frame, once the widget
   * counts presses (WIDGET_SEEN; `blind`: at once), and again while none reached the frame's
   * document (PRESSES). Chromium drops every press aimed at a cross-site frame that watches
   * whether it is seen (IntersectionObserver v2, as the embedded widget does) until the frame
   * has stood still at one size for 500 ms, its rule against clicks on a frame just moved under
   * the pointer (Blink's event_handling_util; moves of the mouse still arrive). A reader looks before they press; a journey presses as soon as
   * it can, often while the frame settles to its content's height. The headless shell applies
   * the rule after every resize of the frame, the whole browser only after it first appears
   * (measured: a third of the presses of resultEventIsOptIn dropped in the shell, each arriving
   * within a few tries; none in the whole browser). A press that did not arrive had no effect at
   * all; one that arrived, or whose document went away, is never repeated. So a blind click
   * (`clickAt`) is one the frame did receive.
   */
  async pressOnce(act, { blind = false } = {}) {
    if (this.frameSelector === null) return act(this.pw);
    for (let attempt = 1; ; attempt++) {
      const target = await this.target();
      if (!blind) await target.waitForFunction(WIDGET_SEEN);
      const presses = await target.evaluate(PRESSES);
      // Playwright's check() throws when the press left the box as it was.
      const { pressed, failure } = await act(target).then((value) => ({ pressed: value !== false }), (error) => ({ failure: error }));
      if (pressed === false) return;
      const arrived = await target.evaluate((before) => window.__e2ePresses?.count !== before, presses).catch(() => true);
      if (arrived || attempt === 50 || (failure && !/did not change its state/.test(failure.message))) {
        if (failure) throw failure;
        if (!arrived) throw new Error(`no press reached the frame ${this.frameSelector} in ${attempt} attempts`);
        return;
      }
      await delay(PRESS_AGAIN_AFTER_MS);
    }
  }
  async click(selector) {
    await this.pressOnce((target) => target.click(selector));
  }
  async check(selector) {
    // (A box already checked: Playwright's check() presses nothing, and neither does a reader.)
    await this.pressOnce(async (target) => !(await target.isChecked(selector)) && target.check(selector));
  }
  async clickText(scope, text) {
    const exact = new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await this.pressOnce((target) => target.locator(`${scope} button`).filter({ hasText: exact }).click());
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
    await this.pressOnce(() => this.pw.mouse.click(left + x, top + y), { blind: true });
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
    const [download] = await Promise.all([this.pw.waitForEvent('download'), this.pressOnce((target) => target.click(selector))]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }
  async readClipboard() {
    // Every context is granted clipboard-read and clipboard-write (harness/journey.mjs).
    return (await this.target()).evaluate(() => navigator.clipboard.readText());
  }
}
