// The page interface over WebDriver (selenium-webdriver), for Firefox ESR and WebKitGTK (and
// Chromium through chromedriver, on request): a WebDriver server per session, started here, the
// capabilities that make each browser headless (or, for WebKit, windowed under Xvfb), fresh, and
// sized, and `WdPage`, which implements harness/playwright.mjs's interface with WebDriver
// commands.
//
// Each session gets its own driver process: geckodriver (and WebKitWebDriver) hold one session
// at a time. Each session is a fresh profile: chromedriver makes a new user-data-dir, Firefox
// gets a copy of a template that has never loaded a web page (warmed once, below), and
// MiniBrowser in `--automation` mode an ephemeral website data store. In Firefox, a page is
// rather a window of a running session in a user context of its own (`openWindow`: as fresh,
// at a tenth of the cost), so one Firefox holds the pages of many journeys, and two at once
// where a journey needs two profiles (a link made in one, opened in the other).
// journeys/own.test.mjs checks that each page starts fresh: `freshProfileEachSession`.

import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Builder, By, Key } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { CHROMIUM_FLAGS } from '../lib.mjs';
import { WIDGET_SEEN } from './playwright.mjs';

/**
 * Whether a command failed because the browsing context the session was in is gone (its
 * frame removed or replaced): WebDriver then runs nothing of the command.
 */
function isFrameGone(error) {
  return error?.name === 'NoSuchFrameError' || error?.name === 'NoSuchWindowError' || /no such frame|browsing context has been discarded/i.test(String(error?.message));
}

/** Whether a driver error only says the page navigated under a script (WebKitGTK and geckodriver word it so). */
function isNavigationRace(error) {
  return (
    error?.name === 'NoSuchFrameError' ||
    error?.name === 'StaleElementReferenceError' ||
    /unload|navigat|document was unloaded|no such frame/i.test(String(error?.message))
  );
}

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const TOOLS = process.env.READINESS_TOOLS || path.join(os.homedir(), '.cache', 'readiness-tools');
const PATHS = {
  chromium: '/usr/bin/chromium',
  chromedriver: process.env.CHROMEDRIVER || '/usr/bin/chromedriver',
  firefox: process.env.READINESS_FIREFOX || '/usr/bin/firefox-esr',
  geckodriver: process.env.READINESS_GECKODRIVER || path.join(TOOLS, 'bin', 'geckodriver'),
  webkitdriver: process.env.READINESS_WEBKITDRIVER || '/usr/bin/WebKitWebDriver',
  minibrowser: process.env.READINESS_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

/** Chromium's flags, as Playwright launches it (harness/journey.mjs), and headless (Playwright adds that itself). */
const CHROMIUM_ARGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** Firefox preferences: nothing reaches for the network, no first-run pages. */
const FIREFOX_PREFS = {
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.connectivity-service.enabled': false,
  'network.captive-portal-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'messaging-system.rsexperimentloader.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  // Downloads go to the session's folder without asking.
  'browser.download.folderList': 2,
  'browser.download.useDownloadDir': true,
  'browser.download.always_ask_before_handling_new_types': false,
  'browser.download.alwaysOpenPanel': false,
};

/** A free TCP port on loopback. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Waits until a WebDriver server answers /status. */
async function driverReady(url, child, output, timeout = 15000) {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the driver exited (${child.exitCode}): ${output().slice(-400)}`);
    try {
      const response = await fetch(url + '/status');
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - start > timeout) throw new Error(`the driver did not start in ${timeout / 1000} s: ${output().slice(-400)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a driver process on a free port; resolves to `{ url, stop }`. */
async function startDriver(command, args, env = process.env) {
  const port = await freePort();
  const child = spawn(command, args(port), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await driverReady(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop, output: () => output };
}

/** Gives the keyboard focus to the (only) MiniBrowser window on `display`. */
async function focusWindow(display) {
  const env = { ...process.env, DISPLAY: display };
  const run = (args) =>
    new Promise((resolve, reject) => {
      execFile('xdotool', args, { env, timeout: 10000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    });
  const windows = (await run(['search', '--sync', '--onlyvisible', '--class', 'MiniBrowser'])).trim().split('\n');
  await run(['windowfocus', '--sync', windows.at(-1)]);
}

/** Starts Xvfb on a display it picks itself (-displayfd); resolves to `{ display, stop }`. */
export async function startXvfb() {
  // Tall enough for a full-length screenshot of the longest screen at 360 px
  // (SCREENSHOT_HEIGHT below, plus MiniBrowser's toolbar).
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x12200x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => {
    errors = (errors + chunk).slice(-2000);
  });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${errors}`)), 15000);
    child.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        clearTimeout(timer);
        resolve(':' + text.trim());
      }
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors}`)));
  });
  return {
    display,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Per-engine set-up shared by its sessions: a Firefox profile template (its toolbars hidden, so
 * that the window can be as narrow as a phone: with them Firefox stops at 500 px) and a GTK
 * style sheet for MiniBrowser (its toolbar shrunk for the same reason: it stops at 447 px).
 * `close()` undoes it.
 */
export async function prepareEngine(engine) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `readiness-${engine}-`));
  const state = { engine, dir, xvfb: null };
  if (engine === 'firefox') {
    state.profile = await firefoxTemplate();
    state.sessions = 0;
  }
  if (engine === 'webkit') {
    const config = path.join(dir, 'xdg');
    mkdirSync(path.join(config, 'gtk-3.0'), { recursive: true });
    // Only MiniBrowser's own toolbar (GTK widgets); web content is drawn by WebKit itself.
    writeFileSync(path.join(config, 'gtk-3.0', 'gtk.css'), '* { min-width: 0; min-height: 0; padding: 0; font-size: 6px; }\n');
    state.xdgConfig = config;
  }
  state.close = async () => {
    rmSync(dir, { recursive: true, force: true });
  };
  return state;
}

