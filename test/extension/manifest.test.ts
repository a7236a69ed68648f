// Meta tests of the extension manifest: every `contributes` path exists and parses, and the
// names in package.json match the code that uses them (commands, settings, rules, presets).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import picomatch from 'picomatch';
import {
  COMMANDS,
  CONTEXT_KEYS,
  INCIDENTS_VIEW_ID,
  INSIGHTS_PANEL_TYPE,
  OUTLINE_VIEW_ID,
  STATUS_BAR_ITEM_ID,
} from '../../client/src/constants';
import { SETTING_BLOCKS } from '../../server/src/engine/config/overrides';
import { RULE_IDS } from '../../server/src/engine/model';
import { PRESETS } from '../../server/src/engine/sections/presets';
import { RULES } from '../../server/src/engine/rules/registry';
import { ruleUrl } from '../../server/src/engine/rules/rule';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/session/settings';
import { SETTING_NAMES, SHOW_METRICS_COMMAND } from '../../server/src/protocol';
import { repoRoot as root } from '../helpers/paths';

interface ConfigurationProperty {
  type: string;
  default?: unknown;
  enum?: string[];
  enumDescriptions?: string[];
  markdownDescription?: string;
  scope?: string;
  properties?: Record<string, ConfigurationProperty>;
  additionalProperties?: boolean;
}

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

interface WalkthroughStep {
  id: string;
  title: string;
  description: string;
  media: { markdown: string };
  completionEvents: string[];
}

interface Manifest {
  main: string;
  browser: string;
  icon: string;
  scripts: Record<string, string>;
  activationEvents: string[];
  capabilities: Record<string, unknown>;
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, MenuItem[]>;
    views: Record<string, { id: string; name: string; when?: string; visibility?: string }[]>;
    viewsWelcome: { view: string; contents: string; when: string }[];
    configuration: { title: string; properties: Record<string, ConfigurationProperty> };
    snippets: { language: string; path: string }[];
    grammars: { scopeName: string; path: string; injectTo: string[] }[];
    jsonValidation: { fileMatch: string; url: string }[];
    'markdown.markdownItPlugins': boolean;
    'markdown.previewStyles': string[];
    walkthroughs: { id: string; title: string; description: string; steps: WalkthroughStep[] }[];
  };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(root, path), 'utf8'));
}

const rawManifest: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nls = readJson('package.nls.json') as Record<string, string>;

/** `value` with each `%key%` string replaced by its text in package.nls.json, as VS Code does. */
function localized(value: unknown): unknown {
  if (typeof value === 'string') {
    const key = /^%(.+)%$/.exec(value)?.[1];
    return key === undefined ? value : (nls[key] ?? value);
  }
  if (Array.isArray(value)) return value.map(localized);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localized(item)]));
  }
  return value;
}

// The tests below read the manifest as VS Code shows it in English.
const manifest = localized(rawManifest) as Manifest;
const { contributes } = manifest;
const properties = contributes.configuration.properties;
const walkthroughPages = contributes.walkthroughs.flatMap((walkthrough) =>
  walkthrough.steps.map((step) => step.media.markdown),
);

/** Every file under `folder` (relative to the repository), as `folder/...` paths. */
function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1));
}

/** Every TypeScript file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Manifest fields people read in the editor's UI, which package.nls.json holds. */
const UI_FIELDS = new Set([
  'displayName',
  'description',
  'title',
  'category',
  'name',
  'contextualTitle',
  'contents',
  'markdownDescription',
  'enumDescriptions',
  'label',
]);

/** Fields named like UI strings that are ids: a problem matcher's `name` (`$postmortem-lint`). */
const ID_PATHS = /^package\.json\.contributes\.problemMatchers\[\d+\]\.name$/;

/** Every UI string of the raw manifest (top-level names and `contributes`), with its path. */
function uiStrings(value: unknown, path: string, field = ''): [string, string][] {
  if (typeof value === 'string')
    return UI_FIELDS.has(field) && !ID_PATHS.test(path) ? [[path, value]] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => uiStrings(item, `${path}[${i}]`, field));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => uiStrings(item, `${path}.${key}`, key));
  }
  return [];
}

