/** What each known front matter field means, for the editor's completion and hover. */
import type { MetadataField } from '../model';

export const METADATA_FIELD_DESCRIPTIONS: Record<MetadataField, string> = {
  title: 'The incident, in a few words.',
  id: 'The incident or report id (`INC-42`); New Post-Mortem writes it from `metadata.idPattern`.',
  date: 'The day of the incident, `YYYY-MM-DD`; timeline dates without a year take its year.',
  severity:
    'How bad it was, on the configured scale (`metadata.severities`); it may make sections required (`severitySections`).',
  status:
    'Where the report stands (`metadata.statuses`); it sets how loud findings are (`strictness`).',
  authors: 'Who wrote the report: a name or a list of names.',
  services: 'The services affected: a name or a list of names.',
  started:
    'When the incident started (`YYYY-MM-DD HH:mm` with its zone), when the timeline does not say.',
  detected: 'When it was detected, when the timeline does not say.',
  resolved: 'When it was resolved, when the timeline does not say.',
};
