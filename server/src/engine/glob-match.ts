/**
 * Glob matching for `file-globs.ts`: the globs of `postmortem.files` and of a configuration's
 * `files`, which a repository's settings may set, matched by an automaton in time linear in the
 * path times the glob, so that no glob can make matching slow (a glob turned into a regular expression backtracks:
 * `**\/@(a|a+)+b` took 21 s a document, and `*a*a*a*a*a*b` grows with the fifth power of a name).
 *
 * The syntax is picomatch's for these globs (`nocase`, `dot`): `*` (within a segment), `**` as a
 * whole segment (any number of segments), `?`, classes (`[a-z]`, `[!._]`), braces (`{a,b}`,
 * nested), `\` escapes, and a leading `!` that negates. Extended globs (`@(…)`, `+(…)`, `!(…)`),
 * parentheses and `|` are not supported: `fileGlobProblem` says so, and such a glob matches
 * nothing.
 */

/** Globs longer than this are not used (a glob of a folder or a name is a few dozen). */
export const MAX_GLOB_LENGTH = 1000;
/** Braces nested deeper than this are not used. */
const MAX_BRACE_DEPTH = 10;

/** Why a glob is not used, said after it (`` `(a|b)` uses `(`: … ``); null for one in use. */
export function fileGlobProblem(glob: string): string | null {
  const read = readGlob(glob);
  return typeof read === 'string' ? read : null;
}

/** The glob read, or why it is not used. */
function readGlob(glob: string): Parsed | string {
  if (glob.trim() === '') return 'is empty';
  if (glob.length > MAX_GLOB_LENGTH) {
    return `is longer than ${MAX_GLOB_LENGTH.toLocaleString('en-US')} characters`;
  }
  return parse(glob);
}

type Item =
  | { kind: 'char'; char: string }
  /** `?`: one character of a segment. */
  | { kind: 'any' }
  | { kind: 'star' }
  /** `**\/`: any segments, each with its slash. */
  | { kind: 'segments' }
  /** `/**` at the end: nothing, or a slash and anything. */
  | { kind: 'tail' }
  /** `**` as the whole glob: anything. */
  | { kind: 'anything' }
  | { kind: 'class'; negated: boolean; ranges: [string, string][] }
  | { kind: 'braces'; branches: Item[][] };

interface Parsed {
  negated: boolean;
  items: Item[];
}

const EXTENDED = 'extended globs, parentheses and `|` are not supported (braces are: `{a,b}`)';

/** The glob read into items (lower case), or why it cannot be. */
function parse(glob: string): Parsed | string {
  let at = 0;
  let negated = false;
  while (glob[at] === '!') {
    negated = !negated;
    at++;
  }
  const source = glob.slice(at).toLowerCase();
  const stops = (i: number, inBraces: boolean) =>
    i >= source.length ||
    source[i] === '/' ||
    (inBraces && (source[i] === ',' || source[i] === '}'));

  /** Items from `i` to the end, or to the `,` or `}` that ends a branch of braces. */
  const sequence = (start: number, depth: number): { items: Item[]; end: number } | string => {
    const items: Item[] = [];
    let i = start;
    while (i < source.length) {
      const c = source[i]!;
      if (depth > 0 && (c === ',' || c === '}')) break;
      if (c === '(' || c === ')' || c === '|') return `uses \`${c}\`: ${EXTENDED}`;
      if (c === '\\' && i + 1 < source.length) {
        items.push({ kind: 'char', char: source[i + 1]! });
        i += 2;
      } else if (c === '*') {
        let stars = 0;
        while (source[i + stars] === '*') stars++;
        const segmentStart = i === 0 || '/{,'.includes(source[i - 1]!);
        if (stars >= 2 && segmentStart && stops(i + stars, depth > 0)) {
          if (source[i + stars] === '/') {
            items.push({ kind: 'segments' });
            i += stars + 1;
            continue;
          }
          const last = items[items.length - 1];
          if (last?.kind === 'char' && last.char === '/') {
            items.pop();
            items.push({ kind: 'tail' });
          } else items.push({ kind: 'anything' });
        } else items.push({ kind: 'star' });
        i += stars;
      } else if (c === '?') {
        items.push({ kind: 'any' });
        i++;
      } else if (c === '[' || c === '{') {
        // A class or braces; one that does not close is a character.
        const read = c === '[' ? readClass(source, i) : readBraces(i, depth);
        if (typeof read === 'string') return read;
        items.push(read ? read.item : { kind: 'char', char: c });
        i = read ? read.end : i + 1;
      } else {
        items.push({ kind: 'char', char: c });
        i++;
      }
    }
    return { items, end: i };
  };

  /** Braces from `i` (its `{`) with a top-level comma; null to read the `{` as a character. */
  const readBraces = (i: number, depth: number): { item: Item; end: number } | null | string => {
    if (depth >= MAX_BRACE_DEPTH) return `nests braces more than ${MAX_BRACE_DEPTH} deep`;
    const branches: Item[][] = [];
    let j = i + 1;
    for (;;) {
      const branch = sequence(j, depth + 1);
      if (typeof branch === 'string') return branch;
      branches.push(branch.items);
      if (branch.end >= source.length) return null;
      j = branch.end + 1;
      if (source[branch.end] === '}') break;
    }
    return branches.length > 1 ? { item: { kind: 'braces', branches }, end: j } : null;
  };

  const read = sequence(0, 0);
  return typeof read === 'string' ? read : { negated, items: read.items };
}

