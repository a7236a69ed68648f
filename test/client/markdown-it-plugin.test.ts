/**
 * The Markdown preview's markdown-it plugin with the real markdown-it and the preview's engine:
 * the metrics card, the chart and the badges of a post-mortem, where they land (by source
 * line, as VS Code's preview numbers its blocks), and every other document left exactly as
 * markdown-it renders it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { previewPlugin } from '../../client/src/preview/markdown-it-plugin';
import { defaultConfig } from '../../server/src/engine';
import type { LintConfig, PreviewBundle } from '../../server/src/protocol';
import * as bundle from '../../server/src/preview/main';
import { repoRoot } from '../helpers/paths';

const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const DOCUMENT = 'file:///reports/2025-03-15-login.md';
/** What VS Code's preview passes in markdown-it's `env` when it renders: the document, a `vscode.Uri`. */
const env = () => ({ currentDocument: { toString: () => DOCUMENT } });

/**
 * HTML as VS Code's preview makes it: the document parsed with no document named (the tokens
 * are cached per document version), then rendered with it named.
 */
function previewHtml(md: MarkdownIt, text: string): string {
  const tokens = md.parse(text, { currentDocument: undefined });
  return md.renderer.render(tokens, md.options, env());
}

/** VS Code's preview numbers each block with its first source line (`data-line`). */
function numberLines(md: MarkdownIt): void {
  md.core.ruler.push('data_line', (state) => {
    for (const token of state.tokens) {
      if (token.map && token.nesting === 1) token.attrSet('data-line', String(token.map[0]));
    }
  });
}

interface Rendered {
  html: string;
  loads: number;
  errors: unknown[];
}

/** The preview's HTML of `text` with the plugin, the server's answer for it being `config`. */
function render(
  text: string,
  config: LintConfig | null | undefined = defaultConfig(),
  load: () => PreviewBundle = () => bundle,
): Rendered {
  const result: Rendered = { html: '', loads: 0, errors: [] };
  const md = new MarkdownIt({ html: true });
  md.use(
    previewPlugin(
      { get: (uri) => (uri === DOCUMENT ? config : undefined) },
      (uri) => uri.toString(),
      () => {
        result.loads++;
        return load();
      },
      (error) => result.errors.push(error),
    ),
  );
  numberLines(md);
  result.html = previewHtml(md, text);
  return result;
}

/** markdown-it's own HTML and tokens of `text`, without the plugin. */
function plain(text: string) {
  const md = new MarkdownIt({ html: true });
  numberLines(md);
  return { html: previewHtml(md, text), tokens: md.parse(text, {}) };
}

/** The HTML of the table row or list item that starts on 0-based source `line`. */
function rowAt(html: string, line: number): string {
  const start = html.search(new RegExp(`<(tr|li) data-line="${line}"`));
  assert.ok(start >= 0, `a row starts on line ${line}`);
  const tag = html.slice(start + 1, start + 3);
  return html.slice(start, html.indexOf(`</${tag}>`, start));
}

/** The milestones of the badges in a piece of HTML, with `*` for a guess. */
function badges(html: string): string[] {
  return [
    ...html.matchAll(/<span class="pm-badge [^"]*" data-milestone="(\w+)"[^>]*>(\w+\*?)</g),
  ].map((match) => match[2]!);
}

/** The card's four values, `TTD 0m*`. */
function cardValues(html: string): string[] {
  return [
    ...html.matchAll(
      /<span class="pm-metric-name">(\w+)<\/span><span class="pm-metric-value">([^<]+)</g,
    ),
  ].map((match) => `${match[1]} ${match[2]}`);
}

