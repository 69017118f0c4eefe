// Issue 11: a newcomer files a correct dossier on the first try, on a PC (1280 px) and a
// phone (360 px), in Debian's Chromium. Screens and printed pages go to tests/e2e/out/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { open, shot, fixture, OUT } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const EXAMPLE = JSON.parse(fs.readFileSync(path.resolve('static/vi-du-thpt.json'), 'utf8'));
const field = (page, id) => page.locator(`[id="${id}"]`);
const level = (page) => page.getByTestId('verdict').getAttribute('data-level');
const flat = (text) => text.replace(/\s+/g, ' ');

async function axe(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(result, [], `axe-core violations on ${name}: ${JSON.stringify(result, null, 1)}`);
}

function pdfText(file, first, last) {
  const args = ['-raw'];
  if (first) args.push('-f', String(first), '-l', String(last ?? first));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}
const pages = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);

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
    execFileSync('pdftoppm', ['-r', '40', '-png', file, file.replace(/\.pdf$/, '')]);
    files.push(file);
  }
  await page.evaluate(() => { document.getElementById('print-root').innerHTML = ''; });
  return files;
}

/** The example's evidence list as an office copies it from Excel: one row per item. */
function evidenceRows() {
  const rows = [['Mã', 'Tên minh chứng', 'Số', 'Ngày', 'Nơi ban hành', 'Nơi lưu trữ'].join('\t')];
  for (const items of Object.values(EXAMPLE.evidence)) {
    for (const it of items) {
      const [y, m, d] = it.date.split('-');
      rows.push([it.code, it.title, it.number, `${d}/${m}/${y}`, it.issuer, it.location].join('\t'));
    }
  }
  return rows.join('\n');
}

