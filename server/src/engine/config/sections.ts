/**
 * The schema part of a configuration: `sections` (the list, in order), `addAliases` and
 * `optional`, applied to the schema of the extended preset or file.
 */
import type { Node } from 'jsonc-parser/lib/esm/main.js';
import type { Schema, SectionSpec } from '../model';
import { normalizeHeading } from '../sections/normalize';
import { describeType, oneOf, propertiesOf } from './json';

/** Records a problem at a node of the configuration being read. */
export type Report = (node: Node, message: string) => void;

/** How many sections a schema may list, how many names a list may give, how long a name may be. */
export const MAX_SECTIONS = 200;
export const MAX_NAMES = 100;
export const MAX_NAME_LENGTH = 200;

/** Keys of a section object in `sections`. */
export const SECTION_KEYS = ['id', 'title', 'aliases', 'required', 'scaffold'] as const;

/** A name (title or alias) written in the configuration, for the collision check. */
interface WrittenName {
  sectionId: string;
  name: string;
  node: Node;
}

function cloneSection(spec: SectionSpec): SectionSpec {
  return { ...spec, aliases: [...spec.aliases] };
}

/** A non-empty string, or a problem and undefined. */
function readName(node: Node, what: string, report: Report): string | undefined {
  if (node.type !== 'string') {
    report(node, `Expected ${what} to be a string, found ${describeType(node)}`);
    return undefined;
  }
  const value = String(node.value).trim();
  if (value === '') {
    report(node, `Expected ${what} to be a non-empty string`);
    return undefined;
  }
  if (value.length > MAX_NAME_LENGTH) {
    report(node, `Expected ${what} to be at most ${MAX_NAME_LENGTH} characters long`);
    return undefined;
  }
  return value;
}

/**
 * Items of a list, at most `limit` of them: a problem at the first one past it says how many
 * are left out.
 */
export function boundedItems(node: Node, limit: number, what: string, report: Report): Node[] {
  const items = node.children ?? [];
  if (items.length <= limit) return items;
  report(
    items[limit]!,
    `More than ${limit} items in ${what}; the ${items.length - limit} after the first ${limit} are left out`,
  );
  return items.slice(0, limit);
}

/** A list of non-empty strings; invalid items are reported and left out. */
export function readNames(
  node: Node,
  what: string,
  report: Report,
): { name: string; node: Node }[] {
  if (node.type !== 'array') {
    report(node, `Expected ${what} to be an array of strings, found ${describeType(node)}`);
    return [];
  }
  return boundedItems(node, MAX_NAMES, what, report).flatMap((item) => {
    const name = readName(item, `each of ${what}`, report);
    return name === undefined ? [] : [{ name, node: item }];
  });
}

/** One item of `sections`: a section of the base schema, merged or new; undefined if unusable. */
function readSectionItem(
  item: Node,
  base: Schema,
  baseById: ReadonlyMap<string, SectionSpec>,
  report: Report,
): { spec: SectionSpec; names: WrittenName[] } | undefined {
  const find = (id: string) => baseById.get(id);
  if (item.type === 'string') {
    const id = readName(item, 'a section id', report);
    if (id === undefined) return undefined;
    const spec = find(id);
    if (!spec) {
      report(
        item,
        `Unknown section \`${id}\`; expected ${oneOf(base.sections.map((spec) => spec.id))}, or an object with a \`title\` to add a section`,
      );
      return undefined;
    }
    return { spec: cloneSection(spec), names: [] };
  }
  if (item.type !== 'object') {
    report(item, `Expected a section id or a section object, found ${describeType(item)}`);
    return undefined;
  }
  const fields = new Map<string, Node>();
  for (const { keyNode, key, value } of propertiesOf(item)) {
    if (!(SECTION_KEYS as readonly string[]).includes(key)) {
      report(keyNode, `Unknown key \`${key}\` in a section; expected ${oneOf(SECTION_KEYS)}`);
    } else if (fields.has(key)) {
      report(keyNode, `Duplicate key \`${key}\``);
    } else {
      fields.set(key, value);
    }
  }
  const idNode = fields.get('id');
  if (!idNode) {
    report(item, 'Expected an `id` in the section object');
    return undefined;
  }
  const id = readName(idNode, '`id`', report);
  if (id === undefined) return undefined;
  const titleNode = fields.get('title');
  const title = titleNode && readName(titleNode, '`title`', report);
  const existing = find(id);
  const names: WrittenName[] = [];
  let spec: SectionSpec;
  if (title !== undefined && titleNode) {
    // A renamed section still matches its old title, unless `aliases` says otherwise below.
    spec = existing
      ? {
          ...existing,
          title,
          aliases: [existing.title, ...existing.aliases].filter(
            (alias, index, all) => alias !== title && all.indexOf(alias) === index,
          ),
        }
      : { id, title, aliases: [], required: true, scaffold: '' };
    names.push({ sectionId: id, name: title, node: titleNode });
  } else if (existing) {
    spec = cloneSection(existing);
  } else {
    if (!titleNode) report(idNode, `New section \`${id}\` needs a \`title\``);
    return undefined;
  }
  const aliasesNode = fields.get('aliases');
  if (aliasesNode) {
    const aliases = readNames(aliasesNode, '`aliases`', report);
    spec.aliases = aliases.map((alias) => alias.name);
    names.push(...aliases.map((alias) => ({ sectionId: id, ...alias })));
  }
  const requiredNode = fields.get('required');
  if (requiredNode) {
    if (requiredNode.type === 'boolean') spec.required = requiredNode.value as boolean;
    else
      report(
        requiredNode,
        `Expected \`required\` to be a boolean, found ${describeType(requiredNode)}`,
      );
  }
  const scaffoldNode = fields.get('scaffold');
  if (scaffoldNode) {
    if (scaffoldNode.type === 'string') spec.scaffold = String(scaffoldNode.value);
    else
      report(
        scaffoldNode,
        `Expected \`scaffold\` to be a string, found ${describeType(scaffoldNode)}`,
      );
  }
  return { spec, names };
}

