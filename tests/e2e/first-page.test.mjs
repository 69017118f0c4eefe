// Issue 2's first page: open a dossier file, see its level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, fixture } from './harness.mjs';

test('opening a dossier file shows its level, and a damaged file a message', async () => {
  const t = await open();
  try {
    await t.page.goto(t.server.url);
    const input = t.page.getByTestId('dossier-import');
    await input.setInputFiles(fixture('spec-example.json'));
    const verdict = t.page.getByTestId('verdict');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-level'), '0');
    await input.setInputFiles(fixture('complete-thpt.json'));
    await t.page.locator('[data-testid="verdict"][data-level="2"]').waitFor();
    await shot(t.page, 'first-page-level-2');
    await input.setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "dvht-dossier", "version": 1,,}') });
    const alert = t.page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /JSON hợp lệ/);
    assert.deepEqual(t.errors, []);
    assert.deepEqual(t.foreign, []);
  } finally {
    await t.close();
  }
});
