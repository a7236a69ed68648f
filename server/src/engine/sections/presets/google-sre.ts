/**
 * The `google-sre` schema: the post-mortem template of Google's "Site Reliability Engineering"
 * book (chapter 15, corpus `templates/postmortem-template-srebook.md`), in its order, with the
 * timeline after the lessons.
 */
import type { Schema } from '../../model';
import { fromStandard } from './from-standard';

export const googleSre: Schema = {
  sections: [
    fromStandard('summary'),
    fromStandard('impact'),
    fromStandard('rca', { title: 'Root Causes' }),
    {
      id: 'trigger',
      title: 'Trigger',
      aliases: ['Triggers', 'Trigger Event'],
      required: true,
      scaffold:
        '<!-- What set the root causes off: the change, load or event that started the outage. -->',
    },
    fromStandard('resolution', { title: 'Resolution' }),
    {
      id: 'detection',
      title: 'Detection',
      aliases: ['How It Was Detected'],
      required: true,
      scaffold: '<!-- How the problem was noticed: which alert or report, and how soon. -->',
    },
    fromStandard('prevention', {
      title: 'Action Items',
      scaffold: '| Action Item | Type | Owner | Bug |\n|-------------|------|-------|-----|',
    }),
    fromStandard('lessons', {
      scaffold: '### What went well\n\n### What went wrong\n\n### Where we got lucky',
    }),
    fromStandard('timeline'),
    {
      id: 'supporting-information',
      title: 'Supporting Information',
      aliases: ['Supporting Documents', 'Appendix'],
      required: false,
      scaffold: '<!-- Links to dashboards, logs, chat transcripts and tickets. -->',
    },
  ],
};
