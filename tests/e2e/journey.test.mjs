// A unit's whole journey through the app, in Debian's Chromium, as issue 3 describes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { open, shot, fixture, OUT } from './harness.mjs';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol: the app's CSP rightly refuses injected <script>s.
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const level = (page) => page.getByTestId('verdict').getAttribute('data-level');
const ignoring = (page) => page.getByTestId('level-ignoring-evidence').getAttribute('data-level');
const field = (page, id) => page.locator(`[id="${id}"]`);

async function fill(page, id, value) {
  await field(page, id).fill(value);
}

async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `axe-core violations on ${name}: ${JSON.stringify(result, null, 1)}`);
}

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  const file = path.join(OUT, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file, bytes: fs.readFileSync(file) };
}

test('a unit builds its dossier, watches its level and never loses it', async () => {
  const t = await open();
  const dialogs = [];
  t.page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
  const page = t.page;
  try {
    await page.goto(t.server.url);
    // A first visit opens on the start page: what the tool does, and where to begin.
    await page.getByTestId('start').waitFor();
    await shot(page, 'journey-0-start');
    await axe(page, 'the start page');
    await page.getByTestId('start-new').click();
    await page.getByTestId('verdict').waitFor();
    assert.equal(await page.getByTestId('verdict').getAttribute('data-state'), 'invalid');
    await shot(page, 'journey-1-empty');
    await axe(page, 'the empty page');

    // The unit: a district-level public body, assessed for 2025.
    await page.getByLabel('Đơn vị cấp huyện (khoản 3 Điều 2)').check();
    await field(page, 'unit.kind').selectOption('co_quan_ubnd_huyen');
    await fill(page, 'unit.name', 'Phòng Văn hóa và Thông tin huyện Tam Đường');
    await fill(page, 'year', '2025');
    await fill(page, 'unit.province', 'Lai Châu');
    await fill(page, 'counts.members', '200');
    assert.equal(await field(page, 'counts.learners').count(), 0, 'no learners for an agency');
    assert.equal(await page.locator('#ind-3\\.4').count(), 0, 'no digital index for an agency');

    // The figures: every requirement of level 2 met except 3.1 (189 of 200 is 94.5% < 95%).
    const counts = { members_discipline: 190, members_training_completed: 195, members_digital: 192,
      members_language_certificate: 120, members_language_proficiency: 150, members_advanced_worker: 190, members_learning_citizen: 189 };
    for (const [k, v] of Object.entries(counts)) await fill(page, `counts.${k}`, String(v));
    for (const k of ['annual_plan', 'training_regime_and_incentives', 'state_budget_for_training', 'digital_transformation_equipped', 'lifelong_learning_activities', 'knowledge_sharing']) {
      await page.locator(`input[name="facts.${k}"][value="true"]`).check();
    }
    await field(page, 'facts.collective_title').selectOption('advanced');
    assert.equal(await ignoring(page), '1', 'level 1 on the figures');
    assert.equal(await level(page), '0', 'no evidence yet: không đạt (Điều 9.3)');
    assert.match(await page.locator('.headline').innerText(), /để đạt mức độ 1 cần minh chứng cho chỉ tiêu 1\.1, 1\.2/);

    // Evidence for each indicator that applies.
    const ids = await page.locator('article.indicator').evaluateAll((els) => els.map((e) => e.id.slice(4)));
    assert.deepEqual(ids, ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3']);
    for (const id of ids) {
      await page.locator(`[data-act="add-ev"][data-arg="${id}"]`).click();
      await page.keyboard.type(`Minh chứng chỉ tiêu ${id}`);
    }
    assert.equal(await level(page), '1');
    assert.equal(await page.locator('.headline').innerText(),
      'Đạt mức độ 1; để đạt mức độ 2 cần thêm 1 thành viên đạt “Công dân học tập” (chỉ tiêu 3.1).');

    // At the threshold: 190 of 200 is exactly 95% (Điều 7.3.a).
    await fill(page, 'counts.members_learning_citizen', '190');
    assert.equal(await level(page), '2');
    await fill(page, 'counts.members_learning_citizen', '189');
    assert.equal(await level(page), '1');
    await fill(page, 'counts.members_learning_citizen', '190');
    assert.equal(await level(page), '2');
    await shot(page, 'journey-2-level-2');
    await axe(page, 'the filled form');

    // A count that is not a number is kept, named and explained.
    await fill(page, 'counts.members_digital', '19O');
    const error = page.locator('[id="counts.members_digital-error"]');
    assert.match(await error.innerText(), /số nguyên/);
    assert.equal(await field(page, 'counts.members_digital').getAttribute('aria-invalid'), 'true');
    await axe(page, 'a field in error');
    await fill(page, 'counts.members_digital', '192');

    // The dates: a calendar file with the deadline of the assessed year.
    const [ics] = await Promise.all([page.waitForEvent('download'), page.locator('[data-act="ics"]').click()]);
    const icsText = fs.readFileSync(await ics.path(), 'utf8').replace(/\r\n /g, '');
    assert.match(icsText, /^BEGIN:VCALENDAR\r\n/);
    assert.match(icsText, /DTSTART;VALUE=DATE:20260114\r\n/);
    assert.match(icsText, /SUMMARY:Hạn cuối gửi hồ sơ “Đơn vị học tập” năm 2025 đến Phòng Giáo dục và Đào tạo/);
    assert.match(icsText, /DTSTART;VALUE=DATE:20260314\r\n/, 'Lai Châu: the district report before 15/03');

    // Export, then reload: the draft comes back.
    const first = await exported(page);
    assert.equal(first.name, 'dvht-phong-van-hoa-va-thong-tin-huyen-tam-duong-2025.json');
    const json = JSON.parse(first.bytes.toString('utf8'));
    assert.equal(json.format, 'dvht-dossier');
    assert.equal(json.unit.name, 'Phòng Văn hóa và Thông tin huyện Tam Đường');
    assert.equal(json.counts.members_learning_citizen, 190);
    assert.equal(json.evidence['3.3'][0].title, 'Minh chứng chỉ tiêu 3.3');
    await page.reload();
    await page.getByTestId('verdict').waitFor();
    assert.equal(await field(page, 'unit.name').inputValue(), 'Phòng Văn hóa và Thông tin huyện Tam Đường');
    assert.equal(await field(page, 'counts.members_learning_citizen').inputValue(), '190');
    assert.equal(await level(page), '2');

    // Open the exported file: it asks first, gives the same verdict and the same bytes.
    await page.getByTestId('dossier-import').setInputFiles(first.file);
    await page.getByRole('status').filter({ hasText: 'Đã mở tệp' }).waitFor();
    assert.ok(dialogs.some((m) => m.includes('thay cho hồ sơ đang mở')), 'asked before replacing');
    assert.ok(dialogs.some((m) => m.includes('đã có bản nháp của cùng đơn vị')), 'asked before keeping a second draft of it');
    assert.equal(await level(page), '2');
    const second = await exported(page);
    assert.ok(second.bytes.equals(first.bytes), 'export → import → export gives the same bytes');

    // A damaged file: a message, and nothing lost.
    await page.getByTestId('dossier-import').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: first.bytes.subarray(0, 300) });
    const alert = page.getByTestId('import-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /Không mở được tệp “hong\.json”/);
    assert.match(await alert.innerText(), /không phải JSON hợp lệ \(lỗi ở dòng \d+, cột \d+\)/);
    await page.getByTestId('dossier-import').setInputFiles({ name: 'khac.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "dvht-dossier", "version": 3}') });
    await page.getByText('chỉ đọc được phiên bản 1').waitFor();
    await shot(page, 'journey-3-damaged-file');
    assert.equal(await field(page, 'unit.name').inputValue(), 'Phòng Văn hóa và Thông tin huyện Tam Đường');
    assert.equal(await level(page), '2');

    // Drag and drop opens a file too.
    const dropped = await page.evaluateHandle(async (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'keo-tha.json', { type: 'application/json' }));
      return dt;
    }, fs.readFileSync(fixture('spec-example.json'), 'utf8'));
    await page.locator('.app').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByRole('status').filter({ hasText: 'keo-tha.json' }).waitFor();
    assert.equal(await field(page, 'unit.name').inputValue(), 'Trường THPT Nguyễn Trãi');

    // Drafts: both dossiers are on the device; carry one forward; start new asks first.
    await page.locator('[data-act="drafts"]').click();
    const list = page.getByTestId('drafts');
    await list.waitFor();
    assert.equal(await list.locator('li').count(), 2, 'the agency once (its file replaced the typed draft, as asked) and the school');
    await shot(page, 'journey-4-drafts');
    await axe(page, 'the drafts list');
    await list.locator('li', { hasText: 'Trường THPT Nguyễn Trãi' }).locator('[data-act="carry"]').click();
    assert.equal(await field(page, 'year').inputValue(), '2026');
    assert.equal(await field(page, 'counts.members').inputValue(), '120');
    dialogs.length = 0;
    await page.locator('[data-act="new"]').click();
    assert.ok(dialogs.some((m) => m.includes('Bắt đầu hồ sơ mới?')));
    assert.equal(await page.getByTestId('verdict').getAttribute('data-state'), 'invalid');
    await page.locator('[data-act="drafts"]').click();
    assert.equal(await page.getByTestId('drafts').locator('li').count(), 3, 'the blank new dossier is not kept');

    // English, then back.
    await page.locator('[data-act="drafts"]').click();
    // The first module is Vietnamese only: English is the English app, loaded in its place
    // (the page reloads into it, and the dossier is there, saved).
    await page.locator('[data-act="lang"]').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await page.getByRole('heading', { name: 'Result', exact: true }).waitFor();
    assert.equal(await field(page, 'year').inputValue(), '2026', 'the same dossier');
    assert.ok(t.server.requests.some((u) => u.includes('dvht-web-en_bg.wasm')), 'the English module was fetched');
    await axe(page, 'the English page');
    await page.locator('[data-act="lang"]').click();
    await page.locator('html[lang="vi"]').waitFor({ state: 'attached' });
    await page.getByRole('heading', { name: 'Kết quả tự đánh giá', exact: true }).waitFor();

    assert.deepEqual(t.errors, []);
    assert.deepEqual(t.foreign, [], 'no request leaves the site');
  } finally {
    await t.close();
  }
});

