import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatJson } from '../../server/src/cli/format-json';
import { formatMetrics, formatMinutes, formatStylish } from '../../server/src/cli/format-stylish';
import type { FileResult } from '../../server/src/cli/result';
import type { Finding } from '../../server/src/engine/model';

function finding(
  ruleId: Finding['ruleId'],
  severity: Finding['severity'],
  line: number,
  column: number,
  message: string,
): Finding {
  return {
    ruleId,
    severity,
    message,
    span: { start: { line, column, offset: 0 }, end: { line, column: column + 5, offset: 5 } },
  };
}

const results: FileResult[] = [
  {
    path: 'docs/login.md',
    absolutePath: '/repo/docs/login.md',
    read: { sections: [], timeline: null },
    findings: [
      finding('required-sections', 'error', 1, 1, 'Missing section `Impact`'),
      finding(
        'timeline-order',
        'warning',
        19,
        3,
        'Timeline entry `11:07` is earlier than the entry before it (`11:08`)',
      ),
      finding('rca-evidence', 'info', 102, 1, 'No evidence'),
    ],
    metrics: { timeToMitigate: 20, timeToDetect: 0, timeToResolve: 40, timeToAcknowledge: null },
  },
  {
    path: 'docs/clean.md',
    absolutePath: '/repo/docs/clean.md',
    read: { sections: [], timeline: null },
    findings: [],
    metrics: null,
  },
];

describe('formatMinutes and formatMetrics', () => {
  test('durations for people', () => {
    assert.deepEqual([0, 5, 59.5, 60, 65, 1709, 2880, -5, null].map(formatMinutes), [
      '0m',
      '5m',
      '59m 30s',
      '1h',
      '1h 5m',
      '1d 4h 29m',
      '2d',
      '-5m',
      '—',
    ]);
  });

  test('the metrics line, and no timeline', () => {
    assert.equal(formatMetrics(results[0]!.metrics), 'TTD 0m · TTA — · TTM 20m · TTR 40m');
    assert.equal(formatMetrics(null), 'no timeline');
  });
});

describe('formatStylish', () => {
  test('rows aligned per file, metrics, a summary with counts', () => {
    assert.equal(
      formatStylish(results, false),
      [
        'docs/login.md',
        '  1:1    error    Missing section `Impact`                                              required-sections',
        '  19:3   warning  Timeline entry `11:07` is earlier than the entry before it (`11:08`)  timeline-order',
        '  102:1  info     No evidence                                                           rca-evidence',
        '  TTD 0m · TTA — · TTM 20m · TTR 40m',
        '',
        'docs/clean.md',
        '  no problems',
        '  no timeline',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info) in 1 of 2 files',
        '',
      ].join('\n'),
    );
  });

  test('no files: nothing, rather than a clean summary', () => {
    assert.equal(formatStylish([], false), '');
  });

  test('colour: ANSI styles only when asked', () => {
    const colored = formatStylish(results, true);
    assert.ok(colored.includes('\u001b[31merror  \u001b[0m'));
    assert.ok(colored.includes('\u001b[4mdocs/login.md\u001b[0m'));
    assert.ok(!formatStylish(results, false).includes('\u001b'));
  });
});

describe('formatJson', () => {
  test('the object of SPEC §5, metrics keys in contract order', () => {
    const text = formatJson(results);
    assert.deepEqual(JSON.parse(text), {
      files: [
        {
          path: 'docs/login.md',
          diagnostics: [
            {
              rule: 'required-sections',
              severity: 'error',
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 6,
              message: 'Missing section `Impact`',
            },
            {
              rule: 'timeline-order',
              severity: 'warning',
              line: 19,
              column: 3,
              endLine: 19,
              endColumn: 8,
              message: 'Timeline entry `11:07` is earlier than the entry before it (`11:08`)',
            },
            {
              rule: 'rca-evidence',
              severity: 'info',
              line: 102,
              column: 1,
              endLine: 102,
              endColumn: 6,
              message: 'No evidence',
            },
          ],
          metrics: {
            timeToDetect: 0,
            timeToAcknowledge: null,
            timeToMitigate: 20,
            timeToResolve: 40,
          },
          sections: [],
          timeline: null,
        },
        { path: 'docs/clean.md', diagnostics: [], metrics: null, sections: [], timeline: null },
      ],
    });
    assert.deepEqual(Object.keys(JSON.parse(text).files[0].metrics), [
      'timeToDetect',
      'timeToAcknowledge',
      'timeToMitigate',
      'timeToResolve',
    ]);
  });
});
