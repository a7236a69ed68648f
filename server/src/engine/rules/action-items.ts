/**
 * `action-items`: an open follow-up without what `followUps.require` asks of it (an owner and
 * a due date by default, a tracking link when asked), and, as information, an open follow-up
 * past its due date. Done follow-ups are not checked.
 */
import type { FollowUp, FollowUpAttribute, PostmortemModel, RuleFinding, Span } from '../model';
import type { Rule } from './rule';

/** Characters of a follow-up's text a message quotes. */
const QUOTED = 60;

const MISSING: Record<FollowUpAttribute, { name: string; hint: string }> = {
  owner: { name: 'owner', hint: 'an `@owner`' },
  due: { name: 'due date', hint: '`due: YYYY-MM-DD`' },
  ticket: { name: 'tracking link', hint: 'a ticket key or link' },
};

/** `a`, `a or b`, `a, b or c`. */
function either(words: string[], last: string): string {
  return words.length <= 1
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** How a message names a follow-up: its text, cut short. */
export function followUpName(item: FollowUp): string {
  const text =
    item.text.length > QUOTED ? `${item.text.slice(0, QUOTED - 1).trimEnd()}…` : item.text;
  return `\`${text.replaceAll('`', "'")}\``;
}

/** The follow-up's first line: where its findings are. */
function firstLine(model: PostmortemModel, item: FollowUp): Span {
  const { start } = item.span;
  return model.lines.span(
    start.offset,
    Math.min(item.span.end.offset, model.lines.lineEnd(start.line)),
  );
}

export const actionItems: Rule = {
  id: 'action-items',
  description:
    'An open follow-up has no owner, due date or tracking link (as configured), or is past its due date.',
  defaultSeverity: 'warning',
  reads: 'content',
  check(model, config) {
    const findings: RuleFinding[] = [];
    for (const item of model.followUps) {
      if (item.status === 'done') continue;
      const missing = config.followUps.require.filter((attribute) => item[attribute] === null);
      if (missing.length > 0) {
        const names = either(
          missing.map((attribute) => MISSING[attribute].name),
          'or',
        );
        const hints = either(
          missing.map((attribute) => MISSING[attribute].hint),
          'and',
        );
        findings.push({
          message: `Follow-up ${followUpName(item)} has no ${names}; add ${hints}`,
          span: firstLine(model, item),
        });
      }
      if (item.overdue) {
        findings.push({
          message: `Follow-up ${followUpName(item)} was due on ${item.due} and is still open`,
          span: firstLine(model, item),
          severity: 'info',
        });
      }
    }
    return findings;
  },
};
