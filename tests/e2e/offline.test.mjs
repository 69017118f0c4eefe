// Issue 5: offline, installable, any static host and path, a strict CSP, and the embedding API.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { open, shot, fixture, OUT, releaseTwo, watchCsp, controlled } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

// A second release (tests/e2e/harness.mjs).
let V2;
before(() => { V2 = releaseTwo(); });

test('after a first load it works offline: reload, evaluate, export', async () => {
  const t = await open();
  const page = t.page;
  await watchCsp(t.context);
  try {
    await page.goto(t.server.url);
    await page.getByTestId('start').waitFor();
    await controlled(page);
    // Everything is cached once the worker is active; then the server goes away.
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await t.server.close();
    const started = Date.now();
    await page.reload();
    await page.getByTestId('start').waitFor();
    const reloadMs = await page.evaluate(() => performance.getEntriesByType('navigation')[0].duration);
    console.log(`offline reload: ${Math.round(reloadMs)} ms (navigation), ${Date.now() - started} ms until the verdict`);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(json.unit.name, 'Trường THPT Nguyễn Trãi');
    // Printing and the documents work offline too (fonts and all).
    await page.getByTestId('documents').click();
    await page.locator('[data-testid=preview] .doc').first().waitFor();
    await shot(page, 'offline-documents');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(t.errors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED')), []);
    assert.deepEqual(t.foreign, []);
  } finally {
    await t.close();
  }
});

test('a new release is picked up through the update prompt, never mixed with the old', async () => {
  const t = await open();
  const page = t.page;
  await watchCsp(t.context);
  const v1 = t.server;
  try {
    await page.goto(v1.url);
    await page.getByTestId('start').waitFor();
    await controlled(page);
    const before = await page.getByTestId('version').innerText();
    assert.ok(!before.includes('thử nghiệm 2'));
    // The site is republished: the same address now serves release 2.
    const port = Number(new URL(v1.url).port);
    await v1.close();
    const v2 = await serve({ root: V2, port });
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const prompt = page.getByTestId('update');
      await prompt.waitFor({ timeout: 20000 });
      await shot(page, 'update-prompt');
      // Until the user says so, the page keeps the release it was loaded with.
      assert.equal(await page.getByTestId('version').innerText(), before);
      await Promise.all([page.waitForEvent('load'), prompt.locator('[data-act="update"]').click()]);
      await page.getByTestId('version').filter({ hasText: 'thử nghiệm 2' }).waitFor();
      // The old release's cache goes once no page uses it (the page it replaced may linger a moment).
      await page.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('dvht-')).length === 1, null, { timeout: 20000 });
      assert.deepEqual(await page.evaluate(() => window.__csp), []);
      assert.deepEqual(t.errors, [], 'no integrity or loading error on the way');
    } finally {
      await v2.close();
    }
  } finally {
    await t.close();
  }
});

test('from a sub-folder of any static host', async () => {
  const t = await open({ prefix: '/tu-danh-gia/' });
  const page = t.page;
  await watchCsp(t.context);
  try {
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('spec-example.json'));
    await page.locator('[data-testid=verdict][data-state=evaluated]').waitFor();
    await controlled(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(new URL(scope).pathname, '/tu-danh-gia/');
    assert.ok(t.server.requests.every((u) => u.startsWith('/tu-danh-gia/')), `every request inside the folder: ${t.server.requests.filter((u) => !u.startsWith('/tu-danh-gia/'))}`);
    // The Word worker finds its files there too.
    await page.getByTestId('documents').click();
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    assert.ok((await fs.promises.stat(await docx.path())).size > 10000);
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('installable, with a manifest and icons', async () => {
  const t = await open();
  try {
    await t.page.goto(t.server.url);
    await t.page.getByTestId('start').waitFor();
    await controlled(t.page);
    const cdp = await t.context.newCDPSession(t.page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], "Chrome's own installability check");
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
    assert.match(manifest.data, /"short_name": "Đơn vị học tập"/);
  } finally {
    await t.close();
  }
});

test('the JavaScript API example evaluates a dossier without the app', async () => {
  const t = await open();
  const page = t.page;
  await watchCsp(t.context);
  try {
    await page.goto(`${t.server.url}api-example.html`);
    const level = page.getByTestId('api-level');
    await level.filter({ hasText: 'Chưa đạt mức độ nào (nếu đủ minh chứng: mức độ 1).' }).waitFor();
    assert.match(await page.getByTestId('api-rules').innerText(), /TT24\/2023: 25 loại đơn vị, 62 chỉ tiêu/);
    assert.equal(await page.locator('#indicators tbody tr').count(), 16);
    // From the page's own script: the three functions, including an invalid dossier.
    const out = await page.evaluate(async () => {
      const api = await import('./dvht-api.js');
      const bad = { format: 'dvht-dossier', version: 1, unit: { scope: 'tinh', kind: 'ubnd_xa' }, year: 2025 };
      let thrown;
      try { api.evaluate(bad); } catch (e) { thrown = e.problems.map((p) => p.field); }
      return { thrown, validate: api.validate(bad).map((p) => p.code), kinds: api.ruleset().kinds.length };
    });
    assert.deepEqual(out, { thrown: ['unit.kind'], validate: ['kind_of_other_scope'], kinds: 25 });
    // Pasting text works too.
    await page.locator('#dossier').fill(fs.readFileSync(fixture('complete-thpt.json'), 'utf8'));
    await page.locator('#evaluate').click();
    await level.filter({ hasText: 'Đạt mức độ 2.' }).waitFor();
    await shot(page, 'api-example');
    assert.ok(!t.server.requests.some((u) => u.includes('dvht-web')), 'the app itself is not loaded');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('the compact app for an iframe (?embed=1)', async () => {
  const t = await open({ viewport: { width: 480, height: 800 } });
  try {
    const host = path.join(OUT, 'host.html');
    fs.writeFileSync(host, `<!doctype html><meta charset=utf-8><title>Hội Khuyến học</title><h1>Tự kiểm tra</h1><iframe src="${t.server.url}?embed=1" width="460" height="700" title="dvht"></iframe>`);
    await t.page.goto(`file://${host}`);
    const frame = t.page.frameLocator('iframe');
    await frame.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await frame.locator('[data-testid=verdict][data-level="2"]').waitFor();
    assert.equal(await frame.locator('[data-act="drafts"]').count(), 0, 'compact: no drafts list');
    assert.equal(await frame.getByRole('link', { name: 'Mở ứng dụng đầy đủ' }).count(), 1);
    await shot(t.page, 'embed');
  } finally {
    await t.close();
  }
});
