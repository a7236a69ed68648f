/**
 * Whether the words around a milestone keyword let it stand as a guess (SPEC §3): never on an
 * action that failed or did not happen (`rollback attempted`, `not fixed`, `did not help`,
 * `not automatically restarting`, `began working on the rollback`), nor on a keyword used as a plain noun (`monitoring period`,
 * `the clusters page of the console`). Every pattern is anchored and bounded: a keyword's
 * context is a few words either side, read from slices of at most `REACH` characters.
 */
import type { KeywordMilestone } from '../model';

const REACH = 80;
const WORD = "[\\p{L}\\p{N}'\u2019-]+";

/**
 * A negation, an attempt, an accident or an action still ahead up to three words before the
 * keyword: `not fixed`, `tried to restart`, `accidentally reverted`, `working on a rollback`,
 * `preparing the failover`.
 */
const NEGATED_BEFORE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}'\u2019])(?:not|no|never|nobody|none|nor|without|cannot|(?:did|does|do|was|were|is|are|has|have|had|could|would|should|wo|ca)n['\u2019]?t|failed|unable|attempt(?:s|ed|ing)?|accidentally|unexpectedly|ungracefully|unintentionally|inadvertently|mistakenly|erroneously|tried|trying|try|working|prepar(?:e|es|ed|ing)|plan(?:s|ned|ning)?|consider(?:s|ed|ing)?|propos(?:e|es|ed|ing)|discuss(?:es|ed|ing)?)\\s+(?:${WORD}\\s+){0,2}$`,
  'iu',
);

/** Words after which `failed` describes a thing (`alert on failed writes`). */
const PREPOSITION = '(?:on|for|about|of|from|with|in|at|by)';

/**
 * A word after `failed` that it describes (`reported failed logins`): any word but those that
 * go on with the failure (`failed to`, `failed again`, `failed because`).
 */
const FAILED_NOUN =
  '(?!(?:to|again|and|but|because|as|with|due|after|on|in|at|for|twice|too|so|when|while|then|since|over|the|a|an|its|their|our|this|all)(?![\\p{L}\\p{N}]))\\p{L}';

/**
 * What says, up to two words after the keyword, that its action failed: `attempted`, `did not
 * help`. Not `failed` describing a thing (`alert on failed writes`, `reports of failed logins`).
 */
const FAILED_AFTER = new RegExp(
  `^[\\p{L}\\p{N}'\u2019-]*\\s+(?:${WORD}\\s+){0,2}?(?:(?:was|were|is|has been|had been|got)\\s+)?(?:attempted|unsuccessful|ineffective|(?<!\\s${PREPOSITION}\\s)failed(?!\\s+${FAILED_NOUN})|to no avail|(?:did|does|do|would|could|has|had)(?:\\s+not|n['\u2019]?t)\\s+(?:seem\\s+to\\s+|appear\\s+to\\s+)?(?:help|work|fix|resolve|solve|succeed|change|improve|restore|recover|stick))(?![\\p{L}\\p{N}])`,
  'iu',
);

/** A noun the keyword modifies, which makes the keyword a noun too: `monitoring period`, `alert rules`. */
const NOUN_AFTER =
  /^[\p{L}\p{N}'\u2019-]*\s+(?:period|window|phase|interval|duration|schedule|rotation|policy|policies|config|configuration|settings|rules?|thresholds?|load|layout|views?|templates?)(?![\p{L}\p{N}])/iu;

/** `page` as a web page: `the clusters page`, `the status page`, `page of the console`. */
const PAGE_NOUN_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:(?:the|a|an|this|that|our|their|its|your|each|every)\s+[\p{L}\p{N}'\u2019-]+|web|home|status|landing|login|error|settings|admin|console|wiki)\s+$/iu;
const PAGE_NOUN_AFTER = /^\s+of(?![\p{L}\p{N}])/iu;

/** People outside the team whom the team tells: `users`, `infrastructure providers`, `the public`. */
const RECIPIENT =
  '(?:users?|customers?|clients?|providers?|partners?|vendors?|subscribers?|stakeholders?|merchants?|the public|community)(?![\\p{L}\\p{N}-])';

/**
 * A detection word's object up to three words after it, when that is someone outside the team:
 * `alerts infrastructure providers`, `notifying users of the upgrade`. Only for words whose
 * object is whom they reach (`alert`, `notify`, `page`, `warn`, `inform`): `reporting this
 * user` names whom the report is about. An alert `for customer-facing APIs` or `from users`
 * still holds.
 */
const RECIPIENT_OBJECT = new RegExp(
  `^[\\p{L}\\p{N}'\u2019-]*\\s+(?:(?!(?:for|on|about|in|from|of|at|by|with)\\s)${WORD}\\s+){0,2}?${RECIPIENT}`,
  'iu',
);
const RECIPIENT_VERB = /^(?:alert|notif|page|warn|inform)/i;

/** A detection word sent on to someone outside the team: `an e-mail sent to customers`. */
const TO_RECIPIENT = new RegExp(
  `^[\\p{L}\\p{N}'\u2019-]*\\s+(?:${WORD}\\s+){0,2}?to\\s+(?:(?:the|our|all|affected|some)\\s+)?${RECIPIENT}`,
  'iu',
);

/**
 * Whether the detection word at `start` of `text`, `after` following it, goes out to others:
 * the team telling them is its communication, not the moment it learnt.
 */
function outbound(text: string, start: number, after: string): boolean {
  if (TO_RECIPIENT.test(after)) return true;
  return RECIPIENT_VERB.test(text.slice(start, start + 6)) && RECIPIENT_OBJECT.test(after);
}

/**
 * A healthy state as what a detection keyword sees, within its clause: `users notice the
 * frontend is live`, `noticed the site was available again`. Seeing that things work is no
 * detection of a problem.
 */
const HEALTHY_AFTER = new RegExp(
  `^[\\p{L}\\p{N}'\u2019-]*(?:\\s+${WORD}){0,8}?\\s+(?:is|are|was|were)\\s+(?:now\\s+|again\\s+)?(?:live|working|available|healthy|online|operational|normal|stable)(?![\\p{L}\\p{N}])`,
  'iu',
);

/** Whether the keyword at `[start, end)` of `text` may mark `milestone`. */
export function guessHolds(
  text: string,
  start: number,
  end: number,
  milestone: KeywordMilestone,
): boolean {
  const before = text.slice(Math.max(0, start - REACH), start);
  const after = text.slice(end, end + REACH);
  if (NEGATED_BEFORE.test(before) || FAILED_AFTER.test(after) || NOUN_AFTER.test(after)) {
    return false;
  }
  if (milestone === 'detected' && (outbound(text, start, after) || HEALTHY_AFTER.test(after))) {
    return false;
  }
  const wordEnd = end + (/^[\p{L}\p{N}]*/u.exec(after)?.[0].length ?? 0);
  if (text.slice(start, wordEnd).toLowerCase() === 'page') {
    const rest = text.slice(wordEnd, wordEnd + REACH);
    if (PAGE_NOUN_BEFORE.test(before) || PAGE_NOUN_AFTER.test(rest)) return false;
  }
  return true;
}
