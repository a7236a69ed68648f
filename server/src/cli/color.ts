/** Whether the report on standard output is coloured: the terminal's say, over which env rules. */

/**
 * `FORCE_COLOR` wins (`0` or `false` turns colour off, any other value on), then `NO_COLOR`
 * (any non-empty value turns it off), then the terminal itself (`hasColors()`; a pipe or a
 * file has none).
 */
export function useColor(
  env: Record<string, string | undefined>,
  stdout: { isTTY?: boolean; hasColors?(): boolean },
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stdout.isTTY === true && (stdout.hasColors?.() ?? true);
}
