/**
 * Properties of the engine over generated post-mortems and random edits: it never throws,
 * every finding lies inside the document, metrics are never negative, every fix changes only
 * what it names and removes the finding it was offered for, fixing all twice gives what fixing
 * once gives, a line suppression applied suppresses its finding, and incremental analysis
 * through a series of edits equals a fresh full analysis.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze';
import type { Analysis } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { applyEdits } from '../../server/src/engine/fixes/edits';
import { fixAll } from '../../server/src/engine/fixes/fix-all';
import { disableLineEdit } from '../../server/src/engine/fixes/suppression-edits';
import type { Finding, Span } from '../../server/src/engine/model';
import { createSession } from '../../server/src/engine/session';
import { METRIC_NAMES } from '../../server/src/engine/model';
import { LineIndex, stripBom } from '../../server/src/engine/markdown/lines';
import { applyEdit, edit, postmortem } from './arbitraries';

const config = defaultConfig();
// Seeded so that a failure is reproducible from the log; fast-check prints the seed and path.
const runs = { numRuns: 300, seed: 20261126 };

function analyzeRaw(raw: string): { text: string; analysis: Analysis } {
  const { text } = stripBom(raw);
  return { text, analysis: analyze(text, config) };
}

function assertInside(text: string, span: Span): void {
  const lines = new LineIndex(text);
  assert.ok(span.start.offset >= 0 && span.start.offset <= span.end.offset);
  assert.ok(span.end.offset <= text.length);
  for (const point of [span.start, span.end]) {
    assert.deepEqual(point, lines.point(point.offset));
  }
}

const key = (finding: Finding) => `${finding.ruleId} ${finding.message}`;

function count(findings: Finding[], wanted: string): number {
  return findings.filter((finding) => key(finding) === wanted).length;
}

test('analysis never throws and every finding lies inside the document', () => {
  fc.assert(
    fc.property(postmortem, fc.array(edit, { maxLength: 3 }), (generated, edits) => {
      const raw = edits.reduce(applyEdit, generated);
      const { text, analysis } = analyzeRaw(raw);
      for (const finding of analysis.findings) assertInside(text, finding.span);
    }),
    runs,
  );
});

test('metrics are null or finite and non-negative', () => {
  fc.assert(
    fc.property(postmortem, (raw) => {
      const { analysis } = analyzeRaw(raw);
      const { metrics } = analysis.model;
      if (!metrics) return;
      for (const name of METRIC_NAMES) {
        const value = metrics[name];
        assert.ok(value === null || (Number.isFinite(value) && value >= 0), `${name} = ${value}`);
      }
    }),
    runs,
  );
});

test('a fix changes only the text it names and removes its finding', () => {
  fc.assert(
    fc.property(postmortem, (raw) => {
      const { text, analysis } = analyzeRaw(raw);
      for (const finding of analysis.findings) {
        if (!finding.fix) continue;
        const edits = [...finding.fix.edits].sort((a, b) => a.start - b.start);
        const fixed = applyEdits(text, edits);
        // Outside the edits, byte for byte: the text between them shifts but stays the same.
        let shift = 0;
        let previousEnd = 0;
        for (const e of edits) {
          assert.equal(
            fixed.slice(previousEnd + shift, e.start + shift),
            text.slice(previousEnd, e.start),
          );
          shift += e.newText.length - (e.end - e.start);
          previousEnd = e.end;
        }
        assert.equal(fixed.slice(previousEnd + shift), text.slice(previousEnd));
        const after = analyze(fixed, config).findings;
        assert.ok(
          count(after, key(finding)) < count(analysis.findings, key(finding)),
          `${key(finding)} is still there after its fix`,
        );
      }
    }),
    { ...runs, numRuns: 150 },
  );
});

test('a missing-field fix writes fields that then read, and leaves the rest of the report as it was', () => {
  const required: typeof config = {
    ...config,
    metadata: { ...config.metadata, required: ['id', 'date', 'status'] },
  };
  fc.assert(
    fc.property(postmortem, (raw) => {
      const { text } = stripBom(raw);
      const before = analyze(text, required);
      const finding = before.findings.find(
        (f) => f.ruleId === 'metadata' && f.fix && / no (?:front matter|`)/.test(f.message),
      );
      if (!finding?.fix) return;
      const after = analyze(applyEdits(text, finding.fix.edits), required).model;
      for (const field of ['id', 'date', 'status']) {
        if (!new RegExp(`\`${field}(?::| =) `).test(finding.fix.title)) continue;
        const entry = after.metadata.entries.find((e) => e.field === field);
        assert.ok(typeof entry?.value === 'string' && entry.value !== '', `${field} reads`);
      }
      assert.deepEqual(
        after.sections.map((section) => section.spec.id),
        before.model.sections.map((section) => section.spec.id),
      );
      assert.equal(after.timeline?.entries.length, before.model.timeline?.entries.length);
    }),
    { ...runs, numRuns: 150 },
  );
});

test('fixing all twice gives what fixing once gives', () => {
  fc.assert(
    fc.property(postmortem, fc.array(edit, { maxLength: 2 }), (generated, edits) => {
      const { text } = stripBom(edits.reduce(applyEdit, generated));
      const once = fixAll(text, config).text;
      assert.equal(fixAll(once, config).text, once);
    }),
    { ...runs, numRuns: 150 },
  );
});

test('a line suppression applied suppresses its finding, and inserts no other line ending', () => {
  fc.assert(
    fc.property(postmortem, (raw) => {
      const { text, analysis } = analyzeRaw(raw);
      const eol = analysis.model.lines.eol();
      for (const finding of analysis.findings) {
        const suppression = disableLineEdit(analysis.model, finding);
        if (!suppression) continue;
        assert.equal(suppression.newText.replace(/\r\n|\r|\n/g, eol), suppression.newText);
        const after = analyze(applyEdits(text, [suppression]), config).findings;
        assert.ok(
          count(after, key(finding)) < count(analysis.findings, key(finding)),
          `${key(finding)} is still there after its suppression`,
        );
      }
    }),
    { ...runs, numRuns: 150 },
  );
});

test('incremental analysis through a series of edits equals a full analysis of each version', () => {
  fc.assert(
    fc.property(postmortem, fc.array(edit, { minLength: 1, maxLength: 4 }), (generated, edits) => {
      const session = createSession();
      let raw = generated;
      for (const next of [undefined, ...edits]) {
        if (next) raw = applyEdit(raw, next);
        const { text } = stripBom(raw);
        assert.deepEqual(analyze(text, config, session), analyze(text, config));
      }
    }),
    { ...runs, numRuns: 150 },
  );
});
