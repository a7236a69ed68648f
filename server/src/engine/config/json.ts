/** Strict JSON parsing for configuration files: a tree with offsets, and a problem per error. */
// The ES module build: the UMD one (the package's `main`) loads its parts with a `require`
// that esbuild cannot follow into the bundle.
import { parseTree, printParseErrorCode } from 'jsonc-parser/lib/esm/main.js';
import type { Node } from 'jsonc-parser/lib/esm/main.js';
import type { LineIndex } from '../markdown/lines';
import { problemAt } from './problems';
import type { ConfigProblem } from './problems';

const PARSE_MESSAGES: Record<string, string> = {
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected `:`',
  CommaExpected: 'Expected `,`',
  CloseBraceExpected: 'Expected `}`',
  CloseBracketExpected: 'Expected `]`',
  EndOfFileExpected: 'Expected the end of the file',
  InvalidCommentToken: 'Unexpected comment: comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unexpected end of string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character',
  InvalidCharacter: 'Invalid character in string',
};

/** How deep arrays and objects may nest: a configuration needs four levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * The offset of the first `[` or `{` nested deeper than `MAX_JSON_DEPTH`, or null: one pass,
 * strings skipped, so that the parser (which recurses) never sees such a text.
 */
function tooDeep(text: string): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return null;
}

/**
 * Parses JSON text. Comments and trailing commas are errors: the file is plain JSON. The tree
 * is undefined when the text has a syntax error, so that a half-read file is never used; the
 * problem is the first syntax error. Syntax errors never quote the text: the file may not be
 * configuration at all, and hold a secret.
 */
export function parseJson(
  text: string,
  file: string,
  lines: LineIndex,
): { root: Node | undefined; problems: ConfigProblem[] } {
  if (text.trim() === '') {
    return {
      root: undefined,
      problems: [problemAt(file, lines, 0, 0, 'Expected a JSON object, found an empty file')],
    };
  }
  const deep = tooDeep(text);
  if (deep !== null) {
    return {
      root: undefined,
      problems: [problemAt(file, lines, deep, 1, `Nested more than ${MAX_JSON_DEPTH} levels deep`)],
    };
  }
  const errors: { error: number; offset: number; length: number }[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // Only the first syntax error: the parser's later ones mostly follow from it.
  const error = errors[0];
  if (!error) return { root, problems: [] };
  const comma = trailingComma(text, error.offset);
  const code = printParseErrorCode(error.error);
  const problem =
    comma !== null
      ? problemAt(file, lines, comma, 1, 'Unexpected trailing comma: not allowed in JSON')
      : code === 'InvalidSymbol'
        ? problemAt(
            file,
            lines,
            error.offset,
            error.length,
            'Unexpected characters; expected a JSON value or a name in double quotes',
          )
        : problemAt(
            file,
            lines,
            error.offset,
            error.length,
            PARSE_MESSAGES[code] ?? 'Invalid JSON',
          );
  return { root: undefined, problems: [problem] };
}

/** The offset of the comma before a closing `}` or `]` at `offset`, if there is one. */
function trailingComma(text: string, offset: number): number | null {
  if (text[offset] !== '}' && text[offset] !== ']') return null;
  const before = text.slice(0, offset).trimEnd();
  return before.endsWith(',') ? before.length - 1 : null;
}

/** How a problem names the type of a value: "a string", "an array". */
export function describeType(node: Node): string {
  switch (node.type) {
    case 'array':
    case 'object':
      return `an ${node.type}`;
    case 'null':
      return '`null`';
    default:
      return `a ${node.type}`;
  }
}

/** The properties of an object node: key node, key and value node. */
export function propertiesOf(node: Node): { keyNode: Node; key: string; value: Node }[] {
  return (node.children ?? []).flatMap((property) => {
    const [keyNode, value] = property.children ?? [];
    return keyNode && value ? [{ keyNode, key: String(keyNode.value), value }] : [];
  });
}

/** `a`, `a` or `b`, `a`, `b` or `c`: names for a problem's "expected" part. */
export function oneOf(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
