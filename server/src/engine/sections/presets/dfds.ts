/**
 * The `dfds` schema: the template of DFDS's cloud platform team (corpus
 * `dfds-postmortems/PMyyyy-nnn - Postmortem template.md`): contributing factors instead of a
 * root cause section, and attendees and stats at the end.
 */
import type { Schema } from '../../model';
import { fromStandard } from './from-standard';

export const dfds: Schema = {
  sections: [
    fromStandard('summary'),
    fromStandard('timeline', {
      scaffold: 'All times in UTC.\n\n| Time | Event |\n| :--- | ----- |',
    }),
    fromStandard('rca', { title: 'Contributing Factors', scaffold: '- ' }),
    fromStandard('prevention', { title: 'Action Items', scaffold: '- ' }),
    fromStandard('lessons', { scaffold: '- ' }),
    {
      id: 'attendees',
      title: 'Attendees',
      aliases: ['Participants'],
      required: false,
      scaffold: '- ',
    },
    {
      id: 'stats',
      title: 'Stats',
      aliases: ['Statistics'],
      required: false,
      scaffold: '- Category: \n- Time to detection: \n- Time to recovery: ',
    },
  ],
};
