import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  frontMatterLine,
  frontMatterText,
  MAX_FRONT_MATTER,
  opensUnclosedFrontMatter,
  readFrontMatter,
} from '../../../server/src/engine/markdown/front-matter';
import { parseMarkdown } from '../../../server/src/engine/markdown/parse';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { createSession } from '../../../server/src/engine/session';
import { sample } from '../../reliability/hostile-inputs';

function matterOf(text: string) {
  return readFrontMatter(parseMarkdown(text).children, text);
}

describe('readFrontMatter', () => {
  test('YAML between `---` fences: plain fields and where each key is', () => {
    const text =
      '---\ntitle: "Queue outage"\ndate: 2025-03-15\nseverity: 2\ntags: [db, queue]\npreset: dfds # team template\n---\n\n# Summary\n';
    const matter = matterOf(text);
    assert.equal(matter?.format, 'yaml');
    assert.deepEqual(matter?.fields, {
      title: 'Queue outage',
      date: '2025-03-15',
      severity: 2,
      tags: ['db', 'queue'],
      preset: 'dfds',
    });
    assert.equal(matter?.start, 0);
    assert.equal(text.slice(matter!.end - 3, matter!.end), '---');
    assert.equal(text.slice(matter!.keys.date, matter!.keys.date + 5), 'date:');
    assert.equal(frontMatterText(matter, 'date'), '2025-03-15');
    assert.equal(frontMatterText(matter, 'severity'), '2');
    assert.equal(frontMatterText(matter, 'tags'), null);
  });

  test('TOML between `+++` fences, dates as text and tables kept apart', () => {
    const text =
      '+++\ntitle = "DNS outage"\ndate = 2024-11-05\nstarted = 2024-11-05T08:10:00Z\n\n[extra]\npreset = "nested"\n+++\n\nText.\n';
    const matter = matterOf(text);
    assert.equal(matter?.format, 'toml');
    assert.deepEqual(matter?.fields, {
      title: 'DNS outage',
      date: '2024-11-05',
      started: '2024-11-05T08:10:00.000Z',
      extra: { preset: 'nested' },
    });
    assert.equal(text.slice(matter!.keys.date, matter!.keys.date + 4), 'date');
    assert.equal(matter!.keys.preset, undefined);
  });

  test('CRLF line ends', () => {
    const matter = matterOf('---\r\ntype: postmortem\r\n---\r\n\r\nText\r\n');
    assert.equal(frontMatterText(matter, 'type'), 'postmortem');
    // TOML's parser refused the `\r` its last line kept, and the whole front matter with it.
    const toml =
      '+++\r\ntitle = "DNS"\r\n\r\n[links]\r\ndashboard = "https://x.example"\r\n+++\r\n';
    assert.deepEqual(matterOf(toml)?.fields, {
      title: 'DNS',
      links: { dashboard: 'https://x.example' },
    });
    assert.equal(
      toml.slice(matterOf(toml)!.values.title![0], matterOf(toml)!.values.title![1]),
      '"DNS"',
    );
  });

  test('none without fences at the start', () => {
    assert.equal(matterOf('# Summary\n\n---\ndate: 2025-03-15\n---\n'), null);
    assert.equal(matterOf(''), null);
  });

  test('a YAML error keeps the fields read; broken TOML has none', () => {
    const yaml = matterOf('---\npreset: dfds\ntitle: [unclosed\n---\n');
    assert.equal(frontMatterText(yaml, 'preset'), 'dfds');
    const toml = matterOf('+++\npreset = "dfds"\ntitle = \n+++\n');
    assert.deepEqual(toml?.fields, {});
  });

  test('a scalar or list is not a mapping: no fields', () => {
    assert.deepEqual(matterOf('---\n- a\n- b\n---\n')?.fields, {});
    assert.deepEqual(matterOf('---\njust text\n---\n')?.fields, {});
  });
});