/** The template's own files: toolbars hidden, and the switch that lets userChrome.css apply. */
const FIREFOX_TEMPLATE_FILES = {
  'chrome/userChrome.css': '#navigator-toolbox { display: none !important; }\n* { min-width: 0 !important; }\n',
  'user.js': 'user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);\n',
};

/**
 * The warmed Firefox profile template, made once per Firefox version and template for every test
 * process on this machine (each journey file is a process of its own: warming in each would cost
 * most of what the template saves). Made in a folder of its own, then renamed into place, so a
 * process never sees half a template; two processes that make it at once both succeed, and one
 * rename wins.
 */
async function firefoxTemplate() {
  const version = await new Promise((resolve) =>
    execFile(PATHS.firefox, ['--version'], { timeout: 20000 }, (error, stdout) => resolve(error ? 'unknown' : stdout.trim())),
  );
  const key = createHash('sha256').update(JSON.stringify([version, FIREFOX_TEMPLATE_FILES, FIREFOX_PREFS])).digest('hex').slice(0, 16);
  const template = path.join(os.tmpdir(), `readiness-firefox-template-${key}`);
  if (existsSync(path.join(template, 'prefs.js'))) return template;
  const making = mkdtempSync(path.join(os.tmpdir(), 'readiness-firefox-making-'));
  try {
    for (const [name, text] of Object.entries(FIREFOX_TEMPLATE_FILES)) {
      mkdirSync(path.dirname(path.join(making, name)), { recursive: true });
      writeFileSync(path.join(making, name), text);
    }
    await warmProfile(making);
    try {
      renameSync(making, template);
    } catch (error) {
      // Another process put its template there first: the same, so use it.
      if (!existsSync(path.join(template, 'prefs.js'))) throw error;
    }
  } finally {
    rmSync(making, { recursive: true, force: true });
  }
  return template;
}

/**
 * Starts Firefox once on the template, at about:blank, so that it holds what every start would
 * otherwise make again (the start-up cache of compiled browser code, the empty databases): a
 * session from a copy of it starts in half the time and half the CPU (1.8 CPU-seconds, not 4.0,
 * measured). It never loads a web page, so it holds no site data; what a session would only
 * carry over (locks, the session store, the cache) is removed.
 */
