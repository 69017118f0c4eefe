// Issue 13: the receiving side in Chromium. A Sở takes in a folder of 50 varied dossiers (and
// a .zip), checks the register against `dvht summary` on the same files, sets up its council,
// appraises three dossiers (one verdict changed), prints the papers (PDF text checked), exports
// them to Word (LibreOffice's PDF checked) and the tables to Excel (LibreOffice's CSV checked),
// and the appraisal file round-trips byte for byte. Screens go to tests/e2e/out/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { open, shot, OUT } from './harness.mjs';
import { writeFolder, text, dossier, A, B, C, DUPLICATE } from './appraisal-data.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const flat = (s) => s.replace(/\s+/g, ' ');
const IN = path.join(OUT, 'appraisal-in');

async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `axe-core violations on ${name}: ${JSON.stringify(result, null, 1)}`);
}

function pdfText(file) {
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/** `dvht summary` on the same files, from the release binary (built if it is not there). */
function summary(dir, zip) {
  const out = execFileSync('cargo', ['run', '--release', '--locked', '--quiet', '--bin', 'dvht', '--', 'summary', '--year', '2025', '--scope', 'tinh', dir, zip], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

const count = async (page, id) => Number(await page.getByTestId(id).getAttribute('data-count'));

/** Fills a control named by its path and leaves it, so it reports its change. */
async function set(page, pathName, value) {
  const el = page.locator(`[id="${pathName}"]`);
  const tag = await el.evaluate((e) => e.tagName);
  if (tag === 'SELECT') await el.selectOption(value);
  else {
    await el.fill(value);
    await el.press('Tab');
  }
}

/** Replaces window.print: each print job's #print-root is kept, to be laid out as a PDF. */
async function capturePrints(page) {
  await page.evaluate(() => {
    window.__jobs = [];
    window.print = () => { window.__jobs.push(document.getElementById('print-root').outerHTML); };
  });
}
async function printJobs(page, prefix) {
  const jobs = await page.evaluate(() => window.__jobs.splice(0));
  const files = [];
  for (const [i, job] of jobs.entries()) {
    await page.evaluate((html) => { document.getElementById('print-root').outerHTML = html; }, job);
    await page.evaluate(() => document.fonts.ready);
    const file = path.join(OUT, `${prefix}-${i + 1}.pdf`);
    await page.pdf({ path: file, preferCSSPageSize: true });
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '2', file, file.replace(/\.pdf$/, '')]);
    files.push(file);
  }
  await page.evaluate(() => { document.getElementById('print-root').innerHTML = ''; });
  return files;
}

async function download(page, click, prefix = '') {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = path.join(OUT, prefix + d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** Opens a unit's appraisal from the register by searching its name. */
async function openUnit(page, name) {
  await page.getByTestId('tab-intake').click();
  await page.getByTestId('search').fill(name);
  await page.locator('[data-testid=register-row] button.unit', { hasText: name }).last().click();
  await page.getByTestId('dossier-about').filter({ hasText: name }).waitFor();
  return Number(await page.locator('[data-testid=outcome] select').first().getAttribute('id').then((id) => /dossiers\[(\d+)\]/.exec(id)[1]));
}

test('a Sở takes in 50 dossiers, appraises three and prints the decision papers', async () => {
  const folder = writeFolder(IN);
  const s = summary(IN, folder.zip);
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    // The unit's first load does not fetch the receiving side; its start page links to it.
    await page.goto(t.server.url);
    await page.getByTestId('start').waitFor();
    assert.ok(!t.server.requests.some((u) => u.includes('dvht-appraisal')), 'not in the first load');
    await page.getByTestId('open-appraisal-mode').click();
    await page.waitForURL(/\?tiep-nhan$/);
    await page.getByTestId('tab-intake').waitFor();
    assert.ok(t.server.requests.some((u) => u.includes('dvht-appraisal_bg.wasm')));
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');

    // The body, the scope and the year; intake waits for them.
    assert.ok(await page.getByTestId('intake-files').isDisabled());
    for (const [p, v] of [['body.name', 'Sở Giáo dục và Đào tạo tỉnh Hưng Yên'], ['body.scope', 'tinh'], ['year', '2025'], ['body.province', 'Hưng Yên'],
      ['body.head', 'Trần Văn Giám'], ['body.signer_title', 'Giám đốc'], ['body.decision_maker', 'Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên'],
      ['body.parent', 'Ủy ban nhân dân tỉnh Hưng Yên']]) {
      await set(page, p, v);
    }
    await page.locator('[id="receipt.date"]').fill('2026-01-10');
    await page.locator('[id="receipt.channel"]').selectOption('online');

    // 43 files picked at once (one a .zip of nine): each checked, the bad ones listed.
    await page.getByTestId('intake-files').setInputFiles(folder.files);
    await page.getByTestId('notice').filter({ hasText: 'Đã tiếp nhận 42 hồ sơ; 8 tệp không tiếp nhận' }).waitFor({ timeout: 60000 });
    assert.equal(await count(page, 'count-dossiers'), folder.expected.entries);
    assert.equal(await count(page, 'count-valid'), folder.expected.valid);
    assert.equal(await count(page, 'count-invalid'), folder.expected.invalid);
    assert.equal(await count(page, 'count-rejected'), folder.expected.rejected);

    // The register says what `dvht summary` says of the same files.
    assert.equal(await count(page, 'count-valid'), s.valid, 'valid');
    for (const l of ['0', '1', '2']) assert.equal(await count(page, `count-level-${l}`), s.by_level[l], `level ${l}`);
    for (const r of ['first', 'renewal', 'upgrade', 'none']) assert.equal(await count(page, `count-${r}`), s.by_request[r], r);
    const byKind = Object.fromEntries(await page.locator('[data-testid=by-kind] tr[data-kind]').evaluateAll((rows) => rows.map((r) => [r.dataset.kind, r.dataset.counts])));
    assert.deepEqual(byKind, Object.fromEntries(Object.entries(s.by_kind).map(([k, n]) => [k, `${n['0']},${n['1']},${n['2']}`])));
    const reasons = await page.getByTestId('rejected-file').evaluateAll((li) => li.map((x) => x.dataset.reason));
    assert.equal(reasons.filter((r) => r === 'other_year' || r === 'other_scope').length, s.skipped.length, 'skipped');
    assert.equal(await count(page, 'count-invalid') + reasons.filter((r) => r !== 'other_year' && r !== 'other_scope').length, s.invalid.length, 'invalid');
    // Each file not taken in is named with the reason, in Vietnamese.
    const rejected = flat(await page.getByTestId('rejected').innerText());
    assert.match(rejected, /40-nam-2024\.json.*2024/);
    assert.match(rejected, /42-cap-huyen\.json.*cấp huyện/);
    assert.match(rejected, /ho-so-dot-2\.zip\/dot-2\/50-nam-2024\.json/);
    assert.match(rejected, /36-hong\.json/);
    // An invalid dossier names its file and its field.
    await page.getByTestId('search').fill('Sai Số');
    assert.match(flat(await page.getByTestId('register').innerText()), /33-sai-so\.json.*Số Thành viên/);
    // The same unit sent twice: the later replaces the earlier, and says so.
    await page.getByTestId('search').fill(DUPLICATE);
    assert.equal(await count(page, 'shown'), 2);
    const dup = flat(await page.getByTestId('register').innerText());
    assert.ok(dup.includes('Đã có hồ sơ gửi sau') && dup.includes('Thay hồ sơ gửi trước'), dup);
    // Filters and sorting.
    await page.getByTestId('search').fill('');
    await page.locator('[id="filter.level"]').selectOption('2');
    assert.equal(await count(page, 'shown'), s.by_level['2']);
    await page.locator('[id="filter.level"]').selectOption('');
    await page.locator('button.sort', { hasText: 'Tự đánh giá' }).click();
    await page.locator('button.sort', { hasText: 'Tự đánh giá' }).click();
    const levels = await page.locator('[data-testid=register-row] td[data-level]').evaluateAll((td) => td.map((x) => Number(x.dataset.level)));
    assert.deepEqual(levels, [...levels].sort((a, b) => b - a), 'sorted by level, highest first');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'appraisal-1-register');
    await axe(page, 'the register');

    // The council: warned while it is not as the text asks, then as it asks.
    await page.getByTestId('tab-council').click();
    for (const [p, v] of [['council.decision_no', '15/QĐ-SGDĐT'], ['council.decision_date', '2026-01-16'], ['council.method', 'meeting'], ['council.date', '2026-01-25']]) await set(page, p, v);
    const members = [
      ['Trần Văn Giám', 'chair', 'Sở Giáo dục và Đào tạo'],
      ['Lê Thị Thư', 'secretary', 'Sở Giáo dục và Đào tạo'],
      ['Nguyễn Văn Hội', 'member', 'Hội Khuyến học tỉnh Hưng Yên'],
      ['Phạm Thị Nội', 'member', 'Sở Nội vụ'],
    ];
    for (const [i, [name, role, org]] of members.entries()) {
      await page.getByTestId('add-member').click();
      await set(page, `council.members[${i}].name`, name);
      await set(page, `council.members[${i}].role`, role);
      await set(page, `council.members[${i}].organisation`, org);
    }
    const warnings = flat(await page.getByTestId('council-warnings').innerText());
    assert.match(warnings, /tối thiểu|ít nhất/i, warnings);
    assert.match(warnings, /chính trị/i, warnings);
    await page.getByTestId('add-member').click();
    await set(page, 'council.members[4].name', 'Hoàng Văn Đoàn');
    await set(page, 'council.members[4].role', 'member');
    await set(page, 'council.members[4].organisation', 'Tỉnh đoàn Hưng Yên');
    await page.getByTestId('council-ok').waitFor();
    await shot(page, 'appraisal-2-council');
    await axe(page, 'the council');

    // Three dossiers appraised: A recognised as asked; B with indicator 2.1 found không đạt,
    // so its level falls and it is refused; C recognised at level 1.
    const a = await openUnit(page, A);
    assert.equal(await page.getByTestId('council-level').getAttribute('data-level'), '2');
    await set(page, `dossiers[${a}].appraisal.outcome`, 'recognise');
    await page.getByTestId('recognised').waitFor();
    const b = await openUnit(page, B);
    assert.equal(await page.getByTestId('council-level').getAttribute('data-level'), '2');
    await set(page, `dossiers[${b}].appraisal.indicators.2.1.verdict`, 'fail');
    // Changed on purpose: a note is asked for.
    await page.locator(`[id="dossiers[${b}].appraisal.indicators.2.1.note-hint"]`).waitFor();
    await set(page, `dossiers[${b}].appraisal.indicators.2.1.note`, 'Danh sách thành viên không khớp số liệu');
    assert.equal(await page.getByTestId('council-level').getAttribute('data-level'), '0');
    await set(page, `dossiers[${b}].appraisal.outcome`, 'refuse');
    await set(page, `dossiers[${b}].appraisal.note`, 'Đề nghị rà soát lại số liệu thành viên.');
    await page.locator('[data-testid=verdict-row][data-id="2.1"].changed').waitFor();
    await shot(page, 'appraisal-3-dossier', true);
    await axe(page, 'a dossier appraised');
    const c = await openUnit(page, C);
    assert.equal(await page.getByTestId('council-level').getAttribute('data-level'), '1');
    await set(page, `dossiers[${c}].appraisal.outcome`, 'recognise');
    await page.getByTestId('recognised').waitFor();
    // Recognising beyond what the verdicts meet is refused by the engine.
    await openUnit(page, B);
    await set(page, `dossiers[${b}].appraisal.outcome`, 'recognise');
    assert.match(flat(await page.getByTestId('outcome-messages').innerText()), /không đạt mức độ nào|không thể công nhận|chưa đạt/i);
    await set(page, `dossiers[${b}].appraisal.outcome`, 'refuse');

    // The papers, each a print job of its own.
    await page.getByTestId('tab-papers').click();
    await page.locator('[data-testid=paper][data-key="request"]').waitFor();
    await capturePrints(page);
    await page.getByTestId(`print-letter:${b}`).click();
    await page.getByTestId('print-request').click();
    await page.getByTestId('print-report').click();
    await page.getByTestId('print-decision').click();
    const [letter, request, report, decision] = (await printJobs(page, 'appraisal-print')).map((f) => flat(pdfText(f)));
    assert.ok(letter.includes('V/v kết quả thẩm định') && letter.includes(`Kính gửi: ${B}`), letter);
    assert.ok(letter.includes('2.1') && letter.includes('Danh sách thành viên không khớp số liệu') && letter.includes('Đề nghị rà soát lại số liệu thành viên'), letter);
    assert.ok(request.includes('TỜ TRÌNH') && request.includes('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên'), request);
    assert.ok(request.includes('công nhận 2 đơn vị (mức độ 1: 1; mức độ 2: 1)'), request);
    assert.ok(request.includes('Quyết định số 15/QĐ-SGDĐT ngày 16/01/2026'), request);
    assert.ok(report.includes('BÁO CÁO') && report.includes('Hội đồng đã tổ chức cuộc họp Hội đồng'), report);
    assert.ok(report.includes(`${B}: chỉ tiêu 2.1 (Danh sách thành viên không khớp số liệu)`), report);
    assert.ok(decision.includes('QUYẾT ĐỊNH') && decision.includes('DỰ THẢO') && decision.includes('DANH SÁCH'), decision);
    assert.ok(decision.includes(A) && decision.includes(C) && !decision.includes(B), 'the list: A and C, never B');
    // "Print all": each paper its own job — the letter, Tờ trình, Báo cáo, two Bản tổng hợp,
    // the decision with its list.
    await page.getByTestId('print-all').click();
    assert.equal(await page.evaluate(() => window.__jobs.length), 6);
    await page.evaluate(() => { window.__jobs = []; });
    await page.locator('[data-act=preview][data-arg=decision]').click();
    await page.locator('[data-testid=preview] .doc').first().waitFor();
    await shot(page, 'appraisal-4-papers');
    await axe(page, 'the papers');

    // Word: LibreOffice opens it and reads the same papers.
    const docx = await download(page, () => page.getByTestId('word-all').click());
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], { stdio: 'ignore' });
    const word = flat(pdfText(docx.replace(/\.docx$/, '.pdf')));
    for (const words of ['V/v kết quả thẩm định', 'TỜ TRÌNH', 'BÁO CÁO', 'BẢN TỔNG HỢP', 'QUYẾT ĐỊNH', 'DANH SÁCH', A, B, C, 'Danh sách thành viên không khớp số liệu']) {
      assert.ok(word.includes(words), `the Word file: ${words}`);
    }

    // The year's report, its chart, and every table to Excel (re-read by LibreOffice).
    await page.getByTestId('tab-report').click();
    await page.getByTestId('chart').waitFor();
    assert.equal(await count(page, 'tally-recognised'), 2);
    assert.equal(await count(page, 'tally-refused'), 1);
    assert.match(flat(await page.getByTestId('deadlines').innerText()), /15\/02\/2026/);
    await shot(page, 'appraisal-5-report');
    await axe(page, 'the year report');
    const xlsx = await download(page, () => page.getByTestId('report-xlsx').click());
    const sheetsDir = path.join(OUT, 'appraisal-xlsx');
    fs.rmSync(sheetsDir, { recursive: true, force: true });
    execFileSync('soffice', ['--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', sheetsDir, xlsx], { stdio: 'ignore' });
    const csvs = Object.fromEntries(fs.readdirSync(sheetsDir).map((f) => [f, fs.readFileSync(path.join(sheetsDir, f), 'utf8')]));
    const intake = Object.entries(csvs).find(([f]) => f.includes('Sổ tiếp nhận'));
    assert.ok(intake, `the register's sheet among ${Object.keys(csvs)}`);
    const rows = intake[1].trim().split('\n');
    assert.equal(rows.length, 1 + folder.expected.entries, 'a header and one row per dossier');
    assert.ok(rows.some((r) => r.includes(A) && r.includes('Đề nghị công nhận mức độ 2')), 'A, recognised');
    assert.ok(rows.some((r) => r.includes(B) && r.includes('Không công nhận')), 'B, refused');
    const notTaken = Object.entries(csvs).find(([f]) => f.includes('không tiếp nhận'));
    assert.equal(notTaken[1].trim().split('\n').length, 1 + folder.expected.rejected);

    // The register for next year, with this year's two recognitions.
    await page.getByTestId('tab-registry').click();
    assert.equal(await page.locator('[data-testid=this-year] tbody tr').count(), 2);
    await shot(page, 'appraisal-6-registry');
    await axe(page, 'the register of recognitions');

    // The appraisal file: export → import → export gives the same bytes.
    const first = await download(page, () => page.getByTestId('export-appraisal').click(), 'first-');
    await page.getByTestId('open-appraisal').setInputFiles(first);
    await page.getByTestId('notice').filter({ hasText: 'Đã mở tệp' }).waitFor();
    const second = await download(page, () => page.getByTestId('export-appraisal').click(), 'second-');
    assert.ok(fs.readFileSync(first).equals(fs.readFileSync(second)), 'the same bytes');
    const saved = JSON.parse(fs.readFileSync(first, 'utf8'));
    assert.equal(saved.format, 'dvht-appraisal');
    assert.equal(saved.dossiers[b].appraisal.indicators['2.1'].verdict, 'fail');
    // Each embedded dossier is the file as received: its SHA-256 is the file's.
    const received = fs.readFileSync(path.join(IN, '01-nguyen-trai.json'));
    const sha = (await import('node:crypto')).createHash('sha256').update(received).digest('hex');
    assert.equal(saved.dossiers[a].sha256, sha);

    // Kept on this device: a reload brings it all back.
    await page.reload();
    await page.getByTestId('register').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid=progress]'));
    assert.equal(await count(page, 'count-dossiers'), folder.expected.entries);
    await page.getByTestId('tab-report').click();
    assert.equal(await count(page, 'tally-recognised'), 2);
    const third = await download(page, () => page.getByTestId('export-appraisal').click(), 'third-');
    assert.ok(fs.readFileSync(first).equals(fs.readFileSync(third)), 'the same bytes after a reload');
    assert.deepEqual(t.errors, []);
    assert.deepEqual(t.foreign, []);
  } finally {
    await t.close();
  }
});

