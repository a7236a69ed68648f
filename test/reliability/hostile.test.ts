/**
 * Hostile files (`hostile-inputs.ts`) through the engine, the CLI as a process and the language
 * server over stdio: each is answered, nothing crashes, and where only part of a file could be
 * checked a notice says so. Times are measured, not asserted (README, Reliability); a run over
 * two minutes fails as a hang.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol/node';
import {
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { analyze } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { createSession } from '../../server/src/engine/session';
import type { Metrics } from '../../server/src/engine/model';
import type { OutlineResult } from '../../server/src/protocol';
import { OUTLINE_REQUEST } from '../../server/src/protocol';
import { stripBom } from '../../server/src/engine/markdown/lines';
import { buildServer, TestClient } from '../helpers/lsp-client';
import { HOSTILE_INPUTS, sample } from './hostile-inputs';
import { buildBundles } from '../helpers/build';
import { runCli } from '../helpers/cli';

/** A hang, not a slow machine: the bound documented in README is far below. */
const HANG = 120_000;

const SAMPLE_METRICS: Metrics = {
  timeToDetect: 0,
  timeToAcknowledge: 5,
  timeToMitigate: 20,
  timeToResolve: 40,
};

const partly = (why: string) => `This report ${why}: only its headings and timeline were checked`;
const tooDeep = partly(
  'nests lists or block quotes too deeply to check fully (more than 64 levels on line 8)',
);

interface Expected {
  /** Rule, line, column and message of each finding, in document order. */
  findings: (readonly [string, number, number, string])[];
  notice: string | null;
  /** The line of the notice, when it is not the first. */
  noticeLine?: number;
  metrics: Metrics | null;
  /** Files that are not text: the CLI reports them as unreadable (exit 2), the editor notes it. */
  binary?: true;
  /** What the CLI notes of the file itself on stderr (`line:column: message`), before analysing it. */
  read?: string;
}

const BINARY: Expected = {
  findings: [],
  notice:
    'This file holds NUL characters, so it is binary or not UTF-8 text (UTF-16, say): it was not checked',
  metrics: null,
  binary: true,
};

/** What each hostile input gives, by name (`hostile-inputs.ts`). */
const EXPECTED: Record<string, Expected> = {
  'a 20 MB report (the sample and 20 MB of pasted logs)': {
    findings: [],
    notice: partly('is too large to check fully (20.0 MB; the limit is 2 MB)'),
    metrics: SAMPLE_METRICS,
  },
  'a single 1 MB line (pasted base64 in Impact)': {
    findings: [],
    notice: null,
    metrics: SAMPLE_METRICS,
  },
  'lists nested 3,000 deep, one item per line (9 MB)': {
    findings: [],
    notice: partly('is too large to check fully (8.6 MB; the limit is 2 MB)'),
    metrics: SAMPLE_METRICS,
  },
  'lists nested 3,000 deep on one line': {
    findings: [],
    notice: tooDeep,
    metrics: SAMPLE_METRICS,
  },
  'block quotes nested 3,000 deep on one line': {
    findings: [],
    notice: tooDeep,
    metrics: SAMPLE_METRICS,
  },
  'a NUL-filled binary (1 MB)': BINARY,
  'invalid UTF-8 in the Impact section': {
    findings: [],
    notice: null,
    metrics: SAMPLE_METRICS,
    read: '4:111: Not UTF-8 (byte 0xFF at line 4, column 111): bytes that are not UTF-8 are read as U+FFFD, and `--fix` leaves the file as it is',
  },
  'the sample saved as UTF-16 (read as UTF-8)': BINARY,
  'time parser bait: long runs of digits and colons in the timeline': {
    findings: [
      [
        'timeline-time',
        14,
        3,
        'Timeline time `12:12:12` has no AM or PM in a timeline that uses 12-hour times',
      ],
      [
        'timeline-time',
        16,
        3,
        'Timeline time `12:02:02` has no AM or PM in a timeline that uses 12-hour times',
      ],
    ],
    notice: null,
    metrics: {
      timeToDetect: 1482.8,
      timeToAcknowledge: 5,
      timeToMitigate: 1502.8,
      timeToResolve: 1522.8,
    },
  },
  'time parser bait: `12:00 ` repeated 30,000 times': {
    findings: [
      [
        'timeline-time',
        13,
        3,
        'Timeline time `12:00` has no AM or PM in a timeline that uses 12-hour times',
      ],
    ],
    notice: null,
    metrics: { timeToDetect: 55, timeToAcknowledge: 5, timeToMitigate: 75, timeToResolve: 95 },
  },
  '`[a](b ` repeated 40,000 times': {
    findings: [],
    notice: partly(
      'has a paragraph with too much inline markup to check fully (80,000 emphasis, link, code and HTML marks from line 8)',
    ),
    metrics: SAMPLE_METRICS,
  },
  'suppression bait: `<!-- postmortem-disable ` repeated 30,000 times, never closed': {
    findings: [],
    notice: null,
    metrics: SAMPLE_METRICS,
  },
  '16,000 small lists, each closed by a paragraph': {
    findings: [],
    notice: partly(
      'has too many lists, block quotes and underlined headings to check fully (16,004)',
    ),
    metrics: SAMPLE_METRICS,
  },
  'front matter `preset:`, 2 KB of spaces and a `"`': {
    findings: [],
    notice:
      'Unknown preset `` in the front matter; expected one of `standard`, `google-sre`, `dfds`, `elastic`. The configured sections are used',
    noticeLine: 2,
    metrics: SAMPLE_METRICS,
  },
  '4,000 lines `[x` and a `]:` (12 KB)': { findings: [], notice: null, metrics: SAMPLE_METRICS },
  'a heading followed by 32,000 `()` (64 KB)': {
    findings: [],
    notice: null,
    metrics: SAMPLE_METRICS,
  },
  'a timeline paragraph of 5,000 lines (125 KB)': {
    // The paragraph's 10:00 is the earliest time, and the sample's times have AM and PM.
    findings: [
      [
        'timeline-time',
        13,
        1,
        'Timeline time `10:00` has no AM or PM in a timeline that uses 12-hour times',
      ],
    ],
    notice: null,
    metrics: { timeToDetect: 175, timeToAcknowledge: 5, timeToMitigate: 195, timeToResolve: 215 },
  },
  'a table delimiter row of 64 KB of dashes and an `x`': {
    findings: [],
    notice: null,
    metrics: SAMPLE_METRICS,
  },
  'a paragraph of 7,000 lines `a <!--` (48 KB)': {
    findings: [],
    notice: partly(
      'has a paragraph with too much inline markup to check fully (21,000 emphasis, link, code and HTML marks from line 8)',
    ),
    metrics: SAMPLE_METRICS,
  },
  'a paragraph of 16,000 `<?` (48 KB)': {
    findings: [],
    notice: partly(
      'has a paragraph with too much inline markup to check fully (48,000 emphasis, link, code and HTML marks from line 8)',
    ),
    metrics: SAMPLE_METRICS,
  },
  'a paragraph of 12,000 `<!A` (48 KB)': {
    findings: [],
    notice: partly(
      'has a paragraph with too much inline markup to check fully (36,000 emphasis, link, code and HTML marks from line 8)',
    ),
    metrics: SAMPLE_METRICS,
  },
  '4,000 heading lines of 1,000 spaces after the report (4 MB)': {
    findings: [],
    notice: partly('is too large to check fully (3.8 MB; the limit is 2 MB)'),
    metrics: SAMPLE_METRICS,
  },
};

