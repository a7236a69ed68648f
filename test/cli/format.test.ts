import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { formatJson } from '../../server/src/cli/format-json';
import { formatMetrics, formatStylish } from '../../server/src/cli/format-stylish';
import type { FileResult } from '../../server/src/cli/result';
import { escapeControls } from '../../server/src/cli/terminal-text';
import type { MetricNote } from '../../server/src/engine/metrics/explain';
import type { Finding, MetricName } from '../../server/src/engine/model';

const note = (minutes: number | null, inferredFrom: string[] = []): MetricNote => ({
  minutes,
  gap: minutes === null ? { milestone: 'acknowledged', kind: 'unmarked' } : null,
  inferredFrom,
});
const metricNotes: Record<MetricName, MetricNote> = {
  timeToDetect: note(0),
  timeToAcknowledge: note(null),
  timeToMitigate: note(20, ['rolled back']),
  timeToResolve: note(40),
};

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

const followUp: FileResult['read']['followUps'][number] = {
  line: 40,
  text: 'Add config validation',
  owner: '@alice',
  due: '2025-04-01',
  ticket: 'OPS-123',
  status: 'open',
  overdue: false,
};

const results: FileResult[] = [
  {
    path: 'docs/login.md',
    absolutePath: '/repo/docs/login.md',
    read: {
      sections: [],
      timeline: { line: 10, entries: [], metricNotes },
      metadata: { id: 'INC-42', severity: 'SEV2' },
      followUps: [followUp],
    },
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
    read: { sections: [], timeline: null, metadata: {}, followUps: [] },
    findings: [],
    metrics: null,
  },
];

describe('formatMetrics', () => {
  test('the metrics line says why a metric is missing and which rest on guesses', () => {
    assert.equal(
      formatMetrics(results[0]!.read),
      'TTD 0m · TTA — · TTM 20m* · TTR 40m (TTA: no entry marks acknowledged; * guessed from keywords)',
    );
    assert.equal(formatMetrics(results[1]!.read), 'no timeline');
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
        '  TTD 0m · TTA — · TTM 20m* · TTR 40m (TTA: no entry marks acknowledged; * guessed from keywords)',
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

  test('control characters of paths, messages and notices are escaped, colour or not', () => {
    const hostile: FileResult = {
      path: 'docs/\u001b]0;owned\u0007.md',
      absolutePath: '/repo/docs/x.md',
      read: { sections: [], timeline: null, metadata: {}, followUps: [] },
      findings: [
        finding('timeline-time', 'warning', 3, 1, 'Cannot read `\u001b[2J\u009b31m\u007f`'),
      ],
      notices: [
        {
          message: 'Unknown preset `\u001b[31mred\r`',
          span: {
            start: { line: 2, column: 1, offset: 0 },
            end: { line: 2, column: 1, offset: 0 },
          },
        },
      ],
      metrics: null,
    };
    /** Control characters but the newlines that end rows. */
    const controls = (text: string) =>
      [...text].filter((char) => {
        const code = char.charCodeAt(0);
        return (code < 0x20 && char !== '\n') || (code >= 0x7f && code <= 0x9f);
      });
    const plain = formatStylish([hostile], false);
    assert.deepEqual(controls(plain), []);
    assert.ok(plain.includes('docs/\\x1b]0;owned\\x07.md'));
    assert.ok(plain.includes('Cannot read `\\x1b[2J\\x9b31m\\x7f`'));
    assert.ok(plain.includes('Unknown preset `\\x1b[31mred\\x0d`'));
    // With colour, the only escapes left are the styles' own.
    const colored = formatStylish([hostile], true).split('\u001b');
    assert.ok(colored.slice(1).every((after) => /^\[[0-9;]*m/.test(after)));
    assert.ok(colored.length > 1);
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
          timeline: { line: 10, entries: [], metricNotes },
          metadata: { id: 'INC-42', severity: 'SEV2' },
          followUps: [followUp],
        },
        {
          path: 'docs/clean.md',
          diagnostics: [],
          metrics: null,
          sections: [],
          timeline: null,
          metadata: {},
          followUps: [],
        },
      ],
    });
    assert.deepEqual(Object.keys(JSON.parse(text).files[0].metrics), [
      'timeToDetect',
      'timeToAcknowledge',
      'timeToMitigate',
      'timeToResolve',
    ]);
    assert.deepEqual(Object.keys(JSON.parse(text).files[0].followUps[0]), [
      'line',
      'text',
      'owner',
      'due',
      'ticket',
      'status',
      'overdue',
    ]);
  });
});

describe('escapeControls', () => {
  const isControl = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);

  test('no control character is left, and text without one is unchanged', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xa0 }).map((code) => String.fromCharCode(code)),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (units) => {
        const text = units.join('');
        const escaped = escapeControls(text);
        assert.ok(![...escaped].some((char) => isControl(char.charCodeAt(0))));
        if (![...text].some((char) => isControl(char.charCodeAt(0)))) {
          assert.equal(escaped, text);
        }
        // Each control becomes its `\\xNN`: taking them back gives the text.
        const back = escaped.replace(/\\x([0-9a-f]{2})/g, (whole, hex: string) =>
          isControl(parseInt(hex, 16)) ? String.fromCharCode(parseInt(hex, 16)) : whole,
        );
        if (!text.includes('\\x')) assert.equal(back, text);
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });
});