test('the UI strings of the manifest are localised through package.nls.json', () => {
  const { displayName, description, contributes: raw } = rawManifest as Record<string, unknown>;
  const strings = uiStrings({ displayName, description, contributes: raw }, 'package.json');
  assert.ok(strings.length > 50, `${strings.length} UI strings`);
  const used = new Set<string>();
  for (const [path, value] of strings) {
    const key = /^%(.+)%$/.exec(value)?.[1];
    assert.ok(key !== undefined, `${path} is a %key%, not ${JSON.stringify(value)}`);
    assert.ok(key in nls, `${path}: package.nls.json has ${key}`);
    used.add(key);
  }
  assert.deepEqual(
    Object.keys(nls).filter((key) => !used.has(key)),
    [],
    'unused keys',
  );
});

test('contributed files exist and parse', () => {
  const paths = [
    ...contributes.snippets.map((snippet) => snippet.path),
    ...contributes.grammars.map((grammar) => grammar.path),
    ...contributes.jsonValidation.map((validation) => validation.url),
  ];
  assert.equal(paths.length, 3);
  for (const path of paths) {
    assert.ok(path.startsWith('./'), `${path} is relative to the extension`);
    assert.ok(existsSync(join(root, path)), `${path} exists`);
    assert.equal(typeof readJson(path), 'object', `${path} is a JSON object`);
  }
  assert.deepEqual(contributes.snippets, [
    { language: 'markdown', path: './snippets/postmortem.json' },
  ]);
  const grammar = readJson(contributes.grammars[0]!.path) as { scopeName: string };
  assert.equal(grammar.scopeName, contributes.grammars[0]!.scopeName);
  assert.deepEqual(contributes.grammars[0]!.injectTo, ['text.html.markdown']);
  assert.deepEqual(contributes.jsonValidation, [
    { fileMatch: '.postmortemrc.json', url: './schemas/postmortemrc.schema.json' },
  ]);
});

