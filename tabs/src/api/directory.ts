/** The directory module's API client: the Directorio, the pickers' search, the ETI's changes, the workbook and the Viva Goals import. */
import type {
  AssignRequest,
  DirectoryChangeResult,
  DirectoryView,
  ImportReport,
  ObjectiveRequest,
  PersonMatch,
  ReplaceRequest,
  UnitRequest,
} from '@okr/core';
import { path, type DownloadedFile, type Http } from './http.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface DirectoryApi {
  directory(signal?: AbortSignal): Promise<DirectoryView>;
  /** The directory person with this Entra id (a pick of Teams' people picker); 404 when there is none. */
  personByEntra(objectId: string): Promise<PersonMatch>;
  saveUnit(request: UnitRequest): Promise<DirectoryChangeResult>;
  deactivateUnit(unitId: string, lastDay: string): Promise<DirectoryChangeResult>;
  assign(request: AssignRequest): Promise<DirectoryChangeResult>;
  replaceAssignment(assignmentId: string, request: ReplaceRequest): Promise<DirectoryChangeResult>;
  endAssignment(assignmentId: string, lastDay: string, version: number): Promise<DirectoryChangeResult>;
  deactivatePerson(personId: string, lastDay: string): Promise<DirectoryChangeResult>;
  saveObjective(request: ObjectiveRequest): Promise<DirectoryChangeResult>;
  directoryTemplate(): Promise<DownloadedFile>;
  exportDirectory(): Promise<DownloadedFile>;
  /** The workbook's import: a dry run unless `apply`. */
  importDirectory(file: File, apply: boolean): Promise<ImportReport>;
  /** The Viva Goals history's import: a dry run unless `apply`. */
  importViva(file: File, apply: boolean): Promise<ImportReport>;
  /** The units the person confirmed for Viva Goals teams (saved for the next runs). */
  confirmVivaTeams(entries: Array<{ team: string; unitId: string }>): Promise<{ saved: boolean }>;
}

export function directoryApi(http: Http): DirectoryApi {
  const importPath = (base: string, file: File, apply: boolean) => `${base}?name=${encodeURIComponent(file.name)}${apply ? '&dryRun=false' : ''}`;
  return {
    directory: (signal) => http.get('/api/directory', signal),
    personByEntra: (objectId) => http.get(path`/api/people/entra/${objectId}`),
    saveUnit: (request) => http.post('/api/directory/units', request),
    deactivateUnit: (unitId, lastDay) => http.post(path`/api/directory/units/${unitId}/deactivate`, { lastDay }),
    assign: (request) => http.post('/api/directory/assignments', request),
    replaceAssignment: (id, request) => http.post(path`/api/directory/assignments/${id}/replace`, request),
    endAssignment: (id, lastDay, version) => http.post(path`/api/directory/assignments/${id}/end`, { lastDay, version }),
    deactivatePerson: (personId, lastDay) => http.post(path`/api/directory/people/${personId}/deactivate`, { lastDay }),
    saveObjective: (request) => http.post('/api/directory/objectives', request),
    directoryTemplate: () => http.download('/api/directory/template', 'plantilla-directorio-okr.xlsx', XLSX_TYPE),
    exportDirectory: () => http.download('/api/directory/export', 'directorio-okr.xlsx', XLSX_TYPE),
    importDirectory: (file, apply) => http.upload(importPath('/api/directory/import', file, apply), file),
    importViva: (file, apply) => http.upload(importPath('/api/viva/import', file, apply), file),
    confirmVivaTeams: (entries) => http.post('/api/viva/teams', { entries }),
  };
}