describe('the preview of the sample report', () => {
  const { html } = render(sample);

  test('the card above the timeline: TTD 0m, TTA 5m, TTM 20m, TTR 40m, each marked as guessed', () => {
    assert.deepEqual(cardValues(html), ['TTD 0m*', 'TTA 5m*', 'TTM 20m*', 'TTR 40m*']);
    assert.match(html, /guessed from “temporary fix”/);
    assert.match(html, /<p class="pm-metrics-footnote">\* guessed from keywords<\/p>/);
    assert.doesNotMatch(html, /pm-metrics-missing/);
    const heading = html.indexOf('<h2 data-line="10">3. Timeline</h2>');
    const card = html.indexOf('pm-metrics-card');
    const chart = html.indexOf('pm-timeline-chart');
    const table = html.indexOf('<table data-line="11">');
    assert.ok(heading >= 0 && heading < card && card < chart && chart < table);
  });

  test('badges on the rows the milestones resolved to, by source line', () => {
    assert.deepEqual(badges(rowAt(html, 13)), ['start', 'detected*']);
    assert.match(rowAt(html, 13), /<td>12:55 PM<\/td>/);
    assert.deepEqual(badges(rowAt(html, 14)), ['acknowledged*']);
    assert.deepEqual(badges(rowAt(html, 15)), []);
    assert.deepEqual(badges(rowAt(html, 16)), ['mitigated*']);
    assert.deepEqual(badges(rowAt(html, 17)), []);
    assert.deepEqual(badges(rowAt(html, 18)), ['resolved*']);
    assert.match(rowAt(html, 14), /title="acknowledged: keyword `on-call`, a guess"/);
  });

  test('the chart: an axis from 12:55 PM to 1:35 PM, the three spans, the five milestones', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    assert.match(svg, /aria-label="Timeline from 12:55 PM to 1:35 PM, 40m"/);
    assert.deepEqual(
      [...svg.matchAll(/<rect class="pm-chart-span[^"]*" data-metric="(\w+)"/g)].map((m) => m[1]),
      ['timeToDetect', 'timeToMitigate', 'timeToResolve'],
    );
    assert.deepEqual(
      [...svg.matchAll(/<circle class="pm-chart-milestone[^"]*" data-milestone="(\w+)"/g)].map(
        (m) => m[1],
      ),
      ['start', 'detected', 'acknowledged', 'mitigated', 'resolved'],
    );
    assert.equal([...svg.matchAll(/<circle class="pm-chart-entry"/g)].length, 6);
  });
});

