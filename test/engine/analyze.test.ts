/**
 * The order of an analysis's findings: document order, and the rules' ids at the same place,
 * for every fixture and corpus document, whatever order each rule gives its own in.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import type { Finding } from '../../server/src/engine/model';
import { fixturesDir } from '../helpers/paths';

function documents(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return documents(path);
    return path.endsWith('.md') ? [path] : [];
  });
}

const inDocumentOrder = (findings: Finding[]) =>
  [...findings].sort(
    (a, b) => a.span.start.offset - b.span.start.offset || a.ruleId.localeCompare(b.ruleId),
  );

test('findings are in document order, by rule id at the same place', () => {
  const config = defaultConfig();
  let shared = 0;
  for (const path of documents(fixturesDir)) {
    const { findings } = analyze(readFileSync(path, 'utf8'), config);
    assert.deepEqual(findings, inDocumentOrder(findings), path);
    shared += findings.filter(
      (finding, i) => i > 0 && finding.span.start.offset === findings[i - 1]!.span.start.offset,
    ).length;
  }
  assert.ok(shared > 10, 'documents with findings of several rules at one place');
});

test('a rule that gives its findings out of document order has them ordered', () => {
  // `timeline-order` (an entry earlier than the one above it) and `timeline-time` interleave.
  const text = [
    '# Post-Mortem: Queue outage',
    '',
    '## Timeline',
    '',
    '| Time | Event |',
    '|------|-------|',
    '| 10:00 XYZ | Alert fired |',
    '| 09:00 | Paged |',
    '| 2025-03-32 10:05 | Rolled back |',
    '| 08:00 | Resolved |',
    '',
  ].join('\n');
  const { findings } = analyze(text, defaultConfig());
  assert.ok(new Set(findings.map((finding) => finding.ruleId)).size > 2);
  assert.deepEqual(findings, inDocumentOrder(findings));
});
