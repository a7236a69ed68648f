// The injection grammar: every regex compiles, and an approximate tokenizer (TextMate's rule
// for a flat list of `match` patterns: the earliest match wins, ties go to the first pattern)
// finds the times, milestone markers and stated metrics of real reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoRoot as root } from '../helpers/paths';

interface Capture {
  name: string;
}

interface Pattern {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  name?: string;
  captures?: Record<string, Capture>;
}

interface Grammar {
  scopeName: string;
  injectionSelector: string;
  patterns: Pattern[];
  repository: Record<string, Pattern>;
}

const grammar = JSON.parse(
  readFileSync(join(root, 'syntaxes/postmortem.injection.tmLanguage.json'), 'utf8'),
) as Grammar;

/**
 * An Oniguruma pattern as a JavaScript RegExp. The grammar keeps to the syntax both engines
 * share, except a leading `(?i)`, which becomes the `i` flag.
 */
function toRegExp(source: string): RegExp {
  const caseless = source.startsWith('(?i)');
  return new RegExp(caseless ? source.slice(4) : source, `g${caseless ? 'i' : ''}d`);
}

const rules = grammar.patterns.map(({ include = '' }) => {
  assert.ok(include.startsWith('#'), 'top-level patterns include repository rules');
  const rule = grammar.repository[include.slice(1)];
  assert.ok(rule?.match, `${include} is a match rule`);
  return { ...rule, regexp: toRegExp(rule.match) };
});

/** A token: the text and the scopes the grammar gives it (whole-match name, then capture). */
type Token = [text: string, scope: string];

/** Tokenizes a line; text no rule matches yields no token. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position < line.length) {
    let best: { match: RegExpExecArray; rule: (typeof rules)[number] } | undefined;
    for (const rule of rules) {
      rule.regexp.lastIndex = position;
      const match = rule.regexp.exec(line);
      if (match && match[0] !== '' && (!best || match.index < best.match.index)) {
        best = { match, rule };
      }
    }
    if (!best) break;
    const { match, rule } = best;
    const captured = Object.entries(rule.captures ?? {})
      .map(([group, capture]) => ({ text: match[Number(group)], name: capture.name }))
      .filter((capture): capture is { text: string; name: string } => Boolean(capture.text));
    if (rule.name) tokens.push([match[0], rule.name]);
    for (const capture of captured) tokens.push([capture.text, capture.name]);
    position = match.index + match[0].length;
  }
  return tokens;
}

const TIME = 'constant.numeric.time.postmortem';
const MILESTONE = 'keyword.other.milestone.postmortem';
const METRIC = 'entity.name.tag.metric.postmortem';
const DURATION = 'constant.numeric.duration.postmortem';
const PLACEHOLDER = 'constant.other.placeholder.postmortem';

/** The tokens of a line that carry one of `scopes` (punctuation left out). */
function scoped(line: string, ...scopes: string[]): Token[] {
  return tokenize(line).filter(([, scope]) => scopes.some((s) => scope.split(' ').includes(s)));
}