async function warmProfile(profile) {
  const server = await startDriver(PATHS.geckodriver, (port) => ['--port', String(port), '--log', 'error']);
  try {
    const options = new firefox.Options().setBinary(PATHS.firefox).addArguments('-headless', '-profile', profile);
    for (const [name, value] of Object.entries(FIREFOX_PREFS)) options.setPreference(name, value);
    const driver = await new Builder().usingServer(server.url).forBrowser('firefox').setFirefoxOptions(options).build();
    await driver.get('about:blank');
    await driver.quit();
  } finally {
    await server.stop();
  }
  for (const name of ['lock', '.parentlock', 'sessionstore.jsonlz4', 'sessionstore-backups', 'cache2', 'storage', 'crashes', 'minidumps']) {
    rmSync(path.join(profile, name), { recursive: true, force: true });
  }
}

/**
 * A new session (fresh profile) in `engine`, with its own driver process.
 * Options: `scheme` ('light' | 'dark'), `downloads` (a folder for downloads), `firefoxPrefs`
 * (more Firefox preferences), `screenshots`
 * (WebKit: draw as Safari does, with accelerated compositing, which screenshots need).
 * Resolves to `{ driver, quit, screenshots }`.
 *
 * Why WebKit draws without compositing unless asked: under Xvfb its compositor runs on Mesa's
 * software OpenGL, and a run through the seventeen questions then costs 5.2 CPU-seconds, 1.4
 * without (measured); page logic, layout and every size a journey reads are the same either way,
 * but WebKitWebDriver's screenshot never returns without it.
 */