describe('reports the metrics cannot all be computed for', () => {
  test('gaps: the missing values, why, and how to close them', () => {
    const { html } = render(
      [
        '# Cache outage',
        '',
        '## Summary',
        '',
        'The cache fell over.',
        '',
        '## Timeline',
        '',
        '- 10:00 Cache nodes start failing [start]',
        '- 10:12 Alert fires [detected]',
        '- 10:30 Traffic moved to the spare cluster',
        '',
        '## Root Cause',
        '',
        'A bad config push.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(cardValues(html), ['TTD 12m', 'TTA —', 'TTM —', 'TTR —']);
    assert.match(html, /<li>Acknowledged: not marked — add \[acknowledged\] to an entry<\/li>/);
    assert.match(html, /<li>Resolved: not marked — add \[resolved\] to an entry<\/li>/);
    assert.doesNotMatch(html, /pm-metrics-footnote/);
    assert.deepEqual(badges(rowAt(html, 8)), ['start']);
    assert.deepEqual(badges(rowAt(html, 9)), ['detected']);
    // The spans it cannot draw say why, on an empty track.
    assert.match(html, /<text class="pm-chart-gap"[^>]*>no entry marks mitigated or resolved</);
  });

  test('several incidents: no values, the advice, and no chart (no one clock to draw)', () => {
    const { html } = render(
      [
        '# Two incidents',
        '',
        '## Summary',
        '',
        'Two things broke.',
        '',
        '## Timeline',
        '',
        '### Incident 1: queue stalled',
        '',
        '- 10:00 Queue stalls',
        '- 10:20 Alert fired',
        '',
        '### Incident 2: disk full',
        '',
        '- 18:00 Disk fills up',
        '- 18:30 Resolved after cleanup',
        '',
        '## Root Cause',
        '',
        'Two causes.',
        '',
      ].join('\n'),
    );
    assert.deepEqual(cardValues(html), ['TTD —', 'TTA —', 'TTM —', 'TTR —']);
    assert.match(html, /<li>Several incidents: give each its own report to measure it<\/li>/);
    assert.doesNotMatch(html, /pm-timeline-chart/);
  });

  test('no timeline: the card after the title says how to get metrics', () => {
    const { html } = render(
      '# Outage\n\n## Summary\n\nIt broke.\n\n## Root Cause\n\nA bug.\n\n## Impact\n\nSome.\n',
    );
    assert.match(
      html,
      /^<h1 data-line="0">Outage<\/h1>\n<div class="pm-preview pm-metrics-card pm-metrics-none"><p class="pm-metrics-missing">No timeline: add a Timeline section to compute metrics\.<\/p><\/div>\n<h2/,
    );
    assert.doesNotMatch(html, /pm-badge|<svg/);
  });
});

describe('the text of a report stays text', () => {
  test('a row with <script> in it: escaped in the chart, the rows themselves as markdown-it has them', () => {
    const text = sample.replace(
      'Automated monitoring detects increased DB errors.',
      'Automated monitoring detects `<script>alert(1)</script>` "errors" & <b>more</b>',
    );
    const { html } = render(text);
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(svg, /<script|<b>/);
    assert.match(svg, /&quot;errors&quot; &amp;/);
  });
});

describe('documents that are not post-mortems render exactly as before', () => {
  for (const [name, text] of [
    ['the README', readme],
    ['the sample report', sample],
  ] as const) {
    for (const [what, config] of [
      ['the server says it is no post-mortem', null],
      ['the server has not said yet', undefined],
    ] as const) {
      test(`${name}, ${what}: the same tokens and HTML, and no engine loaded`, () => {
        const md = new MarkdownIt({ html: true });
        let loads = 0;
        md.use(
          previewPlugin(
            { get: () => config },
            (uri) => uri.toString(),
            () => {
              loads++;
              return bundle;
            },
            () => {},
          ),
        );
        numberLines(md);
        const before = plain(text);
        assert.deepEqual(md.parse(text, {}), before.tokens);
        assert.equal(previewHtml(md, text), before.html);
        assert.equal(loads, 0);
      });
    }
  }

  test('a render without a document (no `currentDocument`): as before', () => {
    const md = new MarkdownIt({ html: true });
    md.use(
      previewPlugin(
        { get: () => defaultConfig() },
        String,
        () => bundle,
        () => {},
      ),
    );
    assert.equal(md.render(sample, {}), new MarkdownIt({ html: true }).render(sample, {}));
  });
});

describe('the engine bundle', () => {
  test('loaded once, the first time a post-mortem renders', () => {
    const md = new MarkdownIt({ html: true });
    let loads = 0;
    md.use(
      previewPlugin(
        { get: () => defaultConfig() },
        (uri) => uri.toString(),
        () => {
          loads++;
          return bundle;
        },
        () => {},
      ),
    );
    previewHtml(md, sample);
    previewHtml(md, sample);
    assert.equal(loads, 1);
  });

  test('the tokens VS Code keeps are left as parsed: each render of them gives the same HTML', () => {
    const md = new MarkdownIt({ html: true });
    md.use(
      previewPlugin(
        { get: () => defaultConfig() },
        String,
        () => bundle,
        () => {},
      ),
    );
    const tokens = md.parse(sample, {});
    const parsed = JSON.stringify(tokens);
    const first = md.renderer.render(tokens, md.options, env());
    assert.match(first, /pm-metrics-card/);
    assert.equal(JSON.stringify(tokens), parsed);
    assert.equal(md.renderer.render(tokens, md.options, env()), first);
  });

  test('one that throws: the report renders as before, and the error is reported', () => {
    const failing: PreviewBundle = {
      decoratePreview: () => {
        throw new Error('engine broke');
      },
    };
    const { html, errors } = render(sample, defaultConfig(), () => failing);
    const before = plain(sample);
    assert.equal(html, before.html);
    assert.equal((errors[0] as Error).message, 'engine broke');
  });
});
