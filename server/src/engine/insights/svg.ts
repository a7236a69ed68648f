/**
 * Plain SVG charts as text: bars or lines of up to four series over named categories, with a
 * value axis, a legend, a title and a description for screen readers, and a "no data" state.
 * Colours come from classes that `CHART_STYLESHEET` maps to CSS custom properties
 * (`--pm-chart-1`…): the host sets them (the VS Code webview to `--vscode-charts-*`), and the
 * presentation attributes are the fallback where no stylesheet is loaded. Inline `style`
 * attributes are never written, so a strict content security policy needs nothing for them.
 */

/** One series: its name in the legend and a value per category (null: none). */
export interface Series {
  name: string;
  values: readonly (number | null)[];
  /** Its line is dashed (lines only), so that it still shows where another lies on it. */
  dashed?: boolean;
}

export interface ChartSpec {
  title: string;
  kind: 'bars' | 'lines';
  categories: readonly string[];
  /** At most four; the first is drawn in `--pm-chart-1`. */
  series: readonly Series[];
  /** Minutes (the axis steps by minutes, hours and days) or counts (whole steps). */
  unit: 'minutes' | 'count';
  /** A value as the labels print it. */
  format(value: number): string;
  /** What the chart shows when no series has a value. */
  empty: string;
  /** Said after the data in the description (what the chart leaves out); optional. */
  note?: string;
}

/** Each series' colour where no stylesheet sets `--pm-chart-N` (VS Code's chart colours). */
const FALLBACK_COLOURS = ['#3794ff', '#d18616', '#f14c4c', '#89d185'] as const;

/** The stylesheet the host includes once: classes to custom properties, with fallbacks. */
export const CHART_STYLESHEET = [
  '.pm-chart { font-family: var(--pm-chart-font, system-ui, sans-serif); font-size: 12px; }',
  '.pm-chart text { fill: var(--pm-chart-text, currentColor); }',
  '.pm-chart .pm-chart-title { font-size: 14px; font-weight: 600; }',
  '.pm-chart .pm-chart-grid { stroke: var(--pm-chart-grid, rgba(128, 128, 128, 0.35)); }',
  '.pm-chart .pm-chart-axis { stroke: var(--pm-chart-axis, rgba(128, 128, 128, 0.8)); }',
  ...FALLBACK_COLOURS.map(
    (colour, index) =>
      `.pm-chart .pm-chart-series-${index + 1} { fill: var(--pm-chart-${index + 1}, ${colour}); stroke: var(--pm-chart-${index + 1}, ${colour}); }`,
  ),
  '.pm-chart .pm-chart-line { fill: none; stroke-width: 2px; }',
].join('\n');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for SVG or HTML content and attributes: markup characters as entities. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Characters of a category label at the most; longer ones end with `…` (the whole in its tooltip). */
const LABEL_CHARACTERS = 24;
/** About how wide a character of the 12px font is. */
const CHARACTER_WIDTH = 7;
const MIN_WIDTH = 480;
const MARGIN = { left: 76, right: 16, top: 58 } as const;
const PLOT_HEIGHT = 180;
/** Most value-axis steps to draw. */
const MAX_TICKS = 5;
/** Axis steps for minutes: minutes, hours, days, weeks; past them, weeks by 1-2-5. */
const MINUTE_STEPS = [
  1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 4320, 10_080, 20_160, 50_400,
];

