// Issue 4: the printed dossier, as a unit gets it from the app in Debian's Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { open, fixture, OUT, CHROMIUM_ARGS } from './harness.mjs';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol: the app's CSP rightly refuses injected <script>s.
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const field = (page, id) => page.locator(`[id="${id}"]`);
const flat = (text) => text.replace(/\s+/g, ' ');

/** The text of a PDF in content order (-raw), so a table cell's words stay together. */
function pdfText(file, first, last) {
  const args = ['-raw'];
  if (first) args.push('-f', String(first), '-l', String(last ?? first));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}
const pages = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);

/** Renders every page as an image in tests/e2e/out, to be looked at. */
function images(file, prefix) {
  execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(OUT, prefix)]);
}

/** What every rendering of the documents must say (issue 4, "Done when"). */
function checkDocuments(text, where) {
  const t = flat(text);
  for (const heading of ['TỜ TRÌNH', 'BÁO CÁO', 'BẢN TỔNG HỢP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']) {
    assert.ok(t.includes(heading), `${where}: ${heading}`);
  }
  assert.ok(t.includes('Trường THPT Nguyễn Trãi'), `${where}: the unit's name`);
  assert.ok(t.includes('Số: 15/TTr-THPTNT') && t.includes('Hưng Yên, ngày 05 tháng 01 năm 2026'), `${where}: number, place and date`);
  // Every indicator of a tỉnh THPT, with its verdict in the report and a row in the summary.
  for (const id of ['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1', '3.2', '3.3', '3.4']) {
    // The sentence of this indicator, up to the next one: its verdict for both levels.
    assert.match(t, new RegExp(`Chỉ tiêu ${id.replace('.', '\\.')} \\((?:(?!Chỉ tiêu).)*?Tự đánh giá: mức độ 1 Đạt, mức độ 2 Đạt\\.`), `${where}: ${id}`);
    assert.ok(t.includes(`${id}. `), `${where}: summary row ${id}`);
  }
  assert.ok(t.includes('Không áp dụng'), `${where}: 3.5 and 3.6 do not apply`);
  assert.ok(!t.includes('Xuất tệp JSON'), `${where}: the documents, not the form`);
}

