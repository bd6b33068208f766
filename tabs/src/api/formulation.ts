/** The formulation module's API client: a unit's set for a quarter and its workflow. */
import type { InstitutionalObjective, KeyResult, Objective, QuarterId, SetViewResponse, WorkflowAction } from '@okr/core';
import { path, type Http } from './http.js';

/** A set's content as the enlace saves it (the server assigns the set). */
export interface SetContentInput {
  institutionalObjectiveId: string;
  objectives: Array<Omit<Objective, 'setId'>>;
  keyResults: Array<Omit<KeyResult, 'setId'>>;
}

export interface FormulationApi {
  /** The unit's set for a quarter with its history and alerts (null when there is none). */
  setView(unitId: string, quarter: QuarterId): Promise<SetViewResponse | null>;
  saveDraft(unitId: string, quarter: QuarterId, expectedVersion: number | null, content: SetContentInput): Promise<SetViewResponse>;
  reformulate(unitId: string, quarter: QuarterId, from: QuarterId): Promise<SetViewResponse>;
  act(setId: string, action: WorkflowAction, version: number, comment?: string): Promise<SetViewResponse>;
  institutionalObjectives(): Promise<InstitutionalObjective[]>;
}

export function formulationApi(http: Http): FormulationApi {
  const set = (unitId: string, quarter: QuarterId) => path`/api/units/${unitId}/sets/${quarter}`;
  return {
    setView: (unitId, quarter) => http.get(set(unitId, quarter)),
    saveDraft: (unitId, quarter, expectedVersion, content) => http.put(set(unitId, quarter), { expectedVersion, content }),
    reformulate: (unitId, quarter, from) => http.post(`${set(unitId, quarter)}/reformulate`, { from }),
    act: (setId, action, version, comment) => http.post(path`/api/sets/${setId}/actions`, { action, version, comment: comment ?? null }),
    institutionalObjectives: () => http.get('/api/institutional-objectives'),
  };
}