test('the start page, the worked example and a dossier typed in by hand in half the actions', async () => {
  const t = await open();
  const page = t.page;
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
  let actions = 0;
  const act = async (what) => { actions++; await what(); };
  try {
    await page.goto(t.server.url);
    // The start page: four steps, and the ways in, in office words.
    const start = page.getByTestId('start');
    await start.waitFor();
    const steps = await start.locator('ol.steps li').allInnerTexts();
    assert.equal(steps.length, 4);
    for (const [i, word] of ['Loại đơn vị', 'Số liệu', 'Minh chứng', 'In hồ sơ'].entries()) assert.match(steps[i], new RegExp(word, 'i'));
    for (const words of ['Bắt đầu hồ sơ mới', 'Mở tệp', 'Xem hồ sơ mẫu']) assert.ok((await start.innerText()).includes(words), words);
    assert.doesNotMatch(await page.locator('header').innerText(), /JSON/, 'no jargon in the header');
    await shot(page, 'office-1-start');
    await axe(page, 'the start page');

    // The worked example: clearly marked, explored, printed, never saved as a draft.
    await page.getByTestId('open-example').click();
    await page.getByTestId('example').waitFor();
    assert.equal(await level(page), '2');
    assert.match(await field(page, 'unit.name').inputValue(), /hồ sơ mẫu/);
    await shot(page, 'office-2-example');
    await capturePrints(page);
    await page.getByTestId('brief').click();
    const [brief] = await printJobs(page, 'office-brief');
    assert.equal(pages(brief), 1, 'the summary for the head of the unit fits one page');
    assert.match(flat(pdfText(brief)), /Đạt mức độ 2/);
    await page.locator('[data-act="home"]').click();
    await start.waitFor();
    assert.equal(await start.locator('.start-drafts li').count(), 0, 'the example is not kept as a draft');

    // A provincial THPT school, typed in by hand, every action counted.
    await act(() => page.getByTestId('start-new').click());
    await act(() => page.locator('input[name="unit.scope"][value="tinh"]').check());
    await act(() => field(page, 'unit.kind').selectOption('thpt'));
    // Nothing answered for the user: công lập or not is asked, not assumed (rules.md §1).
    assert.equal(await page.locator('input[name="unit.public"]:checked').count(), 0);
    assert.match(await page.getByTestId('verdict').innerText(), /công lập/);
    await act(() => page.locator('input[name="unit.public"][value="true"]').check());
    await act(() => field(page, 'unit.name').fill('Trường THPT Nguyễn Trãi'));
    await act(() => field(page, 'year').fill('2025'));
    await act(() => field(page, 'unit.province').fill('Hưng Yên'));
    for (const [k, v] of Object.entries(EXAMPLE.counts)) await act(() => field(page, `counts.${k}`).fill(String(v)));
    for (const [k, v] of Object.entries(EXAMPLE.facts)) {
      if (v === true) await act(() => page.locator(`input[name="facts.${k}"][value="true"]`).check());
      else if (typeof v === 'string') await act(() => field(page, `facts.${k}`).selectOption(v));
    }
    assert.equal(await level(page), '0', 'no evidence yet');
    // The evidence: the whole list pasted at once from Excel.
    await act(() => page.locator('details.paste summary').click());
    await act(() => page.getByTestId('evidence-paste').fill(evidenceRows()));
    await act(() => page.locator('[data-act="paste"][data-arg="evidence-paste"]').click());
    await page.getByRole('status').filter({ hasText: 'Đã thêm 14 minh chứng' }).waitFor();
    assert.equal(await level(page), '2');
    assert.equal(await page.locator('tr.evidence-item').count(), 14);
    assert.equal(await field(page, 'evidence.1.1[0].date').inputValue(), '2025-01-08');
    fs.writeFileSync(path.join(OUT, 'office-actions.json'), JSON.stringify({ before: 103, after: actions }) + '\n');
    assert.ok(actions <= 51, `at most half of the 103 actions it took before: ${actions}`);
    await shot(page, 'office-3-typed');
    await axe(page, 'the form with its evidence table');

    // One item cited by a second indicator without retyping it.
    const reuse = page.locator('select[name="reuse:3.3"]');
    const from = await reuse.locator('option', { hasText: 'H1.01.01' }).getAttribute('value');
    await reuse.selectOption(from);
    assert.equal(await page.locator('#ind-3\\.3 tr.evidence-item').count(), 2);
    assert.equal(await field(page, 'evidence.3.3[1].title').inputValue(), EXAMPLE.evidence['1.1'][0].title);

    // Rows pasted into one indicator's own box land there, whatever their codes say.
    await page.locator('#ind-3\\.2 .paste-here summary').click();
    await page.locator('[id="paste-3.2"]').fill('BB-07\tBiên bản sinh hoạt chuyên môn liên trường\t07/BB\t15/03/2025\tTổ chuyên môn\tVăn phòng');
    await page.locator('[data-act="paste"][data-arg="paste-3.2|3.2"]').click();
    assert.equal(await page.locator('#ind-3\\.2 tr.evidence-item').count(), 2);
    assert.equal(await field(page, 'evidence.3.2[1].code').inputValue(), 'BB-07');
    assert.equal(await field(page, 'evidence.3.2[1].date').inputValue(), '2025-03-15');

    // Undo a deletion.
    await page.locator('[data-act="rm-ev"][data-arg="3.3|1"]').click();
    assert.equal(await page.locator('#ind-3\\.3 tr.evidence-item').count(), 1);
    await page.getByTestId('undo').locator('[data-act="undo"]').click();
    assert.equal(await page.locator('#ind-3\\.3 tr.evidence-item').count(), 2, 'undo brings it back');

    // Figures: what is typed wrong is to be corrected, never "entered"; sizes say so.
    const verdict = page.getByTestId('verdict');
    await field(page, 'counts.members_digital').fill('1l5');
    await page.getByTestId('to-fix').filter({ hasText: 'Cần sửa' }).waitFor();
    assert.match(await page.getByTestId('to-fix').innerText(), /số nguyên/);
    assert.doesNotMatch(await verdict.innerText(), /cần nhập/i);
    assert.match(await page.locator('.headline').innerText(), /cần sửa/);
    await field(page, 'counts.members_digital').fill('-3');
    assert.doesNotMatch(await verdict.innerText(), /cần nhập/i);
    await field(page, 'counts.members_digital').fill('115');
    await field(page, 'counts.members').fill('99999999999999999999999999999999');
    assert.match(await page.getByTestId('to-fix').innerText(), /quá lớn/);
    assert.doesNotMatch(await verdict.innerText(), /cần nhập|số nguyên/i);
    await field(page, 'counts.members').fill('2000000');
    await page.getByText('nhiều hơn 1.000.000 người').first().waitFor();
    await field(page, 'counts.members').fill('1.500');
    await field(page, 'counts.members_digital').fill('1000');
    assert.match(await page.locator('.headline').innerText(), /thêm 3\d\d thành viên/);
    // Typed as it comes; shown grouped once the field is left, and after a reload.
    assert.equal(await field(page, 'counts.members_digital').inputValue(), '1000');
    await page.keyboard.press('Tab');
    assert.equal(await field(page, 'counts.members_digital').inputValue(), '1.000');
    await page.reload();
    await page.getByTestId('verdict').waitFor();
    assert.equal(await field(page, 'counts.members').inputValue(), '1.500', 'shown with Vietnamese separators');
    assert.equal(await field(page, 'counts.members_digital').inputValue(), '1.000');

    // Changing the scope says what is kept.
    await page.locator('input[name="unit.scope"][value="huyen"]').check();
    await page.getByRole('status').filter({ hasText: 'vẫn được giữ' }).waitFor();
    assert.equal(await page.locator('tr.evidence-item').count(), 0, 'hidden while the kind is not chosen');
    await page.locator('input[name="unit.scope"][value="tinh"]').check();
    await field(page, 'unit.kind').selectOption('thpt');
    assert.equal(await page.locator('tr.evidence-item').count(), 16, 'and back, nothing lost');

    assert.deepEqual(t.errors, []);
    assert.deepEqual(t.foreign, []);
  } finally {
    await t.close();
  }
});

