// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, against
// dist/ served on 127.0.0.1. Screenshots go to tests/e2e/out/ to be looked at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const OUT = path.resolve('tests/e2e/out');
fs.mkdirSync(OUT, { recursive: true });

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh browser profile and a server for dist/. */
export async function open({ prefix = '/', root = 'dist', viewport = { width: 1280, height: 900 } } = {}) {
  const server = await serve({ root, prefix });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, viewport, acceptDownloads: true, locale: 'vi-VN',
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const foreign = [];
  context.on('request', (r) => { if (!r.url().startsWith(server.url.replace(/\/[^/]*$/, '')) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  return {
    server, context, page, errors, foreign, profile,
    async close() { await context.close(); await server.close(); fs.rmSync(profile, { recursive: true, force: true }); },
  };
}

export async function shot(page, name, full = false) {
  // The viewport, as a user sees it; pages are long, and a full-page image is unreadable.
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: !!full });
}

export function fixture(name) {
  return path.resolve('tests/fixtures', name);
}

/**
 * A second release: the same sources built with another label (DVHT_RELEASE shows in the
 * footer and in the Word worker's greeting), so the wasm, the worker and the service worker's
 * version all change; built with DVHT_TEST_HOOKS, which adds a command that panics on purpose
 * (src/web/mod.rs). Built once per `dist/`: a copy newer than dist/ is used again.
 */
export function releaseTwo() {
  const v2 = path.resolve('target/dist-v2');
  const built = path.join(v2, 'index.html');
  const fresh = fs.existsSync(built) && fs.statSync(built).mtimeMs > fs.statSync('dist/index.html').mtimeMs;
  if (!fresh) {
    execFileSync('trunk', ['build', '--release', '--dist', v2], {
      env: { ...process.env, DVHT_RELEASE: 'thử nghiệm 2', DVHT_TEST_HOOKS: '1' }, stdio: 'ignore',
    });
  }
  return v2;
}

/** Records CSP violations from the start of every page of a context. */
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Waits until the page is controlled by the service worker. */
export async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
}
