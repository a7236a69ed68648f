/** The `standard` schema: the seven sections of the post-mortem guide, in its order. */
import type { Schema } from '../../model';

export const standard: Schema = {
  sections: [
    {
      id: 'summary',
      title: 'Summary',
      aliases: ['Incident Summary', 'Issue Summary', 'Executive Summary', 'Overview', 'TL;DR'],
      required: true,
      scaffold:
        '<!-- What happened, in two or three sentences: what broke, for how long, whom it affected and how it was fixed. -->',
    },
    {
      id: 'impact',
      title: 'Impact',
      aliases: ['Impact Analysis', 'Customer Impact', 'User Impact', 'Business Impact'],
      required: true,
      scaffold: '- **User Impact:** \n- **Business Impact:** ',
    },
    {
      id: 'timeline',
      title: 'Timeline',
      aliases: ['Timeline of Events', 'Incident Timeline', 'Chronology', 'Sequence of Events'],
      required: true,
      scaffold: '| Time (UTC) | Event |\n|------------|-------|',
    },
    {
      id: 'rca',
      title: 'Root Cause Analysis',
      aliases: ['RCA', 'Root Cause', 'Root Causes', 'Cause', 'Causes', 'Contributing Factors'],
      required: true,
      scaffold: '- **Root Cause:** \n- **Supporting Evidence:** ',
    },
    {
      id: 'resolution',
      title: 'Resolution & Recovery',
      aliases: ['Resolution', 'Resolution and Recovery', 'Recovery', 'Mitigation', 'Remediation'],
      required: true,
      scaffold: '- **Temporary Fix:** \n- **Permanent Fix:** ',
    },
    {
      id: 'prevention',
      title: 'Preventative Measures',
      aliases: [
        'Preventive Measures',
        'Prevention',
        'Corrective and Preventative Measures',
        'Action Items',
        'Corrective Actions',
        'Follow-ups',
        'Next Steps',
      ],
      required: true,
      scaffold: '- [ ] ',
    },
    {
      id: 'lessons',
      title: 'Lessons Learned',
      aliases: ['Learnings', 'Lessons', 'Takeaways', 'Retrospective'],
      required: true,
      scaffold: '- **What Worked Well:** \n- **What Needs Improvement:** ',
    },
  ],
};
