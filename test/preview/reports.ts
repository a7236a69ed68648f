/** The smallest post-mortem the preview tests need: a title, two sections, then a timeline. */
export function reportWithTimeline(timeline: readonly string[], heading = '## Timeline'): string {
  return [
    '# Outage',
    '',
    '## Summary',
    '',
    'It broke.',
    '',
    '## Impact',
    '',
    'Some users.',
    '',
    heading,
    '',
    ...timeline,
    '',
  ].join('\n');
}
