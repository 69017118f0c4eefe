// Issue 9: what a unit may ask for this year, and documents that follow it, in Chromium:
// the headline says it in words; no Tờ trình where none may be filed (print, Word, HTML);
// a renewal is worded "công nhận lại", cites the earlier decision and names the decision-maker;
// the evidence list is printed; the suggested post-2025 recipient is a choice the user confirms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { open, fixture, OUT, shot } from './harness.mjs';

const field = (page, id) => page.locator(`[id="${id}"]`);
const flat = (text) => text.replace(/\s+/g, ' ');
const pdfText = (file) => flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));

/** The complete THPT fixture with another previous recognition and evidence details. */
function dossier(previous) {
  const d = JSON.parse(fs.readFileSync(fixture('complete-thpt.json'), 'utf8'));
  d.previous_recognition = previous;
  d.evidence['1.1'] = [{ code: 'H1.01', title: 'Kế hoạch học tập năm 2025 của nhà trường', number: '12/KH-THPTNT', date: '2025-01-08', issuer: 'Hiệu trưởng', location: 'Văn phòng, tủ hồ sơ số 2' }];
  const file = path.join(OUT, `request-${previous ? previous.decision_date : 'none'}.json`);
  fs.writeFileSync(file, JSON.stringify(d));
  return file;
}

async function printed(page, name) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const file = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return pdfText(file);
}

async function download(page, testid) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  const file = path.join(OUT, `request-${d.suggestedFilename()}`);
  await d.saveAs(file);
  return file;
}

test('the dossier asks only for what the unit may ask for this year', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);

    // Level 1 on 10/02/2025, level 2 met in 2025: the upgrade only from 11/02/2026.
    await page.getByTestId('dossier-import').setInputFiles(dossier({ level: 1, decision_no: '45/QĐ-UBND', decision_date: '2025-02-10' }));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    const request = page.getByTestId('request');
    assert.equal(await request.getAttribute('data-kind'), 'none');
    assert.match(await request.innerText(), /chỉ được đề nghị nâng mức độ từ ngày 11\/02\/2026 \(khoản 3 Điều 11\), tức là với kết quả năm 2026/);
    // Both readings of the validity, side by side.
    const readings = await page.getByTestId('readings').innerText();
    assert.match(readings, /Tính từ năm ra quyết định: hiệu lực đến 31\/12\/2028/);
    assert.match(readings, /Tính từ năm đánh giá được công nhận: hiệu lực đến 31\/12\/2027/);
    await shot(page, 'request-upgrade-not-yet');
    await page.getByTestId('documents').click();
    await page.getByTestId('no-request').waitFor();
    assert.equal(await page.locator('[data-act="print"][data-arg="request"]').isDisabled(), true);
    let text = await printed(page, 'request-none');
    assert.ok(!text.includes('TỜ TRÌNH'), 'no Tờ trình in print');
    assert.ok(text.includes('BÁO CÁO') && text.includes('BẢN TỔNG HỢP'));
    assert.ok(text.includes('từ ngày 11/02/2026, tức là với kết quả năm 2026'));
    const docx = await download(page, 'export-docx');
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, docx], { stdio: 'ignore' });
    text = pdfText(docx.replace(/\.docx$/, '.pdf'));
    assert.ok(!text.includes('TỜ TRÌNH') && text.includes('BÁO CÁO'), 'no Tờ trình in Word');
    const html = await download(page, 'export-html');
    assert.ok(!fs.readFileSync(html, 'utf8').includes('TỜ TRÌNH'), 'no Tờ trình in the published report');

    // Decided 10/02/2021: lapsed for 2025 — a renewal ("công nhận lại") at level 2.
    await page.getByTestId('documents').click();
    await page.getByTestId('dossier-import').setInputFiles(dossier({ level: 1, decision_no: '45/QĐ-UBND', decision_date: '2021-02-10' }));
    await page.locator('[data-testid=request][data-kind="renewal"]').waitFor();
    assert.match(await page.getByTestId('request').innerText(), /đề nghị công nhận lại mức độ 2/);
    await page.getByTestId('documents').click();
    text = await printed(page, 'request-renewal');
    for (const part of [
      'TỜ TRÌNH',
      'Đề nghị công nhận lại “Đơn vị học tập” cấp tỉnh mức độ 2 năm 2025',
      'Căn cứ Quyết định số 45/QĐ-UBND ngày 10/02/2021',
      // The decision-maker the dossier names (else the rule set's: Chủ tịch UBND cấp tỉnh).
      'tổ chức thẩm định và trình Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên quyết định công nhận lại',
      'DANH MỤC MINH CHỨNG',
    ]) {
      assert.ok(text.includes(part), `print: ${part}`);
    }
    // The evidence list, cell by cell (a PDF's text wraps table cells): title, number and
    // date, issuer, where kept, the indicator it supports.
    const row = await page.getByTestId('preview').locator('tr', { hasText: 'Kế hoạch học tập năm 2025 của nhà trường' }).first();
    const cells = await row.locator('td').allInnerTexts();
    assert.deepEqual(cells.map((c) => flat(c).trim()), ['1', 'H1.01', 'Kế hoạch học tập năm 2025 của nhà trường', '12/KH-THPTNT, ngày 08/01/2025', 'Hiệu trưởng', 'Văn phòng, tủ hồ sơ số 2', '1.1']);
    await shot(page, 'request-renewal-documents');

    // A district unit from 2025: the likely new recipient is offered, never filled in unasked.
    await page.getByTestId('documents').click();
    await page.getByTestId('dossier-import').setInputFiles(fixture('incomplete-ubnd-xa.json'));
    await field(page, 'unit.name').waitFor();
    assert.equal(await page.getByTestId('suggested-recipient').count(), 0, 'assessed 2024: before the reform');
    await field(page, 'year').fill('2025');
    await page.getByTestId('suggested-recipient').waitFor();
    assert.equal(await field(page, 'submission.recipient').inputValue(), '');
    await field(page, 'unit.district').fill('xã Bình Minh');
    await page.locator('[data-act="suggest-recipient"]').click();
    assert.equal(await field(page, 'submission.recipient').inputValue(), 'Phòng Văn hóa – Xã hội, Ủy ban nhân dân xã Bình Minh');
    assert.equal(await field(page, 'submission.decision_maker').inputValue(), 'Chủ tịch Ủy ban nhân dân xã Bình Minh');
    assert.deepEqual(t.errors, []);
    assert.deepEqual(t.foreign, []);
  } finally {
    await t.close();
  }
});