describe('grammar file', () => {
  test('injects into Markdown text, but not into code or comments', () => {
    assert.equal(grammar.scopeName, 'markdown.postmortem.injection');
    assert.match(grammar.injectionSelector, /^L:text\.html\.markdown /);
    for (const excluded of ['comment', 'markup.fenced_code', 'markup.raw', 'markup.inline.raw']) {
      assert.ok(grammar.injectionSelector.includes(` -${excluded}`), excluded);
    }
  });

  test('every rule is a single-line match whose regex compiles and whose captures exist', () => {
    for (const [name, rule] of Object.entries(grammar.repository)) {
      assert.equal(rule.begin, undefined, name);
      assert.ok(rule.match, name);
      // Oniguruma-only syntax would not compile here (or would mean something else).
      const source = rule.match.replace(/^\(\?i\)/, '');
      assert.doesNotMatch(source, /\(\?[imx-]+[:)]|\\[hHAzZGK]|\(\?>|[*+?]\+/, name);
      const groups = new RegExp(`${toRegExp(rule.match).source}|`).exec('')!.length - 1;
      for (const group of Object.keys(rule.captures ?? {})) {
        assert.ok(Number(group) >= 1 && Number(group) <= groups, `${name}: group ${group}`);
      }
      assert.ok(
        Object.values(rule.captures ?? {}).every(
          (c) => c.name.endsWith('.postmortem') || c.name.endsWith('.markdown'),
        ),
        name,
      );
    }
  });

  test('no rule backtracks badly on long adversarial lines', () => {
    const lines = [
      '1'.repeat(5000),
      '12:'.repeat(3000),
      `Time to detection: ${'1 '.repeat(3000)}x`,
      `**Time to detection${' '.repeat(3000)}`,
      `TTR: ${'1h, '.repeat(2000)}?`,
      `2025-03-15${' '.repeat(5000)}`,
      `Mar 15${' '.repeat(5000)},`,
    ];
    for (const line of lines) assert.ok(Array.isArray(tokenize(line)));
  });
});

describe('times', () => {
  test('the sample report: 12-hour times with AM/PM in table rows', () => {
    const rows = [
      ['| 12:55 PM | Automated monitoring detects increased DB errors. |', '12:55 PM'],
      ['| 1:00 PM | PagerDuty alert sent to on-call engineers. |', '1:00 PM'],
      ['| 1:35 PM | Issue marked as resolved. |', '1:35 PM'],
    ];
    for (const [row, time] of rows) assert.deepEqual(scoped(row!, TIME), [[time, TIME]]);
  });

  test('the DFDS reports: dated rows', () => {
    assert.deepEqual(scoped('| 2023-02-14 10:29 | Node rollover started |', TIME), [
      ['2023-02-14 10:29', TIME],
    ]);
  });

  test('the forms of SPEC §2', () => {
    const cases: [string, string[]][] = [
      ['- 13:05 - rollback', ['13:05']],
      ['- 13:05:30 — alert fired', ['13:05:30']],
      ['1:05pm: paged', ['1:05pm']],
      ['* 1 PM deploy', ['1 PM']],
      ['| 2025/03/15 13:05 | x |', ['2025/03/15 13:05']],
      ['- 2025-03-15T13:05:30Z restart', ['2025-03-15T13:05:30Z']],
      ['- 2025-03-15T13:05+01:00 restart', ['2025-03-15T13:05+01:00']],
      ['- Mar 15, 13:05 failover', ['Mar 15, 13:05']],
      ['- 15 March 2025 1:05 PM: all clear', ['15 March 2025 1:05 PM']],
      ['| 13:05 UTC | x |', ['13:05 UTC']],
      ['| 13:05Z | x |', ['13:05Z']],
      ['| 13:05 CET | x |', ['13:05 CET']],
      ['| 13:05 (UTC+2) | x |', ['13:05 (UTC+2)']],
      ['- ~10:45 approx', ['~10:45']],
      ['- 10:45~ approx', ['10:45~']],
      ['- approx. 10:45 approx', ['10:45']],
      ['| 09:00 - 11:00 | maintenance |', ['09:00', '11:00']],
      ['| 09:00–11:00 | maintenance |', ['09:00', '11:00']],
      ['- **13:05** rollback', ['13:05']],
    ];
    for (const [line, times] of cases) {
      assert.deepEqual(
        scoped(line, TIME).map(([text]) => text),
        times,
        line,
      );
    }
  });

  test('not times: version numbers, ports, ratios inside words, long digit runs', () => {
    for (const line of [
      'Upgraded to v1.12:30',
      'Listening on localhost:8080',
      'Build 123:45',
      'a12:30',
      '12:345',
      '13:05 ESTIMATED',
    ]) {
      const times = scoped(line, TIME).map(([text]) => text);
      assert.ok(
        times.every((time) => time === '13:05'),
        `${line}: ${JSON.stringify(times)}`,
      );
    }
    assert.deepEqual(scoped('13:05 ESTIMATED', TIME), [['13:05', TIME]]);
    assert.deepEqual(scoped('Listening on localhost:8080', TIME), []);
    assert.deepEqual(scoped('Upgraded to v1.12:30', TIME), []);
    assert.deepEqual(scoped('12:345', TIME), []);
  });
});

describe('milestone markers', () => {
  test('square brackets and parentheses, any case', () => {
    assert.deepEqual(tokenize('| 12:55 PM | Monitoring detects errors [detected] |'), [
      ['12:55 PM', TIME],
      ['[detected]', MILESTONE],
      ['[', 'punctuation.definition.milestone.begin.postmortem'],
      [']', 'punctuation.definition.milestone.end.postmortem'],
    ]);
    const markers = [
      '(resolved)',
      '[ACK]',
      '[Acknowledged]',
      '(problem started)',
      '[start]',
      '[mitigated]',
    ];
    for (const marker of markers) {
      assert.deepEqual(scoped(`- 10:00 something ${marker}`, MILESTONE), [[marker, MILESTONE]]);
    }
  });

  test('not a link, not another word in brackets', () => {
    assert.deepEqual(scoped('See [detected](https://example.com/alert)', MILESTONE), []);
    assert.deepEqual(scoped('[detected]: https://example.com', MILESTONE), []);
    assert.deepEqual(scoped('[detection] (fixed)', MILESTONE), []);
  });
});

describe('stated metrics', () => {
  test('the DFDS stats lists', () => {
    assert.deepEqual(tokenize('- Time to detection: 54 minutes'), [
      ['Time to detection', METRIC],
      [':', 'punctuation.separator.key-value.postmortem'],
      ['54 minutes', DURATION],
    ]);
    assert.deepEqual(scoped('- Time to recovery: ?', METRIC, PLACEHOLDER), [
      ['Time to recovery', METRIC],
      ['?', PLACEHOLDER],
    ]);
  });

  test('the sample guide: a bold label with its colon inside', () => {
    assert.deepEqual(tokenize('- **Time to Recovery (TTR):** 30 minutes.'), [
      ['**', 'punctuation.definition.bold.markdown'],
      ['Time to Recovery (TTR)', `markup.bold.markdown ${METRIC}`],
      [':', 'markup.bold.markdown punctuation.separator.key-value.postmortem'],
      ['**', 'punctuation.definition.bold.markdown'],
      ['30 minutes', DURATION],
    ]);
    assert.deepEqual(scoped('**TTR**: 1h 5m', METRIC, DURATION), [
      ['TTR', `markup.bold.markdown ${METRIC}`],
      ['1h 5m', DURATION],
    ]);
  });

  test('the forms of SPEC §3', () => {
    const cases: [string, string, string][] = [
      ['TTR: 1h 5m', 'TTR', '1h 5m'],
      ['Time to Recovery (TTR): 30 minutes', 'Time to Recovery (TTR)', '30 minutes'],
      ['Time to mitigate: 12 min', 'Time to mitigate', '12 min'],
      ['Time to acknowledgement: 5 minutes', 'Time to acknowledgement', '5 minutes'],
      ['Time to restore: 2 hours, 10 minutes', 'Time to restore', '2 hours, 10 minutes'],
      ['TTD: 0', 'TTD', '0'],
    ];
    for (const [line, label, value] of cases) {
      assert.deepEqual(scoped(line, METRIC, DURATION), [
        [label, METRIC],
        [value, DURATION],
      ]);
    }
    assert.deepEqual(scoped('Time to resolve: TBD', PLACEHOLDER), [['TBD', PLACEHOLDER]]);
  });

  test('a label without a value, or another duration, is not a stated metric', () => {
    assert.deepEqual(scoped('Time to detection was long', METRIC, DURATION), []);
    assert.deepEqual(scoped('Outage: 30 minutes', METRIC, DURATION), []);
    assert.deepEqual(scoped('The time to detect: improve alerting', METRIC, DURATION), []);
  });
});
