/** The schema presets a configuration can start from (`"extends": "<name>"`). */
import type { Schema } from '../../model';
import { dfds } from './dfds';
import { elastic } from './elastic';
import { googleSre } from './google-sre';
import { standard } from './standard';

export interface Preset {
  name: string;
  /** One sentence: where the preset comes from, for the JSON Schema and `--help`. */
  description: string;
  schema: Schema;
}

/** Every preset, `standard` (the default) first. */
export const PRESETS: readonly Preset[] = [
  {
    name: 'standard',
    description:
      'The seven sections of the post-mortem guide: Summary, Impact, Timeline, Root Cause Analysis, Resolution & Recovery, Preventative Measures, Lessons Learned.',
    schema: standard,
  },
  {
    name: 'google-sre',
    description:
      'The template of the Google SRE book: Summary, Impact, Root Causes, Trigger, Resolution, Detection, Action Items, Lessons Learned, Timeline, optional Supporting Information.',
    schema: googleSre,
  },
  {
    name: 'dfds',
    description:
      'The DFDS cloud platform template: Summary, Timeline, Contributing Factors, Action Items, Lessons Learned, optional Attendees and Stats.',
    schema: dfds,
  },
  {
    name: 'elastic',
    description:
      'The Elastic Cloud incident report: Background, What Happened, Root Cause, Resolution, Impact, Action Items.',
    schema: elastic,
  },
];

/**
 * What every place that takes a preset's name says of one it does not know: "Unknown preset
 * `name` (where); expected one of `standard`, …".
 */
export function unknownPresetMessage(name: string, where = ''): string {
  const names = PRESETS.map((preset) => `\`${preset.name}\``).join(', ');
  return `Unknown preset \`${name}\`${where}; expected one of ${names}`;
}

/** The preset called `name`, if there is one. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((preset) => preset.name === name);
}