/** A class from `i` (its `[`) to its `]`; null when it does not close. */
function readClass(source: string, i: number): { item: Item; end: number } | null {
  let j = i + 1;
  const negated = source[j] === '!' || source[j] === '^';
  if (negated) j++;
  const ranges: [string, string][] = [];
  for (let first = true; j < source.length; first = false) {
    let c = source[j]!;
    if (c === ']' && !first) return { item: { kind: 'class', negated, ranges }, end: j + 1 };
    if (c === '\\' && j + 1 < source.length) c = source[++j]!;
    if (source[j + 1] === '-' && j + 2 < source.length && source[j + 2] !== ']') {
      let to = source[j + 2]!;
      j += 3;
      if (to === '\\' && j < source.length) to = source[j++]!;
      ranges.push([c, to]);
    } else {
      ranges.push([c, c]);
      j++;
    }
  }
  return null;
}

/** A state of the automaton: it reads one character, or splits into two (`next`, `other`). */
interface State {
  test: ((char: string) => boolean) | null;
  next: number;
  other: number;
}

const MATCH = -1;
const inSegment = (char: string) => char !== '/';
const anyChar = () => true;

/** The automaton of a parsed glob: states and the first one. */
function compile(items: Item[]): { states: State[]; start: number } {
  const states: State[] = [];
  const add = (test: State['test'], next: number, other = MATCH): number =>
    states.push({ test, next, other }) - 1;
  /** A state that loops on `test` and goes on to `next`. */
  const loop = (test: (char: string) => boolean, next: number): number => {
    const split = add(null, MATCH, next);
    states[split]!.next = add(test, split);
    return split;
  };
  const build = (sequence: Item[], next: number): number => {
    let at = next;
    for (let k = sequence.length - 1; k >= 0; k--) {
      const item = sequence[k]!;
      switch (item.kind) {
        case 'char':
          at = add((char) => char === item.char, at);
          break;
        case 'any':
          at = add(inSegment, at);
          break;
        case 'star':
          at = loop(inSegment, at);
          break;
        case 'segments':
          // Nothing, or anything that ends with a slash.
          at = add(
            null,
            loop(
              anyChar,
              add((char) => char === '/', at),
            ),
            at,
          );
          break;
        case 'tail':
          at = add(
            null,
            add((char) => char === '/', loop(anyChar, at)),
            at,
          );
          break;
        case 'anything':
          at = loop(anyChar, at);
          break;
        case 'class': {
          const { negated, ranges } = item;
          at = add(
            (char) =>
              char !== '/' && ranges.some(([from, to]) => from <= char && char <= to) !== negated,
            at,
          );
          break;
        }
        case 'braces': {
          const starts = item.branches.map((branch) => build(branch, at));
          at = starts.reduceRight((rest, start) => add(null, start, rest));
          break;
        }
      }
    }
    return at;
  };
  return { states, start: build(items, MATCH) };
}

/** Whether `path` (slashes as separators) is matched, by simulating every state at once. */
function run({ states, start }: { states: State[]; start: number }, path: string): boolean {
  const seen = new Int32Array(states.length).fill(-1);
  let current: number[] = [];
  let matched = false;
  /** Adds a state and those its splits lead to; `step` marks what was added at this step. */
  const enter = (first: number, step: number, into: number[]) => {
    const stack = [first];
    while (stack.length > 0) {
      const index = stack.pop()!;
      if (index === MATCH) {
        matched = true;
        continue;
      }
      if (seen[index] === step) continue;
      seen[index] = step;
      const state = states[index]!;
      if (state.test) into.push(index);
      else stack.push(state.other, state.next);
    }
  };
  enter(start, 0, current);
  for (let i = 0; i < path.length; i++) {
    matched = false;
    const next: number[] = [];
    const char = path[i]!;
    for (const index of current) {
      const state = states[index]!;
      if (state.test!(char)) enter(state.next, i + 1, next);
    }
    if (next.length === 0 && !matched) return false;
    current = next;
  }
  return matched;
}

/** A glob in use, ready to match. */
export interface FileGlob {
  matches(path: string): boolean;
}

const compiled = new Map<string, FileGlob | null>();
/** Globs kept compiled; past this many the cache starts afresh. */
const MAX_COMPILED = 1000;

/** The matcher of a glob (matching case-insensitively), or null when it has a problem. */
export function fileGlob(glob: string): FileGlob | null {
  let found = compiled.get(glob);
  if (found !== undefined) return found;
  const parsed = readGlob(glob);
  if (typeof parsed === 'string') found = null;
  else {
    const automaton = compile(parsed.items);
    found = { matches: (path) => run(automaton, path.toLowerCase()) !== parsed.negated };
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(glob, found);
  return found;
}