export async function newSession(prepared, { scheme = 'light', downloads, screenshots = false, firefoxPrefs = {}, windows = false } = {}) {
  const { engine } = prepared;
  let server;
  let builder;
  let xvfb = null;
  let profile = null;
  if (engine === 'chromium') {
    server = await startDriver(PATHS.chromedriver, (port) => [`--port=${port}`]);
    const prefs = downloads ? { 'download.default_directory': downloads, 'download.prompt_for_download': false } : {};
    builder = new Builder().usingServer(server.url).withCapabilities({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: PATHS.chromium, args: [...CHROMIUM_ARGS, '--window-size=1280,800'], prefs },
    });
  } else if (engine === 'firefox') {
    // BiDi's port chosen by Firefox (0): with the default, 9222, a second Firefox (another
    // launch preference, another test file) would find it taken and its driver would talk to
    // the first one.
    server = await startDriver(PATHS.geckodriver, (port) => ['--port', String(port), '--websocket-port', '0', '--log', 'error']);
    // A copy of the warmed template (prepareEngine), used in place: geckodriver writes the
    // preferences below into it; the copy is removed when the session quits.
    profile = path.join(prepared.dir, `session-${++prepared.sessions}`);
    cpSync(prepared.profile, profile, { recursive: true });
    const options = new firefox.Options().setBinary(PATHS.firefox).addArguments('-headless', '-profile', profile);
    for (const [name, value] of Object.entries({ ...FIREFOX_PREFS, ...firefoxPrefs })) options.setPreference(name, value);
    // 0 dark, 1 light: what `prefers-color-scheme` reports to pages.
    options.setPreference('layout.css.prefers-color-scheme.content-override', scheme === 'dark' ? 0 : 1);
    if (downloads) options.setPreference('browser.download.dir', downloads);
    // WebDriver BiDi, for openWindow's user contexts.
    if (windows) options.enableBidi();
    builder = new Builder().usingServer(server.url).forBrowser('firefox').setFirefoxOptions(options);
  } else if (engine === 'webkit') {
    // Each WebKit session on its own X display, like a device of its own: without a window
    // manager nothing gives a window the keyboard focus, so xdotool does, below, and two
    // windows on one display could not both have it (no focus: no :focus-visible rings, and
    // document.hasFocus() is false).
    xvfb = await startXvfb();
    const env = { ...process.env, DISPLAY: xvfb.display, XDG_CONFIG_HOME: prepared.xdgConfig };
    if (!screenshots) env.WEBKIT_DISABLE_COMPOSITING_MODE = '1';
    if (downloads) {
      // MiniBrowser saves into GLib's download folder, which user-dirs.dirs names.
      const config = path.join(downloads, '.config');
      mkdirSync(path.join(config, 'gtk-3.0'), { recursive: true });
      copyFileSync(path.join(prepared.xdgConfig, 'gtk-3.0', 'gtk.css'), path.join(config, 'gtk-3.0', 'gtk.css'));
      writeFileSync(path.join(config, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
      env.XDG_CONFIG_HOME = config;
    }
    server = await startDriver(PATHS.webkitdriver, (port) => [`--port=${port}`], env).catch(async (error) => {
      await xvfb.stop();
      throw error;
    });
    builder = new Builder().usingServer(server.url).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: PATHS.minibrowser,
        args: ['--automation', ...(scheme === 'dark' ? ['--dark-mode'] : [])],
      },
    });
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  let driver;
  try {
    driver = await builder.build();
    await driver.manage().setTimeouts({ implicit: 0, pageLoad: 20000, script: 20000 });
    if (engine === 'chromium' && scheme === 'dark') {
      await driver.sendDevToolsCommand('Emulation.setEmulatedMedia', {
        features: [{ name: 'prefers-color-scheme', value: 'dark' }],
      });
    }
    if (xvfb) await focusWindow(xvfb.display);
  } catch (error) {
    await driver?.quit().catch(() => {});
    await server.stop();
    await xvfb?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
    throw new Error(`${engine} session did not start: ${error.message.split('\n')[0]} ${server.output().slice(-300)}`);
  }
  let quitting = null;
  const quit = () => {
    quitting ??= (async () => {
      await Promise.race([driver.quit().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await server.stop();
      await xvfb?.stop();
      if (profile) rmSync(profile, { recursive: true, force: true });
    })();
    return quitting;
  };
  return { driver, quit, screenshots: engine !== 'webkit' || screenshots };
}

/**
 * A window of its own in a running Firefox session (newSession with `windows`), in a user
 * context of its own: a container with its own cookies, storage and cache, as fresh as a new
 * profile for everything a page can see (journeys/own.test.mjs: `freshProfileEachSession`),
 * for a tenth of the CPU of a new Firefox (0.3 CPU-seconds, not 3.3 with its quitting,
 * measured). Resolves to `{ handle, close }`: the window's handle for WdPage, and `close()`,
 * which removes the user context with its windows and data.
 */
export async function openWindow(session) {
  session.bidi ??= session.driver.getBidi();
  const bidi = await session.bidi;
  const send = async (method, params) => {
    const answer = await bidi.send({ method, params });
    if (answer.error) throw new Error(`${method}: ${answer.error} ${answer.message ?? ''}`);
    return answer.result;
  };
  const { userContext } = await send('browser.createUserContext', {});
  try {
    const { context } = await send('browsingContext.create', { type: 'window', userContext });
    return { handle: context, close: () => send('browser.removeUserContext', { userContext }) };
  } catch (error) {
    await send('browser.removeUserContext', { userContext }).catch(() => {});
    throw error;
  }
}

// ------------------------------------------------------------------------------------------
// The page interface over WebDriver
// ------------------------------------------------------------------------------------------

/** The tallest full-page screenshot (startXvfb sizes Xvfb's screen to hold it). */
export const SCREENSHOT_HEIGHT = 12000;

/** Playwright's key names (the interface's) as WebDriver keys. */
const KEYS = {
  Shift: Key.SHIFT,
  Control: Key.CONTROL,
  Alt: Key.ALT,
  Enter: Key.ENTER,
  Tab: Key.TAB,
  Space: Key.SPACE,
  Escape: Key.ESCAPE,
  Backspace: Key.BACK_SPACE,
  ArrowDown: Key.ARROW_DOWN,
  ArrowUp: Key.ARROW_UP,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
};

/** A function and its arguments as a WebDriver script (functions cannot cross the wire). */
const script = (fn) => `return (${fn}).apply(null, arguments);`;

/**
 * The page interface (see harness/playwright.mjs for its list) over one WebDriver session.
 * `frameSelector` scopes a WdPage to an iframe of the top document (or, with `outer`, the
 * selectors of the frames around it, of a frame in one): a call switches into it unless the
 * session is there already (`enter`).
 */
export class WdPage {
  constructor(driver, engine, { handle = null, frameSelector = null, outer = [], downloads = null, waits = 6000, screenshots = true } = {}) {
    this.driver = driver;
    this.engine = engine;
    /** The page's window (openWindow), where a session holds several; null: the session's only one. */
    this.handle = handle;
    this.frameSelector = frameSelector;
    this.outer = outer;
    this.downloads = downloads;
    this.waits = waits;
    /** Whether this session can take screenshots (newSession: WebKit only when asked). */
    this.screenshots = screenshots;
  }

  /**
   * Points the session at this page's window and its top document. A session remembers where
   * it points (WHERE), so a page that is already there sends no command: each one is a round
   * trip through the driver into the browser's parent process.
   */
  async top() {
    const where = WHERE.get(this.driver) ?? { handle: null, frames: null };
    if (this.handle !== null && where.handle !== this.handle) {
      // Switching windows points at the window's top document (and gives it the focus).
      WHERE.delete(this.driver);
      await this.driver.switchTo().window(this.handle);
      WHERE.set(this.driver, { handle: this.handle, frames: '' });
    } else if (where.frames !== '') {
      await this.driver.switchTo().defaultContent();
      WHERE.set(this.driver, { handle: where.handle, frames: '' });
    }
  }

  /** This page's frames from the top document down, as WHERE keeps them ('' for the top). */
  framePath() {
    return this.frameSelector === null ? '' : [...this.outer, this.frameSelector].join('\n');
  }

  /**
   * Points the session at this page: its window, then the frames down to its own, unless the
   * session is in that frame already. A frame keeps its browsing context through its
   * navigations, so the session stays in it; once the frame is gone (its iframe removed, a
   * frame around it navigated) the next command fails without running (`run` then enters
   * afresh) or the session is pointed elsewhere first. Measured, the Firefox layer: 3,850
   * commands with the frame kept, 5,000 when every call switched into it afresh.
   */
  async enter() {
    const where = WHERE.get(this.driver);
    const path = this.framePath();
    if (where && where.frames === path && (this.handle === null || where.handle === this.handle)) return;
    await this.top();
    if (path === '') return;
    const entered = WHERE.get(this.driver);
    entered.frames = null; // Unknown until every switch below is done.
    for (const selector of [...this.outer, this.frameSelector]) {
      await this.driver.switchTo().frame(await this.driver.findElement(By.css(selector)));
    }
    entered.frames = path;
  }

  /**
   * `command()` in this page (entered first). When the frame the session was left in has gone
   * since, the command fails with nothing done (WebDriver checks the current browsing context
   * before a command): the page is entered afresh and the command sent once more.
   */
  async run(command) {
    await this.enter();
    try {
      return await command();
    } catch (error) {
      if (this.frameSelector === null || !isFrameGone(error)) throw error;
      WHERE.delete(this.driver);
      await this.enter();
      return command();
    }
  }

  async evaluate(fn, arg) {
    return this.run(() => (arg === undefined ? this.driver.executeScript(script(fn)) : this.driver.executeScript(script(fn), arg)));
  }

  /** Runs a script's source in the page (a driver script: the page's CSP does not govern it). */
  async addScript(source) {
    await this.run(() => this.driver.executeScript(source));
  }

  async goto(url) {
    await this.top();
    await this.driver.get(url);
  }

  async reload() {
    await this.top();
    await this.driver.navigate().refresh();
  }

  async url() {
    if (this.frameSelector !== null) return this.evaluate(() => location.href);
    await this.top();
    return this.driver.getCurrentUrl();
  }

  async title() {
    return this.evaluate(() => document.title);
  }

  async frame(selector) {
    await this.waitForSelector(selector, { state: 'attached' });
    const outer = this.frameSelector === null ? [] : [...this.outer, this.frameSelector];
    return new WdPage(this.driver, this.engine, { handle: this.handle, frameSelector: selector, outer, downloads: this.downloads, waits: this.waits, screenshots: this.screenshots });
  }

  /**
   * selenium's own wait: polls `condition` (every 25 ms) until it returns a truthy value. A
   * poll that lands while the page navigates (the script is cut off by the unload, or the frame
   * it ran in is gone) counts as "not yet" rather than failing the wait: the next poll sees the
   * new document.
   */
  async wait(condition, message, timeout = this.waits) {
    const poll = async () => {
      try {
        return await condition();
      } catch (error) {
        if (isNavigationRace(error)) return false;
        throw error;
      }
    };
    return this.driver.wait(poll, timeout, typeof message === 'function' ? undefined : message, 25).catch(async (error) => {
      if (typeof message === 'function') error.message = `${await message()} (${error.message.split('\n')[0]})`;
      throw error;
    });
  }

  /**
   * Waits for `fn(arg)` (a function of the page, or its source) to return a truthy value, and
   * resolves to it. The page checks it every 25 ms itself, answering within a second (then it
   * is asked again), so a wait is a command a second rather than a command a check: each is a
   * round trip through the driver into the browser, whose CPU grows with the wait, and waits
   * are longest when the machine is busiest. A check cut off by a navigation counts as "not
   * yet"; an error the check throws fails the wait.
   */
  async waitInPage(fn, arg, message, timeout = this.waits) {
    const started = Date.now();
    for (;;) {
      const slice = Math.max(0, Math.min(1000, timeout - (Date.now() - started)));
      let answer = null;
      try {
        answer = await this.run(() => this.driver.executeAsyncScript(IN_PAGE_WAIT.replace('CHECK', () => String(fn)), arg ?? null, slice));
      } catch (error) {
        if (!isNavigationRace(error)) throw error;
        // The page is between documents: ask the next one a moment later.
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      if (answer?.error) throw new Error(`${typeof message === 'function' ? await message() : message}: the check threw ${answer.error}`);
      if (answer?.value) return answer.value;
      if (Date.now() - started >= timeout) throw new Error(typeof message === 'function' ? await message() : `${message} (${timeout} ms)`);
    }
  }

  async has(selector) {
    return this.evaluate((s) => !!document.querySelector(s), selector);
  }

  async count(selector) {
    return this.evaluate((s) => document.querySelectorAll(s).length, selector);
  }

  async isVisible(selector) {
    return this.evaluate(VISIBLE, selector);
  }

  async waitForSelector(selector, { timeout = this.waits, state = 'visible' } = {}) {
    await this.waitInPage(
      state === 'attached' ? ATTACHED : VISIBLE,
      selector,
      async () => `${selector} did not appear (${state}); ${await screenName(this)} is on screen`,
      timeout,
    );
  }

  async waitForFunction(fn, arg, { timeout = this.waits } = {}) {
    return this.waitInPage(fn, arg, `waitForFunction(${String(fn).slice(0, 80)})`, timeout);
  }

  /** Waits for the element, then returns `read(element, arg)` (computed in the page). */
  async read(selector, read, arg) {
    const found = await this.waitInPage(
      `({ selector, arg }) => { const el = document.querySelector(selector); return el ? [(${read})(el, arg)] : null; }`,
      { selector, arg: arg ?? null },
      async () => `${selector} is not there; ${await screenName(this)} is on screen`,
    );
    return found[0];
  }

  async textContent(selector) {
    return this.read(selector, (el) => el.textContent);
  }

  async getAttribute(selector, name) {
    return this.read(selector, (el, n) => el.getAttribute(n), name);
  }

  async inputValue(selector) {
    return this.read(selector, (el) => el.value);
  }

  async $eval(selector, fn, arg) {
    return this.run(() =>
      this.driver.executeScript(
        `const el = document.querySelector(arguments[0]); if (!el) throw new Error('no element matches ' + arguments[0]); return (${fn})(el, arguments[1]);`,
        selector,
        arg ?? null,
      ),
    );
  }

  async $$eval(selector, fn, arg) {
    return this.run(() => this.driver.executeScript(`return (${fn})([...document.querySelectorAll(arguments[0])], arguments[1]);`, selector, arg ?? null));
  }

  async element(selector) {
    await this.waitForSelector(selector, { state: 'attached' });
    return this.run(() => this.driver.findElement(By.css(selector)));
  }

  /**
   * Inside an iframe, scrolls the top document so that `element` is on screen: WebKitWebDriver
   * scrolls only the frame's own document, and a click outside the window then hits nothing
   * (no error either).
   */
  async scrollFrameTo(element) {
    if (this.frameSelector === null) return element;
    if (this.outer.length) throw new Error('a click in a frame inside a frame: not supported over WebDriver (clickAt is)');
    const rect = await element.getRect();
    await this.top();
    await this.driver.executeScript(
      script((frameSelector, y, height) => {
        const frame = document.querySelector(frameSelector).getBoundingClientRect();
        const top = frame.top + y;
        if (top < 0 || top + height > innerHeight) scrollBy(0, top - innerHeight / 3);
      }),
      this.frameSelector,
      rect.y,
      rect.height,
    );
    await this.enter();
    return element;
  }

  /** Points the session at this page's window, leaving the frame as it is (keys go where the focus is). */
  async inWindow() {
    if (this.handle !== null && WHERE.get(this.driver)?.handle !== this.handle) await this.top();
  }

  /**
   * Before a reader's click or key in a frame: until the widget counts them (WIDGET_SEEN). Only
   * Chromium can say a frame is seen; elsewhere the check would only cost a command.
   */
  async untilSeen() {
    if (this.frameSelector !== null && this.engine === 'chromium') await this.waitInPage(WIDGET_SEEN, null, 'the widget reports its frame seen');
  }

  /** A real click (WebDriver's: scrolled into view, refused if covered). */
  async click(selector) {
    await this.untilSeen();
    const element = await this.element(selector);
    await this.scrollFrameTo(element);
    await element.click();
  }

  /** Clicks a radio or checkbox and waits until it is checked. */
  async check(selector) {
    await this.click(selector);
    await this.waitInPage((s) => document.querySelector(s)?.checked, selector, `${selector} should be checked after a click`);
  }

  /** Clicks the button inside `scope` whose text is `text`. */
  async clickText(scope, text) {
    await this.untilSeen();
    await this.waitForSelector(`${scope} button`, { state: 'attached' });
    for (const button of await this.run(() => this.driver.findElements(By.css(`${scope} button`)))) {
      if ((await button.getText()).trim() !== text) continue;
      await this.scrollFrameTo(button);
      return button.click();
    }
    throw new Error(`no button "${text}" in ${scope}`);
  }

  /**
   * Empties a text field and types `text` into it (real key events). Line breaks are typed as
   * the Enter key: WebKitWebDriver drops a "\n" in the text.
   */
  async fill(selector, text) {
    const element = await this.element(selector);
    await element.clear();
    const lines = text.split('\n');
    for (const [i, line] of lines.entries()) {
      if (line) await element.sendKeys(line);
      if (i < lines.length - 1) await element.sendKeys(Key.ENTER);
    }
  }

  async focus(selector) {
    await this.element(selector);
    await this.evaluate((s) => document.querySelector(s).focus(), selector);
  }

  /** Presses a key or chord on whatever has focus, in Playwright's names: 'Tab', 'Shift+Tab', 'Control+v'. */
  async press(keys) {
    await this.untilSeen();
    await this.inWindow();
    const names = keys.split('+');
    const actions = this.driver.actions();
    for (const name of names) actions.keyDown(KEYS[name] ?? name);
    for (const name of [...names].reverse()) actions.keyUp(KEYS[name] ?? name);
    await actions.perform();
  }

  /**
   * A mouse click at point (x, y) of this page's viewport, or of the frame's, on whatever is
   * there (a blind click). In a frame the driver clicks from inside it: geckodriver's pointer
   * actions from the top page do not reach a frame of another site.
   */
  async clickAt(x, y) {
    await this.run(() => this.driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).click().perform());
  }

  /** Types text on whatever has focus. */
  async type(text) {
    await this.inWindow();
    await this.driver.actions().sendKeys(text).perform();
  }

  /**
   * Makes the viewport `width` x `height` CSS px (window sizes differ from viewport sizes by
   * each browser's own frame). WebKit resizes its view a moment later: waits for it.
   */
  async viewport(width, height) {
    const size = () => this.driver.executeScript('return [innerWidth, innerHeight];');
    await this.top();
    for (let attempt = 0; attempt < 3; attempt++) {
      const [innerWidth, innerHeight] = await size();
      if (innerWidth === width && innerHeight === height) return;
      const rect = await this.driver.manage().window().getRect();
      await this.driver.manage().window().setRect({ width: rect.width + width - innerWidth, height: rect.height + height - innerHeight });
      await this.driver
        .wait(async () => {
          const [w, h] = await size();
          return w === width && h === height;
        }, 2000)
        .catch(() => {}); // Measured again below, and tried again.
    }
    const [innerWidth, innerHeight] = await size();
    if (innerWidth !== width || innerHeight !== height) throw new Error(`${this.engine} viewport is ${innerWidth}x${innerHeight} after resizing to ${width}x${height}`);
  }

  /** A screenshot of the whole top page: the viewport made as tall as the content first. */
  async screenshot(file) {
    if (!this.screenshots) throw new Error(`screenshot(): in ${this.engine}, make the page with t.newPage({ screenshots: true })`);
    await this.top();
    const [width, height] = await this.driver.executeScript('return [innerWidth, Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)];');
    // At most SCREENSHOT_HEIGHT: a taller page would get a scroll bar and a narrower layout.
    if (height > SCREENSHOT_HEIGHT) throw new Error(`the page is ${height} px tall, more than a screenshot takes (${SCREENSHOT_HEIGHT})`);
    const [, before] = await this.driver.executeScript('return [innerWidth, innerHeight];');
    await this.viewport(width, Math.max(height, 640));
    // Layout may grow once more at the new height (the content did not fit before).
    const again = await this.driver.executeScript('return document.documentElement.scrollHeight;');
    if (again > height && again <= SCREENSHOT_HEIGHT) await this.viewport(width, again);
    // Two animation frames: the resized layout has been painted.
    await this.driver.executeAsyncScript('const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));');
    writeFileSync(file, Buffer.from(await this.driver.takeScreenshot(), 'base64'));
    await this.viewport(width, before);
  }

  /** Clicks `selector` and resolves to the file it downloads: `{ name, bytes }`. */
  async download(selector) {
    if (!this.downloads) throw new Error('download(): make the page with t.newPage({ downloads: true })');
    const before = new Set(readdirSync(this.downloads));
    await this.click(selector);
    const name = await this.wait(
      () => readdirSync(this.downloads).find((f) => !before.has(f) && !f.startsWith('.') && !/\.(part|crdownload|download)$/.test(f) && readFileSync(path.join(this.downloads, f)).length > 0),
      () => `a download after clicking ${selector} (the folder holds: ${readdirSync(this.downloads).join(', ') || 'nothing'})`,
    );
    return { name, bytes: readFileSync(path.join(this.downloads, name)) };
  }

  /** What the clipboard holds, read the reader's way: pasted with Ctrl+V into a scratch field. */
  async readClipboard() {
    await this.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = '__e2e-paste';
      document.body.append(area);
      area.focus();
    });
    await this.press('Control+v');
    const text = await this.waitInPage(() => document.getElementById('__e2e-paste')?.value, null, 'something pasted with Ctrl+V', 3000).catch(() => '');
    await this.evaluate(() => document.getElementById('__e2e-paste').remove());
    return text;
  }
}

