/** What the server says of `examples/sample-postmortem.md`'s metrics, asserted by several layers. */

/** The metrics lens above the sample's timeline: every milestone there is a keyword guess. */
export const SAMPLE_METRICS_LENS = {
  title: 'TTD 0m* · TTA 5m* · TTM 20m* · TTR 40m* (* guessed from keywords)',
  tooltip: [
    'TTD: guessed from `monitor`',
    'TTA: guessed from `monitor`, `on-call`',
    'TTM: guessed from `temporary fix`',
    'TTR: guessed from `resolved`',
    'Mark entries such as [detected] to state them.',
  ].join('\n'),
};