const cases = HOSTILE_INPUTS.map((input) => {
  const expected = EXPECTED[input.name];
  assert.ok(expected, `expected values for ${input.name}`);
  return { ...input, expected };
});

/** The text editors and the CLI see: the bytes read as UTF-8. */
function textOf(bytes: Buffer): string {
  return bytes.toString('utf8');
}

test('every hostile input has its expected values, and no expected value is left over', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), HOSTILE_INPUTS.map((input) => input.name).sort());
});

describe('the engine', () => {
  const config = defaultConfig();
  for (const { name, bytes, expected } of cases) {
    test(
      `${name}: analyze and incremental analysis agree, with what was left unchecked`,
      {
        timeout: HANG,
      },
      () => {
        const { text } = stripBom(textOf(bytes()));
        const full = analyze(text, config);
        const incremental = analyze(text, config, createSession());
        for (const analysis of [full, incremental]) {
          assert.deepEqual(
            analysis.findings.map((f) => [
              f.ruleId,
              f.span.start.line,
              f.span.start.column,
              f.message,
            ]),
            expected.findings,
          );
          assert.deepEqual(
            analysis.notices.map((notice) => [notice.message, notice.span.start.line]),
            expected.notice ? [[expected.notice, expected.noticeLine ?? 1]] : [],
          );
          assert.deepEqual(analysis.model.metrics, expected.metrics);
        }
      },
    );
  }
});

