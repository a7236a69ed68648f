/** The timeline memo: a timeline is re-used only for a scope of the same text and blocks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Paragraph } from 'mdast';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { LineIndex } from '../../../server/src/engine/markdown/lines';
import type { TimelineScope } from '../../../server/src/engine/model';
import { TimelineMemo } from '../../../server/src/engine/timeline/memo';
import { readTimeline } from '../../../server/src/engine/timeline/read';

const config = defaultConfig();
const text = '# Incident\n\n## Timeline\n\n- 10:00 alert fired\n- 10:05 on-call joined\n';

test('the same text read as other blocks is read again', () => {
  const lines = new LineIndex(text);
  const { section, nodes, span } = analyze(text, config).model.timeline!;
  const listed: TimelineScope = { section, nodes, span };
  // The same lines as one paragraph, as a front-matter fence left open before them made them.
  const list = nodes.find((node) => node.type === 'list')!;
  const paragraph: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', value: text.slice(list.position!.start.offset!) }],
    position: list.position,
  };
  const flat: TimelineScope = {
    section,
    nodes: nodes.map((node) => (node === list ? paragraph : node)),
    span,
  };
  const read = new TimelineMemo().reader(false);
  assert.equal(read(listed, lines, config).entries.length, 2);
  assert.deepEqual(read(flat, lines, config), readTimeline(flat, lines, config));
  assert.deepEqual(read(listed, lines, config), readTimeline(listed, lines, config));
});
