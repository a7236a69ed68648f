/** The report's formats on aggregates made by hand: what text from reports becomes in each. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatCsv } from '../../server/src/cli/report/format-csv';
import { formatHtml } from '../../server/src/cli/report/format-html';
import { formatMarkdown, markdownCell } from '../../server/src/cli/report/format-markdown';
import { aggregateReports } from '../../server/src/engine/insights/aggregate';

const withOwner = (owner: string) => ({
  ...aggregateReports([]),
  reports: 1,
  followUps: { open: 1, overdue: 0, byOwner: [{ owner, open: 1, overdue: 0 }] },
});

describe('report formats', () => {
  test('markdown cells: a pipe does not end the cell, a line break does not end the row', () => {
    assert.equal(markdownCell('a | b\nc'), 'a \\| b c');
    assert.equal(
      markdownCell('*x* _y_ `z` [l](u) <b> ~s~ &amp; \\'),
      '\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> \\~s\\~ \\&amp; \\\\',
    );
    assert.match(formatMarkdown(withOwner('@a|b')), /^\| @a\\\|b +\| +1 \| +0 \|$/m);
  });

  test('csv fields with a quote, a comma or a line break are quoted, quotes doubled', () => {
    const csv = formatCsv(withOwner('say "hi",\r\nthen'));
    assert.equal(csv.split('\r\n')[1], 'owner,"say ""hi"",');
    assert.ok(csv.endsWith('then",,,,,,,,,,,,,,1,0\r\n'));
  });

  test('html without reports: the sentence, no chart, no table', () => {
    const page = formatHtml(aggregateReports([]));
    assert.match(page, /<p>No post-mortem among the files given\.<\/p>/);
    assert.doesNotMatch(page, /<svg|<table/);
  });
});
