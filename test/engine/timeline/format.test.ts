import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildModel } from '../../../server/src/engine/analyze';
import { defaultConfig } from '../../../server/src/engine/config/defaults';
import { formatNowLike } from '../../../server/src/engine/timeline/format';

const now = new Date('2025-03-05T13:40:07Z');

/** `now` as the timeline of a one-row UTC timeline whose row starts with `time`. */
function like(time: string): string {
  const text = `## Timeline\n\nAll times in UTC.\n\n- ${time} an event\n`;
  return formatNowLike(buildModel(text, defaultConfig()).timeline!, now);
}

test('the new date and clock forms are written back as the timeline writes them', () => {
  assert.equal(like('04.03.2025 09:05'), '05.03.2025 13:40');
  assert.equal(like('04-03-2025 09:05'), '05-03-2025 13:40');
  assert.equal(like('03/04/2025 09:05'), '03/05/2025 13:40');
  assert.equal(like('14/03/2025 09:05'), '05/03/2025 13:40');
  assert.equal(like('4-Mar-2025 09:05'), '05-Mar-2025 13:40');
  assert.equal(like('03-04 09:05'), '03-05 13:40');
  assert.equal(like('09h05'), '13h40');
  assert.equal(like('09.05'), '13.40');
  assert.equal(like('2025-03-04 0905'), '2025-03-05 1340');
});
