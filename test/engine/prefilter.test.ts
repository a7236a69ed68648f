import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { declaresPostmortem, looksLikePostmortem } from '../../server/src/engine/applicability';
import { defaultConfig } from '../../server/src/engine/config/defaults';
import { mayBePostmortem } from '../../server/src/engine/prefilter';
import { fixturesDir } from '../helpers/paths';

describe('mayBePostmortem', () => {
  test('front matter that says so, or a line naming a timeline', () => {
    assert.equal(mayBePostmortem('---\ntype: postmortem\n---\n\n# Draft\n'), true);
    assert.equal(mayBePostmortem('+++\ntype = "Post-Mortem"\n+++\n'), true);
    assert.equal(mayBePostmortem('# Outage\n\n**Chronology:**\n\n- 10:00 alert\n'), true);
    assert.equal(mayBePostmortem('# Outage\r\n\r\n## Sequence of events\r\n'), true);
  });

  test('a README with no timeline is not', () => {
    const readme = '# Acme Billing\n\n## Install\n\n```sh\nnpm install\n```\n\n## Usage\n';
    assert.equal(mayBePostmortem(readme), false);
    assert.equal(mayBePostmortem('---\ntype: guide\n---\n# Timelines are hard\n'), true);
    assert.equal(mayBePostmortem('---\ntype: guide\n---\n# Release dates\n'), false);
  });

  test('every corpus report that the content makes a post-mortem passes', () => {
    const corpus = join(fixturesDir, 'corpus');
    const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.md'),
    );
    let byContent = 0;
    for (const file of files) {
      const text = readFileSync(join(corpus, file), 'utf8');
      const { model } = analyze(text, defaultConfig());
      if (!declaresPostmortem(model) && !looksLikePostmortem(model)) continue;
      byContent++;
      assert.equal(mayBePostmortem(text), true, file);
    }
    assert.ok(byContent > 30, `only ${byContent} reports are post-mortems by content`);
  });
});
