/** Random edits of a table's body rows in a report, for the incremental identity tests. */

/**
 * One edit in a random body row of a table of `text` (the first, or the `table`-th from 0):
 * `inserts` text or a character deleted there, a row of `rows` added, the row removed,
 * duplicated or broken in two lines. Null when the table has fewer than two body rows left.
 */
export function rowEdit(
  text: string,
  random: () => number,
  {
    rows,
    inserts,
    table = 0,
  }: { rows: readonly string[]; inserts: readonly string[]; table?: number },
): string | null {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const lines = text.split('\n');
  let body = 0;
  for (let t = 0; t <= table; t++) {
    body = lines.findIndex((line, i) => i >= body && line.startsWith('|---')) + 1;
    if (body === 0) return null;
  }
  const count = lines.slice(body).findIndex((line) => !line.startsWith('|'));
  if (count < 2) return null;
  const row = body + Math.floor(random() * count);
  const line = lines[row]!;
  const at = 1 + Math.floor(random() * (line.length - 1));
  switch (Math.floor(random() * 6)) {
    case 0:
      lines[row] = line.slice(0, at) + pick(inserts) + line.slice(at);
      break;
    case 1:
      lines[row] = line.slice(0, at) + line.slice(at + 1);
      break;
    case 2:
      lines.splice(row, 0, pick(rows));
      break;
    case 3:
      lines.splice(row, 1);
      break;
    case 4:
      lines.splice(row, 0, line);
      break;
    default:
      lines[row] = `${line.slice(0, at)}\n|${line.slice(at)}`;
  }
  return lines.join('\n');
}
