import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { IdleCollector } from '../../../server/src/lsp/session/idle-collector';

describe('IdleCollector', () => {
  let collections = 0;
  let collector: IdleCollector;
  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
    collections = 0;
    collector = new IdleCollector(() => collections++, {
      thresholdChars: 1000,
      idleMs: 500,
      rounds: 3,
      roundMs: 250,
    });
  });
  afterEach(() => mock.timers.reset());

  test('little analysis: nothing is collected', () => {
    collector.analysed(999);
    mock.timers.tick(10_000);
    assert.equal(collections, 0);
  });

  test('enough analysis, then a pause: three collections, a round apart', () => {
    collector.analysed(600);
    collector.analysed(600);
    mock.timers.tick(499);
    assert.equal(collections, 0);
    mock.timers.tick(1);
    assert.equal(collections, 1);
    mock.timers.tick(250);
    assert.equal(collections, 2);
    mock.timers.tick(250);
    assert.equal(collections, 3);
    mock.timers.tick(10_000);
    assert.equal(collections, 3);
  });

  test('analyses that keep coming postpone it; work during the rounds stops them', () => {
    for (let i = 0; i < 10; i++) {
      collector.analysed(1000);
      mock.timers.tick(400);
    }
    assert.equal(collections, 0);
    mock.timers.tick(100);
    assert.equal(collections, 1);
    collector.analysed(10);
    mock.timers.tick(10_000);
    assert.equal(collections, 1, 'the count starts again after a collection');
  });
});
