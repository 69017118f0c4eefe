// The receiving side at scale (appraisal.md §4), in Chromium: 5,000 dossiers opened in the app
// (picked at once, and as one .zip), timed from the pick to the full register with its counts,
// with the longest main-thread block while it works (PerformanceObserver "longtask"); the same
// 5,000 reopened from this device's storage after a reload; `dvht summary` on the same files;
// and the size of the mode's code, gzipped. A benchmark, not a test: it prints numbers.
//   node scripts/bench-appraisal.mjs [N] [RUNS]      (after `make dist`)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { open } from '../tests/e2e/harness.mjs';
import { dossier, text, storedZip } from '../tests/e2e/appraisal-data.mjs';

const N = Number(process.argv[2] || 5000);
const RUNS = Number(process.argv[3] || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

// N provincial dossiers of 2025 over both kinds the fixture fits and every level, 2% of 2024,
// 1% sent twice.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-bench-appraisal-'));
const files = [];
const entries = [];
for (let i = 0; i < N; i++) {
  const kind = i % 2 ? 'thpt' : 'gdtx_tinh';
  const name = `Đơn vị số ${i % 100 === 99 ? i - 1 : i}`;
  const body = text(dossier({ name, kind, level: i % 3, previous: i % 4 === 0, year: i % 50 === 7 ? 2024 : 2025 }));
  const file = path.join(dir, `ho-so-${String(i).padStart(5, '0')}.json`);
  fs.writeFileSync(file, body);
  files.push(file);
  entries.push({ name: path.basename(file), data: body });
}
const zip = path.join(os.tmpdir(), `dvht-bench-appraisal-${N}.zip`);
fs.writeFileSync(zip, storedZip(entries));
const taken = N - files.filter((_, i) => i % 50 === 7).length;

async function run(pick, label) {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    // Long tasks, and when the app is handed the files (the file input's change event):
    // Chromium's own handling of thousands of picked files (DOM.setFileInputFiles under
    // Playwright) comes before it and is reported apart.
    await page.addInitScript(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
      window.addEventListener('change', (e) => { if (e.target.type === 'file') window.__change = performance.now(); }, true);
    });
    const blocks = () => page.evaluate(() => {
      const own = window.__tasks.filter(([start]) => start >= window.__change).map(([, d]) => d);
      const before = window.__tasks.filter(([start]) => start < window.__change).map(([, d]) => d);
      return { own: Math.max(0, ...own), before: Math.max(0, ...before), handed: window.__change - window.__start };
    });
    await page.goto(`${t.server.url}?tiep-nhan`);
    await page.getByTestId('tab-intake').waitFor();
    await page.locator('[id="body.scope"]').selectOption('tinh');
    for (const [id, v] of [['year', '2025'], ['body.name', 'Sở Giáo dục và Đào tạo (thử tải)']]) {
      await page.locator(`[id="${id}"]`).fill(v);
      await page.locator(`[id="${id}"]`).press('Tab');
    }
    await page.evaluate(() => { window.__tasks = []; window.__start = performance.now(); });
    const start = Date.now();
    await page.getByTestId('intake-files').setInputFiles(pick);
    await page.locator(`[data-testid=count-dossiers][data-count="${taken}"]`).waitFor({ timeout: 600000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=progress]'), null, { timeout: 600000 });
    const open_ms = Date.now() - start;
    // The longest block counts the save to this device that follows (a moment later).
    await page.waitForTimeout(4000);
    const b = await blocks();
    // Reopened from this device: a reload restores it all.
    const again = Date.now();
    await page.reload();
    await page.locator(`[data-testid=count-dossiers][data-count="${taken}"]`).waitFor({ timeout: 600000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid=progress]'), null, { timeout: 600000 });
    const reopen_ms = Date.now() - again;
    const reopen_longest = await page.evaluate(() => Math.max(0, ...window.__tasks.map(([, d]) => d)));
    console.log(`  ${label}: full register ${s(open_ms)} after the pick (the app had the files after ${s(b.handed)}), longest block ${Math.round(b.own)} ms (the browser's picking: ${Math.round(b.before)} ms); reopened in ${s(reopen_ms)}, longest block ${Math.round(reopen_longest)} ms`);
    return { open_ms, longest: b.own, picking: b.before, reopen_ms, reopen_longest };
  } finally {
    await t.close();
  }
}

console.log(`The receiving side, ${N} dossiers (${taken} of this year), ${RUNS} runs each, in Chromium:`);
const results = {};
for (const [label, pick] of [['files', files], ['zip', zip]]) {
  const rs = [];
  for (let r = 0; r < RUNS; r++) rs.push(await run(pick, `${label} run ${r + 1}`));
  results[label] = {
    median_open_ms: median(rs.map((r) => r.open_ms)),
    max_longest_block_ms: Math.max(...rs.map((r) => r.longest)),
    max_picking_block_ms: Math.max(...rs.map((r) => r.picking)),
    median_reopen_ms: median(rs.map((r) => r.reopen_ms)),
    max_reopen_block_ms: Math.max(...rs.map((r) => r.reopen_longest)),
  };
  const m = results[label];
  console.log(`${label === 'files' ? `${N} files picked` : `one .zip of ${N}`}: median ${s(m.median_open_ms)} to the full register, longest block of the app ${Math.round(m.max_longest_block_ms)} ms (of the browser taking the picked files: ${Math.round(m.max_picking_block_ms)} ms); reopened from this device in ${s(m.median_reopen_ms)} (longest block ${Math.round(m.max_reopen_block_ms)} ms)`);
}

// `dvht summary` on the same files.
const bin = path.join(process.env.CARGO_TARGET_DIR || 'target', 'release', 'dvht');
execFileSync('cargo', ['build', '--release', '--locked', '--quiet', '--bin', 'dvht'], { stdio: 'inherit' });
const t0 = Date.now();
const out = JSON.parse(execFileSync(bin, ['summary', '--year', '2025', dir], { encoding: 'utf8', maxBuffer: 256 << 20 }));
results.summary_ms = Date.now() - t0;
console.log(`dvht summary on the same ${N} files: ${s(results.summary_ms)} (${out.valid} valid, ${out.skipped.length} skipped)`);

// The mode's code, as a browser downloads it the first time it is opened.
let raw = 0;
let gz = 0;
for (const f of fs.readdirSync('dist').filter((f) => /^dvht-appraisal(\.js|_bg\.wasm)$|^appraisal\.css$/.test(f))) {
  const body = fs.readFileSync(path.join('dist', f));
  raw += body.length;
  gz += zlib.gzipSync(body, { level: 9 }).length;
}
results.module = { raw, gz };
console.log(`The mode's code (dvht-appraisal.js, _bg.wasm, appraisal.css): ${(raw / 1024).toFixed(1)} KiB, ${(gz / 1024).toFixed(1)} KiB gzipped`);
if (process.env.BENCH_JSON) fs.writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(zip, { force: true });
