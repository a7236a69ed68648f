/**
 * The `elastic` schema: the Elastic Cloud incident report (corpus
 * `templates/postmortem-template-elastic.md`): background first, the chain of events under
 * "What Happened", impact after the resolution.
 */
import type { Schema } from '../../model';
import { fromStandard } from './from-standard';

export const elastic: Schema = {
  sections: [
    {
      id: 'background',
      title: 'Background',
      aliases: ['Context'],
      required: true,
      scaffold: '<!-- The system and the context a reader needs to follow the incident. -->',
    },
    fromStandard('timeline', {
      title: 'What Happened',
      aliases: ['Chain of Events'],
      scaffold: '### Chain of Events\n\n| Time (UTC) | Event |\n|------------|-------|',
    }),
    fromStandard('rca', { title: 'Root Cause' }),
    fromStandard('resolution', { title: 'Resolution' }),
    fromStandard('impact'),
    fromStandard('prevention', { title: 'Action Items' }),
  ],
};