test('documents as an office prints them, and publishing only what is meant', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();
    await field(page, 'notes.1.1').fill('Ghi chú nội bộ: hỏi lại kế toán');
    await field(page, 'unit.address').fill('Số 12 đường Nguyễn Văn Linh, phường Hiến Nam, tỉnh Hưng Yên');
    await page.getByTestId('documents').click();
    for (const [id, v] of [['report.request_no', '15/TTr-THPTNT'], ['report.report_no', '16/BC-THPTNT'], ['report.place', 'Hưng Yên'], ['report.date', '2026-01-05']]) {
      await field(page, id).fill(v);
    }
    // The signer's title follows the kind: a school's head is its Hiệu trưởng.
    assert.equal(await field(page, 'report.signer_title').inputValue(), '');
    assert.equal(await field(page, 'report.signer_title').getAttribute('placeholder'), 'Hiệu trưởng');
    const preview = flat(await page.getByTestId('preview').innerText());
    assert.match(preview, /HIỆU TRƯỞNG/);
    assert.doesNotMatch(preview, /THỦ TRƯỞNG ĐƠN VỊ/);
    assert.doesNotMatch(preview, /dvht/i, 'no program name in the documents');
    await shot(page, 'office-4-documents');
    await axe(page, 'the documents view');

    // "In hồ sơ": one print job per document, each numbered from 1, its first page unnumbered.
    await capturePrints(page);
    await page.locator('[data-act="print"][data-arg=""]').first().click();
    const jobs = await printJobs(page, 'office-print');
    assert.equal(jobs.length, 3, 'Tờ trình, Báo cáo, Bản tổng hợp');
    for (const [i, heading] of ['TỜ TRÌNH', 'BÁO CÁO', 'BẢN TỔNG HỢP'].entries()) {
      const text = flat(pdfText(jobs[i]));
      assert.ok(text.includes(heading), `${heading} in job ${i + 1}`);
      assert.doesNotMatch(pdfText(jobs[i], 1).trim().split('\n')[0].trim(), /^\d+$/, `${heading}: no number on its first page`);
      if (pages(jobs[i]) > 1) assert.equal(pdfText(jobs[i], 2).trim().split('\n')[0].trim(), '2', `${heading}: its second page is 2`);
    }
    assert.ok(pages(jobs[1]) > 1, 'the report has a second page to check');
    // The address once in each document, even when it already names the province.
    for (const job of jobs) assert.ok(flat(pdfText(job)).split('Nguyễn Văn Linh').length <= 2, `the address at most once in ${job}`);
    assert.ok(jobs.some((job) => flat(pdfText(job)).includes('Nguyễn Văn Linh')), 'the address is printed');

    // The report to publish: what it shows, nothing more, unless the dossier is embedded.
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()]);
    const html = fs.readFileSync(await d.path(), 'utf8');
    assert.doesNotMatch(html, /<script/, 'no data, no script');
    assert.doesNotMatch(html, /Ghi chú nội bộ/, 'no note of the unit');
    assert.doesNotMatch(html, /Nơi lưu trữ/, 'nor where each document is kept');
    assert.match(flat(pdfText(jobs[1])), /Nơi lưu trữ/, 'the printed report keeps them for the council');
    assert.doesNotMatch(html, /"format": "dvht-dossier"/);
    assert.match(await page.locator('#embed-hint').innerText(), /mở lại/);
    await page.locator('#embed-dossier').check();
    const [e] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-html').click()]);
    const embedded = fs.readFileSync(await e.path(), 'utf8');
    assert.match(embedded, /<script type="application\/json"[^>]*>\n\{\n  "format": "dvht-dossier"/, 'embedded when chosen');
    const shown = (h) => h.replace(/<script[\s\S]*?<\/script>\n?/g, '');
    assert.equal(shown(embedded), shown(html), 'the same documents either way');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('on a 360 px phone: a menu, the verdict in view, folding criteria, a preview that fits', async () => {
  const t = await open({ viewport: { width: 360, height: 740 } });
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(t.server.url);
    await page.getByTestId('start').waitFor();
    await shot(page, 'office-phone-1-start');
    await axe(page, 'the start page on a phone');
    await page.getByTestId('dossier-import').setInputFiles(fixture('complete-thpt.json'));
    await page.locator('[data-testid=verdict][data-level="2"]').waitFor();

    // A compact header: the actions fold into a menu (a notice shows until dismissed).
    await page.locator('[data-act="dismiss"]').click();
    const header = await page.locator('header').first().boundingBox();
    assert.ok(header.height <= 740 * 0.15, `the header takes ${header.height}px of 740`);
    assert.equal(await page.getByTestId('export-json').isVisible(), false);
    await page.locator('[data-act="menu"]').click();
    assert.equal(await page.getByTestId('export-json').isVisible(), true);
    await shot(page, 'office-phone-2-menu');
    await page.locator('[data-act="menu"]').click();

    // Deep in the form, the verdict stays in view.
    await page.locator('#ind-3\\.2').scrollIntoViewIfNeeded();
    const bar = page.getByTestId('summary-bar');
    const box = await bar.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 740, 'the summary bar is on screen');
    assert.match(await bar.innerText(), /mức độ 2/);
    await shot(page, 'office-phone-3-form');
    await axe(page, 'the form on a phone');

    // Criteria fold.
    const criterion = page.locator('details.criterion').first();
    assert.equal(await criterion.evaluate((d) => d.open), true);
    await criterion.locator('summary').first().click();
    assert.equal(await criterion.evaluate((d) => d.open), false);
    await criterion.locator('summary').first().click();

    // The result panel, then the documents: A4 pages zoomed to the width, no sideways scroll.
    await bar.click();
    await shot(page, 'office-phone-4-result');
    await page.locator('[data-act="menu"]').click();
    await page.getByTestId('documents').click();
    await page.locator('[data-testid=preview] .doc').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    const doc = await page.locator('[data-testid=preview] .doc').first().boundingBox();
    assert.ok(doc.width <= 360, `a page fits the width (${doc.width}px)`);
    await page.locator('[data-testid=preview]').scrollIntoViewIfNeeded();
    await shot(page, 'office-phone-5-preview');
    await axe(page, 'the documents view on a phone');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('the English interface is complete; what stays Vietnamese is marked and explained', async () => {
  const t = await open();
  const page = t.page;
  try {
    await page.goto(t.server.url);
    await page.locator('[data-act="lang"]').click();
    await page.getByTestId('open-example').click();
    await page.getByTestId('example').waitFor();
    // One short of level 2: the headline in English, singular.
    await field(page, 'counts.members_learning_citizen').fill(String(EXAMPLE.counts.members_learning_citizen - 1));
    assert.match(await page.locator('.headline').innerText(), /level 2 needs 1 more member\b/);
    assert.match(await page.locator('#kind-who').innerText(), /^Upper-secondary school \(Article 2\.2\)/);
    assert.match(await page.locator('#ind-1\\.1 .cite').innerText(), /^Art\. 12\.1/);
    assert.match(await page.locator('footer').innerText(), /stay in Vietnamese/);
    // Every Vietnamese sentence left is the Circular's wording, the dossier's own data or a
    // name, marked lang="vi" for screen readers; what is not marked may only be names.
    const names = [EXAMPLE.submission.recipient, EXAMPLE.submission.decision_maker, EXAMPLE.unit.province,
      'Sở Giáo dục và Đào tạo', 'Phòng Giáo dục và Đào tạo', 'Chủ tịch Ủy ban nhân dân cấp tỉnh', 'Tiếng Việt'];
    const unmarked = await page.evaluate((names) => {
      const vi = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
      const out = [];
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (w.nextNode()) {
        const el = w.currentNode.parentElement;
        if (el.closest('noscript, script, #print-root') || el.closest('[lang]')?.getAttribute('lang') === 'vi') continue;
        let s = w.currentNode.textContent;
        for (const n of names) s = s.split(n).join('');
        // Document numbers ("24/2023/TT-BGDĐT") and điểm đ in citations are names too.
        s = s.replace(/[\w/.-]*[A-ZĐ]{2,}[\w/.-]*/g, '').replace(/\d+\.\d+đ/g, '');
        if (vi.test(s)) out.push(s.trim().slice(0, 100));
      }
      return out;
    }, names);
    assert.deepEqual(unmarked, []);
    await shot(page, 'office-5-english');
    await axe(page, 'the English form');
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});

test('a long evidence list shows its first rows; a message about a hidden row brings it into view', async () => {
  const t = await open();
  const page = t.page;
  page.on('dialog', (d) => d.accept());
  try {
    const d = JSON.parse(fs.readFileSync(fixture('complete-thpt.json'), 'utf8'));
    d.evidence['1.1'] = Array.from({ length: 60 }, (_, i) => ({ code: `H1.01.${i + 1}`, title: `Văn bản ${i + 1}`, date: '2025-03-01' }));
    // One date after the filing day: a message names it.
    d.evidence['1.1'][55].date = '2026-12-31';
    await page.goto(t.server.url);
    await page.getByTestId('dossier-import').setInputFiles({ name: 'dai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(d)) });
    await page.locator('[data-testid=verdict]').waitFor();
    assert.equal(await page.locator('#ind-1\\.1 tr.evidence-item').count(), 50);
    const more = page.locator('[data-act="ev-all"][data-arg="1.1"]');
    assert.match(await more.innerText(), /Hiện cả 60 minh chứng/);
    // The message's link opens the list at the row it names.
    const link = page.locator('[data-act="focus"][data-arg^="evidence.1.1[55]"]').first();
    await link.click();
    assert.equal(await page.locator('#ind-1\\.1 tr.evidence-item').count(), 60);
    assert.match(await page.evaluate(() => document.activeElement.id), /^evidence\.1\.1\[55\]/);
    assert.deepEqual(t.errors, []);
  } finally {
    await t.close();
  }
});