test('the Markdown preview: a markdown-it plugin and its styles, with no remote resource', () => {
  assert.equal(contributes['markdown.markdownItPlugins'], true);
  assert.deepEqual(contributes['markdown.previewStyles'], ['./resources/preview.css']);
  const css = readFileSync(join(root, 'resources', 'preview.css'), 'utf8');
  // The preview's content security policy: nothing fetched, colours from the theme.
  assert.doesNotMatch(css, /url\(|@import/);
  assert.doesNotMatch(css, /#[0-9a-f]{3,8}\b|rgb\(/i);
  // The desktop entry hands VS Code the plugin; the web entry leaves the preview alone.
  const entry = (name: string) => readFileSync(join(root, 'client', 'src', name), 'utf8');
  assert.match(
    entry('main-node.ts'),
    /activateWith\(context, createLanguageClient, loadPreviewBundle\)/,
  );
  assert.match(entry('main-browser.ts'), /activateWith\(context, createBrowserLanguageClient\)/);
});

test('contributes.commands are exactly the client commands, under the Post-Mortem category', () => {
  assert.deepEqual(
    contributes.commands.map((command) => command.command).sort(),
    Object.values(COMMANDS).sort(),
  );
  for (const command of contributes.commands) {
    assert.equal(command.category, 'Post-Mortem', command.command);
    assert.match(command.title, /^[A-Z][A-Za-z ()-]+$/, command.command);
  }
  // The server registers it through executeCommandProvider; declaring it would clash.
  assert.ok(!contributes.commands.some((command) => command.command === SHOW_METRICS_COMMAND));
});

test('menus name declared commands and the views', () => {
  const declared = new Set(contributes.commands.map((command) => command.command));
  for (const [menu, items] of Object.entries(contributes.menus)) {
    for (const item of items) {
      assert.ok(declared.has(item.command), `${menu}: ${item.command} is declared`);
      if (menu.startsWith('view/')) {
        assert.match(item.when ?? '', /view == postmortem\.(outline|incidents)\b/);
      }
    }
  }
});

test('the client registers commands only through the COMMANDS constants', () => {
  const files = sourceFiles('client/src');
  assert.ok(files.includes('client/src/extension.ts'));
  const known = new Set<string>([
    ...Object.values(COMMANDS),
    ...Object.values(CONTEXT_KEYS),
    ...Object.values(SETTING_NAMES),
    OUTLINE_VIEW_ID,
    INCIDENTS_VIEW_ID,
    INSIGHTS_PANEL_TYPE,
    STATUS_BAR_ITEM_ID,
  ]);
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    assert.doesNotMatch(text, /registerCommand\(\s*['"`]/, `${file} registers a literal id`);
    assert.ok(!text.includes(SHOW_METRICS_COMMAND), `${file} leaves the server's command alone`);
    // Any `postmortem.*` id spelled out in the client must be one the manifest knows.
    for (const [literal] of text.matchAll(/(?<=['"`])postmortem\.[\w.]+(?=['"`])/g)) {
      assert.ok(known.has(literal), `${file}: ${literal}`);
    }
  }
});

test('the views, their welcome content and the context keys agree with the client', () => {
  assert.deepEqual(contributes.views, {
    explorer: [
      {
        id: OUTLINE_VIEW_ID,
        name: 'Post-Mortem',
        when: CONTEXT_KEYS.active,
        contextualTitle: 'Post-Mortem',
      },
      {
        id: INCIDENTS_VIEW_ID,
        name: 'Incidents',
        when: CONTEXT_KEYS.active,
        contextualTitle: 'Incidents',
        // Collapsed until asked for: the index it lists lives in the server, which then starts.
        visibility: 'collapsed',
      },
    ],
  });
  assert.deepEqual(
    contributes.viewsWelcome.map((welcome) => [welcome.view, welcome.when]),
    [
      [OUTLINE_VIEW_ID, `!${CONTEXT_KEYS.isPostmortem}`],
      [INCIDENTS_VIEW_ID, CONTEXT_KEYS.noIncidents],
    ],
  );
  for (const welcome of contributes.viewsWelcome) {
    assert.match(welcome.contents, /\n\[New Post-Mortem\]\(command:postmortem\.newPostmortem\)$/);
    // Command links must name real commands.
    for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)/g)) {
      assert.ok(
        command === 'workbench.action.openSettings' ||
          contributes.commands.some((declared) => declared.command === command),
        command,
      );
    }
  }
});

test('contributes.configuration declares exactly the settings the server reads', () => {
  assert.deepEqual(Object.keys(properties).sort(), Object.values(SETTING_NAMES).sort());
  for (const [name, property] of Object.entries(properties)) {
    assert.ok(property.markdownDescription, `${name} has a markdownDescription`);
    const expectedScope = name === SETTING_NAMES.traceServer ? 'window' : 'resource';
    assert.equal(property.scope, expectedScope, name);
    if (property.enum) assert.equal(property.enumDescriptions?.length, property.enum.length, name);
  }
});

test('the settings group has the title the Settings editor puts before each setting', () => {
  // The editor names a setting by its key, `postmortem.preset` as `Postmortem: Preset`: the
  // `postmortem` prefix is not trimmed, since the extension id does not start with it.
  for (const name of Object.keys(properties)) {
    const prefix = name.split('.')[0]!;
    assert.equal(
      contributes.configuration.title,
      prefix.charAt(0).toUpperCase() + prefix.slice(1),
      name,
    );
  }
});

test('setting defaults equal the server defaults', () => {
  assert.equal(properties[SETTING_NAMES.preset]!.default, DEFAULT_SETTINGS.preset);
  assert.deepEqual(properties[SETTING_NAMES.files]!.default, DEFAULT_SETTINGS.files);
  assert.equal(properties[SETTING_NAMES.timeZone]!.default, DEFAULT_SETTINGS.timeZone);
  assert.equal(
    properties[SETTING_NAMES.codeLensEnabled]!.default,
    DEFAULT_SETTINGS.codeLens.enabled,
  );
  assert.equal(
    properties[SETTING_NAMES.inlayHintsEnabled]!.default,
    DEFAULT_SETTINGS.inlayHints.enabled,
  );
  assert.deepEqual(properties[SETTING_NAMES.traceServer]!.enum, ['off', 'messages', 'verbose']);
  assert.equal(properties[SETTING_NAMES.traceServer]!.default, 'off');
});

test('postmortem.preset offers every preset, with its description', () => {
  const preset = properties[SETTING_NAMES.preset]!;
  assert.deepEqual(preset.enum, ['', ...PRESETS.map((p) => p.name)]);
  assert.deepEqual(
    preset.enumDescriptions!.slice(1),
    PRESETS.map((p) => p.description),
  );
});

test('postmortem.rules has one severity per rule, described as the registry describes it', () => {
  const rules = properties[SETTING_NAMES.rules]!;
  assert.deepEqual(Object.keys(rules.properties!), [...RULE_IDS]);
  assert.equal(rules.additionalProperties, false);
  for (const rule of RULES) {
    const property = rules.properties![rule.id]!;
    assert.deepEqual(property.enum, ['off', 'info', 'warning', 'error']);
    assert.equal(property.enumDescriptions?.length, 4);
    assert.equal(
      property.markdownDescription,
      `${rule.description} Default: \`${rule.defaultSeverity}\`. [Documentation](${ruleUrl(rule.id)})`,
    );
  }
});

test('postmortem.milestoneKeywords has one list per keyword milestone', () => {
  const keywords = properties[SETTING_NAMES.milestoneKeywords]!;
  assert.deepEqual(Object.keys(keywords.properties!), [
    'detected',
    'acknowledged',
    'mitigated',
    'resolved',
  ]);
  for (const property of Object.values(keywords.properties!)) assert.equal(property.type, 'array');
});

test('the block settings declare what the configuration file schema declares of each block', () => {
  const schema = JSON.parse(
    readFileSync(join(root, 'schemas', 'postmortemrc.schema.json'), 'utf8'),
  ) as { properties: Record<string, unknown>; definitions: Record<string, unknown> };
  // The shape without the words: `$ref`s resolved, descriptions, examples and defaults aside.
  const shape = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(shape);
    if (typeof node !== 'object' || node === null) return node;
    const ref = (node as { $ref?: string }).$ref;
    if (ref) return shape(schema.definitions[ref.split('/').pop()!]);
    return Object.fromEntries(
      Object.entries(node)
        .filter(
          ([key]) =>
            !['description', 'markdownDescription', 'enumDescriptions', 'examples'].includes(key),
        )
        .map(([key, value]) => [key, key === 'default' ? value : shape(value)]),
    );
  };
  for (const block of SETTING_BLOCKS) {
    // The file's block has its own default; the setting's is `{}`, which leaves the file's.
    const file = shape(schema.properties[block]) as Record<string, unknown>;
    delete file.default;
    const {
      default: settingDefault,
      scope,
      ...setting
    } = shape(properties[SETTING_NAMES[block]]) as Record<string, unknown>;
    assert.deepEqual(setting, file, block);
    assert.deepEqual([settingDefault, scope], [{}, 'resource'], block);
  }
});

test('activation, capabilities and the package script', () => {
  assert.deepEqual(manifest.activationEvents, [
    'onLanguage:markdown',
    'workspaceContains:**/.postmortemrc.json',
  ]);
  // The settings that take globs: a repository's own values are not used until it is trusted.
  const globSettings = Object.entries(manifest.contributes.configuration.properties)
    .filter(
      ([, property]) =>
        property.type === 'array' && /glob/i.test(property.markdownDescription ?? ''),
    )
    .map(([name]) => name);
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, {
    supported: 'limited',
    description:
      "Everything works; in Restricted Mode the workspace's `postmortem.files` globs are not used (the user's are), so a repository cannot choose which files are checked.",
    restrictedConfigurations: globSettings,
  });
  assert.equal(
    manifest.scripts.package,
    'node scripts/build.mjs --production && vsce package --no-dependencies',
  );
});

test('the icon is a PNG of 128 × 128 pixels or more', () => {
  const png = readFileSync(join(root, manifest.icon));
  assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG', manifest.icon);
  assert.ok(png.readUInt32BE(16) >= 128 && png.readUInt32BE(20) >= 128, 'at least 128 × 128');
});

test('the walkthrough writes a report, reads the lens and configures a preset', () => {
  const [walkthrough, ...others] = contributes.walkthroughs;
  assert.equal(others.length, 0);
  assert.deepEqual(
    walkthrough!.steps.map((step) => step.title),
    ['Write a first report', 'Read the lens', 'Configure a preset'],
  );
  const events = walkthrough!.steps.flatMap((step) => step.completionEvents);
  assert.deepEqual(events, [
    `onCommand:${COMMANDS.newPostmortem}`,
    `onContext:${CONTEXT_KEYS.isPostmortem}`,
    `onSettingChanged:${SETTING_NAMES.preset}`,
  ]);
  for (const step of walkthrough!.steps) {
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
      const declared = contributes.commands.some((entry) => entry.command === command);
      assert.ok(declared || command!.startsWith('workbench.'), `${step.id} runs ${command}`);
    }
  }
  for (const page of walkthroughPages) {
    assert.match(readFileSync(join(root, page), 'utf8'), /^# /, `${page} has a title`);
  }
});

test('.vscodeignore keeps the bundles, the contributed files and the docs, and drops the rest', () => {
  const lines = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  // vsce's rule: a file is left out when an ignore pattern matches it and no `!` pattern
  // does, whatever the order; a pattern without a wildcard in its last part also names a
  // folder.
  const patterns = [
    ...lines,
    ...lines.filter((line) => !/(^|\/)[^/]*\*[^/]*$/.test(line)).map((line) => `${line}/**`),
  ];
  const matches = (pattern: string) => picomatch(pattern, { dot: true });
  const ignores = patterns.filter((line) => !line.startsWith('!')).map(matches);
  const keeps = patterns
    .filter((line) => line.startsWith('!'))
    .map((line) => matches(line.slice(1)));
  const ignored = (path: string) =>
    ignores.some((ignore) => ignore(path)) && !keeps.some((keep) => keep(path));
  const kept = [
    manifest.main.replace(/^\.\//, ''),
    manifest.browser.replace(/^\.\//, ''),
    'server/out/server.js',
    'server/out/browser-server.js',
    'server/out/cli.js',
    'client/out/preview.js',
    ...contributes['markdown.previewStyles'].map((path) => path.replace(/^\.\//, '')),
    ...contributes.snippets.map((snippet) => snippet.path.replace(/^\.\//, '')),
    ...contributes.grammars.map((grammar) => grammar.path.replace(/^\.\//, '')),
    ...contributes.jsonValidation.map((validation) => validation.url.replace(/^\.\//, '')),
    manifest.icon,
    ...walkthroughPages,
    'package.json',
    'package.nls.json',
    'README.md',
    'CHANGELOG.md',
    'LICENSE',
  ];
  for (const path of kept) assert.equal(ignored(path), false, `${path} is packaged`);
  for (const path of [
    'client/out/extension.js.map',
    'client/out/browser-extension.js.map',
    'server/out/server.js.map',
    'server/out/browser-server.js.map',
    'client/src/extension.ts',
    'server/src/server.ts',
    'test/extension/manifest.test.ts',
    'node_modules/vscode-languageclient/package.json',
    'examples/sample-postmortem.md',
    'tsconfig.json',
  ]) {
    assert.equal(ignored(path), true, `${path} is left out`);
  }
});

test('each file .vscodeignore keeps exists, and each file under resources/ is used', () => {
  const kept = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim());
  const folders = ['client/out', 'server/out', 'snippets', 'syntaxes', 'schemas', 'resources'];
  const files = [
    ...folders.flatMap(filesUnder),
    ...['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md'],
  ];
  for (const pattern of kept) {
    const matches = picomatch(pattern, { dot: true });
    assert.ok(
      files.some((file) => matches(file)) || existsSync(join(root, pattern)),
      `${pattern} keeps a file`,
    );
  }
  const previewStyles = contributes['markdown.previewStyles'].map((path) => path.slice(2));
  assert.deepEqual(
    filesUnder('resources').sort(),
    [manifest.icon, ...walkthroughPages, ...previewStyles].sort(),
  );
});
