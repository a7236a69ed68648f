/** `postmortem/outline`: the model of a document for the client's tree view and status bar. */
import { entryGuesses, metricNotes, milestonesByEntry, sectionHasContent } from '../../engine';
import type { OutlineResult, OutlineSection, SectionState } from '../../protocol';
import type { AnalyzedDocument } from '../session/analyzed';
import { isAnalyzedPostmortem } from '../session/analyzed';

/** The outline of a document; `isPostmortem: false` and nothing else for other documents. */
export function outline(uri: string, document: AnalyzedDocument | undefined): OutlineResult {
  if (!isAnalyzedPostmortem(document)) {
    return {
      uri,
      isPostmortem: false,
      sections: [],
      timeline: [],
      followUps: [],
      metrics: null,
      metricNotes: null,
    };
  }
  const { positions } = document;
  const { model } = document.analysis;
  const sections: OutlineSection[] = model.schema.sections.map((spec) => {
    const section = model.sections.find((found) => found.spec.id === spec.id);
    // The `empty-section` rule's own test, whatever the rule's severity in configuration.
    let state: SectionState = 'missing';
    if (section) state = sectionHasContent(section.nodes) ? 'present' : 'empty';
    return {
      id: spec.id,
      title: spec.title,
      required: spec.required,
      state,
      range: section ? positions.range(section.heading.span) : null,
    };
  });
  const byEntry = milestonesByEntry(model);
  return {
    uri,
    isPostmortem: true,
    sections,
    timeline: (model.timeline?.entries ?? []).map((entry, index) => {
      const milestones = byEntry.get(index) ?? [];
      return {
        time: entry.timeText,
        description: entry.description,
        range: positions.range(entry.span),
        milestones,
        inferredFrom: entryGuesses(entry, milestones),
      };
    }),
    followUps: model.followUps.map(({ text, owner, due, ticket, status, overdue, span }) => ({
      text,
      owner,
      due,
      ticket,
      status,
      overdue,
      range: positions.range(span),
    })),
    metrics: model.metrics,
    metricNotes: metricNotes(model),
  };
}
