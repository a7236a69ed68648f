import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { applyEdits, compatibleEdits } from '../../server/src/engine/fixes/edits';
import { fixAll } from '../../server/src/engine/fixes/fix-all';
import type { Fix, TextEdit } from '../../server/src/engine/model';
import { requiredSections } from '../../server/src/engine/rules/required-sections';

const fix = (...edits: TextEdit[]): Fix => ({ title: 't', edits, safe: true });

describe('applyEdits', () => {
  test('applies edits given in any order, each against the original offsets', () => {
    assert.equal(
      applyEdits('abcdef', [
        { start: 0, end: 1, newText: 'A' },
        { start: 4, end: 6, newText: '' },
        { start: 2, end: 2, newText: '+' },
      ]),
      'Ab+cd',
    );
  });

  test('no edits: the same text', () => {
    assert.equal(applyEdits('a\r\nb', []), 'a\r\nb');
  });
});

describe('compatibleEdits', () => {
  test('a fix that overlaps one already taken waits for the next pass', () => {
    const first = fix({ start: 0, end: 3, newText: 'x' });
    const overlapping = fix({ start: 2, end: 5, newText: 'y' }, { start: 9, end: 9, newText: 'z' });
    const separate = fix({ start: 5, end: 6, newText: 'w' });
    assert.deepEqual(compatibleEdits([first, overlapping, separate]), [
      { start: 0, end: 3, newText: 'x' },
      { start: 5, end: 6, newText: 'w' },
    ]);
  });

  test('insertions at one place conflict (their order is unknown); a repeated fix is taken once', () => {
    const insert = fix({ start: 4, end: 4, newText: 'a' });
    assert.deepEqual(compatibleEdits([insert, fix({ start: 4, end: 4, newText: 'b' }), insert]), [
      { start: 4, end: 4, newText: 'a' },
    ]);
  });
});

describe('fixAll', () => {
  test('inserts every missing section, each at its schema place, over several passes', () => {
    const text = '# Post-Mortem: Outage\n\n## Summary\n\nThe API was down.\n';
    const { text: fixed, analysis, passes } = fixAll(text, defaultConfig());
    const headings = fixed.split('\n').filter((line) => line.startsWith('## '));
    assert.deepEqual(headings, [
      '## Summary',
      '## Impact',
      '## Timeline',
      '## Root Cause Analysis',
      '## Resolution & Recovery',
      '## Preventative Measures',
      '## Lessons Learned',
    ]);
    assert.ok(fixed.startsWith(text.trimEnd()));
    assert.ok(passes >= 1 && passes <= 10);
    assert.ok(!analysis.findings.some((finding) => finding.ruleId === 'required-sections'));
  });

  test('a text without safe fixes is returned as it is, after no pass', () => {
    const text = '# Notes\n';
    const config = {
      ...defaultConfig(),
      rules: { ...defaultConfig().rules, 'required-sections': 'off' as const },
    };
    const result = fixAll(text, config);
    assert.equal(result.text, text);
    assert.equal(result.passes, 0);
  });

  test('a report ending in an open code block: it is closed once, then each section inserted once', () => {
    const text = '# Post-Mortem: Outage\n\n## Summary\n\nThe API was down.\n\n````\nlog line';
    const once = fixAll(text, defaultConfig());
    assert.ok(once.text.startsWith(`${text}\n\`\`\`\`\n\n## Impact\n`), once.text);
    const headings = once.text.split('\n').filter((line) => line.startsWith('## '));
    assert.equal(headings.length, 7);
    assert.ok(!once.analysis.findings.some((finding) => finding.ruleId === 'required-sections'));
    assert.equal(fixAll(once.text, defaultConfig()).text, once.text);
  });

  test('a report ending in an open comment: it is closed first; in another HTML block, nothing is inserted', () => {
    const comment = '# Outage\n\n## Summary\n\nDown.\n\n<!-- draft\n\n## Not a heading\n';
    const fixed = fixAll(comment, defaultConfig()).text;
    assert.ok(fixed.startsWith(`${comment}-->\n\n## Impact\n`), fixed);
    const script = '# Outage\n\n## Summary\n\nDown.\n\n<script>\nlet a = 1;\n';
    const result = fixAll(script, defaultConfig());
    assert.equal(result.text, script);
    const missing = result.analysis.findings.filter((f) => f.ruleId === 'required-sections');
    assert.equal(
      missing[0]!.message,
      'Missing section `Impact`; expected after `Summary`; close the HTML block opened on line 7 to insert it',
    );
    assert.ok(missing.every((finding) => finding.fix === undefined));
  });

  test('a fix that leaves its finding is undone and not tried again: fixing twice gives what once gives', () => {
    // The missing-section fixes made to insert their sections as comments, which read as none.
    const { check } = requiredSections;
    requiredSections.check = (model, config) =>
      check(model, config).map((finding) =>
        finding.fix
          ? {
              ...finding,
              fix: {
                ...finding.fix,
                edits: finding.fix.edits.map((edit) => ({
                  ...edit,
                  newText: `\n<!--${edit.newText}-->\n`,
                })),
              },
            }
          : finding,
      );
    try {
      const text = '# Outage\n\n## Summary\n\nDown.\n';
      const once = fixAll(text, defaultConfig());
      assert.deepEqual([once.text, once.passes], [text, 0]);
      assert.equal(fixAll(once.text, defaultConfig()).text, once.text);
    } finally {
      requiredSections.check = check;
    }
  });
});