test('files dropped, a bad file among good ones, English, and offline after the first use', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(`${t.server.url}?tiep-nhan`);
    await page.getByTestId('tab-intake').waitFor();
    for (const [p, v] of [['body.name', 'Sở Giáo dục và Đào tạo tỉnh Lai Châu'], ['body.scope', 'tinh']]) await set(page, p, v);
    // What is being typed stays while something else redraws the page before the field reports
    // it (a save finishing, files dragged over): Yew puts a control's rendered value back.
    const year = page.locator('[id="year"]');
    await year.fill('2025');
    await page.evaluate(() => document.querySelector('[data-testid=drop]').dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true })));
    await page.locator('[data-testid=drop].dragging').waitFor();
    assert.equal(await year.inputValue(), '2025', 'the typed year survives a render');
    await year.press('Tab');
    assert.equal(await page.getByTestId('not-ready').count(), 0, 'the year is recorded on leaving the field');
    // Dropped files (one not a dossier at all) are taken in like picked ones.
    const files = [
      { name: 'mot.json', body: text(dossier({ name: 'Trường THPT Mường Tè' })) },
      { name: 'hai.json', body: text(dossier({ name: 'Trường THPT Sìn Hồ', level: 1 })) },
      { name: 'anh.png', body: '\x89PNG' },
    ];
    await page.evaluate((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([f.body], f.name));
      const zone = document.querySelector('[data-testid=drop]');
      zone.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt }));
      zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, files);
    await page.getByTestId('notice').filter({ hasText: 'Đã tiếp nhận 2 hồ sơ; 1 tệp không tiếp nhận' }).waitFor();
    assert.match(flat(await page.getByTestId('rejected').innerText()), /anh\.png/);
    // A file that is no appraisal file is refused by name, field by field; nothing changes.
    const bad = path.join(OUT, 'khong-phai-tham-dinh.json');
    fs.writeFileSync(bad, JSON.stringify({ format: 'dvht-appraisal', version: 1, year: 'hai nghìn', body: [] }));
    await page.getByTestId('open-appraisal').setInputFiles(bad);
    const problem = flat(await page.getByTestId('problem').innerText());
    assert.match(problem, /khong-phai-tham-dinh\.json/);
    assert.match(problem, /Năm đánh giá/);
    assert.match(problem, /Cơ quan tiếp nhận hồ sơ/);
    assert.equal(await count(page, 'count-dossiers'), 2);
    // English, inside the mode.
    await page.locator('[data-act=lang]').click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    assert.match(await page.getByTestId('tab-intake').innerText(), /Intake/);
    await page.locator('[data-act=lang]').click();
    await page.locator('html[lang="vi"]').waitFor({ state: 'attached' });
    // A phone's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'appraisal-7-phone');
    await axe(page, 'the register on a phone');
    // Once opened it works offline: the module and its styles are kept by the service worker.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await page.reload();
    await page.getByTestId('register').waitFor();
    await t.server.close();
    await page.reload();
    await page.getByTestId('register').waitFor();
    assert.equal(await count(page, 'count-dossiers'), 2);
    assert.equal(await page.locator('.tabs').evaluate((e) => getComputedStyle(e).display), 'flex', 'styled offline');
    assert.deepEqual(t.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
  } finally {
    await t.close();
  }
});
