// Generates post-mortem reports for the benchmark: the seven sections of the standard schema
// and a timeline table of any length, from a seeded pseudo-random generator so that every run
// measures the same text. Runs under tsx (`npm run bench`), which loads the TypeScript import.

import { prng } from '../test/helpers/prng.ts';

const SERVICES = ['login-api', 'checkout', 'payments-db', 'edge-proxy', 'search', 'kafka-broker-3'];
const PLAIN_EVENTS = [
  'Error rate on %s rises above 2 percent',
  'Latency of %s p99 at 4.2 seconds',
  'Automated monitoring detects increased errors on %s',
  'On-call engineer acknowledges the page for %s',
  'Engineers investigate connection usage of %s',
  'Deploy of %s paused while the team looks at the graphs',
  'Customer support reports failed logins, ticket 48213',
  'Traffic shifted away from %s in eu-west-1',
  'Queue depth of %s back under 1000 messages',
  'Status page updated with the current state of %s',
];
// Rows a pasted alert log or chat export also has: code, emphasis, links, escapes.
const MARKED_EVENTS = [
  'Alert `HighErrorRate` fires for %s',
  'Restarted **%s** pods one by one',
  'See [the dashboard](https://grafana.example.com/d/abc) for %s',
  'Log shows `Too many connections` on %s',
  'Slack: _"is %s down for anyone else?"_',
  'Rolled back %s to v1.42 \\(previous release\\)',
];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function timelineRows(random, rows, marked, notes) {
  const lines = [];
  let minute = 12 * 60 + 55;
  let day = 15;
  for (let i = 0; i < rows; i++) {
    minute += 1 + Math.floor(random() * 3);
    if (minute >= 1440) [minute, day] = [minute - 1440, day + 1];
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    const date = `2025-03-${String(day).padStart(2, '0')}`;
    const events = random() < marked ? MARKED_EVENTS : PLAIN_EVENTS;
    const event = pick(random, events).replace('%s', pick(random, SERVICES));
    const who = pick(random, ['ops', 'sre', 'db', 'support']);
    const note = notes ? `, noted by the ${who} team` : '';
    lines.push(`| ${date} ${hh}:${mm} | ${event}${note} | ${who} |`);
  }
  return lines;
}

/**
 * A report with `rows` timeline rows, the share `marked` of them with inline markup (code,
 * emphasis, links, escapes); `prose` paragraphs of filler in Impact (for size); `notes`: events
 * end with who noted them (without, 20,000 rows stay under the guard's 2 MB).
 */
export function generateReport({ rows, seed = 1, prose = 1, marked = 0.1, notes = true }) {
  const random = prng(seed);
  const impact = [];
  for (let i = 0; i < prose; i++) {
    impact.push(
      `- Users of ${pick(random, SERVICES)} could not complete requests for ${10 + Math.floor(random() * 50)} minutes.`,
      `- ${100 + Math.floor(random() * 900)} transactions failed, leading to revenue loss.`,
    );
  }
  return [
    `# Post-Mortem Report: ${pick(random, SERVICES)} outage ${seed}`,
    '',
    '## 1. Summary',
    'On March 15, 2025, our login system was down for 30 minutes due to a database connection issue.',
    'The issue was fixed by increasing connection limits and optimizing queries.',
    '',
    '## 2. Impact',
    ...impact,
    '',
    '## 3. Timeline',
    'All times in UTC.',
    '',
    '| Time | Event | Team |',
    '|------|-------|------|',
    ...timelineRows(random, rows, marked, notes),
    '',
    '## 4. Root Cause Analysis',
    '- **Root Cause:** The database connection pool was misconfigured.',
    '- **Supporting Evidence:** Log entries showed "Too many connections" errors.',
    '',
    '## 5. Resolution & Recovery',
    '- **Temporary Fix:** Restarted database server.',
    '- **Permanent Fix:** Increased database connection limits.',
    '',
    'Time to detection: 5 minutes',
    '',
    '## 6. Preventative Measures',
    '- Set up alerts for high DB connection usage.',
    '- Improve auto-scaling rules.',
    '',
    '## 7. Lessons Learned',
    '**What Worked Well:** Quick response time, effective rollback.',
    '',
  ].join('\n');
}

/** A report of at least `bytes` characters: timeline rows and impact lines grow together. */
export function reportOfSize(bytes, seed = 1) {
  const prose = 1 + Math.floor(bytes / 4000);
  let rows = Math.max(5, Math.floor(bytes / 150));
  let text = generateReport({ rows, seed, prose });
  while (text.length < bytes) {
    rows += Math.max(1, Math.ceil((bytes - text.length) / 110));
    text = generateReport({ rows, seed, prose });
  }
  return text;
}
