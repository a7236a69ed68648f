import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { deriveZoneNames, ZONE_NAMES_FILE } from '../../../scripts/zone-names';

test('zone-names.json is what Intl and tzdb give now (else run `npm run zones`)', () => {
  const file = JSON.parse(readFileSync(ZONE_NAMES_FILE, 'utf8'));
  assert.deepEqual(deriveZoneNames(file.year), file);
});
