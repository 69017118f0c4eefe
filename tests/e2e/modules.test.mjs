// Issue 12: the first module carries the form, the engine and the verdict in Vietnamese; the
// documents and the English app are modules of their own, and nothing is lost by it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, fixture, controlled } from './harness.mjs';

test('Ctrl+P right after the form appears prints each document', async () => {
  const t = await open();
  const page = t.page;
  try {
    await page.addInitScript(() => {
      window.__jobs = [];
      window.print = () => { window.__jobs.push(document.getElementById('print-root').innerText); };
    });
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    await page.keyboard.press('Control+P');
    await page.waitForFunction(() => window.__jobs.length === 3, null, { timeout: 30000 });
    const jobs = await page.evaluate(() => window.__jobs);
    for (const [i, heading] of ['TỜ TRÌNH', 'BÁO CÁO', 'BẢN TỔNG HỢP'].entries()) {
      assert.ok(jobs[i].includes(heading), `job ${i + 1}: ${heading}`);
    }
    assert.ok(t.server.requests.some((u) => u.includes('dvht-docs_bg.wasm')));
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('the English app is fetched only by those who choose it, then kept for offline use', async () => {
  const t = await open();
  const page = t.page;
  try {
    await page.goto(t.server.url);
    await page.getByTestId('start').waitFor();
    await controlled(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const cached = () => page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) {
        for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname.split('/').pop());
      }
      return names;
    });
    const before = await cached();
    assert.ok(before.includes('dvht-docs_bg.wasm'), 'the documents are cached for offline use');
    assert.ok(!before.includes('dvht-web-en_bg.wasm'), 'English is not downloaded in the background');
    assert.ok(!before.some((f) => f.startsWith('dvht-api')), 'nor the API for other sites');
    assert.ok(!t.server.requests.some((u) => u.includes('dvht-web-en')));
    await page.locator('[data-act="lang"]').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByTestId('start-new').waitFor();
    assert.ok((await cached()).includes('dvht-web-en_bg.wasm'), 'kept once fetched');
    // Offline, English still opens.
    await t.server.close();
    await page.reload();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByTestId('start-new').waitFor();
    assert.match(await page.getByTestId('start').innerText(), /Start a new dossier/i);
  } finally {
    await t.close();
  }
});
