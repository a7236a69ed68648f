import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Root, Table } from 'mdast';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { findStatedMetrics, formatStatedValue } from '../../../server/src/engine/metrics/stated';
import { LineIndex } from '../../../server/src/engine/markdown/lines';
import { corpusDir } from '../../helpers/paths';

const dfds = join(corpusDir, 'dfds-postmortems');

function stated(text: string) {
  return findStatedMetrics(parseMarkdown(text), new LineIndex(text));
}

/** `[metric, value text, minutes]` of each stated metric. */
function values(text: string) {
  return stated(text).map((s) => [s.metric, s.valueText, s.minutes]);
}

describe('findStatedMetrics', () => {
  const cases: [string, [string, string, number | null]][] = [
    ['Time to detection: 54 minutes', ['timeToDetect', '54 minutes', 54]],
    ['TTR: 1h 5m', ['timeToResolve', '1h 5m', 65]],
    ['Time to Recovery (TTR): 30 minutes', ['timeToResolve', '30 minutes', 30]],
    ['Time to mitigate: 12 min', ['timeToMitigate', '12 min', 12]],
    ['- Time to recovery: 13 minutes', ['timeToResolve', '13 minutes', 13]],
    ['**Time to Recovery (TTR):** 30 minutes.', ['timeToResolve', '30 minutes', 30]],
    ['- **TTD**: 2 hours', ['timeToDetect', '2 hours', 120]],
    ['Time to acknowledgement: 90 min', ['timeToAcknowledge', '90 min', 90]],
    ['Time to acknowledge - 5m', ['timeToAcknowledge', '5m', 5]],
    ['TTA: 30s', ['timeToAcknowledge', '30s', 0.5]],
    ['Time to resolution: 1.5 hours', ['timeToResolve', '1.5 hours', 90]],
    ['Time to restore: 19 hours 43 minutes.', ['timeToResolve', '19 hours 43 minutes', 1183]],
    ['Time to mitigation: 1h5m', ['timeToMitigate', '1h5m', 65]],
    ['Time to resolve: 2 days, 3 hours', ['timeToResolve', '2 days, 3 hours', 3060]],
    ['TTM: 11 Days', ['timeToMitigate', '11 Days', 15840]],
    ['Time to recovery:  279 minutes [^3]', ['timeToResolve', '279 minutes', 279]],
    ['TTR: ~45 minutes', ['timeToResolve', '45 minutes', 45]],
    ['TTR: 45', ['timeToResolve', '45', 45]],
    ['Time to detection: ?', ['timeToDetect', '?', null]],
    ['Time to detection: ???', ['timeToDetect', '???', null]],
    ['Time to recovery: TBD', ['timeToResolve', 'TBD', null]],
    ['- Time to detection: YYY', ['timeToDetect', 'YYY', null]],
    ['- Time to recovery: ZZZ', ['timeToResolve', 'ZZZ', null]],
    ['TTR: XXX', ['timeToResolve', 'XXX', null]],
    ['TTR: X minutes', ['timeToResolve', 'X minutes', null]],
    ['TTD: 0:05', ['timeToDetect', '0:05', 5]],
    ['TTA: 00:40:00', ['timeToAcknowledge', '00:40:00', 40]],
    ['TTR: 1:05:30', ['timeToResolve', '1:05:30', 65.5]],
    ['TTM: 1h05', ['timeToMitigate', '1h05', 65]],
    ['TTR: 1 hr 30', ['timeToResolve', '1 hr 30', 90]],
    ['Time to resolve: 2d 1h 29m', ['timeToResolve', '2d 1h 29m', 2969]],
    ['**Time to repair**: 35h 36m', ['timeToResolve', '35h 36m', 2136]],
    ['- **Time to repair:** 35h 36m.', ['timeToResolve', '35h 36m', 2136]],
  ];
  for (const [line, expected] of cases) {
    test(line, () => assert.deepEqual(values(`${line}\n`), [expected]));
  }

  test('values that state nothing, and lines that are not metrics', () => {
    for (const line of [
      'Time to detection: N/A',
      'Time to recovery:',
      'Time to recovery: about an hour',
      'The time to recovery was 30 minutes.',
      'MTTR: 30 minutes',
      'Detection time: 10:00',
      'TTD: 0:05:',
      'TTR: 1:5',
      '`TTR: 5 minutes`',
    ]) {
      assert.deepEqual(values(`${line}\n`), [], line);
    }
  });

  test('every line of a paragraph, list items and table rows', () => {
    const text = [
      '## Stats',
      '',
      'Time to detection: 5 minutes',
      'Time to recovery: 15 minutes',
      '',
      '> TTA: 3 minutes',
      '',
      '| Metric | Value |',
      '|---|---|',
      '| Time to Mitigate (TTM) | 12 minutes |',
      '| Time to Detect (TTD) |  |',
      '| Time to repair | 1h05 |',
      '',
      '```',
      'TTR: 99 minutes',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(values(text), [
      ['timeToDetect', '5 minutes', 5],
      ['timeToResolve', '15 minutes', 15],
      ['timeToAcknowledge', '3 minutes', 3],
      ['timeToMitigate', '12 minutes', 12],
      ['timeToResolve', '1h05', 65],
    ]);
  });

  test('table cells whose label opens with markup, lower case or white space', () => {
    const text = [
      '| Metric | Value |',
      '|---|---|',
      '| **Time to detect** | 5 minutes |',
      '| `TTA` | 3 minutes |',
      '|time to mitigate | 12 minutes |',
      '|\t TTR: | 40 minutes |',
      '| Detection time | 9 minutes |',
      '| 5 minutes | Time to repair |',
      '',
    ].join('\n');
    assert.deepEqual(values(text), [
      ['timeToDetect', '5 minutes', 5],
      ['timeToAcknowledge', '3 minutes', 3],
      ['timeToMitigate', '12 minutes', 12],
      ['timeToResolve', '40 minutes', 40],
    ]);
  });

  test('exact spans of the line and the value, in CRLF text', () => {
    const text =
      '# Report\r\n\r\n- Category: Kubernetes\r\n- **Time to detection:** 54 minutes.\r\n';
    const [metric] = stated(text);
    const lineStart = text.indexOf('**Time');
    const valueStart = text.indexOf('54 minutes');
    assert.deepEqual(metric, {
      metric: 'timeToDetect',
      span: {
        start: { line: 4, column: 3, offset: lineStart },
        end: { line: 4, column: 37, offset: lineStart + 34 },
      },
      valueText: '54 minutes',
      valueSpan: {
        start: { line: 4, column: 26, offset: valueStart },
        end: { line: 4, column: 36, offset: valueStart + 10 },
      },
      minutes: 54,
    });
    assert.equal(text.slice(metric!.span.end.offset, metric!.span.end.offset + 2), '\r\n');
  });

  test('a table read before as stating nothing: a row put in its place, or added, is read', () => {
    const text =
      '| Time | Event |\n|---|---|\n| 10:00 | a |\n| 10:05 | b |\n\n| x |\n|---|\n| TTD | 5 minutes |\n';
    const lines = new LineIndex(text);
    const [quiet, other] = parseMarkdown(text).children as Table[];
    const tree: Root = { type: 'root', children: [quiet!] };
    const metrics = () => findStatedMetrics(tree, lines).map((s) => s.valueText);
    assert.deepEqual(metrics(), []);
    const [, stating] = other!.children;
    const kept = quiet!.children[2]!;
    quiet!.children[2] = stating!;
    assert.deepEqual(metrics(), ['5 minutes']);
    quiet!.children[2] = kept;
    assert.deepEqual(metrics(), []);
    quiet!.children.push(stating!);
    assert.deepEqual(metrics(), ['5 minutes']);
  });

  test('the DFDS corpus: `PM2020-002` and the template', () => {
    const text = readFileSync(
      join(dfds, 'PM2020-002 - KIAM service disruption on Hellman.md'),
      'utf8',
    );
    assert.deepEqual(values(text), [
      ['timeToDetect', '54 minutes', 54],
      ['timeToResolve', '148 minutes', 148],
    ]);
    const template = readFileSync(join(dfds, 'PMyyyy-nnn - Postmortem template.md'), 'utf8');
    assert.deepEqual(values(template), [
      ['timeToDetect', 'YYY', null],
      ['timeToResolve', 'ZZZ', null],
    ]);
  });
});

describe('formatStatedValue', () => {
  const cases: [string, number, string][] = [
    ['54 minutes', 2, '2 minutes'],
    ['54 minutes', 1, '1 minute'],
    ['148 minutes', 1709, '1709 minutes'],
    ['1h 5m', 40, '40m'],
    ['1h 5m', 125, '2h 5m'],
    ['1h 5m', 120, '2h'],
    ['12 min', 20, '20 min'],
    ['12 mins', 20, '20 mins'],
    ['2 hrs', 90, '1 hr 30 mins'],
    ['???', 40, '40 minutes'],
    ['?', 0, '0 minutes'],
    ['TBD', 61.4, '61 minutes'],
    ['X minutes', 40, '40 minutes'],
    ['?? hours', 150, '2 hours 30 minutes'],
    ['2 hours', 150, '2 hours 30 minutes'],
    ['22 hours', 20, '20 minutes'],
    ['11 Days', 15900, '11 Days 1 Hour'],
    ['1.5 hours', 100, '1.67 hours'],
    ['30s', 1.5, '90s'],
    ['1m 30s', 2.25, '2m 15s'],
    ['2 days, 3 hours', 1500, '1 day, 1 hour'],
    ['45', 40.4, '40'],
    ['0 minutes', 0.4, '0 minutes'],
    ['0:05', 12, '0:12'],
    ['0:05', 1565, '26:05'],
    ['00:40:00', 65.5, '01:05:30'],
    ['1h05', 40, '0h40'],
    ['1h05', 125, '2h05'],
    ['1 hr 30', 95, '1 hr 35'],
    ['35h 36m', 3060, '51h'],
    ['2d 1h 29m', 1470, '1d 30m'],
    ['31 minutes', 95, '95 minutes'],
  ];
  for (const [written, minutes, expected] of cases) {
    test(`${written} ← ${minutes}`, () =>
      assert.equal(formatStatedValue(written, minutes), expected));
  }
});
