/**
 * Each rule's documentation page (`docs/rules/<id>.md`, shipped beside the bundles), read
 * for SARIF: its opening paragraph as the rule's full description, the page as its help.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RuleId } from '../engine';

/** A rule's page: its description (plain text) and the page itself (Markdown). */
export interface RuleDoc {
  description: string;
  markdown: string;
}

/** `docs/rules` of the repository or package that holds this file (bundled or not). */
function docsFolder(): string | null {
  let folder = __dirname;
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(folder, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  return null;
}

/** Paragraphs of a Markdown page, each joined into one line. */
function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .join(' ')
        .trim(),
    )
    .filter((paragraph) => paragraph !== '');
}

/**
 * The page of `id`: the first paragraph after the title and the default-severity line is the
 * description; the page without its title is the help. Null when the page is not there.
 */
export function ruleDoc(id: RuleId): RuleDoc | null {
  const folder = docsFolder();
  const file = folder ? join(folder, `${id}.md`) : null;
  if (!file || !existsSync(file)) return null;
  const markdown = readFileSync(file, 'utf8').replace(/^# .*\n+/, '');
  const opening = paragraphs(markdown).find((paragraph) => !/^Default severity:/.test(paragraph));
  return opening ? { description: opening.replace(/`/g, ''), markdown } : null;
}
