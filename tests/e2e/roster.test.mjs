// Issue 14: the member list in the browser. The template is downloaded, filled by a script and
// imported; the counts come from it (read-only, computed), the verdict follows, the shortfall
// names who is missing; the dossier is exported with and without the list, the annex printed
// only when ticked; a second file is previewed (columns understood, every problem by row and
// column) and replaces or merges. Screens go to tests/e2e/out/ at 1280 px and 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { open, shot, fixture, OUT, controlled, watchCsp } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const field = (page, id) => page.locator(`[id="${id}"]`);
const level = (page) => page.getByTestId('verdict').getAttribute('data-level');
const flat = (text) => text.replace(/\s+/g, ' ');

async function axe(page, name, include) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async (include) => {
    const r = await window.axe.run(include ? { include: [include] } : document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, include);
  assert.deepEqual(result, [], `axe-core violations on ${name}: ${JSON.stringify(result, null, 1)}`);
}

async function download(page, locator) {
  const [d] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const file = path.join(OUT, `roster-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return file;
}

/** A CSV line, as Excel and the template quote it. */
function parseLine(line) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}
const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang'];
/** 40 members: the 40th is "Vũ Thị Giang" … each name once. */
const NAMES = Array.from({ length: 40 }, (_, i) => `${FAMILY[i % 8]} ${i % 2 ? 'Thị' : 'Văn'} ${GIVEN[Math.floor(i / 8)]}`);

/**
 * The template filled in by a script, as an office would: 40 members, every one keeping
 * discipline; 38 completing their training (95%: exactly the level-2 threshold of 2.2); 36
 * “Công dân học tập” for 2024-2025 (90%: exactly level 1; level 2 needs 38, short by 2).
 */
function fill(template) {
  const text = template.replace(/^\uFEFF/, '');
  const header = parseLine(text.split(/\r?\n/)[0]);
  const col = (words) => {
    const i = header.findIndex((h) => h.includes(words));
    assert.ok(i >= 0, `the template has a column "${words}": ${header.join(' | ')}`);
    return i;
  };
  const c = {
    name: col('Họ và tên'), position: col('Chức vụ'), discipline: col('kỷ luật'), training: col('Hoàn thành'),
    digital: col('chuyển đổi số'), certificate: col('chứng chỉ'), proficiency: col('trình độ'),
    advanced: col('Đạt “Lao động tiên tiến”'), advancedNo: col('Số quyết định “Lao động'), advancedYear: col('Năm, năm học “Lao động'),
    citizen: col('Đạt “Công dân học tập”'), citizenNo: col('Số quyết định “Công dân'), citizenYear: col('Năm, năm học “Công dân'),
  };
  const rows = [header.map(quote).join(',')];
  NAMES.forEach((name, i) => {
    const n = i + 1;
    const row = header.map(() => '');
    row[0] = String(n);
    row[c.name] = name;
    row[c.position] = n === 1 ? 'Hiệu trưởng' : 'Giáo viên';
    row[c.discipline] = 'x';
    row[c.training] = n <= 38 ? 'có' : '';
    row[c.digital] = n <= 39 ? 'x' : 'không';
    row[c.certificate] = n <= 30 ? '1' : '0';
    row[c.proficiency] = n <= 30 ? 'đạt' : '';
    row[c.advanced] = n <= 39 ? 'x' : '';
    if (n <= 39) { row[c.advancedNo] = '45/QĐ-SGDĐT'; row[c.advancedYear] = '2025'; }
    if (n <= 36) { row[c.citizen] = 'x'; row[c.citizenNo] = '12/QĐ-HKH'; row[c.citizenYear] = '2024-2025'; }
    rows.push(row.map(quote).join(','));
  });
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

const MISSING = NAMES.slice(36);

/** Every print job's text (window.print replaced). */
async function printJobs(page, click) {
  await page.evaluate(() => { window.__jobs = []; window.print = () => { window.__jobs.push(document.getElementById('print-root').innerText); }; });
  await click();
  await page.waitForFunction(() => window.__jobs.length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(200);
  return page.evaluate(() => window.__jobs.splice(0));
}

/** Whether the page itself has fetched the spreadsheet module (the service worker precaches it apart). */
const sheetsLoaded = (page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('dvht-sheets')));

test('a member list from the template: computed counts, the verdict, who is missing, export and the annex', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    const panel = page.getByTestId('roster');
    await panel.waitFor();
    // Who counts as a member, in the words of Điều 2.5–2.7.
    await panel.locator('details.who summary').click();
    assert.match(flat(await panel.innerText()), /Cán bộ công nhân viên là “cán bộ, công chức, viên chức;.*\(khoản 5 Điều 2\).*\(khoản 6 Điều 2\)/);
    // The panel's body is the spreadsheet module's, fetched after the first screen.
    assert.equal(await sheetsLoaded(page), true, 'the module that draws the panel is there');
    assert.equal(await page.locator('link[href="roster.css"]').count(), 1, 'with its styles');

    // The template, generated from the rules table.
    const template = fs.readFileSync(await download(page, page.getByTestId('roster-template-csv')), 'utf8');
    assert.ok(template.startsWith('\uFEFFSTT,Họ và tên,Chức vụ,Bộ phận,'), template.slice(0, 80));
    const xlsx = fs.readFileSync(await download(page, page.getByTestId('roster-template-xlsx')));
    assert.equal(xlsx.subarray(0, 2).toString(), 'PK', 'a workbook');

    // Filled in and imported: the draft had no list, so it takes effect at once.
    const filled = fill(template);
    fs.writeFileSync(path.join(OUT, 'roster-danh-sach-40.csv'), filled);
    await page.getByTestId('roster-import').setInputFiles({ name: 'danh-sach-40.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
    const preview = page.locator('[data-testid=roster-preview][data-state=applied]');
    await preview.waitFor();
    assert.match(flat(await preview.innerText()), /Đã thêm 40 và cập nhật 0 thành viên/);
    assert.match(flat(await preview.innerText()), /B Họ và tên Họ và tên/, 'how each column was understood');

    // The counts come from the list: shown read-only, and said so.
    const counts = { members: '40', members_discipline: '40', members_training_completed: '38', members_digital: '39',
      members_language_certificate: '30', members_language_proficiency: '30', members_advanced_worker: '39', members_learning_citizen: '36' };
    for (const [k, v] of Object.entries(counts)) {
      const input = field(page, `counts.${k}`);
      assert.equal(await input.inputValue(), v, k);
      assert.equal(await input.evaluate((e) => e.readOnly), true, `${k} is read-only`);
      assert.equal(await input.getAttribute('name'), null, `${k} is not an edit`);
    }
    assert.match(await page.locator('[id="counts.members-list"]').innerText(), /Tính từ danh sách Thành viên/);
    assert.equal(await field(page, 'counts.learners').inputValue(), '1.500', 'learners stay as typed (no groups)');
    assert.equal(await field(page, 'counts.learners').evaluate((e) => e.readOnly), false);

    // The verdict: 2.2 passes at exactly 95%; 3.1 meets 90% exactly (level 1) and is 2 short of 95%.
    await page.locator('[data-testid=verdict][data-level="1"]').waitFor();
    assert.match(await page.locator('#ind-2\\.2 [data-level="2"]').innerText(), /Đạt/);
    assert.match(await page.locator('#ind-3\\.1 [data-level="1"]').innerText(), /Đạt/);
    assert.match(await page.locator('#ind-3\\.1 [data-level="2"]').innerText(), /Chưa đạt \(thiếu 2 thành viên\)/);
    const verdict = flat(await page.getByTestId('verdict').innerText());
    assert.match(verdict, /Đạt mức độ 1/);
    // Who is missing, by name, in the result panel.
    const missing = page.getByTestId('missing');
    assert.equal(await missing.getAttribute('data-input'), 'members_learning_citizen');
    assert.equal(flat(await missing.innerText()).trim(), `4 thành viên chưa đạt “Công dân học tập”: ${MISSING.join(', ')}`);
    await shot(page, 'roster-1-imported');
    const top = (locator) => locator.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await top(page.locator('#h-roster'));
    await shot(page, 'roster-2-panel');
    await top(page.locator('#ind-3\\.1'));
    await shot(page, 'roster-2-counts');
    await axe(page, 'the form with a member list and its import');

    // The import can be undone: the list goes, the typed counts are back.
    await page.getByTestId('undo').locator('[data-act="undo"]').click();
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    assert.equal(await field(page, 'counts.members').inputValue(), '120');
    assert.equal(await page.getByTestId('roster-preview').count(), 0);
    await page.getByTestId('roster-import').setInputFiles({ name: 'danh-sach-40.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
    await page.locator('[data-testid=verdict][data-level="1"]').waitFor();

    // Back to the typed counts, and to the list again: nothing typed was lost.
    await page.getByTestId('roster-use').click();
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    assert.equal(await field(page, 'counts.members').inputValue(), '120');
    assert.equal(await page.getByTestId('missing').count(), 0);
    await page.getByTestId('roster-use').click();
    await page.locator('[data-testid=verdict][data-level="1"]').waitFor();

    // The dossier file: the list's counts always, the names only when ticked.
    const bare = JSON.parse(fs.readFileSync(await download(page, page.getByTestId('export-json')), 'utf8'));
    assert.equal(bare.roster, undefined, 'no names unless asked');
    assert.equal(bare.counts.members, 40);
    assert.equal(bare.counts.members_learning_citizen, 36);
    assert.ok(!JSON.stringify(bare).includes(NAMES[0]));
    await page.getByTestId('export-roster').check();
    const full = JSON.parse(fs.readFileSync(await download(page, page.getByTestId('export-json')), 'utf8'));
    assert.equal(full.roster.counts_from_list, true);
    assert.equal(full.roster.typed_counts.members, 120, 'the typed counts, to go back to');
    assert.equal(full.roster.members.length, 40);
    assert.deepEqual(full.roster.members.slice(36).map((m) => m.name), MISSING);
    assert.deepEqual(full.roster.members[0].titles.members_learning_citizen, { decision: '12/QĐ-HKH', for: '2024-2025' });
    await page.getByTestId('export-roster').uncheck();

    // The list itself, as .xlsx and .csv, reads back as it was.
    const csv = fs.readFileSync(await download(page, page.getByTestId('roster-export-csv')), 'utf8');
    assert.equal(csv.trim().split(/\r?\n/).length, 41);
    assert.ok(csv.includes(NAMES[39]));
    const book = fs.readFileSync(await download(page, page.getByTestId('roster-export-xlsx')));
    assert.equal(book.subarray(0, 2).toString(), 'PK');

    // The documents: the annex only when ticked, never in the report to publish.
    await page.getByTestId('documents').click();
    await page.locator('[data-testid=preview] .doc').first().waitFor();
    assert.ok(!(await page.getByTestId('preview').innerText()).includes('DANH SÁCH THÀNH VIÊN'));
    let jobs = await printJobs(page, () => page.locator('[data-act="print"][data-arg=""]').click());
    const filed = jobs.length;
    assert.ok(filed >= 2, 'the filed documents');
    assert.ok(!jobs.join('').includes(NAMES[0]));
    await page.getByTestId('annex').check();
    await page.getByTestId('preview').getByText('DANH SÁCH THÀNH VIÊN').waitFor();
    jobs = await printJobs(page, () => page.locator('[data-act="print"][data-arg=""]').click());
    assert.equal(jobs.length, filed + 1, 'and the annex, a job of its own');
    const annex = jobs[filed];
    assert.match(flat(annex), /DANH SÁCH THÀNH VIÊN/);
    for (const name of [NAMES[0], ...MISSING]) assert.ok(annex.includes(name), name);
    const docx = fs.readFileSync(await download(page, page.getByTestId('export-docx')));
    assert.ok(docx.includes(Buffer.from('DANH SÁCH THÀNH VIÊN')) && docx.includes(Buffer.from(NAMES[39])), 'the Word file has the annex');
    const html = fs.readFileSync(await download(page, page.getByTestId('export-html')), 'utf8');
    assert.ok(!html.includes('DANH SÁCH THÀNH VIÊN') && !html.includes(NAMES[0]), 'the published report names no one');
    await shot(page, 'roster-3-documents-annex');
    await page.getByTestId('preview').getByText('DANH SÁCH THÀNH VIÊN').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(page, 'roster-3-annex-preview');
    await page.getByTestId('annex').uncheck();
    const plain = fs.readFileSync(await download(page, page.getByTestId('export-docx')));
    assert.ok(!plain.includes(Buffer.from(NAMES[39])), 'no annex, no names in Word');
    await page.getByTestId('documents').click();

    // Kept in the draft: a reload brings the list back.
    await page.reload();
    await page.locator('[data-testid=verdict][data-level="1"]').waitFor();
    assert.equal(await field(page, 'counts.members').inputValue(), '40');
    assert.match(await page.getByTestId('roster-status').innerText(), /40 thành viên/);
    assert.deepEqual(t.errors, []);
    assert.deepEqual(t.foreign, []);
  } finally {
    await t.close();
  }
});

test('a second file is previewed first: columns understood, problems by row and column, replace or merge', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    // A workbook saved by LibreOffice, the first list: at once.
    await page.getByTestId('roster-import').setInputFiles(fixture('roster/libreoffice.xlsx'));
    await page.locator('[data-testid=roster-preview][data-state=applied]').waitFor();
    const before = await field(page, 'counts.members').inputValue();
    assert.ok(Number(before) > 0);
    await page.getByTestId('roster-close').click();
    assert.equal(await page.getByTestId('roster-preview').count(), 0);

    // A file with bad rows: nothing changes until the user chooses.
    await page.getByTestId('roster-import').setInputFiles(fixture('roster/bad-rows.csv'));
    const preview = page.locator('[data-testid=roster-preview][data-state=pending]');
    await preview.waitFor();
    const problems = await page.getByTestId('roster-problems').locator('li').allInnerTexts();
    assert.ok(problems.length >= 3, problems.join('\n'));
    for (const p of problems) assert.match(p, /^Dòng \d+, cột [A-Z]+: /, p);
    assert.ok(problems.some((p) => /không hiểu giá trị “có lẽ”/.test(p)), 'an unknown value');
    assert.ok(problems.some((p) => /thiếu họ tên/.test(p)), 'an empty name');
    assert.ok(problems.some((p) => /đã có ở dòng/.test(p)), 'a name twice');
    assert.equal(await page.locator('.roster-preview li.error').first().evaluate((e) => getComputedStyle(e).color), 'rgb(159, 20, 20)');
    assert.match(flat(await preview.innerText()), /LĐTT Đạt danh hiệu “Lao động tiên tiến”|LĐTT Số Thành viên đạt danh hiệu “Lao động tiên tiến”/);
    assert.equal(await field(page, 'counts.members').inputValue(), before, 'nothing changed yet');
    await preview.scrollIntoViewIfNeeded();
    await shot(page, 'roster-4-preview');
    await axe(page, 'the import preview', '[data-testid=roster-preview]');
    await page.getByTestId('roster-close').click();
    assert.equal(await field(page, 'counts.members').inputValue(), before, 'cancelled');

    // Merged by name: the same people are updated, the others stay.
    await page.getByTestId('roster-import').setInputFiles(fixture('roster/openpyxl.xlsx'));
    await page.getByTestId('roster-merge').click();
    const merged = page.locator('[data-testid=roster-preview][data-state=applied]');
    await merged.waitFor();
    assert.match(flat(await merged.innerText()), /cập nhật \d+ thành viên/);
    // Replaced by a list of its own: the counts follow it, and undo takes it back.
    const small = `\uFEFFHo ten,CDHT\r\nA Một,x\r\nB Hai,\r\n`;
    await page.getByTestId('roster-import').setInputFiles({ name: 'hai-nguoi.csv', mimeType: 'text/csv', buffer: Buffer.from(small) });
    await page.getByTestId('roster-replace').click();
    await page.locator('[data-testid=roster-preview][data-state=applied]').filter({ hasText: 'hai-nguoi.csv' }).waitFor();
    assert.equal(await field(page, 'counts.members').inputValue(), '2');
    assert.equal(await field(page, 'counts.members_learning_citizen').inputValue(), '1');
    assert.equal(await field(page, 'counts.members_discipline').evaluate((e) => e.readOnly), false, 'a column the file lacks stays typed');
    await page.getByTestId('undo').locator('[data-act="undo"]').click();
    await page.waitForFunction((b) => document.getElementById('counts.members').value !== '2', before);
    // "Thay" applies what the preview showed, even when the file was changed on disk since
    // (edited in Excel, say): never a list the user did not see.
    const onDisk = path.join(OUT, 'roster-edited-after-preview.csv');
    fs.writeFileSync(onDisk, small);
    await page.getByTestId('roster-import').setInputFiles(onDisk);
    await page.locator('[data-testid=roster-preview][data-state=pending]').waitFor();
    fs.writeFileSync(onDisk, `\uFEFFHo ten,CDHT\r\nA Một,x\r\nB Hai,\r\nC Ba,x\r\n`);
    await page.getByTestId('roster-replace').click();
    await page.locator('[data-testid=roster-preview][data-state=applied]').filter({ hasText: 'roster-edited-after-preview.csv' }).waitFor();
    assert.equal(await field(page, 'counts.members').inputValue(), '2', 'the previewed list, not the file as edited since');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('on a phone: the list, its preview and who is missing fit 360 px', async () => {
  const t = await open({ viewport: { width: 360, height: 780 } });
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=summary-bar][data-level="2"]').waitFor();
    await page.getByTestId('roster-import').setInputFiles(fixture('roster/bad-rows.csv'));
    const preview = page.locator('[data-testid=roster-preview][data-state=applied]');
    await preview.waitFor();
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `no sideways scrolling: ${wide}px`);
    // Scrolled to just under the verdict bar that stays in view.
    const top = (locator) => locator.evaluate((e) => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -48); });
    await top(page.locator('#h-roster'));
    await shot(page, 'roster-5-phone-panel');
    await top(preview.locator('h3'));
    await shot(page, 'roster-6-phone-preview');
    await top(page.getByTestId('roster-problems'));
    await shot(page, 'roster-7-phone-problems');
    await top(page.locator('[id="counts.members"]'));
    await shot(page, 'roster-8-phone-counts');
    await top(page.getByTestId('missing').first());
    await shot(page, 'roster-9-phone-missing');
    await axe(page, 'the phone layout');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('the spreadsheet module is cached for offline use: a list imports with the server gone', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  await watchCsp(t.context);
  try {
    await page.goto(t.server.url);
    await page.getByTestId('start').waitFor();
    await controlled(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    // Precached in the background (web/modules.rs): a unit may prepare its dossier offline.
    const cached = await page.evaluate(async () => {
      const names = [];
      for (const key of await caches.keys()) for (const r of await (await caches.open(key)).keys()) names.push(new URL(r.url).pathname.split('/').pop());
      return names;
    });
    assert.ok(cached.includes('dvht-sheets_bg.wasm') && cached.includes('dvht-sheets.js'), cached.join(' '));
    await t.server.close();
    await page.reload();
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    await page.getByTestId('roster-import').setInputFiles(fixture('roster/members-utf16le.txt'));
    await page.locator('[data-testid=roster-preview][data-state=applied]').waitFor();
    assert.notEqual(await field(page, 'counts.members').inputValue(), '120');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(t.errors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED')), []);
  } finally {
    await t.close();
  }
});

test('the first module carries no spreadsheet code; the module that does is fetched apart', () => {
  const files = fs.readdirSync('dist');
  const first = files.find((f) => /^dvht-web-[0-9a-f]+_bg\.wasm$/.test(f));
  const sheets = files.find((f) => f === 'dvht-sheets_bg.wasm');
  assert.ok(first && sheets, files.join(' '));
  const has = (file, text) => fs.readFileSync(path.join('dist', file)).includes(Buffer.from(text));
  // The workbook reader's and writer's part names, the import's header phrases.
  for (const text of ['xl/workbook.xml', 'xl/sharedStrings.xml', 'ho va ten thanh vien']) {
    assert.ok(has(sheets, text), `the module has "${text}"`);
    assert.ok(!has(first, text), `the first module has no "${text}"`);
  }
  assert.ok(!fs.readFileSync('dist/index.html', 'utf8').includes('dvht-sheets'), 'not preloaded');
});
