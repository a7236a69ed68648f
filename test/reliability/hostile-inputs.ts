/**
 * Hostile files for the reliability tests and their measurements: huge, deeply nested, binary,
 * mis-encoded, and built to make the parsers slow. Each is bytes, as a file on disk holds them;
 * the engine and the server see them decoded as UTF-8, as the CLI and editors read them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// From `__filename`: under tsx's ES module loader (`npm run bench:hostile`), `__dirname` is not set.
const repoRoot = join(dirname(__filename), '..', '..');

/** The guide's sample report: every section, a timeline whose metrics are 0, 5, 20 and 40. */
export const sample = readFileSync(join(repoRoot, 'examples', 'sample-postmortem.md'), 'utf8');

const IMPACT = '## 2. Impact\n';
const TIMELINE = '## 3. Timeline\n';

/** The sample with `markdown` (a block) at the start of its Impact section. */
function inImpact(markdown: string): string {
  return sample.replace(IMPACT, `${IMPACT}\n${markdown}\n`);
}

/** The sample with `markdown` (a block) at the start of its Timeline section. */
function inTimeline(markdown: string): string {
  return sample.replace(TIMELINE, `${TIMELINE}\n${markdown}\n`);
}

/** `line(i)` for i = 0, 1, … joined by line feeds, until the text holds `bytes` characters. */
function linesUpTo(bytes: number, line: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const next = line(i);
    parts.push(next);
    length += next.length + 1;
  }
  return `${parts.join('\n')}\n`;
}

export interface HostileInput {
  name: string;
  /** The file's bytes. */
  bytes(): Buffer;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** List items nested `depth` deep, each on its own line, indented under the one before. */
function staircase(depth: number): string {
  return Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
}

export const HOSTILE_INPUTS: HostileInput[] = [
  {
    name: 'a 20 MB report (the sample and 20 MB of pasted logs)',
    bytes: () =>
      utf8(
        `${sample}\n## Appendix: request log\n\n${linesUpTo(20 * 1024 * 1024, (i) => `2025-03-15T13:${String(i % 60).padStart(2, '0')}:07Z INFO request ${i} GET /login status=200 duration=${i % 997}ms`)}`,
      ),
  },
  {
    name: 'a single 1 MB line (pasted base64 in Impact)',
    bytes: () =>
      utf8(
        inImpact(
          'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw'.repeat(
            12_000,
          ),
        ),
      ),
  },
  {
    name: 'lists nested 3,000 deep, one item per line (9 MB)',
    bytes: () => utf8(inImpact(staircase(3000))),
  },
  {
    name: 'lists nested 3,000 deep on one line',
    bytes: () => utf8(inImpact(`${'- '.repeat(3000)}deep\n`)),
  },
  {
    name: 'block quotes nested 3,000 deep on one line',
    bytes: () => utf8(inImpact(`${'> '.repeat(3000)}deep\n`)),
  },
  {
    name: 'a NUL-filled binary (1 MB)',
    bytes: () => Buffer.alloc(1024 * 1024),
  },
  {
    name: 'invalid UTF-8 in the Impact section',
    bytes: () => {
      const [before, after] = sample.split('10,000+ users');
      const invalid = Buffer.from([
        0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x28, 0x8c, 0xbc, 0x80,
      ]);
      return Buffer.concat([utf8(before!), invalid, utf8(`10,000+ users${after}`)]);
    },
  },
  {
    name: 'the sample saved as UTF-16 (read as UTF-8)',
    bytes: () => Buffer.from(`\ufeff${sample}`, 'utf16le'),
  },
  {
    name: 'time parser bait: long runs of digits and colons in the timeline',
    bytes: () =>
      utf8(
        sample.replace(
          TIMELINE,
          `${TIMELINE}\n- ${'1'.repeat(200_000)}\n- ${'12:'.repeat(100_000)}00 - up\n- ${':'.repeat(200_000)}\n- 1${'2:0'.repeat(60_000)} - ${'9'.repeat(50_000)}:${'5'.repeat(50_000)}\n\n`,
        ),
      ),
  },
  {
    name: 'time parser bait: `12:00 ` repeated 30,000 times',
    bytes: () => utf8(sample.replace(TIMELINE, `${TIMELINE}\n- ${'12:00 '.repeat(30_000)}\n\n`)),
  },
  {
    name: '`[a](b ` repeated 40,000 times',
    bytes: () => utf8(inImpact('[a](b '.repeat(40_000))),
  },
  {
    name: 'suppression bait: `<!-- postmortem-disable ` repeated 30,000 times, never closed',
    bytes: () => utf8(`${sample}\n<!-- ${'postmortem-disable <!-- '.repeat(30_000)}\n`),
  },
  {
    name: '16,000 small lists, each closed by a paragraph',
    bytes: () => utf8(inImpact('- item\n\nText.\n\n'.repeat(16_000))),
  },
  {
    name: 'front matter `preset:`, 2 KB of spaces and a `"`',
    bytes: () => utf8(`---\npreset:${' '.repeat(2048)}"\n---\n\n${sample}`),
  },
  {
    name: '4,000 lines `[x` and a `]:` (12 KB)',
    bytes: () => utf8(inImpact(`${'[x\n'.repeat(4000)}]:`)),
  },
  {
    name: 'a heading followed by 32,000 `()` (64 KB)',
    bytes: () => utf8(sample.replace('## 2. Impact', `## 2. Impact${'()'.repeat(32_000)}`)),
  },
  {
    name: 'a timeline paragraph of 5,000 lines (125 KB)',
    bytes: () => utf8(inTimeline(`10:00 start\n${'more words of the same event\n'.repeat(4_300)}`)),
  },
  {
    name: 'a table delimiter row of 64 KB of dashes and an `x`',
    bytes: () => utf8(inImpact(`| a |\n|${'-'.repeat(64 * 1024)}x\n`)),
  },
  {
    name: 'a paragraph of 7,000 lines `a <!--` (48 KB)',
    bytes: () => utf8(inImpact('a <!--\n'.repeat(7_000))),
  },
  {
    name: 'a paragraph of 16,000 `<?` (48 KB)',
    bytes: () => utf8(inImpact(`a${' <?'.repeat(16_000)}`)),
  },
  {
    name: 'a paragraph of 12,000 `<!A` (48 KB)',
    bytes: () => utf8(inImpact(`a${' <!A'.repeat(12_000)}`)),
  },
  {
    name: '4,000 heading lines of 1,000 spaces after the report (4 MB)',
    bytes: () => utf8(`${sample}\n${`## ${' '.repeat(1000)}\n`.repeat(4_000)}`),
  },
];
