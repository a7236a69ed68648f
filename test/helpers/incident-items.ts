/** Reports of the workspace index as the client receives them, for the client's own tests. */
import type { IncidentItem } from '../../server/src/protocol';

/** A report `postmortems/<name>.md`: a resolved SEV2 with four metrics, unless `overrides` say. */
export function incidentItem(name: string, overrides: Partial<IncidentItem> = {}): IncidentItem {
  return {
    uri: `file:///repo/postmortems/${name}.md`,
    title: name,
    id: null,
    date: null,
    month: null,
    severity: 'SEV2',
    severityRank: 1,
    status: 'resolved',
    metrics: { timeToDetect: 5, timeToAcknowledge: 10, timeToMitigate: 20, timeToResolve: 65 },
    sections: { present: 7, empty: 0, missing: 0, requiredMissing: 0 },
    followUps: [],
    findings: { error: 0, warning: 0, info: 0 },
    ...overrides,
  };
}
