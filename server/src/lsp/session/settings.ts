/** The server's view of the `postmortem` settings: typed, defaulted, cached per resource. */
import type { Connection } from 'vscode-languageserver';
import type { DateOrder, KeywordMilestone, RuleId, SettingBlock, Severity } from '../../engine';
import {
  DATE_ORDERS,
  DEFAULT_POSTMORTEM_FILES,
  MILESTONES,
  RULE_IDS,
  SETTING_BLOCKS,
} from '../../engine';
import { SETTINGS_SECTION } from './setting-names';

/** The settings of one resource, defaults filled in. */
export interface Settings {
  /** Preset schema; empty to use `.postmortemrc.json` or `standard`. */
  preset: string;
  /** Globs (matched case-insensitively) of files that are post-mortems. */
  files: string[];
  /** Severities over the configuration file's. */
  rules: Partial<Record<RuleId, Severity>>;
  /** Keyword stems over the configuration file's. */
  milestoneKeywords: Partial<Record<KeywordMilestone, string[]>>;
  /** Zone for times that state none; empty for none. */
  timeZone: string;
  /** Which part of a numeric date is the day; empty to use `.postmortemrc.json`'s. */
  dateOrder: DateOrder | '';
  /**
   * `metadata`, `strictness`, `severitySections`, `followUps` as sent, over the configuration
   * file's: the engine reads them as it reads the file's. Absent when not set (or `{}`).
   */
  blocks: Partial<Record<SettingBlock, unknown>>;
  codeLens: { enabled: boolean };
  /** `tables`: where a table row's hint goes (after the row, so the pipes stay aligned), or none. */
  inlayHints: { enabled: boolean; tables: TableHints };
}

/** Where the hints of table rows go. */
export const TABLE_HINTS = ['endOfRow', 'off'] as const;
export type TableHints = (typeof TABLE_HINTS)[number];

/** What a resource gets when the client says nothing. */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze<Settings>({
  preset: '',
  files: [...DEFAULT_POSTMORTEM_FILES],
  rules: {},
  milestoneKeywords: {},
  timeZone: '',
  dateOrder: '',
  blocks: {},
  codeLens: { enabled: true },
  inlayHints: { enabled: true, tables: 'endOfRow' },
});

const SEVERITIES: readonly string[] = ['off', 'info', 'warning', 'error'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string');
}

function enabled(value: unknown, fallback: boolean): { enabled: boolean } {
  return {
    enabled: isRecord(value) && typeof value.enabled === 'boolean' ? value.enabled : fallback,
  };
}

function tableHints(value: unknown): TableHints {
  const tables = isRecord(value) ? value.tables : undefined;
  return (TABLE_HINTS as readonly unknown[]).includes(tables)
    ? (tables as TableHints)
    : DEFAULT_SETTINGS.inlayHints.tables;
}

/**
 * Settings from whatever the client sent (the `postmortem` section object): wrong types fall
 * back to defaults, unknown rule ids and milestones are dropped.
 */
export function coerceSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const rules: Settings['rules'] = {};
  if (isRecord(value.rules)) {
    for (const id of RULE_IDS) {
      const severity = value.rules[id];
      if (typeof severity === 'string' && SEVERITIES.includes(severity)) {
        rules[id] = severity as Severity;
      }
    }
  }
  const milestoneKeywords: Settings['milestoneKeywords'] = {};
  if (isRecord(value.milestoneKeywords)) {
    for (const milestone of MILESTONES) {
      if (milestone === 'start') continue;
      const stems = stringList(value.milestoneKeywords[milestone]);
      if (stems) milestoneKeywords[milestone] = stems;
    }
  }
  const blocks: Settings['blocks'] = {};
  for (const block of SETTING_BLOCKS) {
    const given = value[block];
    // `{}` is the setting's default: what the configuration file says stands.
    if (given === undefined || given === null) continue;
    if (isRecord(given) && Object.keys(given).length === 0) continue;
    blocks[block] = given;
  }
  return {
    preset: typeof value.preset === 'string' ? value.preset.trim() : DEFAULT_SETTINGS.preset,
    files: stringList(value.files) ?? [...DEFAULT_SETTINGS.files],
    rules,
    milestoneKeywords,
    timeZone: typeof value.timeZone === 'string' ? value.timeZone.trim() : '',
    dateOrder: (DATE_ORDERS as readonly unknown[]).includes(value.dateOrder)
      ? (value.dateOrder as DateOrder)
      : '',
    blocks,
    codeLens: enabled(value.codeLens, DEFAULT_SETTINGS.codeLens.enabled),
    inlayHints: {
      ...enabled(value.inlayHints, DEFAULT_SETTINGS.inlayHints.enabled),
      tables: tableHints(value.inlayHints),
    },
  };
}

/**
 * Settings per resource. With a client that answers `workspace/configuration` they are pulled
 * per resource and cached until the next `workspace/didChangeConfiguration`; otherwise the
 * settings pushed with that notification (or the defaults) serve every resource.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  private pushed: Settings = coerceSettings(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
  ) {}

  /** The settings of a resource. */
  get(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(coerceSettings, (error: unknown) => {
          this.connection.console.error(`Reading settings for ${uri} failed: ${String(error)}`);
          return coerceSettings(undefined);
        });
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** Forgets cached settings; `pushedSettings` is the payload of `didChangeConfiguration`. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    if (isRecord(pushedSettings)) this.pushed = coerceSettings(pushedSettings[SETTINGS_SECTION]);
  }
}
