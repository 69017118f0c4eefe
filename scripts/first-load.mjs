// What a first visit costs, in Debian's Chromium against a built site on 127.0.0.1: the files the
// page itself asks for before its first input is usable (not what the service worker caches in
// the background), each gzipped at level 9 from the site's folder, and the time to that input.
// Shared by the size-budget test (tests/e2e/budget.test.mjs) and the benchmarks (perf-compare).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The first usable input: the start page's first button, or the form's kind selector. */
export const FIRST_INPUT = '[data-testid="start-new"]:not([disabled]), [id="unit.kind"]';

/**
 * One cold visit of `url` (a server for `root`). Returns the page's requests up to the first
 * usable input with their gzipped sizes, and the time to it. `cpu` slows the CPU that many times.
 */
export async function firstLoad({ url, root, cpu = 1, setup } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-first-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] || await context.newPage();
    if (setup) await setup(page);
    if (cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    }
    await page.addInitScript((selector) => {
      new MutationObserver((_, mo) => {
        if (document.querySelector(selector)) { window.__firstInput = performance.now(); mo.disconnect(); }
      }).observe(document, { subtree: true, childList: true });
    }, FIRST_INPUT);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__firstInput !== undefined, null, { timeout: 60000 });
    const ms = await page.evaluate(() => window.__firstInput);
    // What the page asked for up to that moment, by its own resource timing (the page and the
    // files it started fetching before the input was there).
    const asked = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource')
      .filter((e) => e.startTime <= window.__firstInput).map((e) => e.name)]);
    const base = new URL(url);
    const files = [];
    for (const u of new Set(asked)) {
      const p = new URL(u);
      if (p.origin !== base.origin) { files.push({ file: u, raw: 0, gz: 0, foreign: true }); continue; }
      let rel = decodeURIComponent(p.pathname.slice(base.pathname.replace(/[^/]*$/, '').length));
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const body = fs.readFileSync(path.join(root, rel));
      files.push({ file: rel, raw: body.length, gz: zlib.gzipSync(body, { level: 9 }).length });
    }
    return { ms, files, gz: files.reduce((n, f) => n + f.gz, 0), raw: files.reduce((n, f) => n + f.raw, 0) };
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