function shortLabel(label: string): string {
  return label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1)}…` : label;
}

/** 1, 2 or 5 times a power of ten, times `base`: the smallest at least `wanted`. */
function decadeStep(wanted: number, base: number): number {
  for (let power = base; ; power *= 10) {
    for (const factor of [1, 2, 5]) if (factor * power >= wanted) return factor * power;
  }
}

/** The value axis' step: at most `MAX_TICKS` steps up to `max` (which is above 0). */
function axisStep(max: number, unit: ChartSpec['unit']): number {
  const wanted = max / MAX_TICKS;
  if (unit === 'count') return decadeStep(wanted, 1);
  return MINUTE_STEPS.find((step) => step >= wanted) ?? decadeStep(wanted / 10_080, 1) * 10_080;
}

/** A number as SVG writes coordinates: at most one decimal. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function colourAttributes(index: number, paint: 'fill' | 'stroke'): string {
  const colour = FALLBACK_COLOURS[index];
  return paint === 'fill'
    ? `class="pm-chart-series-${index + 1}" fill="${colour}"`
    : `class="pm-chart-series-${index + 1} pm-chart-line" fill="none" stroke="${colour}" stroke-width="2"`;
}

/** The opening tag, title and description every chart and its empty state share. */
function frame(
  width: number,
  height: number,
  title: string,
  description: string,
  className = 'pm-chart',
): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${className}" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-label="${escapeMarkup(`${title}. ${description}`)}">`,
    `<title>${escapeMarkup(title)}</title>`,
    `<desc>${escapeMarkup(description)}</desc>`,
    `<text class="pm-chart-title" x="8" y="20" fill="currentColor">${escapeMarkup(title)}</text>`,
  ].join('');
}

/** The data in words: per category, each series' value. */
function describe(spec: ChartSpec): string {
  const rows = spec.categories.map((category, index) => {
    const values = spec.series.map(({ name, values }) => {
      const value = values[index];
      return `${name} ${value === null || value === undefined ? 'none' : spec.format(value)}`;
    });
    return `${category}: ${values.join(', ')}`;
  });
  return [rows.join('; '), spec.note].filter(Boolean).join('. ');
}

function emptyChart(spec: ChartSpec): string {
  const height = 96;
  return [
    frame(MIN_WIDTH, height, spec.title, spec.empty, 'pm-chart pm-chart-empty'),
    `<rect class="pm-chart-grid" x="8" y="32" width="${MIN_WIDTH - 16}" height="${height - 40}" rx="4" fill="none" stroke="rgba(128, 128, 128, 0.35)" stroke-dasharray="4 4"/>`,
    `<text x="${MIN_WIDTH / 2}" y="${height / 2 + 16}" text-anchor="middle" fill="currentColor">${escapeMarkup(spec.empty)}</text>`,
    '</svg>',
  ].join('');
}

