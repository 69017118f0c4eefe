// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, against
// dist/ served on 127.0.0.1. Screenshots go to tests/e2e/out/ to be looked at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