/** `sections`: the new list; sections of the base that it does not name are dropped. */
function applySectionList(node: Node, base: Schema, report: Report, names: WrittenName[]): Schema {
  if (node.type !== 'array') {
    report(node, `Expected \`sections\` to be an array, found ${describeType(node)}`);
    return { sections: base.sections.map(cloneSection) };
  }
  const sections: SectionSpec[] = [];
  const listed = new Set<string>();
  const baseById = new Map(base.sections.map((spec) => [spec.id, spec]));
  for (const item of boundedItems(node, MAX_SECTIONS, '`sections`', report)) {
    const read = readSectionItem(item, base, baseById, report);
    if (!read) continue;
    if (listed.has(read.spec.id)) {
      report(item, `Section \`${read.spec.id}\` is listed more than once`);
      continue;
    }
    listed.add(read.spec.id);
    sections.push(read.spec);
    names.push(...read.names);
  }
  return { sections };
}

/** The section of `schema` that a node names, or a problem. */
function sectionNamed(schema: Schema, id: string, node: Node, report: Report) {
  const spec = schema.sections.find((section) => section.id === id);
  if (!spec) {
    report(node, `Unknown section \`${id}\`; expected ${oneOf(schema.sections.map((s) => s.id))}`);
  }
  return spec;
}

/** `addAliases`: more names for sections, keeping the ones they have. */
function applyAddAliases(node: Node, schema: Schema, report: Report, names: WrittenName[]): void {
  if (node.type !== 'object') {
    report(node, `Expected \`addAliases\` to be an object, found ${describeType(node)}`);
    return;
  }
  const given = new Set<string>();
  for (const { keyNode, key, value } of propertiesOf(node)) {
    // A key given again would add to the same section without bound: the first one is used.
    if (given.has(key)) {
      report(keyNode, `Duplicate key \`${key}\``);
      continue;
    }
    given.add(key);
    const spec = sectionNamed(schema, key, keyNode, report);
    const aliases = readNames(value, `\`addAliases.${key}\``, report);
    if (!spec) continue;
    for (const alias of aliases) {
      if (!spec.aliases.includes(alias.name)) spec.aliases.push(alias.name);
      names.push({ sectionId: spec.id, ...alias });
    }
  }
}

/** `optional`: sections a report may leave out. */
function applyOptional(node: Node, schema: Schema, report: Report): void {
  for (const { name, node: item } of readNames(node, '`optional`', report)) {
    const spec = sectionNamed(schema, name, item, report);
    if (spec) spec.required = false;
  }
}

/** Reports names that match no heading, and names that two sections share. */
function checkNames(schema: Schema, names: WrittenName[], report: Report): void {
  const owners = new Map<string, string>();
  for (const spec of schema.sections) {
    for (const name of [spec.title, ...spec.aliases]) {
      const key = normalizeHeading(name);
      if (!owners.has(key)) owners.set(key, spec.id);
    }
  }
  const ids = new Set(schema.sections.map((spec) => spec.id));
  for (const { sectionId, name, node } of names) {
    if (!ids.has(sectionId)) continue;
    const key = normalizeHeading(name);
    const owner = owners.get(key);
    if (key === '') {
      report(node, `\`${name}\` matches no heading: nothing is left of it once normalized`);
    } else if (owner !== sectionId) {
      report(
        node,
        `\`${name}\` names both \`${sectionId}\` and \`${owner}\`; headings with it match \`${owner}\`, the earlier section`,
      );
    }
  }
}

/**
 * Applies `sections`, then `addAliases`, then `optional` to `base` (left untouched), reporting
 * each invalid part and leaving it out.
 */
export function applySchemaEdits(
  base: Schema,
  edits: { sections?: Node; addAliases?: Node; optional?: Node },
  report: Report,
): Schema {
  const names: WrittenName[] = [];
  const schema = edits.sections
    ? applySectionList(edits.sections, base, report, names)
    : { sections: base.sections.map(cloneSection) };
  if (edits.addAliases) applyAddAliases(edits.addAliases, schema, report, names);
  if (edits.optional) applyOptional(edits.optional, schema, report);
  checkNames(schema, names, report);
  return schema;
}