test('leaving never asks while the device keeps the draft', async () => {
  const t = await open();
  try {
    await t.page.goto(t.server.url);
    await t.page.getByTestId('start-new').click();
    await field(t.page, 'unit.kind').selectOption('ubnd_xa');
    await fill(t.page, 'counts.members', '30');
    await t.page.getByTestId('save-state').filter({ hasText: 'Đã lưu' }).waitFor();
    const dialogs = [];
    t.page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
    const closed = t.page.waitForEvent('close');
    await t.page.close({ runBeforeUnload: true });
    await closed;
    assert.deepEqual(dialogs, [], 'saved on this device: nothing to lose, nothing to ask');
  } finally {
    await t.close();
  }
});

test('from 320 px wide, by keyboard alone', async () => {
  const t = await open({ viewport: { width: 320, height: 640 } });
  try {
    const page = t.page;
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 320 px (${overflow}px too wide)`);
    await shot(page, 'journey-5-320px');
    await axe(page, 'the page at 320 px');
    // The skip link comes first and leads to the form.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    await page.keyboard.press('Enter');
    // Every control can be reached and shows its focus.
    let seen = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const el = document.activeElement;
        const s = getComputedStyle(el);
        return { tag: el.tagName, id: el.id, s: s.outlineStyle + ' ' + s.outlineWidth, outline: s.outlineStyle !== 'none' && s.outlineWidth !== '0px' };
      });
      if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'A', 'SUMMARY'].includes(outline.tag)) {
        seen++;
        assert.ok(outline.outline, `visible focus on ${outline.tag} #${outline.id} ${outline.s}`);
      }
    }
    assert.ok(seen >= 30);
    // Changing a figure from the keyboard moves the verdict.
    await page.locator('[id="counts.members_advanced_worker"]').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('100');
    assert.equal(await level(page), '0');
  } finally {
    await t.close();
  }
});

test('with storage disabled, the app says so and keeps working', async () => {
  const t = await open();
  try {
    await t.page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied', 'SecurityError'); } });
    });
    await t.page.goto(t.server.url);
    const alert = t.page.getByRole('alert').filter({ hasText: 'không cho lưu dữ liệu' });
    await alert.waitFor();
    await t.page.getByTestId('start-new').click();
    await field(t.page, 'unit.kind').selectOption('ubnd_xa');
    await fill(t.page, 'counts.members', '30');
    assert.equal(await t.page.locator('#ind-2\\.1').count(), 1);
    const [download] = await Promise.all([t.page.waitForEvent('download'), t.page.getByTestId('export-json').click()]);
    const json = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    assert.equal(json.counts.members, 30, 'export still saves the work');
    // Exported: leaving loses nothing. A change after it cannot be kept here, so leaving asks.
    await fill(t.page, 'counts.members', '31');
    const asked = new Promise((resolve) => t.page.on('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
    await t.page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});
