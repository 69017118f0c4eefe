// An example of dvht's JavaScript API: evaluate a dossier without the app's interface.
import init, { evaluate, validate, ruleset } from './dvht-api.js';

const EXAMPLE = {
  format: 'dvht-dossier', version: 1, ruleset: 'TT24/2023',
  unit: { name: 'Trường THPT Nguyễn Trãi', scope: 'tinh', kind: 'thpt', public: true, province: 'Hưng Yên' },
  year: 2025,
  previous_recognition: { level: 1, decision_no: '123/QĐ-UBND', decision_date: '2024-02-10' },
  counts: { members: 120, members_discipline: 118, members_training_completed: 117, members_digital: 115,
    members_language_certificate: 70, members_language_proficiency: 86, members_advanced_worker: 112,
    members_learning_citizen: 114, learners: 1500, learners_learning_citizen: 1460 },
  facts: { annual_plan: true, training_regime_and_incentives: true, state_budget_for_training: true,
    digital_transformation_equipped: true, lifelong_learning_activities: true, knowledge_sharing: true,
    collective_title: 'advanced', digital_level: 'good' },
  evidence: { '1.1': [{ code: 'H1.01', title: 'Kế hoạch học tập năm 2025' }] },
};
const WORDS = { pass: 'Đạt', missing_evidence: 'Thiếu minh chứng', fail: 'Chưa đạt', missing_input: 'Chưa nhập đủ', not_applicable: 'Không áp dụng' };
const $ = (id) => document.getElementById(id);

function show(result) {
  $('level').textContent = result.level === 0
    ? `Chưa đạt mức độ nào (nếu đủ minh chứng: mức độ ${result.level_ignoring_evidence}).`
    : `Đạt mức độ ${result.level}.`;
  const rows = $('indicators').tBodies[0];
  rows.replaceChildren();
  const two = new Map(result.levels[1].criteria.flatMap((c) => c.indicators).map((i) => [i.id, i.status]));
  for (const ind of result.levels[0].criteria.flatMap((c) => c.indicators)) {
    const tr = rows.insertRow();
    for (const text of [ind.id, WORDS[ind.status], WORDS[two.get(ind.id)]]) tr.insertCell().textContent = text;
  }
  list(result.diagnostics);
}

function list(messages) {
  $('messages').replaceChildren(...messages.map((m) => Object.assign(document.createElement('li'), { textContent: m.message })));
}

await init();
$('dossier').value = JSON.stringify(EXAMPLE, null, 2);
$('evaluate').addEventListener('click', () => {
  try {
    show(evaluate($('dossier').value, $('today').value));
  } catch (e) {
    $('level').textContent = 'Hồ sơ không hợp lệ:';
    list(e.problems ?? [{ message: String(e.message ?? e) }]);
  }
});
$('validate').addEventListener('click', () => list(validate($('dossier').value)));
const rules = ruleset();
$('rules').textContent = `Bộ tiêu chí ${rules.id}: ${rules.kinds.length} loại đơn vị, ${rules.indicators.length} chỉ tiêu (hai cấp, hai mức độ).`;
// Evaluated once at start, with the example object (not text) to show both forms work.
show(evaluate(EXAMPLE, $('today').value));
