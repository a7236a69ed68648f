import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { Finding, RuleId } from '../../../server/src/engine/model';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { filterSuppressed } from '../../../server/src/engine/rules/suppressed';

/** A finding of `ruleId` starting on `line`. */
function finding(ruleId: RuleId, line: number): Finding {
  const point = { line, column: 1, offset: 0 };
  return { ruleId, severity: 'warning', message: 'm', span: { start: point, end: point } };
}

/** `rule@line` of the findings on lines 1 to `lines` for each rule that survive the comments. */
function surviving(markdown: string, rules: RuleId[], lines: number): string[] {
  const findings = rules.flatMap((rule) =>
    Array.from({ length: lines }, (_, i) => finding(rule, i + 1)),
  );
  return filterSuppressed(findings, parseMarkdown(markdown), markdown).map(
    (f) => `${f.ruleId}@${f.span.start.line}`,
  );
}

describe('filterSuppressed', () => {
  test('no comments: every finding stays', () => {
    assert.deepEqual(surviving('# Title\n\nText\n', ['placeholder'], 3), [
      'placeholder@1',
      'placeholder@2',
      'placeholder@3',
    ]);
  });

  test('disable with ids, until enable with the same id', () => {
    const md =
      'a\n\n<!-- postmortem-disable placeholder -->\nb\n\n<!-- postmortem-enable placeholder -->\nc\n';
    assert.deepEqual(surviving(md, ['placeholder', 'empty-section'], 7), [
      'placeholder@1',
      'placeholder@2',
      'placeholder@6',
      'placeholder@7',
      ...[1, 2, 3, 4, 5, 6, 7].map((line) => `empty-section@${line}`),
    ]);
  });

  test('disable without ids: every rule, to the end of the document', () => {
    const md = 'a\n\n<!-- postmortem-disable -->\nb\n';
    assert.deepEqual(surviving(md, ['placeholder', 'timeline-order'], 4), [
      'placeholder@1',
      'placeholder@2',
      'timeline-order@1',
      'timeline-order@2',
    ]);
  });

  test('enable of one id after disable of all keeps the others off', () => {
    const md = '<!-- postmortem-disable -->\na\n\n<!-- postmortem-enable placeholder -->\nb\n';
    assert.deepEqual(surviving(md, ['placeholder', 'rca-evidence'], 5), [
      'placeholder@4',
      'placeholder@5',
    ]);
  });

  test('several ids, separated by spaces or commas, and a reason after --', () => {
    const md =
      '<!-- postmortem-disable placeholder, rca-evidence timeline-time -- copied from the template -->\na\n';
    assert.deepEqual(
      surviving(md, ['placeholder', 'rca-evidence', 'timeline-time', 'timeline-order'], 2),
      ['timeline-order@1', 'timeline-order@2'],
    );
  });

  test('unknown ids are ignored; a directive naming only unknown ids suppresses nothing', () => {
    const md = '<!-- postmortem-disable placeholdr -->\na\n';
    assert.deepEqual(surviving(md, ['placeholder'], 2), ['placeholder@1', 'placeholder@2']);
  });

  test('disable-next-line: the next line with content, across blank lines', () => {
    const md =
      'a\n<!-- postmortem-disable-next-line placeholder -->\n\n\n| b | c |\n|---|---|\n| d | e |\n';
    assert.deepEqual(surviving(md, ['placeholder'], 7), [
      'placeholder@1',
      'placeholder@2',
      'placeholder@3',
      'placeholder@4',
      'placeholder@6',
      'placeholder@7',
    ]);
  });

  test('disable-next-line inline, at the end of a paragraph line', () => {
    const md =
      'Time to detection: ??? <!-- postmortem-disable-next-line metrics-consistency -->\nTime to recovery: ???\n';
    assert.deepEqual(surviving(md, ['metrics-consistency'], 2), ['metrics-consistency@1']);
  });

  test("disable-line: the comment's own line, block or inline", () => {
    const md = '- TBD <!-- postmortem-disable-line placeholder -->\n- TBD\n';
    assert.deepEqual(surviving(md, ['placeholder', 'empty-section'], 2), [
      'placeholder@2',
      'empty-section@1',
      'empty-section@2',
    ]);
  });

  test('a comment inside a code block is an example, not a directive', () => {
    const md = '```markdown\n<!-- postmortem-disable -->\n```\na\n';
    assert.deepEqual(surviving(md, ['placeholder'], 4), [
      'placeholder@1',
      'placeholder@2',
      'placeholder@3',
      'placeholder@4',
    ]);
  });

  test('similar comments are not directives', () => {
    const md = '<!-- postmortem-disabled placeholder -->\n<!-- markdownlint-disable -->\na\n';
    assert.deepEqual(surviving(md, ['placeholder'], 3), [
      'placeholder@1',
      'placeholder@2',
      'placeholder@3',
    ]);
  });

  test('several directives in one comment block, on CRLF lines; an opening never closed is none', () => {
    const md =
      '<!--\r\nnote\r\n--> <!-- postmortem-disable-line placeholder --> x\r\n\r\n<!-- postmortem-disable-next-line\r\n  placeholder -->\r\n\r\nTBD\r\n\r\n<!-- postmortem-disable rca-evidence\r\n';
    assert.deepEqual(surviving(md, ['placeholder', 'rca-evidence'], 10), [
      'placeholder@1',
      'placeholder@2',
      'placeholder@4',
      'placeholder@5',
      'placeholder@6',
      'placeholder@7',
      'placeholder@9',
      'placeholder@10',
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((line) => `rca-evidence@${line}`),
    ]);
  });

  test('a second opening before the same --> belongs to the first directive', () => {
    const md = 'a <!-- postmortem-disable-line placeholder <!-- postmortem-disable --> b\nc\n';
    assert.deepEqual(surviving(md, ['placeholder', 'rca-evidence'], 2), [
      'placeholder@2',
      'rca-evidence@1',
      'rca-evidence@2',
    ]);
  });

  test('tens of thousands of unclosed openings are read in one pass', () => {
    const md = `a <!-- postmortem-disable-line -->\n\n<!-- ${'postmortem-disable <!-- '.repeat(40_000)}\n`;
    assert.deepEqual(surviving(md, ['placeholder'], 3), ['placeholder@2', 'placeholder@3']);
  });
});

describe('analyze applies suppressions', () => {
  test("a disabled rule's findings are gone, others stay", () => {
    const md =
      '<!-- postmortem-disable required-sections -->\n# Post-Mortem: Outage\n\n## Summary\n\nThe API was down.\n';
    const ids = (text: string) =>
      new Set(analyze(text, defaultConfig()).findings.map((f) => f.ruleId));
    assert.ok(ids(md.replace(/^.*\n/, '')).has('required-sections'));
    assert.ok(!ids(md).has('required-sections'));
  });
});
