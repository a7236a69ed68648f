/**
 * A summary keeps nothing of its report's text: the workspace index keeps one of every report,
 * and a title cut from a text could keep the whole text alive. The heap shows it only between
 * full collections, so the test runs itself again with `--expose-gc`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { summarizeReport } from '../../../server/src/engine/insights/summary';
import { detached } from '../../../server/src/engine/markdown/detached';
import { sample } from '../../helpers/server-session';
import { exposedGc } from '../../helpers/exposed-gc';

const gc = exposedGc(import.meta.url, 'summary memory');

test('detached: an equal string, lone surrogates and all', () => {
  for (const text of ['', 'Login System Outage', 'a\ud800b\udc00"\\\n\u0000']) {
    assert.equal(detached(text), text);
  }
});

if (gc !== null) {
  test('summary memory: the summaries of 8 reports of 200 KB keep none of their texts', () => {
    const config = { ...defaultConfig(), today: '2025-04-10' };
    const padding = '\n\nMore notes on the outage, written at length.'.repeat(4_500);
    const summarize = (i: number) => {
      const text = `${sample}${padding} ${i}\n`;
      return summarizeReport(analyze(text, config), config);
    };
    summarize(0);
    gc();
    const before = process.memoryUsage().heapUsed;
    const summaries = Array.from({ length: 8 }, (_, i) => summarize(i + 1));
    gc();
    const kept = process.memoryUsage().heapUsed - before;
    assert.equal(summaries[0]!.title, 'Post-Mortem Report: Login System Outage');
    // The texts are 1.6 MB together; the summaries a few kilobytes.
    assert.ok(kept < 500_000, `the summaries keep ${kept} bytes`);
  });
}
