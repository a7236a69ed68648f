/**
 * The guard (`guard.ts`) and the degraded analysis (`degraded.ts`): what makes a text too
 * costly to parse in full, and what is still checked of it. A list nested 65 deep is the cheap
 * way to make a small report degrade.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Analysis } from '../../../server/src/engine/analyze';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { fixAll } from '../../../server/src/engine/fixes/fix-all';
import { assessText, measureText } from '../../../server/src/engine/guard/guard';
import { createSession } from '../../../server/src/engine/session';
import { holdsMarkup } from '../../../server/src/engine/markdown/fast-inline';
import { LineIndex } from '../../../server/src/engine/markdown/lines';
import { prng } from '../../helpers/prng';
import { sample } from '../../reliability/hostile-inputs';

const config = defaultConfig();
const DEEP = `${'- '.repeat(65)}deep\n`;
const assess = (text: string) => assessText(text, new LineIndex(text).lineStarts);
const partly = (why: string, checked = 'its headings and timeline were') =>
  `This report ${why}: only ${checked} checked`;
const tooDeep = (line: number) =>
  `nests lists or block quotes too deeply to check fully (more than 64 levels on line ${line})`;

/** Analyses in full and incrementally, checks they agree, and gives the analysis. */
function analyzeBoth(text: string): Analysis {
  const full = analyze(text, config);
  const incremental = analyze(text, config, createSession());
  assert.deepEqual(
    [incremental.findings, incremental.notices, incremental.model.metrics],
    [full.findings, full.notices, full.model.metrics],
  );
  return full;
}

const summary = (analysis: Analysis) => ({
  findings: analysis.findings.map((f) => [f.ruleId, f.span.start.line, f.message]),
  notices: analysis.notices.map((n) => n.message),
});