async function download(page, testid, prefix = '') {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const file = path.join(OUT, prefix + d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

test('printing, Word, the published report and finalising', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    const json1 = await download(page, 'export-json');

    // The details the documents need, and one member of the assessment team.
    await page.getByTestId('documents').click();
    for (const [id, v] of [['report.request_no', '15/TTr-THPTNT'], ['report.report_no', '16/BC-THPTNT'], ['report.place', 'Hưng Yên'], ['report.date', '2026-01-05'], ['report.signer_title', 'Hiệu trưởng'], ['report.parent', 'Sở Giáo dục và Đào tạo Hưng Yên']]) {
      await field(page, id).fill(v);
    }
    await page.locator('[data-act="add-member"]').click();
    await page.keyboard.type('Nguyễn Văn A');
    await field(page, 'report.team[0].position').fill('Hiệu trưởng');
    await field(page, 'report.team[0].role').fill('Tổ trưởng');
    await page.locator('[data-testid=preview] .doc').first().waitFor();
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] })).violations.map((v) => v.id));
    assert.deepEqual(violations, [], 'axe-core on the documents view');
    await page.screenshot({ path: path.join(OUT, 'documents-view.png') });

    // Ctrl+P prints the documents: the browser fires beforeprint, the app fills #print-root.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.evaluate(() => document.fonts.ready);
    const printed = path.join(OUT, 'print-all.pdf');
    await page.pdf({ path: printed, preferCSSPageSize: true });
    checkDocuments(pdfText(printed), 'the printed page');
    // The shipped stand-in for Times New Roman loads from the app and covers Vietnamese. (Here
    // fontconfig maps Times New Roman to the system's Liberation Serif, so it is not needed.)
    const shipped = await page.evaluate(async () => {
      const faces = await Promise.all(['400', '700'].flatMap((w) => ['normal', 'italic'].map((s) => document.fonts.load(`${s} ${w} 13pt "DVHT Serif"`, 'Đơn vị học tập'))));
      return { loaded: faces.flat().length, covers: document.fonts.check('13pt "DVHT Serif"', 'Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc ≥ 90%') };
    });
    assert.deepEqual(shipped, { loaded: 4, covers: true });
    assert.ok(t.server.requests.some((u) => u.includes('fonts/LiberationSerif-BoldItalic.woff2')));
    const fonts = execFileSync('pdffonts', [printed], { encoding: 'utf8' });
    assert.match(fonts, /LiberationSerif/);
    assert.doesNotMatch(fonts, /DejaVu/, 'no fallback to a sans font');
    assert.equal(pdfText(printed, 1).trim().split('\n')[0].trim(), 'DỰ THẢO', 'no number on the first page; a draft says so');
    images(printed, 'print-all');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    assert.equal(await page.locator('#print-root').innerHTML(), '');

    // One document alone: numbered from 1, no number on its first page.
    await page.evaluate(() => { window.print = () => { window.__printed = document.getElementById('print-root').outerHTML; }; });
    await page.locator('[data-act="print"][data-arg="report"]').click();
    await page.evaluate(() => { document.getElementById('print-root').outerHTML = window.__printed; });
    const report = path.join(OUT, 'print-report.pdf');
    await page.pdf({ path: report, preferCSSPageSize: true });
    assert.ok(pages(report) >= 3);
    assert.ok(flat(pdfText(report)).includes('BÁO CÁO') && !flat(pdfText(report)).includes('TỜ TRÌNH'));
    assert.doesNotMatch(pdfText(report, 1).split('\n').slice(0, 3).join(' '), /^\s*1\s*$/m);
    assert.equal(pdfText(report, 2).trim().split('\n')[0].trim(), '2', 'the second page is numbered 2');
    images(report, 'print-report');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

    // Word: made by the worker, opened by LibreOffice, says the same.
    const docx = await download(page, 'export-docx');
    assert.match(path.basename(docx), /^dvht-truong-thpt-nguyen-trai-2025\.docx$/);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], { stdio: 'ignore' });
    const fromWord = docx.replace(/\.docx$/, '.pdf');
    checkDocuments(pdfText(fromWord), 'the Word file');
    images(fromWord, 'word');

    // The published report: readable without any script. By default it carries no data.
    const bare = await download(page, 'export-html', 'bare-');
    assert.doesNotMatch(fs.readFileSync(bare, 'utf8'), /dvht-dossier/, 'no data unless asked');
    // With "Kèm dữ liệu hồ sơ" ticked it carries the dossier and opens back into it.
    await page.locator('#embed-dossier').check();
    const html = await download(page, 'export-html');
    assert.match(fs.readFileSync(html, 'utf8'), /"format": "dvht-dossier"/);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const noScript = await browser.newPage({ javaScriptEnabled: false });
    await noScript.goto(`file://${html}`);
    checkDocuments(await noScript.locator('body').innerText(), 'the HTML report');
    await noScript.screenshot({ path: path.join(OUT, 'html-report.png') });
    await browser.close();
    await page.getByTestId('documents').click();
    await page.getByTestId('dossier-import').setInputFiles(bare);
    await page.getByTestId('import-error').filter({ hasText: 'không kèm dữ liệu hồ sơ' }).waitFor();
    await page.getByTestId('dossier-import').setInputFiles(html);
    await page.getByRole('status').filter({ hasText: `Đã mở tệp “${path.basename(html)}”` }).waitFor();
    const json2 = await download(page, 'export-json');
    const strip = (f) => { const d = JSON.parse(fs.readFileSync(f, 'utf8')); delete d.report; return JSON.stringify(d); };
    assert.equal(strip(json2), strip(json1), 'the report carries the dossier');
    assert.equal(JSON.parse(fs.readFileSync(json2, 'utf8')).report.request_no, '15/TTr-THPTNT');

    // Finalising: the documents carry the date and fingerprint; editing asks to reopen first.
    await page.getByTestId('documents').click();
    await page.getByTestId('finalise').click();
    const banner = page.getByTestId('finalised');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Hồ sơ đã chốt ngày \d\d\/\d\d\/\d{4} · mã kiểm tra [0-9A-F]{4}-[0-9A-F]{4}/);
    assert.equal(await field(page, 'report.request_no').isDisabled(), true);
    const preview = flat(await page.getByTestId('preview').innerText());
    assert.match(preview, /Hồ sơ đã chốt ngày .* · mã kiểm tra [0-9A-F]{4}-[0-9A-F]{4}/);
    assert.ok(!preview.includes('DỰ THẢO'));
    await page.getByTestId('documents').click();
    assert.equal(await field(page, 'counts.members').isDisabled(), true, 'the form is locked');
    const json3 = await download(page, 'export-json');
    assert.match(JSON.parse(fs.readFileSync(json3, 'utf8')).final.fingerprint, /^[0-9A-F]{8}$/);
    await page.locator('[data-testid=finalised] [data-act="reopen"]').click();
    assert.equal(await field(page, 'counts.members').isDisabled(), false);
    assert.deepEqual(t.errors, []);
    assert.deepEqual(t.foreign, []);
  } finally {
    await t.close();
  }
});
