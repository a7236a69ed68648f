/** The Post-Mortem view's rows, read through the data provider `activate` returns. */
import * as vscode from 'vscode';
import type { PostmortemExtensionApi } from '../../../client/src/extension';
import type { OutlineNode } from '../../../client/src/outline-view';
import { until } from './wait';

/** One row as the view shows it: `label` and `description`, and its children. */
export interface Row {
  label: string;
  description: string;
  children: Row[];
}

function labelText(label: string | vscode.TreeItemLabel | undefined): string {
  if (label === undefined) return '';
  return typeof label === 'string' ? label : label.label;
}

async function rowsOf(
  provider: vscode.TreeDataProvider<OutlineNode>,
  parent: OutlineNode | undefined,
): Promise<Row[]> {
  const nodes = (await provider.getChildren(parent)) ?? [];
  const rows: Row[] = [];
  for (const node of nodes) {
    const item = await provider.getTreeItem(node);
    const description = typeof item.description === 'string' ? item.description : '';
    rows.push({
      label: labelText(item.label),
      description,
      children: await rowsOf(provider, node),
    });
  }
  return rows;
}

/** Every row of the view, top level first. */
export function outlineRows(api: PostmortemExtensionApi): Promise<Row[]> {
  return rowsOf(api.outlineRows, undefined);
}

/** The rows as lines, `label (description)`, children indented by two spaces. */
export function rowLines(rows: readonly Row[], depth = 0): string[] {
  return rows.flatMap((row) => [
    `${'  '.repeat(depth)}${row.label}${row.description ? ` (${row.description})` : ''}`,
    ...rowLines(row.children, depth + 1),
  ]);
}

/**
 * The view's rows once `predicate` holds for them, checked now and whenever the view is told to
 * redraw; the timeout message shows the rows seen last.
 */
export async function waitForOutline(
  api: PostmortemExtensionApi,
  what: string,
  predicate: (rows: Row[]) => boolean,
): Promise<Row[]> {
  const changed = api.outlineRows.onDidChangeTreeData;
  if (!changed) throw new Error('The Post-Mortem view has no change event');
  let last: Row[] = [];
  let failure = '';
  // Rows are read asynchronously; each check re-reads them and the wait resolves on a match.
  const matched = new vscode.EventEmitter<void>();
  let found: Row[] | undefined;
  const read = (): void => {
    outlineRows(api).then(
      (rows) => {
        last = rows;
        if (predicate(rows)) {
          found = rows;
          matched.fire();
        }
      },
      (error: unknown) => {
        failure = ` (reading them failed: ${String(error)})`;
      },
    );
  };
  const subscription = changed(read);
  try {
    const wait = until(
      matched.event,
      () => found,
      () => `waiting for ${what}; the view showed ${JSON.stringify(rowLines(last))}${failure}`,
    );
    read();
    return await wait;
  } finally {
    subscription.dispose();
    matched.dispose();
  }
}