describe('frontMatterLine', () => {
  test('YAML plain where it reads as written, quoted where not; TOML quoted; days bare', () => {
    assert.deepEqual(
      [
        frontMatterLine('yaml', 'status', 'in-review'),
        frontMatterLine('yaml', 'title', 'Login: down'),
        frontMatterLine('yaml', 'id', '42'),
        frontMatterLine('yaml', 'date', '2025-03-15', true),
        frontMatterLine('toml', 'status', 'in "review"'),
        frontMatterLine('toml', 'date', '2025-03-15', true),
      ],
      [
        'status: in-review',
        'title: "Login: down"',
        'id: "42"',
        'date: 2025-03-15',
        'status = "in \\"review\\""',
        'date = 2025-03-15',
      ],
    );
  });
});

describe('hostile front matter is bounded', () => {
  test('aliases expanding a billion times are not expanded', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    assert.deepEqual(matterOf(`---\n${lines.join('\n')}\n---\n`)?.fields, {});
  });

  test('front matter over the size bound is not read', () => {
    const text = `---\ntitle: x\n${'k: v\n'.repeat(MAX_FRONT_MATTER / 4)}---\n`;
    assert.deepEqual(matterOf(text)?.fields, {});
  });

  test('deep nesting', () => {
    const text = `---\na: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n`;
    const matter = matterOf(text);
    assert.ok(matter);
  });
});

describe('TOML front matter is front matter in every reader', () => {
  // A TOML comment reads as a heading to a reader that does not know `+++`.
  const text = '+++\n# Summary\ntitle = "Outage"\n+++\n\n## Timeline\n\n- 10:00 alert fired\n';

  test('the full parse, a session and a degraded analysis', () => {
    const config = defaultConfig();
    const full = analyze(text, config);
    assert.deepEqual(
      full.model.sections.map((s) => s.spec.id),
      ['timeline'],
    );
    const session = createSession();
    for (const edited of [text, text.replace('10:00', '10:05'), text.replace('Outage', 'Out')]) {
      assert.deepEqual(analyze(edited, config, session), analyze(edited, config));
    }
    const large = `${text}\n${'A line of a pasted log.\n'.repeat(100_000)}`;
    const degraded = analyze(large, config);
    assert.equal(degraded.notices.length, 1);
    assert.deepEqual(
      degraded.model.sections.map((s) => s.spec.id),
      full.model.sections.map((s) => s.spec.id),
    );
  });
});

describe('an opening fence that nothing closes', () => {
  test('is told apart from front matter, in every line ending', () => {
    assert.equal(opensUnclosedFrontMatter('---\ntitle: x\n'), true);
    assert.equal(opensUnclosedFrontMatter('+++ \r\ntitle = 1\r\n'), true);
    assert.equal(opensUnclosedFrontMatter('---\rtitle: x\r---\r'), false);
    assert.equal(opensUnclosedFrontMatter('---\ntitle: x\n--- \t'), false);
    // The closing fence must be the opening one, alone in column 1.
    assert.equal(opensUnclosedFrontMatter('---\ntitle: x\n+++\n ---\n----\n'), true);
    assert.equal(opensUnclosedFrontMatter('# Title\n---\n'), false);
    assert.equal(opensUnclosedFrontMatter('---'), false);
  });

  test('is a thematic break: the lists and quotes after it read as lists and quotes', () => {
    const tree = parseMarkdown('---\n# Title\n\n- a\n- b\n\n> quoted\n');
    assert.deepEqual(
      tree.children.map((node) => node.type),
      ['thematicBreak', 'heading', 'list', 'blockquote'],
    );
    assert.equal(matterOf('---\n# Title\n'), null);
  });

  test('the sample after one: the same timeline and metrics, and no finding', () => {
    const config = defaultConfig();
    const plain = analyze(sample, config);
    const fenced = analyze(`---\n${sample}`, config);
    assert.deepEqual(fenced.findings, []);
    assert.deepEqual(fenced.model.metrics, plain.model.metrics);
    assert.deepEqual(
      fenced.model.timeline?.entries.map((entry) => [entry.timeText, entry.instant]),
      plain.model.timeline?.entries.map((entry) => [entry.timeText, entry.instant]),
    );
  });
});
