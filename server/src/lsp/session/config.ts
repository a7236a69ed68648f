/**
 * The configuration of each document: its nearest `.postmortemrc.json` (the editor's unsaved
 * text when the file is open), with the `postmortem.*` settings over it. Problems in
 * configuration files are published as diagnostics on those files; the defaults stand in
 * for whatever is invalid, so reports are still checked.
 */
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem, LintConfig, ResolvedConfig } from '../../engine';
import {
  CONFIG_FILE_NAME,
  defaultConfig,
  fileGlobProblem,
  findPreset,
  unknownPresetMessage,
  withOverrides,
} from '../../engine';
import type { ConfigFiles } from '../host';
import { configProblemDiagnostic } from './diagnostics';
import type { DocumentConfiguration } from './analyzed';
import type { Settings, SettingsStore } from './settings';

/**
 * Messages about block settings shown in a session at most: a settings file with a thousand
 * bad values must not open a thousand notifications (each part is bounded by the readers).
 */
const MAX_SETTING_MESSAGES = 20;

/** Whether a URI names a configuration file: its last path segment, whatever its scheme. */
export function isConfigFileUri(uri: string): boolean {
  const query = uri.search(/[?#]/);
  const path = query < 0 ? uri : uri.slice(0, query);
  return path.slice(path.lastIndexOf('/') + 1) === CONFIG_FILE_NAME;
}

/** Resolves and caches configuration files, and publishes their problems. */
export class ConfigurationResolver {
  /** Folder → its nearest configuration file (null for none). */
  private readonly nearest = new Map<string, string | null>();
  /** Configuration file → its resolution. */
  private readonly resolved = new Map<string, ResolvedConfig>();
  /** Configuration file → diagnostics last published on it, as JSON. */
  private readonly published = new Map<string, string>();
  /** Unknown `postmortem.preset` values already reported. */
  private readonly reportedPresets = new Set<string>();
  /** Globs of `postmortem.files` left out and already reported. */
  private readonly reportedGlobs = new Set<string>();
  /** What the block settings (`postmortem.metadata`, …) left out, already reported. */
  private readonly reportedSettings = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly files: ConfigFiles,
  ) {}

  /**
   * The settings and configuration of a document; `settingsScope` is the resource whose
   * settings apply when not the document's own (a workspace folder's, for a file not open).
   */
  async forDocument(uri: string, settingsScope = uri): Promise<DocumentConfiguration> {
    const settings = await this.settings.get(settingsScope);
    await this.files.ready();
    const location = this.files.locate(uri);
    const file = location ? this.nearestConfigFile(this.files.folderOf(location)) : null;
    const config = file ? this.resolve(file).config : defaultConfig();
    if (settings.preset && !findPreset(settings.preset)) this.reportUnknownPreset(settings.preset);
    return {
      settings: this.withUsableGlobs(settings),
      config: withOverrides(config, settings, (message) => this.reportSetting(message)),
      configFolder: file ? this.files.folderOf(file) : null,
    };
  }

  /** The configuration of a folder or document URI, for templates. */
  async forResource(uri: string): Promise<LintConfig> {
    const settings = await this.settings.get(uri);
    await this.files.ready();
    const location = this.files.locate(uri);
    const folder = location && this.files.isFolder(location) ? location : null;
    const file = location ? this.nearestConfigFile(folder ?? this.files.folderOf(location)) : null;
    return withOverrides(file ? this.resolve(file).config : defaultConfig(), settings, (message) =>
      this.reportSetting(message),
    );
  }

  /** The extensions beside `.md` and `.markdown` that a folder's reports may have. */
  extensionsFor(folder: string): readonly string[] {
    const file = this.nearestConfigFile(folder);
    return file ? this.resolve(file).config.extensions : [];
  }

  /**
   * Forgets every cached file and resolution: configuration files changed. Problems of files
   * that are gone (neither on disk nor open) are cleared.
   */
  clear(): void {
    this.nearest.clear();
    this.resolved.clear();
    for (const uri of [...this.published.keys()]) {
      const location = this.files.locate(uri);
      if (this.documents.get(uri) || (location && this.files.exists(location))) continue;
      this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  }

  /** Re-reads an open (or just changed) configuration file and publishes its problems. */
  refreshConfigFile(uri: string): void {
    const location = this.files.locate(uri);
    if (location) this.resolve(location);
  }

  private nearestConfigFile(folder: string): string | null {
    let file = this.nearest.get(folder);
    if (file === undefined) {
      file = this.files.nearest(folder);
      this.nearest.set(folder, file);
    }
    return file;
  }

  /** The editor's text of a file that is open. */
  private openText(fileName: string): string | undefined {
    return this.documents
      .all()
      .find((document) => this.files.locate(document.uri) === fileName)
      ?.getText();
  }

  private resolve(file: string): ResolvedConfig {
    let result = this.resolved.get(file);
    if (!result) {
      result = this.files.load(file, (fileName) => this.openText(fileName));
      this.resolved.set(file, result);
      this.publishProblems(result);
    }
    return result;
  }

  /** Publishes each file's problems (none clears them), when they changed. */
  private publishProblems({ files, problems }: ResolvedConfig): void {
    for (const file of files) {
      const diagnostics: Diagnostic[] = problems
        .filter((problem: ConfigProblem) => problem.file === file)
        .map(configProblemDiagnostic);
      const uri = this.uriOf(file);
      const json = JSON.stringify(diagnostics);
      if (this.published.get(uri) === json) continue;
      this.published.set(uri, json);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** The URI the editor uses for a file when it is open, else the file's `file:` URI. */
  private uriOf(file: string): string {
    const open = this.documents.all().find((document) => this.files.locate(document.uri) === file);
    return open ? open.uri : this.files.uriOf(file);
  }

  /** The settings without the globs of `postmortem.files` that cannot be used, each said once. */
  private withUsableGlobs(settings: Settings): Settings {
    const files = settings.files.filter((glob) => {
      const problem = fileGlobProblem(glob);
      if (problem && !this.reportedGlobs.has(glob)) {
        this.reportedGlobs.add(glob);
        void this.connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Warning,
          message: `Left out of \`postmortem.files\`: \`${glob}\`, which ${problem}`,
        });
      }
      return problem === null;
    });
    return files.length === settings.files.length ? settings : { ...settings, files };
  }

  /** Says once what a block setting left out, up to `MAX_SETTING_MESSAGES` messages. */
  private reportSetting(message: string): void {
    if (this.reportedSettings.has(message)) return;
    if (this.reportedSettings.size >= MAX_SETTING_MESSAGES) return;
    this.reportedSettings.add(message);
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message,
    });
  }

  private reportUnknownPreset(preset: string): void {
    if (this.reportedPresets.has(preset)) return;
    this.reportedPresets.add(preset);
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: `${unknownPresetMessage(preset, ' in `postmortem.preset`')}. The configuration file's schema applies.`,
    });
  }
}
