/**
 * The preview's metrics card: values, guesses and gaps in the engine's words, and a keyword
 * from configuration written as text, whatever characters it holds.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, defaultConfig } from '../../server/src/engine';
import { milestoneBadges } from '../../server/src/preview/badges';
import { metricsCard } from '../../server/src/preview/metrics-card';
import { reportWithTimeline } from './reports';

const text = reportWithTimeline([
  '- 10:00 Deploy [start]',
  '- 10:10 Seen by <ops> & co',
  '- 11:00 Fixed [resolved]',
]);

test('a keyword with markup characters: text in the card and in the badge, never markup', () => {
  const config = defaultConfig();
  config.milestoneKeywords.detected = ['seen by <ops> & co'];
  const { model } = analyze(text, config);
  const card = metricsCard(model);
  assert.match(
    card,
    /<span class="pm-metric-value">10m\*<\/span><span class="pm-metric-detail">guessed from “seen by &lt;ops&gt; &amp; co”<\/span>/,
  );
  assert.doesNotMatch(card, /<ops>/);
  const entry = model.timeline!.entries[1]!;
  const badges = milestoneBadges(entry, ['detected']);
  assert.match(
    badges,
    /title="detected: keyword `seen by &lt;ops&gt; &amp; co`, a guess">detected\*</,
  );
});

test('every value known and stated by markers: no footnote, no advice', () => {
  const { model } = analyze(
    text
      .replace('Seen by <ops> & co', 'Alert [detected]')
      .replace('Fixed', 'Paged [acknowledged], fixed'),
    defaultConfig(),
  );
  const card = metricsCard(model);
  assert.doesNotMatch(card, /pm-metrics-footnote|pm-metrics-missing|\*/);
  assert.match(
    card,
    /data-metric="timeToResolve" title="Time to resolve: start → resolved"><span class="pm-metric-name">TTR<\/span><span class="pm-metric-value">1h<\/span><span class="pm-metric-detail">start → resolved<\/span>/,
  );
});
