/** The insights page: its policy, its charts and tables, its states, and text kept as text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InsightsInput, PageContext } from '../../../client/src/insights/page';
import { contentSecurityPolicy, insightsPage } from '../../../client/src/insights/page';
import type { IncidentItem } from '../../../server/src/protocol';
import { incidentItem } from '../../helpers/incident-items';
import { INSIGHTS_CHART_TITLES } from '../../helpers/insights-charts';

const context: PageContext = {
  nonce: 'n0nce',
  openLink: (uri) => `command:vscode.open?${encodeURIComponent(JSON.stringify([uri]))}`,
  newReportLink: 'command:postmortem.newPostmortem?%5B%5D',
};

const HOSTILE = '<img src=x onerror=alert(1)>';

function incident(name: string, overrides: Partial<IncidentItem> = {}): IncidentItem {
  return incidentItem(name, {
    date: '2025-03-15',
    month: '2025-03',
    status: 'final',
    ...overrides,
  });
}

const listed = (incidents: IncidentItem[], indexing = false): InsightsInput => ({
  kind: 'listed',
  incidents,
  indexing,
});

const workspace = [
  incident(`DNS failover ${HOSTILE}`, {
    date: '2025-02-27',
    month: '2025-02',
    severity: 'SEV1',
    severityRank: 0,
    followUps: [
      {
        line: 30,
        text: 'Delegate',
        owner: '@carol',
        due: '2025-03-01',
        status: 'open',
        overdue: true,
      },
      {
        line: 31,
        text: 'Rehearse',
        owner: `@${HOSTILE}`,
        due: null,
        status: 'open',
        overdue: false,
      },
    ],
  }),
  incident('Payment API latency', { date: '2025-01-20', month: '2025-01' }),
  incident('Undated', {
    date: null,
    month: null,
    severity: null,
    severityRank: null,
    metrics: null,
  }),
];

test('the policy: nothing but the nonce style; no script, no remote resource', () => {
  assert.equal(
    contentSecurityPolicy('abc'),
    "default-src 'none'; style-src 'nonce-abc'; img-src data:",
  );
  const page = insightsPage(listed(workspace), context);
  assert.ok(page.includes(`content="${contentSecurityPolicy('n0nce')}"`));
  assert.doesNotMatch(page, /<script/i);
  assert.doesNotMatch(page, /https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
  assert.doesNotMatch(page, /\sstyle=/);
  assert.deepEqual(page.match(/<style[^>]*>/g), ['<style nonce="n0nce">']);
});

test('a title or an owner with markup stays text', () => {
  const page = insightsPage(listed(workspace), context);
  assert.doesNotMatch(page, /<img/i);
  // No tag has the attribute (the text inside quoted values is escaped).
  assert.doesNotMatch(page.replace(/"[^"]*"/g, '""'), /<[^>]*\sonerror=/i);
  assert.ok(page.includes('DNS failover &lt;img src=x onerror=alert(1)&gt;</a>'));
  assert.ok(page.includes('<th scope="row">@&lt;img src=x onerror=alert(1)&gt;</th>'));
  const failed = insightsPage({ kind: 'failed', message: `Broken ${HOSTILE}` }, context);
  assert.ok(failed.includes('Broken &lt;img src=x onerror=alert(1)&gt;'));
});

test('the charts: reports and each metric by month, each metric by severity, follow-ups by owner', () => {
  const page = insightsPage(listed(workspace), context);
  const titles = [...page.matchAll(/<svg[^>]*>\s*<title>([^<]*)<\/title>/g)].map(([, t]) => t);
  assert.deepEqual(titles, INSIGHTS_CHART_TITLES);
  // Each one a stop of the keyboard.
  assert.equal(page.match(/<figure tabindex="0">/g)?.length, titles.length);
  assert.ok(page.includes('<p class="summary">3 reports · 2 open follow-ups, 1 overdue</p>'));
});

test('the tables behind the charts: counts, median and p90 with n, by month and severity', () => {
  const page = insightsPage(listed(workspace), context);
  assert.ok(
    page.includes(
      '<tr><th scope="row">2025-01</th><td>1</td><td>5m / 5m (1)</td><td>10m / 10m (1)</td><td>20m / 20m (1)</td><td>1h 5m / 1h 5m (1)</td></tr>',
    ),
  );
  assert.ok(
    page.includes(
      '<tr><th scope="row">No date</th><td>1</td><td>— / — (0)</td><td>— / — (0)</td><td>— / — (0)</td><td>— / — (0)</td></tr>',
    ),
  );
  assert.ok(page.includes('<tr><th scope="row">No severity</th><td>1</td>'));
  assert.ok(page.includes('<tr><th scope="row">@carol</th><td>1</td><td>1</td></tr>'));
});

test('the reports, newest first, each a link that opens it', () => {
  const page = insightsPage(listed(workspace), context);
  const links = [...page.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, text]) => [
    decodeURIComponent(href!.replaceAll('&quot;', '"')),
    text,
  ]);
  assert.deepEqual(links, [
    [
      `command:vscode.open?["file:///repo/postmortems/DNS failover ${HOSTILE}.md"]`,
      '2025-02-27 — DNS failover &lt;img src=x onerror=alert(1)&gt;',
    ],
    [
      'command:vscode.open?["file:///repo/postmortems/Payment API latency.md"]',
      '2025-01-20 — Payment API latency',
    ],
    ['command:vscode.open?["file:///repo/postmortems/Undated.md"]', 'Undated'],
  ]);
});

test('the theme: the charts in VS Code chart colours, text in the foreground', () => {
  const page = insightsPage(listed(workspace), context);
  assert.ok(page.includes('--pm-chart-1: var(--vscode-charts-blue);'));
  assert.ok(page.includes('--pm-chart-text: var(--vscode-foreground);'));
});

test('while indexing, with no report, and before the index answers', () => {
  assert.match(
    insightsPage({ kind: 'waiting' }, context),
    /Indexing the workspace’s post-mortems…/,
  );
  const empty = insightsPage(listed([]), context);
  assert.match(empty, /No post-mortem in this workspace yet/);
  assert.ok(
    empty.includes('<a href="command:postmortem.newPostmortem?%5B%5D">New Post-Mortem</a>'),
  );
  assert.doesNotMatch(empty, /<svg/);
  const partial = insightsPage(listed(workspace.slice(0, 1), true), context);
  assert.match(partial, /more reports may follow/);
  assert.match(partial, /<svg/);
});
