/** Follow-ups: what is read of each action item, and how many each real report has. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import type { FollowUp, LintConfig } from '../../../server/src/engine/model';
import { corpusDir } from '../../helpers/paths';

function followUps(text: string, config: Partial<LintConfig> = {}): FollowUp[] {
  return analyze(text, { ...defaultConfig(), today: '2025-04-10', ...config }).model.followUps;
}

function read(text: string) {
  return followUps(text).map(({ text: action, owner, due, ticket, status, overdue }) => ({
    text: action,
    owner,
    due,
    ticket,
    status,
    overdue,
  }));
}

const section = (body: string) => `# Outage\n\n## Action Items\n\n${body}\n`;

describe('readFollowUps', () => {
  test('a task list: owner, due date, ticket and status, taken out of the text', () => {
    assert.deepEqual(
      read(
        section(
          '- [ ] Add config validation @alice due 2025-04-01 (OPS-123)\n- [x] Alert on pool usage, owner: Bob, by April 20',
        ),
      ),
      [
        {
          text: 'Add config validation',
          owner: '@alice',
          due: '2025-04-01',
          ticket: 'OPS-123',
          status: 'open',
          overdue: true,
        },
        {
          text: 'Alert on pool usage',
          owner: 'Bob',
          due: '2025-04-20',
          ticket: null,
          status: 'done',
          overdue: false,
        },
      ],
    );
  });

  test('a table by its headers; a Status cell, a ticket link', () => {
    const table = [
      '| Action | Owner | Due date | Ticket | Status |',
      '|---|---|---|---|---|',
      '| Rotate the keys | Erin | 15.04.2025 | [link](https://git.example/ops/issues/7) | In progress |',
      '| Retire the cluster | | | | Done |',
      '| TBD | | | | |',
    ].join('\n');
    assert.deepEqual(read(section(table)), [
      {
        text: 'Rotate the keys',
        owner: 'Erin',
        due: '2025-04-15',
        ticket: 'https://git.example/ops/issues/7',
        status: 'open',
        overdue: false,
      },
      {
        text: 'Retire the cluster',
        owner: null,
        due: null,
        ticket: null,
        status: 'done',
        overdue: false,
      },
    ]);
  });

  test('the Google SRE table: its Bug column is the ticket', () => {
    for (const bug of ['Bug', 'Bug #']) {
      const table = [
        `| Action Item | Type | Owner | ${bug} |`,
        '|---|---|---|---|',
        '| Alert on pool use | prevent | @alice | OPS-12 |',
      ].join('\n');
      assert.deepEqual(read(section(table)), [
        {
          text: 'Alert on pool use',
          owner: '@alice',
          due: null,
          ticket: 'OPS-12',
          status: 'open',
          overdue: false,
        },
      ]);
    }
  });

  test('status words and signs; a label over sub-items is a group, an action with steps is one item', () => {
    const items = followUps(
      section(
        [
          '- DONE Patch the proxy',
          '- Document the failover (in progress)',
          '- ✅ Raise the limits',
          '- Short term:',
          '  - Add a canary',
          '  - Page on errors',
          '- Ensure that alerting is in place for:',
          '  - the proxy',
          '  - the queue',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      items.map((item) => [item.text, item.status, item.statusFrom]),
      [
        ['Patch the proxy', 'done', '`DONE`'],
        ['Document the failover', 'open', '`(in progress)`'],
        ['Raise the limits', 'done', '✅'],
        ['Add a canary', 'open', null],
        ['Page on errors', 'open', null],
        ['Ensure that alerting is in place for', 'open', null],
      ],
    );
  });

  test('sub-headings that name an action, with the owner in the text under them', () => {
    const text = section(
      '#### 1) Cron cleanup scheduled `@malte_j`\n\nRuns nightly.\n\n#### 2) TODO Alerts\n\n`@dma` adds them, due 2025-05-01.',
    );
    assert.deepEqual(
      followUps(text).map((item) => [item.text, item.owner, item.due, item.status]),
      [
        ['Cron cleanup scheduled', '@malte_j', null, 'open'],
        ['Alerts', '@dma', '2025-05-01', 'open'],
      ],
    );
  });

  test('only the configured sections; ticket patterns from configuration', () => {
    const text =
      '# Outage\n\n## Lessons Learned\n\n- Keep runbooks close BUG-9\n\n## Action Items\n\n- Fix it\n';
    assert.deepEqual(
      followUps(text).map((item) => item.text),
      ['Fix it'],
    );
    const both = followUps(text, {
      followUps: { sections: ['lessons', 'prevention'], require: [], ticketPatterns: ['BUG-\\d+'] },
    });
    assert.deepEqual(
      both.map((item) => [item.text, item.ticket]),
      [
        ['Keep runbooks close', 'BUG-9'],
        ['Fix it', null],
      ],
    );
  });

  test('a date without a year takes the report year; e-mail addresses are not owners', () => {
    const text = `---\ndate: 2024-11-02\n---\n${section('- Mail ops@example.com, due Dec 3rd')}`;
    assert.deepEqual(
      followUps(text).map((item) => [item.owner, item.due]),
      [[null, '2024-12-03']],
    );
  });
});

/**
 * Follow-ups per report, counted by reading each one: the items of its action-item section
 * (Action Items, Corrective Actions, Follow-ups, Long term solution, …), a label over
 * sub-items counted by its sub-items and an action with steps once; sections written as prose
 * (Future measures, Recommendations) have none.
 */