/** The chart of `spec` as an SVG element. */
export function drawChart(spec: ChartSpec): string {
  if (spec.series.length > FALLBACK_COLOURS.length) {
    throw new RangeError(`A chart draws at most ${FALLBACK_COLOURS.length} series`);
  }
  const known = spec.series.flatMap(({ values }) =>
    values.filter((value): value is number => value !== null && Number.isFinite(value)),
  );
  if (spec.categories.length === 0 || known.length === 0) return emptyChart(spec);

  const labels = spec.categories.map(shortLabel);
  // Folded rather than spread: `Math.max(...list)` throws past some hundred thousand values.
  const longest = labels.reduce((most, label) => Math.max(most, label.length), 0);
  const band = Math.max(
    16 * spec.series.length + 12,
    (MIN_WIDTH - MARGIN.left - MARGIN.right) / labels.length,
  );
  const rotated = longest * CHARACTER_WIDTH > band - 4;
  const bottom = rotated ? 16 + longest * CHARACTER_WIDTH * 0.72 : 28;
  const width = Math.ceil(MARGIN.left + band * labels.length + MARGIN.right);
  const height = Math.ceil(MARGIN.top + PLOT_HEIGHT + bottom);
  const baseline = MARGIN.top + PLOT_HEIGHT;

  const low = known.reduce((least, value) => Math.min(least, value), 0);
  const high = known.reduce((most, value) => Math.max(most, value), 0);
  const step = axisStep(Math.max(high - low, Number.MIN_VALUE), spec.unit);
  const axisLow = Math.floor(low / step) * step;
  const axisHigh = Math.max(Math.ceil(high / step) * step, axisLow + step);
  const y = (value: number) => baseline - ((value - axisLow) / (axisHigh - axisLow)) * PLOT_HEIGHT;
  const centre = (index: number) => MARGIN.left + band * (index + 0.5);

  const parts = [frame(width, height, spec.title, describe(spec))];
  // Legend, under the title.
  let legendX = 8;
  spec.series.forEach(({ name }, index) => {
    parts.push(
      `<rect ${colourAttributes(index, 'fill')} x="${legendX}" y="32" width="12" height="12" rx="2"/>`,
      `<text x="${legendX + 16}" y="42" fill="currentColor">${escapeMarkup(name)}</text>`,
    );
    legendX += 28 + name.length * CHARACTER_WIDTH;
  });
  // Value axis: grid lines and their labels.
  for (
    let tick = axisLow, count = 0;
    tick <= axisHigh && count <= MAX_TICKS * 2 + 2;
    tick += step, count++
  ) {
    parts.push(
      `<line class="pm-chart-grid" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${n(y(tick))}" y2="${n(y(tick))}" stroke="rgba(128, 128, 128, 0.35)"/>`,
      `<text x="${MARGIN.left - 6}" y="${n(y(tick) + 4)}" text-anchor="end" fill="currentColor">${escapeMarkup(spec.format(tick))}</text>`,
    );
  }
  parts.push(
    `<line class="pm-chart-axis" x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${n(y(0))}" y2="${n(y(0))}" stroke="rgba(128, 128, 128, 0.8)"/>`,
  );
  // Category labels, slanted when they would overlap.
  labels.forEach((label, index) => {
    const x = n(centre(index));
    const at = rotated
      ? `x="${x}" y="${baseline + 14}" text-anchor="end" transform="rotate(-45 ${x} ${baseline + 14})"`
      : `x="${x}" y="${baseline + 18}" text-anchor="middle"`;
    parts.push(
      `<text ${at} fill="currentColor">${escapeMarkup(label)}<title>${escapeMarkup(spec.categories[index]!)}</title></text>`,
    );
  });
  const tooltip = (index: number, name: string, value: number) =>
    `<title>${escapeMarkup(`${spec.categories[index]}, ${name}: ${spec.format(value)}`)}</title>`;
  // The first series is drawn last, on top of those that share its points.
  [...spec.series.entries()].reverse().forEach(([seriesIndex, { name, values, dashed }]) => {
    if (spec.kind === 'bars') {
      const gap = 6;
      const barWidth = (band - 2 * gap) / spec.series.length;
      values.forEach((value, index) => {
        if (value === null || !Number.isFinite(value)) return;
        const x = MARGIN.left + band * index + gap + seriesIndex * barWidth;
        const top = Math.min(y(value), y(0));
        parts.push(
          `<rect ${colourAttributes(seriesIndex, 'fill')} x="${n(x)}" y="${n(top)}" width="${n(Math.max(barWidth - 2, 1))}" height="${n(Math.max(Math.abs(y(0) - y(value)), value === 0 ? 0 : 1))}">${tooltip(index, name, value)}</rect>`,
        );
      });
      return;
    }
    // Lines: runs of known values joined; a gap where a category has none.
    let path = '';
    let previousKnown = false;
    values.forEach((value, index) => {
      const isKnown = value !== null && Number.isFinite(value);
      if (isKnown) path += `${previousKnown ? 'L' : 'M'}${n(centre(index))} ${n(y(value))}`;
      previousKnown = isKnown;
    });
    const dash = dashed ? ' stroke-dasharray="6 4"' : '';
    parts.push(`<path ${colourAttributes(seriesIndex, 'stroke')}${dash} d="${path}"/>`);
    values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) return;
      parts.push(
        `<circle ${colourAttributes(seriesIndex, 'fill')} cx="${n(centre(index))}" cy="${n(y(value))}" r="3.5">${tooltip(index, name, value)}</circle>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('');
}
