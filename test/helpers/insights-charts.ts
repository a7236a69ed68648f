/** The charts of the insights page, by title, in the order it draws them (unit and e2e tests). */
export const INSIGHTS_CHART_TITLES = [
  'Incidents by month',
  'TTD by month: median and 90th percentile',
  'TTA by month: median and 90th percentile',
  'TTM by month: median and 90th percentile',
  'TTR by month: median and 90th percentile',
  'TTD by severity: median and 90th percentile',
  'TTA by severity: median and 90th percentile',
  'TTM by severity: median and 90th percentile',
  'TTR by severity: median and 90th percentile',
  'Open follow-ups by owner',
];