const COUNTS: Record<string, Record<string, number>> = {
  'dfds-postmortems': {
    'PM2019-009': 4,
    'PM2019-010': 2,
    'PM2019-011': 5,
    'PM2020-001': 1,
    'PM2020-002': 3,
    'PM2020-003': 4,
    'PM2020-004': 2,
    'PM2020-005': 3,
    'PM2020-006': 2,
    'PM2020-007': 2,
    'PM2020-008': 2,
    'PM2020-009': 1,
    'PM2021-001': 3,
    'PM2021-002': 4,
    'PM2021-003': 3,
    'PM2021-004': 3,
    'PM2021-005': 3,
    'PM2021-006': 3,
    'PM2021-007': 2,
    'PM2021-008': 2,
    'PM2021-009': 6,
    'PM2021-010': 3,
    'PM2021-011': 6,
    'PM2022-001': 1,
    'PM2022-002': 1,
    'PM2022-003': 2,
    'PM2022-004': 2,
    'PM2022-005': 2,
    'PM2022-006': 4,
    'PM2022-007': 1,
    'PM2022-008': 4,
    'PM2022-009': 7,
    'PM2023-001': 6,
    'PM2023-002': 5,
    'PM2024-001': 7,
    'PM2024-002': 2,
    'PM2024-003': 2,
    'PM2025-001': 6,
    'PM2025-002': 6,
    'PMyyyy-nnn': 0,
  },
  'real-world': {
    'comdex/2022-12-08-incentives-epoch-miss.md': 0,
    'comdex/2023-02-06-patch-fix-stability-fees.md': 0,
    'comdex/2023-03-12-incentives-epoch-miss.md': 0,
    'hachyderm/2022-12-13-root-filesystem-full.md': 3,
    'hachyderm/2022-12-18-unexpected-growth-and-unknown-media-caching.md': 3,
    'hachyderm/2022-12-20-ingress-queues-down-in-queueville.md': 0,
    'hachyderm/2023-01-03-fritz-overload.md': 3,
    'hachyderm/2023-01-07-fritz-timeouts.md': 4,
    'hachyderm/2023-02-27-tls-media.md': 4,
    'hachyderm/2023-07-16-security-redis-cache-exposed.md': 9,
    'homebrew/2018-08-05-security-incident-disclosure.md': 4,
    'homebrew/2021-04-21-security-incident-disclosure.md': 5,
    'learningequality/001-buildkite-failing-build.md': 2,
    'learningequality/002-cloudflare-incomplete-migration.md': 3,
    'learningequality/003-instantschools-migrations-not-included.md': 0,
    'learningequality/004-sushibar-certificate-expired.md': 3,
    'optimism/2022-02-02-inflation-vuln.md': 5,
    'optimism/2022-05-31-drop-1.md': 11,
    'optimism/2023-04-26-transaction-delays.md': 0,
    'rust-lang/2018-10-15-update-on-crates-io-incident.md': 0,
    'rust-lang/2019-10-20-docsrs-outage-postmortem.md': 4,
    'rust-lang/2020-02-20-crates-io-incident-report.md': 5,
    'rust-lang/2020-07-11-crates-io-security-advisory.md': 0,
    'rust-lang/2020-12-30-mdbook-security-advisory.md': 0,
    'rust-lang/2021-04-27-rustup-1.24.0-incident-report.md': 2,
    'rust-lang/2023-01-25-dns-outage-portmortem.md': 0,
    'rust-lang/2023-07-20-crates-io-postmortem.md': 3,
    'rust-lang/2023-08-18-crates-io-malware-postmortem.md': 0,
  },
};

describe('follow-ups of the corpus, per report', () => {
  test('dfds-postmortems: every report counted', () => {
    const folder = join(corpusDir, 'dfds-postmortems');
    const reports = readdirSync(folder).filter((name) => name.startsWith('PM'));
    const counted = COUNTS['dfds-postmortems']!;
    assert.equal(reports.length, Object.keys(counted).length);
    for (const name of reports) {
      const id = name.split(' ')[0]!;
      const text = readFileSync(join(folder, name), 'utf8');
      assert.equal(followUps(text).length, counted[id], name);
    }
  });

  test('real-world: every report counted; tickets read where written', () => {
    const folder = join(corpusDir, 'real-world');
    const counted = COUNTS['real-world']!;
    const reports = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
      (name) => name.endsWith('.md') && name.includes('/'),
    );
    assert.deepEqual(reports.sort(), Object.keys(counted).sort());
    for (const name of reports) {
      const text = readFileSync(join(folder, name), 'utf8');
      assert.equal(followUps(text).length, counted[name], name);
    }
    const crates = readFileSync(
      join(folder, 'rust-lang/2020-02-20-crates-io-incident-report.md'),
      'utf8',
    );
    assert.deepEqual(
      followUps(crates).map((item) => item.ticket),
      ['#2226', '#2227', '#2228', '#2229', '#2230'],
    );
  });
});
