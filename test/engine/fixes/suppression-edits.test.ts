/**
 * Suppression comments written by the quick fixes: applied and re-analysed, the finding is
 * gone, and the document keeps its front matter, lists and line endings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { applyEdits } from '../../../server/src/engine/fixes/edits';
import {
  disableFileEdit,
  disableLineEdit,
} from '../../../server/src/engine/fixes/suppression-edits';
import type { Finding, RuleId } from '../../../server/src/engine/model';

const config = defaultConfig();

const findingsOf = (text: string, ruleId: RuleId): Finding[] =>
  analyze(text, config).findings.filter((finding) => finding.ruleId === ruleId);

/** The text with the line suppression of the first finding of `ruleId` applied. */
function suppressLine(text: string, ruleId: RuleId): string | null {
  const { model, findings } = analyze(text, config);
  const edit = disableLineEdit(
    model,
    findings.find((finding) => finding.ruleId === ruleId)!,
  );
  return edit && applyEdits(text, [edit]);
}

test('a report without headings: the comment at the end of its first line suppresses', () => {
  const text = 'Checkout failed for 40 minutes.\nWe rolled back.\n';
  assert.ok(findingsOf(text, 'required-sections').length > 0);
  const suppressed = suppressLine(text, 'required-sections')!;
  assert.equal(
    suppressed,
    'Checkout failed for 40 minutes. <!-- postmortem-disable-line required-sections -->\nWe rolled back.\n',
  );
  assert.deepEqual(findingsOf(suppressed, 'required-sections'), []);
});

test('front matter without a heading: nothing goes above or inside it', () => {
  const text = '---\ntitle: Outage\n---\n\nCheckout failed.\n';
  assert.equal(suppressLine(text, 'required-sections'), null);
  const { model } = analyze(text, config);
  const whole = applyEdits(text, [disableFileEdit(model, 'required-sections')]);
  assert.equal(
    whole,
    '---\ntitle: Outage\n---\n<!-- postmortem-disable required-sections -->\n\nCheckout failed.\n',
  );
  assert.equal(analyze(whole, config).model.tree.children[0]!.type, 'yaml');
  assert.deepEqual(findingsOf(whole, 'required-sections'), []);
});

test('a list item: the comment goes at the end of its line and the list stays one', () => {
  const text =
    '# Outage\n\n## Timeline\n\n- 10:10 engineers join\n- 10:00 alert fired\n- 10:20 resolved\n';
  const suppressed = suppressLine(text, 'timeline-order')!;
  assert.equal(
    suppressed,
    text.replace('alert fired', 'alert fired <!-- postmortem-disable-line timeline-order -->'),
  );
  const lists = analyze(suppressed, config).model.tree.children.filter(
    (node) => node.type === 'list',
  );
  assert.equal(lists.length, 1);
  assert.deepEqual(findingsOf(suppressed, 'timeline-order'), []);
});

test('CR-only line endings: every inserted text ends its lines with CR', () => {
  const text = '# Outage\r\r## Summary\r\rText.\r';
  const { model, findings } = analyze(text, config);
  const missing = findings.find((finding) => finding.ruleId === 'required-sections')!;
  const inserted = [
    ...missing.fix!.edits,
    disableLineEdit(model, missing)!,
    disableFileEdit(model, 'required-sections'),
  ].map((edit) => edit.newText);
  for (const newText of inserted) {
    assert.ok(newText.includes('\r'), JSON.stringify(newText));
    assert.ok(!newText.includes('\n'), JSON.stringify(newText));
  }
});
