/** Metadata: the known front matter fields, where they are written, and what the CLI prints of them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { readout } from '../../../server/src/engine/readout';

function metadataOf(text: string) {
  return analyze(text, defaultConfig()).model;
}

describe('readMetadata', () => {
  test('YAML: known fields in field order, with key and value spans; other fields left out', () => {
    const text = '---\nstatus: draft\npreset: dfds\nid: "INC-42"\nauthors: [a, b]\n---\n# X\n';
    const model = metadataOf(text);
    assert.deepEqual(
      model.metadata.entries.map((entry) => [
        entry.field,
        entry.value,
        text.slice(entry.keySpan.start.offset, entry.keySpan.end.offset),
        entry.valueSpan && text.slice(entry.valueSpan.start.offset, entry.valueSpan.end.offset),
      ]),
      [
        ['id', 'INC-42', 'id', '"INC-42"'],
        ['status', 'draft', 'status', 'draft'],
        ['authors', ['a', 'b'], 'authors', '[a, b]'],
      ],
    );
    assert.equal(model.metadata.status, 'draft');
    assert.equal(model.metadata.format, 'yaml');
    assert.deepEqual(readout(model).metadata, {
      id: 'INC-42',
      status: 'draft',
      authors: ['a', 'b'],
    });
  });

  test('TOML: dates and times as written, a comment not part of the value', () => {
    const text =
      '+++\ndate = 2025-03-15\nstarted = 2025-03-15T12:55:00Z # paged\nseverity = "SEV2"\n+++\n# X\n';
    const model = metadataOf(text);
    assert.deepEqual(readout(model).metadata, {
      date: '2025-03-15',
      severity: 'SEV2',
      started: '2025-03-15T12:55:00Z',
    });
    const started = model.metadata.entries.find((entry) => entry.field === 'started')!;
    assert.equal(
      text.slice(started.valueSpan!.start.offset, started.valueSpan!.end.offset),
      '2025-03-15T12:55:00Z',
    );
  });

  test('no front matter: no entries, `{}` in the readout', () => {
    const model = metadataOf('# X\n\nText.\n');
    assert.deepEqual(model.metadata.entries, []);
    assert.equal(model.metadata.span, null);
    assert.deepEqual(readout(model).metadata, {});
  });

  test('a key without a value has no value span', () => {
    const entry = metadataOf('---\nseverity:\n---\n').metadata.entries[0]!;
    assert.equal(entry.value, null);
    assert.equal(entry.valueSpan, null);
  });
});
