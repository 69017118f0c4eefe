// What a large dossier costs the user, in Debian's Chromium against dist/ on 127.0.0.1 (issue 10):
// for 100, 1,000 and 10,000 evidence items (spread over the indicators of tests/fixtures/
// complete-thpt.json, as a real unit's would be), and for 1,000 items each under an indicator
// id of its own (the case that used to cost quadratic time):
//   - open: a file dropped on the page → its unit's name in the form and the verdict shown;
//   - keystroke: one change of the unit's name → rendered, assessed and saved (the new name is
//     in the stored draft);
//   - reload: a reload with that draft autosaved → the form shown again;
// each the median of several runs (one open and one reload at 10,000 items).
// Timings are reported, never asserted (DEVELOPERS.md). node scripts/bench-large.mjs [sizes…]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const BASE = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/complete-thpt.json'), 'utf8'));
const IDS = ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3', '3.4'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const round = (x) => Math.round(x);

/** A dossier with `n` evidence items: under the real indicators, or each under an id of its own. */
function dossier(n, distinct) {
  const d = structuredClone(BASE);
  d.evidence = {};
  for (let i = 0; i < n; i++) {
    const id = distinct ? `9.${i}` : IDS[i % IDS.length];
    (d.evidence[id] ??= []).push({ code: `H${i}`, title: `Minh chứng số ${i}`, number: `${i}/QĐ`, date: '2025-03-01', issuer: 'Hiệu trưởng', location: 'Văn phòng' });
  }
  return JSON.stringify(d, null, 2);
}

async function measure(server, n, distinct) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS });
  context.setDefaultTimeout(600_000);
  const page = context.pages()[0];
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(server.url);
    await page.locator('[data-testid=verdict], [data-testid=start]').first().waitFor();
    const text = dossier(n, distinct);
    // The median of a few runs where they are short: this machine is shared, timings vary.
    const runs = n >= 10000 ? 1 : 3;
    // Open: the file dropped on the app, until its name is in the form and the verdict is shown
    // (each time under another name, so each open is seen).
    const opens = [];
    for (let k = 0; k < runs; k++) {
      const name = `Trường THPT Nguyễn Trãi${' '.repeat(k)}`;
      const named = text.replace('"Trường THPT Nguyễn Trãi"', JSON.stringify(name));
      opens.push(await page.evaluate(async ([text, name]) => {
        const app = document.querySelector('.app');
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'lon.json', { type: 'application/json' }));
        const ready = () => document.getElementById('unit.name')?.value === name
          && document.querySelector('[data-testid=verdict]')?.dataset.state !== undefined;
        const t0 = performance.now();
        app.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
        while (!ready()) await new Promise((r) => setTimeout(r, 5));
        return performance.now() - t0;
      }, [named, name]));
    }
    // Keystrokes: the unit's name changed, until the stored draft has it.
    const keys = await page.evaluate(async (runs) => {
      const input = document.getElementById('unit.name');
      const id = localStorage.getItem('dvht.current');
      const times = [];
      for (let i = 0; i < runs; i++) {
        const name = `Trường THPT Nguyễn Trãi ${i}`;
        const t0 = performance.now();
        input.value = name;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        while (!(localStorage.getItem(`dvht.draft.${id}`) || '').includes(name)) await new Promise((r) => setTimeout(r, 1));
        times.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return times;
    }, n >= 10000 ? 5 : 15);
    // Reload with the draft autosaved.
    const reloads = [];
    for (let k = 0; k < runs; k++) {
      await page.reload({ waitUntil: 'commit' });
      reloads.push(await page.evaluate(async () => {
        while (!(document.getElementById('unit.name')?.value || '').startsWith('Trường THPT Nguyễn Trãi')) await new Promise((r) => setTimeout(r, 5));
        return performance.now();
      }));
    }
    return { items: n, ids: distinct ? 'one id each' : 'real indicators', kib: round(text.length / 1024), open_ms: round(median(opens)), keystroke_ms: round(median(keys)), keystroke_max_ms: round(Math.max(...keys)), reload_ms: round(median(reloads)) };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const server = await serve({ root: 'dist' });
const rows = [];
try {
  for (const n of sizes.length ? sizes : [100, 1000, 10000]) rows.push(await measure(server, n, false));
  if (!sizes.length) rows.push(await measure(server, 1000, true));
} finally {
  await server.close();
}
console.table(rows);
console.log(JSON.stringify(rows));
