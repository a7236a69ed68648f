// The client's messages, prompts and button labels go through `vscode.l10n.t`, so that a
// translation bundle can replace them: no literal text is passed to the window's messages and
// inputs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/paths';

const clientSource = join(repoRoot, 'client', 'src');
const files = readdirSync(clientSource, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(clientSource, file), 'utf8') }));

/** Where literal text is passed: a message's arguments, an input's title, prompt or hint. */
const LITERAL_TEXT = [
  /show(?:Information|Warning|Error)Message\(\s*(?:[^)]*?,\s*)?['"`]/g,
  /\b(?:title|prompt|placeHolder):\s*['"`]/g,
];

test('the client passes no literal text to messages and inputs', () => {
  const found = files.flatMap(({ file, text }) =>
    LITERAL_TEXT.flatMap((pattern) =>
      [...text.matchAll(pattern)].map((match) => {
        const line = text.slice(0, match.index).split('\n').length;
        return `${file}:${line}: ${match[0].replace(/\s+/g, ' ')}`;
      }),
    ),
  );
  assert.deepEqual(found, []);
});
