import { prepareEngine, newSession, WdPage } from './harness/webdriver.mjs';
import { serve } from './serve.mjs';
import { load, start, finishAll, mixedPattern } from './widget.mjs';
import { execSync } from 'node:child_process';
const cpu = () => { const o = execSync("cat /proc/stat | head -1").toString().split(/\s+/).slice(1, 9).map(Number); return (o[0]+o[1]+o[2]+o[4]+o[5]+o[6])/100; };
const engine = process.argv[2];
const s = await serve('../../dist', { host: '127.0.0.1' });
const prepared = await prepareEngine(engine);
const m = async (what, fn) => { const c=cpu(), t=Date.now(); const r = await fn(); console.log(engine, process.env.WEBKIT_DISABLE_COMPOSITING_MODE ? 'nocomp' : '', what, Date.now()-t, 'ms, cpu', (cpu()-c).toFixed(2)); return r; };
for (let i = 0; i < 2; i++) {
  const sess = await m('session start', () => newSession(prepared));
  const page = new WdPage(sess.driver, engine, {});
  await m('first load', () => load(page, s.url));
  await m('idle 2s', () => new Promise(r => setTimeout(r, 2000)));
  await m('start+click-through', async () => { await start(page); await finishAll(page, mixedPattern()); });
  await m('screenshot', () => page.screenshot('/tmp/wd' + (process.env.WEBKIT_DISABLE_COMPOSITING_MODE ? 'n' : '') + '.png'));
  await m('quit', () => sess.quit());
}
await prepared.close(); s.close();
