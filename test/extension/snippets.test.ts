// The Markdown snippets: valid snippet syntax, unique prefixes, and text the engine reads the
// way the snippet means it (the report has every standard section in order, a timeline row
// is a timeline entry).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { standard } from '../../server/src/engine/sections/presets/standard';
import { repoRoot as root } from '../helpers/paths';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const snippets = JSON.parse(readFileSync(join(root, 'snippets/postmortem.json'), 'utf8')) as Record<
  string,
  Snippet
>;

/** The values VS Code would give the variables the snippets use: 2025-03-15 13:05. */
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2025',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '15',
  CURRENT_HOUR: '13',
  CURRENT_MINUTE: '05',
};

/**
 * Expands snippet syntax as VS Code would with every placeholder left at its default:
 * `${1:default}` → default, `${1|a,b|}` → a, `$1` / `$0` → nothing, `$VAR` → its value.
 * Throws on syntax VS Code would insert literally (an unclosed `${`, an unknown variable).
 */
function expand(body: string): string {
  let position = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${position} in ${JSON.stringify(body)}`);
  };
  // Reads until `stop` (a `}` closing a placeholder) or the end of the body.
  const sequence = (stop: string | null): string => {
    let out = '';
    while (position < body.length) {
      const char = body[position]!;
      if (stop !== null && char === stop) return out;
      if (char === '\\' && /[$}\\]/.test(body[position + 1] ?? '')) {
        out += body[position + 1];
        position += 2;
      } else if (char === '$') {
        out += dollar();
      } else {
        out += char;
        position++;
      }
    }
    if (stop !== null) fail('Unclosed placeholder');
    return out;
  };
  const variable = (name: string): string => VARIABLES[name] ?? fail(`Unknown variable ${name}`);
  const dollar = (): string => {
    position++;
    const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(position));
    if (simple) {
      position += simple[0].length;
      return /^\d/.test(simple[0]) ? '' : variable(simple[0]);
    }
    if (body[position] !== '{') return fail('Stray `$`');
    position++;
    const name = /^(\d+|[A-Z_]+)/.exec(body.slice(position))?.[0] ?? fail('Nameless placeholder');
    position += name.length;
    let value: string;
    if (body[position] === '}') {
      value = /^\d/.test(name) ? '' : variable(name);
    } else if (body[position] === ':') {
      position++;
      value = sequence('}');
    } else if (body[position] === '|' && /^\d/.test(name)) {
      const end = body.indexOf('|}', position);
      if (end < 0) fail('Unclosed choice');
      value = body.slice(position + 1, end).split(',')[0]!;
      position = end + 1;
    } else {
      return fail('Bad placeholder');
    }
    position++;
    return value;
  };
  return sequence(null);
}

function bodyOf(snippet: Snippet): string {
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
}

function prefixesOf(snippet: Snippet): string[] {
  return Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
}

function snippetWithPrefix(prefix: string): Snippet {
  const found = Object.values(snippets).find((snippet) => prefixesOf(snippet).includes(prefix));
  assert.ok(found, `a snippet with prefix ${prefix}`);
  return found;
}

describe('snippet file', () => {
  test('every snippet has a description, a body that expands, and a pm- prefix', () => {
    assert.ok(Object.keys(snippets).length >= 12);
    for (const [name, snippet] of Object.entries(snippets)) {
      assert.ok(snippet.description.length > 10, name);
      assert.ok(bodyOf(snippet).length > 0, name);
      assert.doesNotThrow(() => expand(bodyOf(snippet)), name);
      assert.ok(
        prefixesOf(snippet).some((prefix) => prefix.startsWith('pm-')),
        name,
      );
    }
  });

  test('prefixes are unique and cover the names a person would type', () => {
    const prefixes = Object.values(snippets).flatMap(prefixesOf);
    assert.equal(new Set(prefixes).size, prefixes.length);
    for (const expected of [
      'postmortem',
      'pm-report',
      'pm-summary',
      'pm-impact',
      'pm-timeline',
      'pm-rca',
      'pm-resolution',
      'pm-prevention',
      'pm-lessons',
      'pm-timeline-table',
      'pm-row',
      'pm-entry',
      'pm-action',
    ]) {
      assert.ok(prefixes.includes(expected), expected);
    }
  });

  test('the expander reads the snippet syntax', () => {
    assert.equal(expand('| $CURRENT_HOUR:$CURRENT_MINUTE | ${1:event} |$0'), '| 13:05 | event |');
    assert.equal(expand('${1:${2:nested} text} ${3|a,b|} ${4} \\$5'), 'nested text a  $5');
    assert.throws(() => expand('${1:open'), /Unclosed placeholder/);
    assert.throws(() => expand('$CURRENT_YEARS'), /Unknown variable/);
  });
});

describe('snippets as the engine reads them', () => {
  test('the report has every standard section, in order, and no missing or misplaced one', () => {
    for (const prefix of ['postmortem', 'pm-report']) {
      const text = expand(bodyOf(snippetWithPrefix(prefix)));
      const { model, findings } = analyze(text, defaultConfig());
      assert.deepEqual(
        model.sections.map((section) => section.spec.id),
        standard.sections.map((section) => section.id),
      );
      assert.deepEqual(
        findings.filter((f) => f.ruleId === 'required-sections' || f.ruleId === 'section-order'),
        [],
      );
      // Each milestone marker in the report's timeline is read as that milestone.
      assert.deepEqual(
        model.timeline?.entries.map((entry) => entry.marks.map((mark) => mark.milestone)),
        [['start'], ['detected'], ['acknowledged'], ['mitigated'], ['resolved']],
      );
    }
  });

  test('the report is a draft: valid front matter, information only, each `HH:mm` one finding', () => {
    const text = expand(bodyOf(snippetWithPrefix('pm-report')));
    const { model, findings } = analyze(text, defaultConfig());
    assert.equal(model.metadata.status, 'draft');
    assert.deepEqual(
      findings.filter((finding) => finding.severity !== 'info' || finding.ruleId === 'metadata'),
      [],
    );
    const templateTimes = findings.filter((finding) => finding.message.includes('`HH:mm`'));
    assert.equal(templateTimes.length, 5);
    assert.ok(templateTimes.every((finding) => finding.ruleId === 'placeholder'));
  });

  test('each section snippet is read as its section, with a body', () => {
    const sections: [string, string][] = [
      ['pm-summary', 'summary'],
      ['pm-impact', 'impact'],
      ['pm-timeline', 'timeline'],
      ['pm-rca', 'rca'],
      ['pm-resolution', 'resolution'],
      ['pm-prevention', 'prevention'],
      ['pm-lessons', 'lessons'],
    ];
    for (const [prefix, id] of sections) {
      const text = expand(bodyOf(snippetWithPrefix(prefix)));
      const { model, findings } = analyze(text, defaultConfig());
      assert.deepEqual(
        model.sections.map((section) => section.spec.id),
        [id],
        prefix,
      );
      const title = standard.sections.find((section) => section.id === id)!.title;
      assert.ok(text.startsWith(`## ${title}\n\n`), prefix);
      assert.deepEqual(
        findings.filter((f) => f.ruleId === 'empty-section' || f.ruleId === 'rca-evidence'),
        [],
        prefix,
      );
    }
  });

  test('the timeline row, entry and table snippets are timeline entries at the current time', () => {
    const heading = '## Timeline\n\n';
    const table = '| Time | Event |\n|------|-------|\n';
    const documents = [
      heading + table + expand(bodyOf(snippetWithPrefix('pm-row'))),
      heading + expand(bodyOf(snippetWithPrefix('pm-entry'))),
      heading + expand(bodyOf(snippetWithPrefix('pm-timeline-table'))),
      expand(bodyOf(snippetWithPrefix('pm-timeline'))),
    ];
    for (const text of documents) {
      const entries = analyze(text, defaultConfig()).model.timeline?.entries ?? [];
      assert.equal(entries.length, 1, text);
      assert.equal(entries[0]!.timeText, '13:05', text);
      assert.equal(entries[0]!.time?.minuteOfDay, 13 * 60 + 5, text);
    }
  });

  test('the action item has an owner and a due date', () => {
    assert.equal(
      expand(bodyOf(snippetWithPrefix('pm-action'))),
      '- [ ] action — owner: @owner, due: 2025-03-15',
    );
  });
});
