/** Builds preset sections from the `standard` ones, so every preset recognises the same names. */
import type { SectionSpec } from '../../model';
import { standard } from './standard';

/**
 * The `standard` section `id` with some fields replaced. A new title keeps the standard title
 * as an alias, so a report written against `standard` still matches.
 */
export function fromStandard(
  id: string,
  changes: Partial<Omit<SectionSpec, 'id'>> = {},
): SectionSpec {
  const base = standard.sections.find((section) => section.id === id);
  if (!base) throw new Error(`No standard section \`${id}\``);
  const title = changes.title ?? base.title;
  const aliases = [base.title, ...base.aliases, ...(changes.aliases ?? [])].filter(
    (alias, index, all) => alias !== title && all.indexOf(alias) === index,
  );
  return { ...base, ...changes, id, title, aliases };
}