describe('assessText', () => {
  test('the sample may be parsed in full', () => {
    assert.equal(assess(sample), null);
  });

  test('nesting: 64 levels are fine, 65 are not', () => {
    assert.equal(assess(`${'- '.repeat(64)}a\n`), null);
    assert.deepEqual(assess(`x\n\n${'- '.repeat(65)}a\n`), { kind: 'depth', depth: 65, line: 3 });
    assert.deepEqual(assess(`${'> '.repeat(65)}a\n`), { kind: 'depth', depth: 65, line: 1 });
    const stairs = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n');
    assert.deepEqual(assess(stairs), { kind: 'depth', depth: 65, line: 65 });
  });

  test('size: over 2 MB of UTF-8, counted in bytes', () => {
    assert.deepEqual(assess('x'.repeat(2 * 1024 * 1024 + 1)), {
      kind: 'size',
      bytes: 2 * 1024 * 1024 + 1,
    });
    // Half as many characters, each two bytes.
    assert.deepEqual(assess('é'.repeat(1024 * 1024 + 1)), {
      kind: 'size',
      bytes: 2 * 1024 * 1024 + 2,
    });
  });

  test('inline markup: one paragraph of links and emphasis', () => {
    assert.deepEqual(assess(`Intro.\n\n${'[a](b '.repeat(40_000)}\n`), {
      kind: 'markup',
      marks: 80_000,
      line: 3,
    });
    // The same marks spread over paragraphs cost little.
    assert.equal(assess('[a](b [a](b\n\n'.repeat(20_000)), null);
  });

  test('fenced and indented code is not read for markup; the same lines in a paragraph are', () => {
    const lines = 'a*b_ [x](y `z` ~w~\n'.repeat(20_000);
    assert.equal(assess(`\`\`\`text\n${lines}\`\`\`\n`), null);
    assert.equal(assess(`Intro.\n\n${lines.replace(/^/gm, '    ')}`), null);
    assert.deepEqual(assess(lines), { kind: 'markup', marks: 160_000, line: 1 });
  });

  test('raw HTML that never closes in a paragraph counts three marks: `<!--`, `<?`, `<!A`', () => {
    // CDATA's two `[` are marks of their own.
    const openings = { '<!--': 15_000, '<?': 15_000, '<!A': 15_000, '<![CDATA[': 25_000 };
    for (const [opening, marks] of Object.entries(openings)) {
      assert.deepEqual(assess(`Intro.\n\n${`a ${opening}\n`.repeat(5_000)}`), {
        kind: 'markup',
        marks,
        line: 3,
      });
    }
    // An HTML block is read raw to its end, and a closed one ends there.
    assert.equal(assess(`<!-- ${'a <!--\n'.repeat(20_000)}`), null);
    assert.equal(assess(`<?x ?>\n${'<!-- a <!A\n'.repeat(20_000)}`), null);
    assert.equal(assess(`<!-- x -->\n${'a <!--\n'.repeat(5_000)}`)?.kind, 'markup');
    // Tags, and `<` alone, cost micromark little.
    assert.equal(assess(`Intro.\n\n${'a <b\n'.repeat(5_000)}`), null);
    assert.equal(assess(`Intro.\n\n${'a < b\n'.repeat(5_000)}`), null);
  });

  test('table rows are read one by one; without a delimiter row they are one paragraph', () => {
    const rows = '| 12:00 | a*b_ [x](y) |\n'.repeat(10_000);
    assert.equal(assess(`| Time | Event |\n|---|---|\n${rows}`), null);
    assert.deepEqual(assess(`| Time | Event |\n${rows}`), {
      kind: 'markup',
      marks: 40_000,
      line: 1,
    });
    // A delimiter row with another number of cells makes no table.
    assert.equal(assess(`| Time | Event |\n|---|---|---|\n${rows}`)?.kind, 'markup');
  });

  test('lists and block quotes closed, and setext headings, cost the lines before them', () => {
    assert.deepEqual(assess('- item\n\nText.\n\n'.repeat(16_000)), {
      kind: 'blocks',
      closings: 16_000,
    });
    assert.deepEqual(assess('> quote\n\nText.\n\n'.repeat(16_000)), {
      kind: 'blocks',
      closings: 16_000,
    });
    assert.deepEqual(assess('Title\n===\n'.repeat(8_000)), { kind: 'blocks', closings: 8_000 });
    // Items of one list, one after the other, close nothing.
    assert.equal(assess('- item\n'.repeat(16_000)), null);
  });

  test('a paragraph of many lines, and a text of many short blocks', () => {
    assert.deepEqual(assess('plain line of text\n'.repeat(40_000)), {
      kind: 'paragraph',
      lines: 40_000,
      line: 1,
    });
    assert.deepEqual(assess('p\n\n'.repeat(100_000)), { kind: 'lines', lines: 200_001 });
  });

  test('the chunked parse prices the rows it reads without micromark at their cost there', () => {
    const rows = Array.from(
      { length: 20_000 },
      (_, i) =>
        `| 2025-03-15 ${i % 24}:00 | Error rate on login-api rises above 2 percent (${i}) | ops |`,
    );
    const table = ['## Timeline', '', '| Time | Event | Team |', '|---|---|---|', ...rows, ''].join(
      '\n',
    );
    const text = `${sample}\n${table}`;
    const lines = new LineIndex(text).lineStarts;
    assert.equal(assessText(text, lines, 'full')?.kind, 'lines');
    assert.equal(assessText(text, lines, 'chunked'), null);
    // Those rows, and the six of the sample's timeline.
    assert.equal(measureText(text, lines).directRows.rows, 20_006);
    // A session analyses it in full; the full parse (the remark preset's) degrades it.
    assert.deepEqual(analyze(text, config, createSession()).notices, []);
    assert.equal(analyze(text, config).notices.length, 1);
  });

  test('rows micromark reads count at its price: markup, a table it reads whole, a list', () => {
    const direct = (text: string) => measureText(text, new LineIndex(text).lineStarts).directRows;
    const head = '| Time | Event |\n|---|---|\n';
    assert.deepEqual(direct(`${head}| 1 | a |\n| 2 | b |\n`), { rows: 2, bytes: 18, cells: 4 });
    assert.deepEqual(direct(`${head}| 1 | **a** |\n| 2 | b |\n`).rows, 1);
    assert.deepEqual(direct(`${head}| 1 | a |\n2 | b |\n| 3 | c |\n`).rows, 0);
    assert.deepEqual(direct(`Text\n${head}| 1 | a |\n`).rows, 0);
    assert.deepEqual(direct(`- ${head.replace('\n', '\n  ')}  | 1 | a |\n`).rows, 0);
  });

  test('a row of a top-level table measures as the same row one column in, read line by line', () => {
    // Rows at column 1 of a top-level table take a shorter way through the scan; one space in,
    // the same table takes the general one and measures the same but for the direct rows.
    const random = prng(13);
    const pieces = [
      'a',
      'b c',
      '12:05',
      '**x**',
      '`y`',
      '_z_',
      '[l](u)',
      '\\|',
      '<!--',
      'www.x',
      'http://h',
      '~~s~~',
      '# h',
      '> q',
      '- i',
      '```',
      'é',
      '|',
      ' ',
      'w',
    ];
    const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
    const after = ['', 'Text after.', '> quote', '- item', '```', '# Heading', ' | not a row |'];
    for (let round = 0; round < 200; round++) {
      const rows = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const cells = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
          Array.from({ length: Math.floor(random() * 4) }, () => pick(pieces)).join(''),
        );
        return `| ${cells.join(' | ')} |`;
      });
      const table = ['| Time | Event |', '|---|---|', ...rows];
      const before = `${pick(['', '- item\n', '> quote\n', 'Text.\n'])}\n`;
      const next = pick(after);
      const rest = `\n${next}\n${pick(after)}\n`;
      const text = `${before}${table.join('\n')}${rest}`;
      const indented = `${before}${table.map((line) => ` ${line}`).join('\n')}${rest}`;
      const measure = measureText(text, new LineIndex(text).lineStarts);
      const general = measureText(indented, new LineIndex(indented).lineStarts);
      assert.deepEqual(
        { ...measure, directRows: null },
        { ...general, directRows: null },
        JSON.stringify(text),
      );
      const plain = rows.filter((row) => !holdsMarkup(row, 0, row.length));
      // A line of text right after the rows continues the table, which micromark then reads.
      const continued = next === 'Text after.' || next === ' | not a row |';
      assert.equal(measure.directRows.rows, continued ? 0 : plain.length, JSON.stringify(text));
    }
    // The marks of a row micromark reads count; a direct row holds none.
    const marked = '| Time | Event |\n|---|---|\n| 1 | **a** |\n| 2 | b |\n';
    assert.equal(measureText(marked, new LineIndex(marked).lineStarts).markupWork, 16);
  });
});

