import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { resolveMilestones } from '../../../server/src/engine/metrics/milestones';
import type { LintConfig, PostmortemModel } from '../../../server/src/engine/model';
import { corpusDir, repoRoot } from '../../helpers/paths';

const dfds = join(corpusDir, 'dfds-postmortems');

function model(text: string, config: LintConfig = defaultConfig()): PostmortemModel {
  return buildModel(text, config);
}

/** Each milestone's entry as its time text. */
function milestoneTimes(m: PostmortemModel) {
  return Object.fromEntries(
    Object.entries(m.milestones).map(([name, index]) => [
      name,
      index === null ? null : m.timeline!.entries[index]!.timeText,
    ]),
  );
}

const list = (...items: string[]) => `## Timeline\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;

describe('the seed sample', () => {
  const m = model(readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8'));

  test('resolves each milestone to its row', () => {
    assert.deepEqual(milestoneTimes(m), {
      start: '12:55 PM',
      detected: '12:55 PM',
      acknowledged: '1:00 PM',
      mitigated: '1:15 PM',
      resolved: '1:35 PM',
    });
  });

  test('says why each entry marks what it marks', () => {
    assert.deepEqual(
      m.timeline!.entries.map((e) => e.marks),
      [
        [{ milestone: 'detected', reason: 'keyword `monitor`', inferredFrom: 'monitor' }],
        [
          { milestone: 'detected', reason: 'keyword `page`', inferredFrom: 'page' },
          { milestone: 'acknowledged', reason: 'keyword `on-call`', inferredFrom: 'on-call' },
        ],
        [],
        [
          {
            milestone: 'mitigated',
            reason: 'keyword `temporary fix`',
            inferredFrom: 'temporary fix',
          },
        ],
        [
          {
            milestone: 'resolved',
            reason: 'keyword `permanent fix`',
            inferredFrom: 'permanent fix',
          },
        ],
        [{ milestone: 'resolved', reason: 'keyword `resolved`', inferredFrom: 'resolved' }],
      ],
    );
  });
});

describe('keywords', () => {
  test('match at word starts, case-insensitively, not inside words', () => {
    const m = model(
      list(
        '10:00 Deploy to production',
        '10:01 Someone noticed the undetected errors',
        '10:05 Monitoring DETECTS errors',
        '10:06 Engineers Investigating',
        '10:10 Oncall rolled  back the release',
        '10:20 All clear',
      ),
    );
    assert.deepEqual(
      m.timeline!.entries.map((e) => e.marks.map((mark) => mark.milestone)),
      [
        [],
        ['detected'],
        ['detected'],
        ['acknowledged'],
        ['acknowledged', 'mitigated'],
        ['resolved'],
      ],
    );
    assert.deepEqual(milestoneTimes(m), {
      start: '10:00',
      detected: '10:01',
      acknowledged: '10:06',
      mitigated: '10:10',
      resolved: '10:20',
    });
  });

  test('come from configuration', () => {
    const config = defaultConfig();
    config.milestoneKeywords.detected = ['sirens'];
    config.milestoneKeywords.resolved = ['done and dusted', ' '];
    const m = model(
      list('10:00 Alert fired', '10:02 Sirens went off', '10:30 Done-and-dusted'),
      config,
    );
    assert.deepEqual(
      m.timeline!.entries.map((e) => e.marks),
      [
        [],
        [{ milestone: 'detected', reason: 'keyword `sirens`', inferredFrom: 'sirens' }],
        [
          {
            milestone: 'resolved',
            reason: 'keyword `done and dusted`',
            inferredFrom: 'done and dusted',
          },
        ],
      ],
    );
  });
});

describe('explicit markers', () => {
  test('win over keywords for their milestone only', () => {
    const m = model(
      list(
        '09:00 Config pushed',
        '09:30 Errors begin (problem started)',
        '09:40 Alert fired',
        '09:45 Customer reports errors [Detected]',
        '09:50 Engineer [ack]',
        '10:00 Restarted pods',
        '10:30 Fixed for good (resolved)',
        '10:40 Resolved the ticket',
      ),
    );
    assert.deepEqual(milestoneTimes(m), {
      start: '09:30',
      detected: '09:45',
      acknowledged: '09:50',
      mitigated: '10:00',
      resolved: '10:30',
    });
    assert.deepEqual(m.timeline!.entries[2]!.marks, []);
    assert.deepEqual(m.timeline!.entries[3]!.marks, [
      { milestone: 'detected', reason: 'marker `[Detected]`', inferredFrom: null },
    ]);
    assert.deepEqual(m.timeline!.entries[1]!.marks, [
      { milestone: 'start', reason: 'marker `(problem started)`', inferredFrom: null },
    ]);
  });

  test('brackets that name no milestone are not markers', () => {
    const m = model(list('09:08 [No Data] alert triggered', '09:10 [Alerting] exporter down'));
    assert.deepEqual(milestoneTimes(m).detected, '09:08');
  });

  test('`PM2021-007`: `(problem started)` and `(resolved)`', () => {
    const text = readFileSync(
      join(dfds, 'PM2021-007 - All services returning 503 in Kubernetes.md'),
      'utf8',
    );
    const m = model(text);
    assert.deepEqual(milestoneTimes(m), {
      start: '2021-07-02 07:32',
      detected: '2021-07-02 07:39',
      acknowledged: null,
      mitigated: null,
      resolved: '2021-07-02 07:42',
    });
  });
});

describe('resolution rules', () => {
  test('an entry can mark several milestones; resolved takes the last one', () => {
    const m = model(list('10:00 Alert, fixed and resolved', '10:10 Resolved again'));
    assert.deepEqual(
      m.timeline!.entries[0]!.marks.map((mark) => mark.milestone),
      ['detected', 'resolved'],
    );
    assert.deepEqual(milestoneTimes(m).resolved, '10:10');
  });

  test('entries without a usable time are skipped', () => {
    const m = model(
      list('--:-- Alert fired', '10:00 Deploy', '10:05 Pager went off', '??:?? Resolved'),
    );
    assert.deepEqual(milestoneTimes(m), {
      start: '10:00',
      detected: '10:05',
      acknowledged: null,
      mitigated: null,
      resolved: null,
    });
  });

  test('no timeline, or one without times', () => {
    const none = {
      start: null,
      detected: null,
      acknowledged: null,
      mitigated: null,
      resolved: null,
    };
    assert.deepEqual(resolveMilestones(null), none);
    assert.deepEqual(model(list('TBD Alert fired')).milestones, none);
  });
});

describe('milestones never precede what they are measured from', () => {
  test('an acknowledgement before the detection is not used', () => {
    const m = model(list('09:00 deploy', '09:05 on-call engineer joined', '09:10 alert fired'));
    assert.deepEqual(milestoneTimes(m), {
      start: '09:00',
      detected: '09:10',
      acknowledged: null,
      mitigated: null,
      resolved: null,
    });
    assert.equal(m.metrics!.timeToAcknowledge, null);
  });

  test('a mitigation after the resolution leaves the resolution to stand for it', () => {
    const m = model(
      list(
        '10:00 Errors begin',
        '10:30 Errors resolved',
        '12:00 Failover drill restored the replica',
      ),
    );
    assert.equal(milestoneTimes(m).mitigated, null);
    assert.equal(m.metrics!.timeToMitigate, 30);
  });

  test('an explicit start after other marked entries leaves them out', () => {
    const m = model(list('08:50 alert fired', '09:00 (problem started)', '09:20 all clear'));
    assert.equal(milestoneTimes(m).detected, null);
    assert.deepEqual(m.metrics, {
      timeToDetect: null,
      timeToAcknowledge: null,
      timeToMitigate: 20,
      timeToResolve: 20,
    });
  });
});

/** The milestones each entry marks, by keyword or phase. */
const marksOf = (m: PostmortemModel) =>
  m.timeline!.entries.map((e) => e.marks.map((mark) => mark.milestone));

describe('keyword guesses that do not hold', () => {
  test('an action that failed, did not happen or happened by accident marks nothing', () => {
    const m = model(
      list(
        '10:00 Errors on checkout',
        '10:05 Rollback attempted, blocked by a migration',
        '10:08 Tried to restart the workers',
        '10:10 Restarting the pods did not help',
        "10:12 Restarts don't seem to fix it",
        '10:15 The job was not automatically restarting',
        '10:20 Still not fixed after the config change',
        '10:25 No alert fired for the queue',
        '10:30 Began working on a rollback of the change',
        '10:32 Preparing the failover to the replica',
        '10:34 The pipeline unexpectedly restarted every node',
        '10:36 A cleanup job accidentally rolled back the schema',
      ),
    );
    assert.deepEqual(marksOf(m).slice(1), [[], [], [], [], [], [], [], [], [], [], []]);
  });

  test('a keyword used as a plain noun marks nothing', () => {
    const m = model(
      list(
        '10:00 Deploy during the monitoring period',
        '10:05 Opened the clusters page of the console',
        '10:06 The status page shows green',
        '10:07 Alert rules were edited',
        '10:10 The pager went off: alert on latency',
      ),
    );
    assert.deepEqual(marksOf(m), [[], [], [], [], ['detected']]);
    assert.equal(m.timeline!.entries[4]!.marks[0]!.inferredFrom, 'page');
  });

  test('`failed` describing a thing is no failed action', () => {
    const m = model(
      list(
        '10:00 Deploy',
        '10:04 Alert on failed order writes',
        '10:06 Users reported failed logins',
        '10:08 Restart of workers failed',
        '10:09 The restart failed the health checks',
      ),
    );
    assert.deepEqual(marksOf(m), [[], ['detected'], ['detected'], [], []]);
  });

  test('a failed attempt does not hide a later keyword that holds', () => {
    const m = model(list('10:00 Errors', '10:05 Restart failed; failover to the replica'));
    assert.deepEqual(m.timeline!.entries[1]!.marks, [
      { milestone: 'mitigated', reason: 'keyword `failover`', inferredFrom: 'failover' },
    ]);
  });
});

describe('common phrases', () => {
  test('for the ends: a fix deployed or released, back online, recovered', () => {
    const ends = [
      'The fix is deployed to production',
      'Fix deployed',
      'We deployed the fix',
      'Patched version released',
      'The site is back online',
      'Disk space recovered, writes succeed',
    ];
    for (const end of ends) {
      const m = model(list('10:00 Errors begin', `10:40 ${end}`));
      assert.equal(milestoneTimes(m).resolved, '10:40', end);
      assert.equal(m.metrics!.timeToMitigate, 40, end);
    }
  });

  test('for mitigation: a revert, a failover; for the end: back to normal', () => {
    for (const mitigation of ['Bad release reverted', 'We failed over to the standby region']) {
      const m = model(list('10:00 Errors begin', `10:20 ${mitigation}`, '10:50 Fix deployed'));
      assert.equal(milestoneTimes(m).mitigated, '10:20', mitigation);
    }
    const m = model(list('10:00 Errors begin', '10:50 Traffic returned to normal levels'));
    assert.equal(milestoneTimes(m).resolved, '10:50');
  });

  test('for mitigation: a problem no longer seen; for the end: systems stabilized', () => {
    for (const mitigation of [
      'The API is no longer bottlenecked on the database',
      'Checkout no longer failing after the config change',
      'EU users no longer affected',
    ]) {
      const m = model(list('10:00 Queue backing up', `10:30 ${mitigation}`));
      assert.equal(milestoneTimes(m).mitigated, '10:30', mitigation);
    }
    // What no longer happens may be the problem itself.
    const problem = model(list('10:00 Deploy', '10:05 Workers no longer respond to health checks'));
    assert.equal(milestoneTimes(problem).mitigated, null);
    for (const end of ['Load coming down, systems stabilizing', 'Error rates stabilised']) {
      const m = model(list('10:00 Queue backing up', '10:30 Threads raised', `10:50 ${end}`));
      assert.equal(milestoneTimes(m).resolved, '10:50', end);
    }
  });

  test('for detection by people: a customer reached out, users reported, complaints', () => {
    for (const detection of [
      'A customer reached out to support',
      'Users reported slow pages',
      'Customers complained on social media',
    ]) {
      const m = model(list('10:00 Bad config pushed', `10:12 ${detection}`));
      assert.equal(milestoneTimes(m).detected, '10:12', detection);
    }
    // Reaching out to a customer is the team's outreach, not a detection.
    const outreach = model(list('10:00 Bad config pushed', '10:40 Reached out to the customer'));
    assert.equal(milestoneTimes(outreach).detected, null);
  });

  test('for detection by others: someone notified the team, a report or e-mail received', () => {
    for (const detection of [
      'A community member notified the platform team in chat',
      'The on-call was notified by a partner',
      'Support received reports of slow logins',
      'We received an e-mail from a researcher about the flaw',
      'We became aware of the outage from a tweet',
      'The team was made aware of the breach',
    ]) {
      const m = model(list('10:00 Bad config pushed', `10:12 ${detection}`));
      assert.equal(milestoneTimes(m).detected, '10:12', detection);
    }
  });

  test('seeing that things work is no detection; elevated error rates are one', () => {
    const m = model(
      list(
        '07:35 Sale opens',
        '07:55 Fans notice on the forum that the new checkout is live',
        '08:02 We noticed the staging site was available again',
        '08:15 Dashboards show elevated error rates on payments',
      ),
    );
    assert.deepEqual(marksOf(m), [[], [], [], ['detected']]);
    assert.equal(m.metrics!.timeToDetect, 40);
  });

  test('a detection word aimed at others is the team telling them, not learning', () => {
    const m = model(
      list(
        '10:00 Bad config pushed',
        '10:05 Banner added to alert users of delays',
        '10:06 Mail sent notifying customers of the upgrade',
        '10:07 Sam alerts infrastructure providers to upgrade',
        '10:08 Status e-mail with the alert sent to all customers',
        '10:20 Alert fired for customer-facing checkout errors',
      ),
    );
    assert.deepEqual(marksOf(m), [[], [], [], [], [], ['detected']]);
    // A report names whom it is about: reporting a user is a detection.
    const report = model(
      list('10:00 Spam uploads begin', '10:30 An e-mail arrives reporting this user'),
    );
    assert.equal(milestoneTimes(report).detected, '10:30');
  });

  test('for acknowledgement: an incident declared, a commander appointed, responders convened', () => {
    for (const acknowledgement of [
      '@sam Declared an incident',
      'Incident declared in #ops',
      'The incident was declared a SEV2',
      '@kim appoints @lee as incident commander',
      'Security huddle started on a call',
      'War room opened on the 3rd floor',
      'Incident bridge call started',
      'Incident channel #inc-42 created',
      'Sam started looking into the alert',
    ]) {
      const m = model(list('10:00 Alert fired', `10:07 ${acknowledgement}`));
      assert.equal(milestoneTimes(m).acknowledged, '10:07', acknowledgement);
      assert.equal(m.metrics!.timeToAcknowledge, 7, acknowledgement);
    }
  });
});

describe('a Phase or Status column', () => {
  const table = (header: string, ...rows: [string, string, string][]) =>
    [
      '## Timeline',
      '',
      `| Time | Event | ${header} |`,
      '|---|---|---|',
      ...rows.map((cells) => `| ${cells.join(' | ')} |`),
      '',
    ].join('\n');

  test('marks the first row of each phase, over keywords for those milestones', () => {
    const m = model(
      table(
        'Phase',
        ['2025-03-09 19:16', 'Upgrade restarted the host; monitoring looked fine', 'Before'],
        ['2025-03-16 10:45', 'Logs alerting on write errors', 'Identify'],
        ['2025-03-16 10:56', 'Unknown host found in the config', 'Identify'],
        ['2025-03-16 11:17', 'Firewall enabled again', 'Remediate'],
        ['2025-03-16 13:02', 'Data exposure assessed', 'Resolved'],
      ),
    );
    assert.deepEqual(milestoneTimes(m), {
      start: '2025-03-09 19:16',
      detected: '2025-03-16 10:45',
      acknowledged: null,
      mitigated: '2025-03-16 11:17',
      resolved: '2025-03-16 13:02',
    });
    assert.deepEqual(m.timeline!.entries[1]!.marks, [
      { milestone: 'detected', reason: 'phase `Identify`', inferredFrom: null },
    ]);
    assert.deepEqual(marksOf(m)[2], []);
  });

  test('a Status column in status-page words', () => {
    const m = model(
      table(
        'Status',
        ['10:00', 'Error rate up', 'Investigating'],
        ['10:20', 'Bad deploy found and reverted', 'Mitigated'],
        ['10:50', 'All regions healthy', 'Resolved'],
      ),
    );
    assert.deepEqual(marksOf(m), [['acknowledged'], ['mitigated'], ['resolved']]);
    assert.equal(m.metrics!.timeToResolve, 50);
  });

  test('a phase that goes back in the lifecycle is follow-up work and marks nothing', () => {
    const m = model(
      table(
        'Phase',
        ['10:00', 'Write errors in the logs', 'Identify'],
        ['10:30', 'Firewall enabled again', 'Remediate'],
        ['12:15', 'Exposed data assessed', 'Investigate'],
        ['12:40', 'Status page closed', 'Resolved'],
      ),
    );
    assert.deepEqual(marksOf(m), [['detected'], ['mitigated'], [], ['resolved']]);
    assert.equal(m.metrics!.timeToAcknowledge, null);
  });

  test('the cell itself is no keyword: `Monitoring` marks no detection', () => {
    const m = model(
      table(
        'Status',
        ['10:00', 'Error rate up', 'Investigating'],
        ['10:20', 'Config change pushed', 'Monitoring'],
        ['10:50', 'All regions healthy', 'Resolved'],
      ),
    );
    assert.deepEqual(marksOf(m), [['acknowledged'], [], ['resolved']]);
  });

  test('a table without one: keywords as ever', () => {
    const m = model(table('Owner', ['10:00', 'Alert fired', 'Ann'], ['10:30', 'Resolved', 'Bo']));
    assert.deepEqual(marksOf(m), [['detected'], ['resolved']]);
  });
});
