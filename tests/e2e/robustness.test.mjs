// Issue 10: nothing a file, a second tab or a script does can crash dvht, hang it, or lose what
// was typed. In Debian's Chromium against dist/ (and a second release, target/dist-v2).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { open, shot, fixture, OUT, CHROMIUM_ARGS, releaseTwo, watchCsp, controlled } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const field = (page, id) => page.locator(`[id="${id}"]`);
const COMPLETE = fs.readFileSync(fixture('complete-thpt.json'), 'utf8');

let V2;
before(() => { V2 = releaseTwo(); });

/** Every draft record the page's storage holds, by id. */
async function records(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('dvht.draft.'))
    .map((k) => [k.slice('dvht.draft.'.length), JSON.parse(localStorage.getItem(k))])));
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const file = path.join(OUT, `robust-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return file;
}

test('two tabs on one draft: every edit of each is kept', async () => {
  const t = await open();
  const a = t.page;
  // Tab A can be made deaf to other tabs for a moment (window.__deaf), to change the draft
  // before it hears of B's change, as two people typing at once would.
  await a.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
      const gated = type === 'storage' ? function (e) { if (!window.__deaf) listener.call(this, e); } : listener;
      return add.call(this, type, gated, options);
    };
  });
  try {
    await a.goto(t.server.url);
    await a.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await a.locator('[data-testid=verdict][data-level="2"]').waitFor();
    const b = await t.context.newPage();
    await b.goto(t.server.url);
    await b.locator('[data-testid=verdict][data-level="2"]').waitFor();
    assert.equal(await field(b, 'unit.name').inputValue(), 'Trường THPT Nguyễn Trãi', 'the same draft in both');

    // An edit in tab B appears in tab A, which says so; A's next edit builds on it.
    await field(b, 'unit.head').fill('Người sửa ở thẻ B');
    await a.waitForFunction(() => document.getElementById('unit.head').value === 'Người sửa ở thẻ B');
    await a.getByRole('status').filter({ hasText: 'thẻ (tab) khác' }).waitFor();
    await field(a, 'counts.members_discipline').fill('117');
    await b.waitForFunction(() => document.getElementById('counts.members_discipline').value === '117');
    let all = Object.values(await records(a));
    assert.equal(all.length, 1);
    assert.equal(all[0].dossier.unit.head, 'Người sửa ở thẻ B');
    assert.equal(all[0].dossier.counts.members_discipline, 117);

    // Both change it before either hears of the other: B's save stands, A's work goes on in a
    // draft of its own, and A says so.
    await a.evaluate(() => { window.__deaf = true; });
    await field(b, 'unit.address').fill('Địa chỉ sửa ở thẻ B');
    await a.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('dvht.draft.') && localStorage.getItem(k).includes('Địa chỉ sửa ở thẻ B')));
    await field(a, 'counts.members_digital').fill('116');
    await a.getByTestId('import-error').filter({ hasText: 'bản nháp riêng' }).waitFor();
    await shot(a, 'robust-two-tabs');
    all = Object.values(await records(a));
    assert.equal(all.length, 2, 'two drafts now');
    const fromB = all.find((r) => r.dossier.unit.address === 'Địa chỉ sửa ở thẻ B');
    const fromA = all.find((r) => r.dossier.counts.members_digital === 116);
    assert.ok(fromB && fromA && fromA !== fromB, 'each tab kept its own');
    assert.equal(fromB.dossier.counts.members_digital, 115, 'B was not overwritten');
    assert.equal(fromA.dossier.unit.head, 'Người sửa ở thẻ B', "A's copy has everything A had seen");
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('a file too large to be a dossier is refused at once, naming the limit', async () => {
  const t = await open();
  const page = t.page;
  try {
    await page.goto(t.server.url);
    await page.getByTestId('start').waitFor();
    const started = Date.now();
    await page.getByTestId('dossier-import').setInputFiles({ name: 'lon.json', mimeType: 'application/json', buffer: Buffer.alloc(17 * 1024 * 1024, 32) });
    const error = page.getByTestId('import-error');
    await error.waitFor();
    console.log(`a 17 MB file refused in ${Date.now() - started} ms`);
    assert.match(await error.innerText(), /giới hạn 16 MB/);
    // A repeated key: the file opens, with the later value, and the repetition is said.
    const twice = COMPLETE.replace('"head": "Nguyễn Văn A",', '"head": "Cũ", "head": "Nguyễn Văn A",');
    assert.notEqual(twice, COMPLETE);
    await page.getByTestId('dossier-import').setInputFiles({ name: 'hai-lan.json', mimeType: 'application/json', buffer: Buffer.from(twice) });
    await page.getByRole('status').filter({ hasText: 'xuất hiện hai lần' }).waitFor();
    assert.equal(await field(page, 'unit.head').inputValue(), 'Nguyễn Văn A');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('the JavaScript API survives anything, call by call', async () => {
  const t = await open();
  const page = t.page;
  try {
    await page.goto(`${t.server.url}api-example.html`);
    await page.getByTestId('api-level').filter({ hasText: 'Chưa đạt' }).waitFor();
    const calls = await page.evaluate(async (text) => {
      const api = await import('./dvht-api.js');
      const good = JSON.parse(text);
      const cyclic = structuredClone(good);
      cyclic.unit.self = cyclic;
      let deep = [];
      for (let i = 0; i < 10000; i++) deep = [deep];
      const nested = { ...structuredClone(good), extra: deep };
      const nan = structuredClone(good);
      nan.counts.members = NaN;
      const inf = structuredClone(good);
      inf.counts.members_digital = Infinity;
      const fn = { ...structuredClone(good), extra: () => 1 };
      const big = { ...structuredClone(good), extra: 10n };
      const throwing = structuredClone(good);
      Object.defineProperty(throwing.unit, 'trap', { enumerable: true, get() { throw new Error('boom'); } });
      const revoked = Proxy.revocable({}, {});
      revoked.revoke();
      const inputs = [
        ['cyclic', cyclic], ['10,000 deep', nested], ['NaN', nan], ['Infinity', inf], ['a string', 'not a dossier'],
        ['a number', 42], ['undefined', undefined], ['a huge string', 'x'.repeat(20 * 1024 * 1024)], ['a function', fn],
        ['a BigInt', big], ['a throwing getter', throwing], ['a revoked proxy', revoked.proxy], ['a bad date', good, 12345],
      ];
      const out = [];
      for (const [name, dossier, today = '2025-12-01'] of inputs) {
        let thrown = null;
        try { api.evaluate(dossier, today); } catch (e) { thrown = e; }
        const listed = (() => { try { return api.validate(dossier).map((p) => p.code); } catch (e) { return `threw ${e}`; } })();
        // After each, a good call works as ever.
        const after = api.evaluate(good, '2025-12-01').level;
        out.push({
          name, isError: thrown instanceof Error, problems: Array.isArray(thrown?.problems) ? thrown.problems.map((p) => `${p.field}:${p.code}`) : null,
          message: thrown?.message ?? null, listed, after,
        });
      }
      return out;
    }, COMPLETE);
    const byName = Object.fromEntries(calls.map((c) => [c.name, c]));
    for (const c of calls) {
      assert.equal(c.isError, true, `${c.name}: an Error`);
      assert.ok(c.problems && c.problems.length > 0, `${c.name}: with its problems (${c.message})`);
      assert.equal(c.after, 2, `${c.name}: a good call works after it`);
      assert.ok(!/memory|unreachable|RuntimeError/.test(c.message), `${c.name}: ${c.message}`);
    }
    assert.deepEqual(byName.cyclic.problems, ['unit.self:cyclic']);
    assert.match(byName.cyclic.message, /tham chiếu vòng/);
    assert.deepEqual(byName['10,000 deep'].problems, [`extra${'[0]'.repeat(31)}:over_limit`]);
    assert.deepEqual(byName.NaN.problems, ['counts.members:not_finite']);
    assert.deepEqual(byName.Infinity.problems, ['counts.members_digital:not_finite']);
    assert.deepEqual(byName['a string'].problems, [':not_json']);
    assert.deepEqual(byName['a number'].problems, [':not_a_dossier']);
    assert.deepEqual(byName.undefined.problems, [':not_a_dossier']);
    assert.deepEqual(byName['a huge string'].problems, [':over_limit']);
    assert.deepEqual(byName['a function'].problems, ['extra:not_json_value']);
    assert.deepEqual(byName['a BigInt'].problems, ['extra:not_json_value']);
    assert.deepEqual(byName['a throwing getter'].problems, ['unit.trap:not_json_value']);
    assert.deepEqual(byName['a revoked proxy'].problems, [':not_json_value']);
    assert.deepEqual(byName['a bad date'].problems, ['today:wrong_type']);
    assert.deepEqual(byName.NaN.listed, ['not_finite'], 'validate lists the same problems');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('never a blank page: loading is said, and so is a load that fails; the app then replaces it', async () => {
  const t = await open();
  const page = t.page;
  try {
    await watchCsp(t.context);
    // The app's code cannot be fetched (the connection dropped): the page says so, and how to
    // go on, instead of "Đang tải…" for ever.
    await page.route('**/*.wasm', (r) => r.abort());
    await page.goto(t.server.url);
    const boot = page.locator('#app > .boot');
    await page.waitForFunction(() => /Chưa tải được công cụ/.test(document.querySelector('#app > .boot')?.textContent || ''));
    assert.match(await boot.innerText(), /kiểm tra kết nối mạng rồi tải lại trang/);
    await shot(page, 'robust-load-failed');
    // Loaded: the app draws itself in its place, and no later error brings the message back.
    await page.unroute('**/*.wasm');
    await page.reload();
    await page.getByTestId('start').waitFor();
    assert.equal(await boot.count(), 0);
    await page.evaluate(() => { Promise.reject(new Error('a later rejection')); });
    await page.waitForTimeout(100);
    assert.equal(await boot.count(), 0);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'the start-up scripts run under the CSP');
  } finally {
    await t.close();
  }
});

test('a panic keeps what was typed, says so, and offers the dossier and a reload', async () => {
  const server = await serve({ root: V2 });
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    await field(page, 'unit.name').fill('Trường THPT Nguyễn Trãi — gõ trước lỗi');
    // A command that panics on purpose (this build only), as a button of the app would.
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.dataset.act = 'test-panic';
      b.textContent = 'panic';
      document.querySelector('.app').append(b);
      b.click();
    });
    const dialog = page.getByTestId('crash');
    await dialog.waitFor();
    await shot(page, 'robust-panic');
    assert.match(await dialog.innerText(), /dvht gặp lỗi và đã dừng/);
    assert.match(await dialog.textContent(), /a panic on purpose/, 'the details, to be reported');
    assert.equal(await page.locator('.app[inert]').count(), 1, 'the form takes no more input');
    // The file offered is the dossier as last saved, with what was typed.
    const [d] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: /Lưu hồ sơ ra tệp/ }).click()]);
    const saved = JSON.parse(fs.readFileSync(await d.path(), 'utf8'));
    assert.equal(saved.unit.name, 'Trường THPT Nguyễn Trãi — gõ trước lỗi');
    assert.equal(saved.format, 'dvht-dossier');
    // Storage still has it, and the reload brings it back.
    await Promise.all([page.waitForEvent('load'), dialog.getByRole('link', { name: /Tải lại trang/ }).click()]);
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    assert.equal(await field(page, 'unit.name').inputValue(), 'Trường THPT Nguyễn Trãi — gõ trước lỗi');
    assert.equal(await page.getByTestId('crash').count(), 0);
    const unexpected = t.errors.filter((e) => !/unreachable|panic on purpose|RuntimeError/.test(e));
    assert.deepEqual(unexpected, []);
  } finally {
    await t.close();
    await server.close();
  }
});

test('a Word file LibreOffice opens, whatever the text holds; the published report has its own policy', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);
    const hostile = COMPLETE.replace('"name": "Trường THPT Nguyễn Trãi"', '"name": "Trường THPT\\ufffe Nguyễn\\uffff Trãi\\u0001"');
    assert.notEqual(hostile, COMPLETE);
    await page.getByTestId('dossier-import').setInputFiles({ name: 'la.json', mimeType: 'application/json', buffer: Buffer.from(hostile) });
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    await page.getByTestId('documents').click();
    const docx = await download(page, 'export-docx');
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], { stdio: 'ignore' });
    const pdf = docx.replace(/\.docx$/, '.pdf');
    assert.ok(fs.existsSync(pdf), 'LibreOffice opened the Word file');
    const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    assert.match(text.replace(/\s+/g, ' '), /TRƯỜNG THPT NGUYỄN TRÃI/i);

    // The published report, opened with scripts on: its style applies, no script can run —
    // as published (only what it shows) and with the dossier's data embedded, as the user may
    // choose; the data, noncharacters escaped, reads back.
    const shown = await download(page, 'export-html');
    assert.ok(!fs.readFileSync(shown, 'utf8').includes('id="dvht-dossier"'), 'no data unless chosen');
    await page.locator('#embed-dossier').check();
    const embedded = await download(page, 'export-html');
    const page2 = fs.readFileSync(embedded, 'utf8');
    assert.ok(page2.includes('id="dvht-dossier"'), 'the data when chosen');
    assert.ok(page2.includes('\\ufffe') && !page2.includes('\ufffe'), 'U+FFFE escaped in the data');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    for (const html of [shown, embedded]) {
      const report = await browser.newPage();
      await report.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective));
      });
      await report.goto(`file://${html}`);
      const seen = await report.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true;';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 100));
        return { background: getComputedStyle(document.body).backgroundColor, ran: window.__ran === true, csp: window.__csp };
      });
      assert.equal(seen.background, 'rgb(238, 238, 238)', `${html}: its own style applies`);
      assert.equal(seen.ran, false, `${html}: an injected script does not run`);
      assert.deepEqual(seen.csp, ['script-src-elem'], `${html}: the one violation is the injected script`);
    }
    await browser.close();
    // The report with its data opens again in the app, the name as it was typed.
    await page.getByTestId('dossier-import').setInputFiles(embedded);
    await page.getByRole('status').filter({ hasText: 'Đã mở tệp' }).waitFor();
    assert.equal(await field(page, 'unit.name').inputValue(), 'Trường THPT\ufffe Nguyễn\uffff Trãi\u0001');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('one release per page: a tab keeps its release while another updates; the Word worker has a policy', async () => {
  const t = await open();
  const a = t.page;
  await watchCsp(t.context);
  a.on('dialog', (d) => d.accept());
  const v1 = t.server;
  try {
    await a.goto(v1.url);
    await a.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await a.locator('[data-testid=verdict][data-level="2"]').waitFor();
    await controlled(a);
    const b = await t.context.newPage();
    await b.goto(v1.url);
    await b.getByTestId('verdict').waitFor();
    await controlled(b);
    const label = await a.getByTestId('version').innerText();
    // The site is republished; tab B takes the new release.
    const port = Number(new URL(v1.url).port);
    await v1.close();
    const v2 = await serve({ root: V2, port });
    try {
      await b.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      const prompt = b.getByTestId('update');
      await prompt.waitFor({ timeout: 20000 });
      await Promise.all([b.waitForEvent('load'), prompt.locator('[data-act="update"]').click()]);
      await b.getByTestId('version').filter({ hasText: 'thử nghiệm 2' }).waitFor();
      // Tab A is still on its release, and its Word worker comes from that release too.
      assert.equal(await a.getByTestId('version').innerText(), label);
      const bodies = new Map();
      a.on('response', async (r) => {
        const name = new URL(r.url()).pathname.split('/').pop();
        if (name.startsWith('dvht-docx')) bodies.set(name, await r.body().catch(() => null));
      });
      await a.getByTestId('documents').click();
      const docx = await download(a, 'export-docx');
      assert.ok(fs.statSync(docx).size > 10000, 'the Word file is made');
      assert.equal(await a.getByTestId('import-error').count(), 0, 'no error: the worker is of the same release');
      for (const name of ['dvht-docx_loader.js', 'dvht-docx.js', 'dvht-docx_bg.wasm']) {
        const body = bodies.get(name);
        if (body) assert.ok(body.equals(fs.readFileSync(path.join('dist', name))), `${name} of the page's own release`);
      }
      assert.ok(!fs.readFileSync(path.join('dist', 'dvht-docx_bg.wasm')).equals(fs.readFileSync(path.join(V2, 'dvht-docx_bg.wasm'))), 'the releases differ');
      // The worker runs under a policy of its own: nothing fetched or run from elsewhere.
      const worker = a.workers().find((w) => w.url().includes('dvht-docx_loader'));
      assert.ok(worker, 'the Word worker is running');
      const refused = await worker.evaluate(async () => {
        const seen = [];
        self.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
        await fetch('http://127.0.0.2:9/x').catch(() => null);
        try { importScripts('http://127.0.0.2:9/y.js'); } catch { /* refused */ }
        await new Promise((r) => setTimeout(r, 100));
        return seen.sort();
      });
      assert.deepEqual(refused, ['connect-src', 'script-src-elem']);
      // Both releases' caches are kept while a page uses each.
      const kept = await a.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('dvht-')).length);
      assert.equal(kept, 2);
      // Tab A reloads: it takes the new release, and the old cache goes.
      await a.reload();
      await a.getByTestId('version').filter({ hasText: 'thử nghiệm 2' }).waitFor();
      await a.waitForFunction(async () => (await caches.keys()).filter((k) => k.startsWith('dvht-')).length === 1, null, { timeout: 20000 });
      assert.deepEqual(await a.evaluate(() => window.__csp), []);
      assert.deepEqual(t.errors, []);
    } finally {
      await v2.close();
    }
  } finally {
    await t.close();
  }
});