describe('the degraded analysis', () => {
  const withoutLessons = sample.slice(0, sample.indexOf('## 7. Lessons Learned'));

  test('a missing section is still found, and its fix still inserts it where it belongs', () => {
    const text = withoutLessons.replace('## 2. Impact\n', `## 2. Impact\n${DEEP}`);
    const analysis = analyzeBoth(text);
    assert.deepEqual(summary(analysis), {
      findings: [
        [
          'required-sections',
          33,
          'Missing section `Lessons Learned`; expected after `6. Preventative Measures`',
        ],
      ],
      notices: [partly(tooDeep(7))],
    });
    const fixed = fixAll(text, config);
    assert.equal(
      fixed.text,
      `${text}## 7. Lessons Learned\n\n- **What Worked Well:** \n- **What Needs Improvement:** \n`,
    );
    assert.deepEqual(summary(fixed.analysis), { findings: [], notices: [partly(tooDeep(7))] });
  });

  test('sections out of order are still found', () => {
    const impact = sample.slice(sample.indexOf('## 2. Impact'), sample.indexOf('## 3. Timeline'));
    const text = `${sample.replace(impact, '')}\n${DEEP}`.replace(
      '## 1. Summary',
      `${impact}## 1. Summary`,
    );
    assert.deepEqual(summary(analyzeBoth(text)), {
      findings: [['section-order', 8, 'Section `1. Summary` should come before `2. Impact`']],
      notices: [partly(tooDeep(41))],
    });
  });

  test('nothing is reported of content that was not read: no empty section, no placeholder', () => {
    const text = sample
      .replace(/(## 2\. Impact\n)[^]*?(\n## 3)/, '$1$2')
      .replace('## 1. Summary\n', '## 1. Summary\nTBD\n');
    assert.deepEqual(
      summary(analyzeBoth(text)).findings.map(([rule]) => rule),
      ['placeholder', 'empty-section'],
    );
    assert.deepEqual(summary(analyzeBoth(`${text}\n${DEEP}`)), {
      findings: [],
      notices: [partly(tooDeep(39))],
    });
  });

  test('the timeline is checked as in full: order, times, the sort fix, metrics', () => {
    const text = sample.replace('| 1:10 PM |', '| 1:40 PM |');
    const full = analyzeBoth(text);
    const degraded = analyzeBoth(`${text}\n${DEEP}`);
    assert.deepEqual(
      full.findings.map((f) => [f.ruleId, f.span.start.line, f.fix?.title]),
      [['timeline-order', 17, 'Sort the timeline by time']],
    );
    assert.deepEqual(degraded.findings, full.findings);
    assert.deepEqual(degraded.model.metrics, full.model.metrics);
    assert.deepEqual(summary(degraded).notices, [partly(tooDeep(41))]);
  });

  test('a timeline that is itself too nested is not read: no metrics, no timeline findings', () => {
    const text = sample.replace('## 3. Timeline\n', `## 3. Timeline\n${DEEP}\n`);
    const analysis = analyzeBoth(text);
    assert.deepEqual(summary(analysis), {
      findings: [],
      notices: [partly(tooDeep(12), 'its headings were')],
    });
    assert.equal(analysis.model.timeline, null);
    assert.equal(analysis.model.metrics, null);
  });

  test('suppression comments hold', () => {
    const text = `<!-- postmortem-disable required-sections -->\n${withoutLessons}\n${DEEP}`;
    assert.deepEqual(summary(analyzeBoth(text)), {
      findings: [],
      notices: [partly(tooDeep(39))],
    });
  });

  test('front matter is read; headings in fenced code are not headings', () => {
    const text = `---\ntype: postmortem\n---\n\n\`\`\`\n# Timeline\n\`\`\`\n\n# Draft\n\n${DEEP}`;
    const analysis = analyzeBoth(text);
    assert.equal(analysis.model.tree.children[0]?.type, 'yaml');
    assert.deepEqual(
      analysis.findings.map((f) => f.message),
      [
        'Missing section `Summary`',
        'Missing section `Impact`',
        'Missing section `Timeline`',
        'Missing section `Root Cause Analysis`',
        'Missing section `Resolution & Recovery`',
        'Missing section `Preventative Measures`',
        'Missing section `Lessons Learned`',
      ],
    );
    assert.equal(analysis.findings[0]!.span.start.line, 9);
  });

  test('headings in HTML comments and blocks are not headings, and fix-all leaves them as they are', () => {
    const commented = [
      '# Outage',
      '',
      '<!--',
      '## Timeline',
      '',
      '- 10:10 engineers join',
      '- 10:00 alert fired',
      '-->',
      '',
      '<div>',
      '## Impact',
      '</div>',
      '',
    ].join('\n');
    const text = `${commented}\n${DEEP}`;
    const analysis = analyzeBoth(text);
    assert.deepEqual(
      analysis.model.tree.children.flatMap((node) =>
        node.type === 'heading' ? [node.position!.start.line] : [],
      ),
      [1],
    );
    assert.equal(analysis.model.timeline, null);
    assert.ok(analysis.findings.some((f) => f.message === 'Missing section `Timeline`'));
    const fixed = fixAll(text, config).text;
    assert.ok(fixed.startsWith(commented), fixed.slice(0, 300));
  });

  test('of many headings, only the title, the sections and their ends are kept', () => {
    const notes = Array.from({ length: 200_000 }, (_, i) => `## Note ${i}`).join('\n');
    const analysis = analyzeBoth(`${sample}\n${notes}\n`);
    assert.equal(analysis.notices.length, 1);
    assert.deepEqual(
      analysis.model.tree.children.flatMap((node) =>
        node.type === 'heading' ? [node.position!.start.line] : [],
      ),
      [1, 3, 6, 11, 21, 25, 32, 37, 41],
    );
    assert.deepEqual(analysis.findings, []);
  });
});
