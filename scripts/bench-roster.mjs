// What importing a member list costs the user, in Debian's Chromium against dist/ on 127.0.0.1
// (issue 14): a 2,000-row list (tests/fixtures/roster/large-2000.xlsx, written by openpyxl, and
// the same list as the app exports it in .csv) imported into tests/fixtures/complete-thpt.json,
// from the file input's change to the counts shown from the list:
//   - first: the spreadsheet module fetched (from the service worker's cache) and compiled;
//   - import: the module there already, a draft without a list (so it takes effect at once);
//   - preview and replace: a draft with a list, the preview shown, then "Thay" until applied;
//   - keystroke: one change of the unit's name with 2,000 members, until the draft is saved;
// each the median of several runs (the machine is shared). Timings are reported, never
// asserted (DEVELOPERS.md). node scripts/bench-roster.mjs [runs]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const RUNS = Number(process.argv[2] || 5);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const XLSX = fs.readFileSync(path.resolve('tests/fixtures/roster/large-2000.xlsx'));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const round = (x) => Math.round(x);

/** In the page: a file given to the list's input, timed until `state` shows with the counts. */
async function timed(page, file, state, then) {
  await page.evaluate(() => {
    window.__t0 = undefined;
    document.addEventListener('change', (e) => { if (e.target.id === 'roster-import') window.__t0 = performance.now(); }, { capture: true, once: true });
  });
  await page.getByTestId('roster-import').setInputFiles(file);
  await page.locator(`[data-testid=roster-preview][data-state=${state}]`).filter({ hasText: file.name }).waitFor({ timeout: 120000 });
  const shown = await page.evaluate(() => performance.now() - window.__t0);
  if (!then) return { shown };
  const t1 = await page.evaluate(() => performance.now());
  await then();
  await page.locator('[data-testid=roster-preview][data-state=applied]').filter({ hasText: file.name }).waitFor({ timeout: 120000 });
  return { shown, applied: await page.evaluate((t1) => performance.now() - t1, t1) };
}

const members = (page) => page.locator('[id="counts.members"]').inputValue();

/** The dossier opened again from its file: a draft without a list. */
async function withoutList(page) {
  await page.getByTestId('dossier-import').setInputFiles(path.resolve('tests/fixtures/complete-thpt.json'));
  await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
  await page.waitForFunction(() => document.getElementById('counts.members').value === '120');
}

const server = await serve({ root: 'dist' });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-bench-roster-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS, acceptDownloads: true });
context.setDefaultTimeout(120000);
const page = context.pages()[0];
page.on('dialog', (d) => d.accept());
const rows = [];
try {
  await page.goto(server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await withoutList(page);
  const xlsx = { name: 'large-2000.xlsx', mimeType: 'application/octet-stream', buffer: XLSX };

  // The first import of the visit: the module is fetched and compiled first.
  const first = await timed(page, xlsx, 'applied');
  if ((await members(page)) !== '2.000') throw new Error(`2,000 members expected, not ${await members(page)}`);
  rows.push({ what: 'first import, .xlsx (module fetched and compiled)', value: round(first.shown), unit: 'ms' });

  // The same list exported as .csv by the app.
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-export-csv').click()]);
  const csv = { name: 'large-2000.csv', mimeType: 'text/csv', buffer: fs.readFileSync(await d.path()) };

  for (const file of [xlsx, csv]) {
    // Into a draft without a list: it takes effect at once.
    const imports = [];
    for (let i = 0; i < RUNS; i++) {
      await withoutList(page);
      imports.push((await timed(page, file, 'applied')).shown);
    }
    rows.push({ what: `import 2,000 rows, ${path.extname(file.name)}, draft without a list`, value: round(median(imports)), unit: 'ms' });
    // Into a draft with a list: the preview, then "Thay danh sách hiện có".
    const shown = [];
    const applied = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await timed(page, file, 'pending', () => page.getByTestId('roster-replace').click());
      shown.push(r.shown);
      applied.push(r.applied);
    }
    rows.push({ what: `preview 2,000 rows, ${path.extname(file.name)}, draft with a list`, value: round(median(shown)), unit: 'ms' });
    rows.push({ what: `replace with 2,000 rows, ${path.extname(file.name)}, after the preview`, value: round(median(applied)), unit: 'ms' });
  }

  // A keystroke with 2,000 members in the draft: rendered, assessed and saved.
  await page.getByTestId('roster-close').click();
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
  }, RUNS * 3);
  rows.push({ what: 'keystroke with 2,000 members (rendered, assessed, saved)', value: round(median(keys)), unit: 'ms' });
  const saved = await page.evaluate(() => localStorage.getItem(`dvht.draft.${localStorage.getItem('dvht.current')}`).length);
  rows.push({ what: 'the draft with 2,000 members, as stored', value: round(saved / 1024), unit: 'KiB of text' });
} finally {
  await context.close();
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.table(rows);
console.log(JSON.stringify(rows));