/**
 * Where each session's commands go now: `{ handle, frames }` (the window WdPage switched to,
 * and the frames it went down into from its top document, WdPage.framePath: '' at the top,
 * null unknown). Unknown (no entry) until a page points it somewhere.
 */
const WHERE = new WeakMap();

/**
 * WdPage.waitInPage's script: checks CHECK(arguments[0]) every 25 ms until it returns a truthy
 * value (or a promise of one) or arguments[1] milliseconds have passed, then answers
 * `{ value }` (null: not yet) or `{ error }`.
 */
const IN_PAGE_WAIT = `const done = arguments[arguments.length - 1];
const check = (CHECK), arg = arguments[0], until = performance.now() + arguments[1];
const poll = () => {
  let result;
  try { result = check(arg); } catch (error) { return done({ error: String(error) }); }
  Promise.resolve(result).then(
    (value) => (value || performance.now() >= until ? done({ value: value || null }) : setTimeout(poll, 25)),
    (error) => done({ error: String(error) }),
  );
};
poll();`;

/** In-page checks for waitForSelector: the element is in the document; it is also shown. */
const ATTACHED = (selector) => !!document.querySelector(selector);
const VISIBLE = (selector) => {
  const el = document.querySelector(selector);
  if (!el) return false;
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

/** What is on screen: the id of the main view, and the question number if any. */
async function screenName(page) {
  return page
    .evaluate(() => {
      if (document.getElementById('crash')) return '#crash';
      const view = document.querySelector('main > section, main > [id]');
      if (!view) return 'nothing';
      const progress = document.getElementById('progress')?.textContent.match(/(\d+) of (\d+)\s*$/);
      return '#' + view.id + (progress ? ` (question ${progress[1]})` : '');
    })
    .catch((error) => `unknown (${error.message.split('\n')[0]})`);
}
