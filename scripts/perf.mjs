// Measures what a user waits for, in Debian's Chromium against dist/ on 127.0.0.1:
//   - first-load bytes: every response of a cold visit, and the same bodies gzipped (level 9);
//   - time to the first usable input: navigation start → the kind selector is in the page;
//   - re-render: an input event on a figure → the verdict panel has changed.
// Timings are reported, never asserted (DEVELOPERS.md). node scripts/perf.mjs [runs]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const RUNS = Number(process.argv[2] || 10);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FIXTURE = fs.readFileSync(path.resolve('tests/fixtures/complete-thpt.json'), 'utf8');
const server = await serve({ root: process.env.DIST || 'dist' });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const round = (x) => Math.round(x * 10) / 10;

const firstInput = [];
let bytes = null;
for (let run = 0; run < RUNS; run++) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-perf-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS });
  const page = context.pages()[0];
  const bodies = [];
  page.on('response', async (r) => { try { bodies.push(await r.body()); } catch { /* redirects */ } });
  await page.addInitScript(() => {
    new MutationObserver((_, mo) => {
      if (document.getElementById('unit.kind') || document.querySelector('[data-testid=start-new]')) { window.__firstInput = performance.now(); mo.disconnect(); }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__firstInput !== undefined);
  firstInput.push(await page.evaluate(() => window.__firstInput));
  if (run === 0) {
    bytes = { responses: bodies.length, raw: bodies.reduce((n, b) => n + b.length, 0), gzip: bodies.reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0) };
  }
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

// Re-render: a complete dossier, then 60 changes of one figure.
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-perf-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS });
const page = context.pages()[0];
await page.goto(server.url);
await page.getByTestId('dossier-import').setInputFiles({ name: 'd.json', mimeType: 'application/json', buffer: Buffer.from(FIXTURE) });
await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
const rerender = await page.evaluate(async () => {
  const input = document.getElementById('counts.members_discipline');
  const panel = document.querySelector('.panel');
  const times = [];
  for (let i = 0; i < 60; i++) {
    const changed = new Promise((resolve) => {
      const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
      mo.observe(panel, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    const t0 = performance.now();
    input.value = String(100 + (i % 20));
    input.dispatchEvent(new Event('input', { bubbles: true }));
    times.push((await changed) - t0);
  }
  return times;
});
await context.close();
fs.rmSync(profile, { recursive: true, force: true });
await server.close();

const report = {
  first_load: { responses: bytes.responses, raw_kib: round(bytes.raw / 1024), gzip_kib: round(bytes.gzip / 1024) },
  first_usable_input_ms: { median: round(median(firstInput)), min: round(Math.min(...firstInput)), max: round(Math.max(...firstInput)), runs: RUNS },
  rerender_ms: { median: round(median(rerender)), p95: round([...rerender].sort((a, b) => a - b)[Math.floor(rerender.length * 0.95)]), max: round(Math.max(...rerender)), changes: rerender.length },
};
console.log(JSON.stringify(report, null, 2));