describe('postmortem-lint as a process', () => {
  let folder: string;
  before(() => {
    buildBundles('cli');
    folder = mkdtempSync(join(tmpdir(), 'pm-hostile-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  function lint(file: string, format: string) {
    return runCli(['--format', format, file], {
      cwd: folder,
      timeout: HANG,
      maxBuffer: 64 * 1024 * 1024,
    });
  }

  cases.forEach(({ name, bytes, expected }, index) => {
    test(
      `${name}: exit status, JSON of the contract, the notice on stderr`,
      {
        timeout: HANG,
      },
      () => {
        const file = `hostile-${index}.md`;
        writeFileSync(join(folder, file), bytes());
        const { status, stdout, stderr } = lint(file, 'json');
        if (expected.binary) {
          assert.equal(status, 2);
          assert.equal(
            stderr,
            `postmortem-lint: Cannot read \`${file}\` as text: it holds NUL characters (a binary file, or text saved as UTF-16)\n`,
          );
          assert.deepEqual(JSON.parse(stdout), { files: [] });
          return;
        }
        assert.equal(status, expected.findings.length > 0 ? 1 : 0, stderr);
        const lines = [
          ...(expected.read ? [`${file}:${expected.read}\n`] : []),
          ...(expected.notice
            ? [`${file}:${expected.noticeLine ?? 1}:1: ${expected.notice}\n`]
            : []),
        ];
        assert.equal(stderr, lines.join(''));
        const output = JSON.parse(stdout) as {
          files: {
            path: string;
            diagnostics: { rule: string; line: number }[];
            sections: unknown;
            timeline: unknown;
            metadata: unknown;
            followUps: unknown;
          }[];
        };
        assert.deepEqual(Object.keys(output), ['files']);
        assert.deepEqual(Object.keys(output.files[0]!), [
          'path',
          'diagnostics',
          'metrics',
          'sections',
          'timeline',
          'metadata',
          'followUps',
        ]);
        assert.deepEqual(output, {
          files: [
            {
              path: file,
              diagnostics: output.files[0]!.diagnostics,
              metrics: expected.metrics,
              sections: output.files[0]!.sections,
              timeline: output.files[0]!.timeline,
              metadata: output.files[0]!.metadata,
              followUps: output.files[0]!.followUps,
            },
          ],
        });
        assert.deepEqual(
          output.files[0]!.diagnostics.map((d) => [d.rule, d.line]),
          expected.findings.map(([rule, line]) => [rule, line]),
        );
      },
    );
  });

  test(
    '--format stylish: the notice is a row of the file, and on stderr',
    { timeout: HANG },
    () => {
      const input = cases.find((c) => c.name === '`[a](b ` repeated 40,000 times')!;
      writeFileSync(join(folder, 'bait.md'), input.bytes());
      const { status, stdout, stderr } = lint('bait.md', 'stylish');
      assert.equal(status, 0);
      assert.equal(stderr, `bait.md:1:1: ${input.expected.notice}\n`);
      assert.equal(
        stdout,
        [
          'bait.md',
          `  1:1  note  ${input.expected.notice}`,
          '  no problems',
          '  TTD 0m* · TTA 5m* · TTM 20m* · TTR 40m* (* guessed from keywords)',
          '',
          '✔ No problems in 1 file',
          '',
        ].join('\n'),
      );
    },
  );

  test('--format sarif: a degraded file still gives a valid log', { timeout: HANG }, () => {
    const input = cases.find((c) => c.name === '`[a](b ` repeated 40,000 times')!;
    writeFileSync(join(folder, 'bait.md'), input.bytes());
    const { status, stdout, stderr } = lint('bait.md', 'sarif');
    assert.equal(status, 0);
    assert.match(stderr, /^bait\.md:1:1: This report has a paragraph/);
    const log = JSON.parse(stdout) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0]!.results, []);
  });
});

describe('the language server over stdio', () => {
  let client: TestClient;
  const smallUri = 'file:///hostile/postmortems/small.md';
  let smallSymbols: DocumentSymbol[];

  before(async () => {
    buildServer();
    client = await TestClient.start();
    const published = client.diagnosticsFor(smallUri, 1);
    await client.open(smallUri, sample);
    assert.deepEqual((await published).diagnostics, []);
    smallSymbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: smallUri },
    })) as DocumentSymbol[];
    assert.equal(smallSymbols.length, 1);
  });

  after(async () => {
    assert.equal(await client.stop(), 0);
  });

  cases.forEach(({ name, bytes, expected }, index) => {
    test(
      `${name}: textDocument/publishDiagnostics, then another document still answers`,
      {
        timeout: HANG,
      },
      async () => {
        const uri = `file:///hostile/postmortems/hostile-${index}.md`;
        const text = textOf(bytes());
        const published = client.diagnosticsFor(uri, 1);
        await client.open(uri, text);
        const { diagnostics } = await published;
        // A notice spans its line (the first, unless said).
        const line = (expected.noticeLine ?? 1) - 1;
        const lineText = text.split('\n')[line] ?? '';
        const notices: Diagnostic[] = expected.notice
          ? [
              {
                range: {
                  start: { line, character: 0 },
                  end: { line, character: lineText.replace(/\r$/, '').length },
                },
                severity: 3,
                source: 'postmortem',
                message: expected.notice,
              },
            ]
          : [];
        assert.deepEqual(diagnostics.slice(0, notices.length), notices);
        assert.deepEqual(
          diagnostics
            .slice(notices.length)
            .map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.message]),
          expected.findings,
        );
        // The document itself is served (the outline view), and so is another one.
        const outline = await client.request<OutlineResult>(OUTLINE_REQUEST, { uri });
        assert.deepEqual(
          [outline?.uri, outline?.isPostmortem, outline?.metrics],
          [uri, true, expected.metrics],
        );
        const symbols = await client.connection.sendRequest(DocumentSymbolRequest.type, {
          textDocument: { uri: smallUri },
        });
        assert.deepEqual(symbols, smallSymbols);
        await client.connection.sendNotification(DidCloseTextDocumentNotification.type, {
          textDocument: { uri },
        });
      },
    );
  });
});
