// The three engines behind one interface: a WebDriver server per session, started here, and
// the capabilities that make each browser headless (or, for WebKit, windowed under Xvfb),
// fresh, and sized.
//
// Each session gets its own driver process: geckodriver (and WebKitWebDriver) hold one session
// at a time, and journeys need two profiles at once (a link made in one, opened in the other).
// Each session is a fresh profile: chromedriver makes a new user-data-dir, geckodriver a new
// profile (copied from a small template, below), and MiniBrowser in `--automation` mode an
// ephemeral website data store (engines/journeys.mjs checks all three: `freshProfileEachSession`).

import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { CHROMIUM_FLAGS } from '../lib.mjs';

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

/** Chromium's flags, as run.mjs launches it, and headless (Playwright adds that itself there). */
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
  // Tall enough for a full-length screenshot of the longest screen at 360 px (page.mjs's
  // SCREENSHOT_HEIGHT, plus MiniBrowser's toolbar).
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
    const profile = path.join(dir, 'profile');
    mkdirSync(path.join(profile, 'chrome'), { recursive: true });
    writeFileSync(
      path.join(profile, 'chrome', 'userChrome.css'),
      '#navigator-toolbox { display: none !important; }\n* { min-width: 0 !important; }\n',
    );
    writeFileSync(path.join(profile, 'user.js'), 'user_pref("toolkit.legacyUserProfileCustomizations.stylesheets", true);\n');
    state.profile = profile;
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

/**
 * A new session (fresh profile) in `engine`, with its own driver process.
 * Options: `scheme` ('light' | 'dark'), `downloads` (a folder for downloads).
 * Resolves to `{ driver, quit }`.
 */
export async function newSession(prepared, { scheme = 'light', downloads } = {}) {
  const { engine } = prepared;
  let server;
  let builder;
  let xvfb = null;
  if (engine === 'chromium') {
    server = await startDriver(PATHS.chromedriver, (port) => [`--port=${port}`]);
    const prefs = downloads ? { 'download.default_directory': downloads, 'download.prompt_for_download': false } : {};
    builder = new Builder().usingServer(server.url).withCapabilities({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: PATHS.chromium, args: [...CHROMIUM_ARGS, '--window-size=1280,800'], prefs },
    });
  } else if (engine === 'firefox') {
    server = await startDriver(PATHS.geckodriver, (port) => ['--port', String(port), '--log', 'error']);
    const options = new firefox.Options().setBinary(PATHS.firefox).addArguments('-headless').setProfile(prepared.profile);
    for (const [name, value] of Object.entries(FIREFOX_PREFS)) options.setPreference(name, value);
    // 0 dark, 1 light: what `prefers-color-scheme` reports to pages.
    options.setPreference('layout.css.prefers-color-scheme.content-override', scheme === 'dark' ? 0 : 1);
    if (downloads) options.setPreference('browser.download.dir', downloads);
    builder = new Builder().usingServer(server.url).forBrowser('firefox').setFirefoxOptions(options);
  } else if (engine === 'webkit') {
    // Each WebKit session on its own X display, like a device of its own: without a window
    // manager nothing gives a window the keyboard focus, so xdotool does, below, and two
    // windows on one display could not both have it (no focus: no :focus-visible rings, and
    // document.hasFocus() is false).
    xvfb = await startXvfb();
    const env = { ...process.env, DISPLAY: xvfb.display, XDG_CONFIG_HOME: prepared.xdgConfig };
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
    throw new Error(`${engine} session did not start: ${error.message.split('\n')[0]} ${server.output().slice(-300)}`);
  }
  let quitting = null;
  const quit = () => {
    quitting ??= (async () => {
      await Promise.race([driver.quit().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await server.stop();
      await xvfb?.stop();
    })();
    return quitting;
  };
  return { driver, quit };
}
