import {
  actaContent,
  actaFileName,
  actaHistoryLabels,
  actaState,
  canEditActa,
  canSchedule,
  checkPlenaria,
  isCancelled,
  mayChangePlenaria,
  presidingProblem,
  storedPlenariaProblem,
  draftErrors,
  firstSentOn,
  mayEdit,
  maySendToOap,
  missingForSignature,
  msg,
  newActaDraft,
  oapCopyStatus,
  oapDeadline,
  okrResultsDate,
  okrResultsOn,
  plenariaHeld,
  seriesStep,
  reviewsOkr,
  signingClosed,
  quarterOf,
  signableParts,
  UNSIGNED,
  unitsWithoutMenor,
  type Acta,
  type ActaDraft,
  type ActaStatus,
  type ActaVersionSummary,
  type ActaView,
  type OapActasResponse,
  type OkrResultRow,
  type Person,
  type PersonRef,
  type Plenaria,
  type PlenariaChangeResponse,
  type PlenariaInput,
  type PlenariaKind,
  type PlenariaSummary,
  type PlenariasResponse,
  type QuarterId,
  type RescheduleInput,
  type RoleAssignment,
  type ScheduleResponse,
  type SignatureRole,
  type Unit,
  type UnreadablePlenaria,
} from '@okr/core';
import type { Logger } from 'pino';
import { actaDocx } from '../actas/actaDocx.js';
import { ConflictError, type ActaAction, type ActaFile, type ActasPort, type AuditPort, type DirectoryPort, type OkrPort } from '../store/Store.js';
import { seesWholeEntity } from './access.js';
import { today, type Clock } from './clock.js';
import { CommitmentService } from './commitments.js';
import { Refusal } from './refusal.js';

/** What an acta of some kind freezes as its results, at the plenaria's date (rows of the results table). */
export type ActaResultsSource = (plenaria: Plenaria) => Promise<OkrResultRow[]>;

/** Everything about a plenaria's acta that does not depend on who looks at it. */
export interface ActaRecord {
  plenaria: Plenaria;
  unitName: string;
  presiding: PersonRef;
  secretary: PersonRef;
  /** Oldest first; the last is the current one. */
  versions: Acta[];
  latest: Acta | null;
  oap: ActaStatus;
  missing: string[];
  /** Why it cannot go to signature yet though its text may be complete (the plenaria has not started; its OKR results predate it), or null. */
  signingClosed: string | null;
  /** The plenaria has started (its date and start time passed, Bogotá): its signed acta may go to the OAP. */
  held: boolean;
  /** Names of the directory's people, by id (attendees, owners, recognitions). */
  names: ReadonlyMap<string, string>;
  /** The directory, to choose attendees and owners from. */
  people: readonly Person[];
}

/** The bot's side of an acta: sign-off cards to send, and cards sent earlier to bring up to date. */
export interface ActaNotices {
  requestSignatures(record: ActaRecord, personIds: readonly string[]): Promise<{ sent: string[]; unreachable: string[] }>;
  changed(record: ActaRecord): Promise<void>;
  /** A plenaria moved or cancelled: the people it concerns are told (who, when, why). */
  plenariaChanged(record: ActaRecord, change: PlenariaChangeNotice, personIds: readonly string[]): Promise<{ sent: string[]; unreachable: string[] }>;
}

/** What the people of a moved or cancelled plenaria are told. */
export interface PlenariaChangeNotice {
  kind: 'reschedule' | 'cancel';
  byName: string;
  reason: string;
  /** Where it was before a move. */
  from?: { date: string; startTime: string };
}

export const noActaNotices: ActaNotices = {
  requestSignatures: async () => ({ sent: [], unreachable: [] }),
  changed: async () => {},
  plenariaChanged: async () => ({ sent: [], unreachable: [] }),
};

const ref = (p: Person | null | undefined, id: string): PersonRef => ({ id, name: p?.name ?? id, jobTitle: p?.jobTitle ?? '' });

/**
 * Plenarias and their actas (seed 000, activities 8–9; seed 004): scheduling, writing, two-part
 * sign-off, the signed .docx, the copy to the OAP within 8 business days, and corrections as new
 * versions. The same service answers the tab's API and the bot's cards. The sign-off is
 * `ActaSigningService` (actaSigning.ts), which reads and writes actas through the members here that are
 * not private (`record`, `editable`, `write`, `renderFile`, …).
 */
export class ActaService {
  readonly commitments: CommitmentService;
  private readonly resultSources = new Map<PlenariaKind, ActaResultsSource>();

  constructor(
    private readonly store: ActasPort & DirectoryPort & OkrPort & AuditPort,
    private readonly clock: Clock,
    private readonly notices: ActaNotices = noActaNotices,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {
    this.commitments = new CommitmentService(store, clock);
  }

  /**
   * Another module provides what an acta of this kind freezes as its results (the PEI module: the
   * figures a validation session validated). Set once, when the modules are composed.
   */
  provideResults(kind: PlenariaKind, source: ActaResultsSource): void {
    if (this.resultSources.has(kind)) throw new Error(`the acta results of ${kind} are provided twice`);
    this.resultSources.set(kind, source);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  async unitName(unitId: string | null, units?: readonly Unit[]): Promise<string> {
    if (!unitId) return msg.actas.entityName;
    const unit = units ? units.find((u) => u.id === unitId) : await this.store.getUnit(unitId);
    return unit?.name ?? unitId;
  }

  private status(plenaria: Plenaria, versions: readonly Acta[]): ActaStatus {
    const latest = versions.at(-1) ?? null;
    const sentOn = firstSentOn(versions);
    // A plenaria stored with an impossible date has no deadline until it is rescheduled.
    const sound = !storedPlenariaProblem(plenaria);
    return {
      documentVersion: latest?.documentVersion ?? null,
      state: latest ? actaState(latest.signatures) : null,
      deadline: sound ? oapDeadline(plenaria.date) : '',
      oapStatus: sound ? oapCopyStatus(plenaria.date, sentOn, today(this.clock).date) : 'pendiente',
      sentOn,
    };
  }

  /** Splits stored plenarias into those that can be shown and those that cannot (logged once here). */
  readable(plenarias: readonly Plenaria[]): { sound: Plenaria[]; unreadable: Array<{ plenaria: Plenaria; problem: string }> } {
    const sound: Plenaria[] = [];
    const unreadable: Array<{ plenaria: Plenaria; problem: string }> = [];
    for (const plenaria of plenarias) {
      const problem = storedPlenariaProblem(plenaria);
      if (!problem) sound.push(plenaria);
      else {
        this.log?.warn({ plenariaId: plenaria.id, date: plenaria.date, startTime: plenaria.startTime }, 'plenaria left out of a list: its stored date or time is not valid');
        unreadable.push({ plenaria, problem });
      }
    }
    return { sound, unreadable };
  }

  /** May this person reschedule or cancel this plenaria now? */
  private async mayChange(roles: readonly RoleAssignment[], plenaria: Plenaria, latest: Acta | null, units?: readonly Unit[]): Promise<boolean> {
    return mayChangePlenaria(plenaria, latest, canSchedule(roles, plenaria.kind, await this.unitOf(plenaria.unitId, units))).ok;
  }

  private async unitOf(unitId: string | null, units?: readonly Unit[]): Promise<Unit | null> {
    if (!unitId) return null;
    return (units ? units.find((u) => u.id === unitId) : await this.store.getUnit(unitId)) ?? null;
  }

  async record(plenariaId: string): Promise<ActaRecord> {
    const plenaria = await this.store.getPlenaria(plenariaId);
    if (!plenaria) throw new Refusal('not_found', msg.errors.notFound);
    const [versions, people, unitName] = await Promise.all([this.store.listActas({ plenariaIds: [plenariaId] }), this.store.listPeople(), this.unitName(plenaria.unitId)]);
    return this.recordOf(plenaria, versions, people, unitName);
  }

  /** A plenaria's record for someone who may see it (its unit's people, its signers, the entity-wide roles); a Refusal otherwise. */
  async visibleRecord(person: Person, plenariaId: string): Promise<ActaRecord> {
    const [record, roles] = await Promise.all([this.record(plenariaId), this.store.rolesOf(person.id)]);
    if (!this.mayView(person, roles, record.plenaria)) throw new Refusal('forbidden', msg.errors.forbidden);
    return record;
  }

  /** A plenaria's record from what was already read (one read of actas and people serves many plenarias). */
  recordOf(plenaria: Plenaria, versions: Acta[], people: readonly Person[], unitName: string): ActaRecord {
    const byId = new Map(people.map((p) => [p.id, p]));
    const latest = versions.at(-1) ?? null;
    return {
      plenaria,
      unitName,
      names: new Map(people.map((p) => [p.id, p.name])),
      people,
      presiding: ref(byId.get(plenaria.presidingId), plenaria.presidingId),
      secretary: ref(byId.get(plenaria.secretaryId), plenaria.secretaryId),
      versions,
      latest,
      oap: this.status(plenaria, versions),
      missing: latest ? missingForSignature(latest.draft, plenaria.kind) : [],
      signingClosed: signingClosed(plenaria, latest, this.clock.now()),
      held: plenariaHeld(plenaria, this.clock.now()),
    };
  }

  async isEditor(person: Person, plenaria: Plenaria): Promise<boolean> {
    return canEditActa(person.id, await this.store.rolesOf(person.id), plenaria);
  }

  /** May see a plenaria: its unit's people, those who preside or write it, and the entity-wide roles. */
  private mayView(person: Person, roles: readonly RoleAssignment[], plenaria: Plenaria): boolean {
    if (plenaria.unitId === null || seesWholeEntity(roles)) return true;
    return person.id === plenaria.presidingId || person.id === plenaria.secretaryId || roles.some((r) => r.unitId === plenaria.unitId);
  }

  /** The directory to pick attendees and owners from: the unit's people first, then everyone. */
  private directory(record: ActaRecord, roles: readonly RoleAssignment[]): PersonRef[] {
    const { unitId } = record.plenaria;
    const ofUnit = new Set(roles.filter((r) => unitId && r.unitId === unitId).map((r) => r.personId));
    return record.people
      .map((p) => ref(p, p.id))
      .sort((a, b) => Number(ofUnit.has(b.id)) - Number(ofUnit.has(a.id)) || a.name.localeCompare(b.name, 'es'));
  }

  async view(person: Person, plenariaId: string): Promise<ActaView> {
    const [record, allRoles] = await Promise.all([this.record(plenariaId), this.store.listRoles()]);
    const roles = allRoles.filter((r) => r.personId === person.id);
    if (!this.mayView(person, roles, record.plenaria)) throw new Refusal('forbidden', msg.errors.forbidden);
    const editor = canEditActa(person.id, roles, record.plenaria);
    const { latest, plenaria } = record;
    const latestVersion = latest?.documentVersion ?? 0;
    const people = this.directory(record, allRoles);
    const audit = await this.history(record);
    const open = !isCancelled(plenaria);
    return {
      plenaria,
      unitName: record.unitName,
      presiding: record.presiding,
      secretary: record.secretary,
      acta: latest,
      versions: record.versions.map(versionSummary),
      state: latest ? actaState(latest.signatures) : null,
      canEdit: open && editor && (!latest || mayEdit(latest, true, latestVersion).ok),
      canSign: open && record.missing.length === 0 && !record.signingClosed ? signableParts(latest, plenaria, person.id, latestVersion) : [],
      canCorrect: open && !!latest && editor && actaState(latest.signatures) === 'signed',
      canSendToOap: open && !!latest && record.held && maySendToOap(latest, editor).ok,
      canChange: await this.mayChange(roles, plenaria, latest),
      missing: record.missing,
      signingClosed: record.signingClosed,
      okrResultsOn: latest && reviewsOkr(plenaria) ? okrResultsDate(plenaria.date, latest.snapshotAt) : null,
      oap: record.oap,
      people,
      history: audit,
    };
  }

  private async history(record: ActaRecord): Promise<ActaView['history']> {
    const entries = (
      await Promise.all(record.versions.map((v) => this.store.listAudit({ entity: 'acta', entityId: `${record.plenaria.id}#${v.documentVersion}` })))
    ).flat();
    const { names } = record;
    return entries
      .map((e) => {
        const action = (e.after as { action?: ActaAction } | null)?.action;
        return { at: e.at, actorName: names.get(e.actorId) ?? e.actorId, action: (action && actaHistoryLabels[action]) || actaHistoryLabels.edit };
      })
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  // ─── Scheduling ───────────────────────────────────────────────────────────────────────────────

  async plenarias(person: Person, quarter: QuarterId): Promise<PlenariasResponse> {
    const [roles, units, plenarias, actas, people] = await Promise.all([
      this.store.rolesOf(person.id),
      this.store.listUnits(),
      this.store.listPlenarias({ quarters: [quarter] }),
      this.store.listActas({ quarters: [quarter] }),
      this.store.listPeople(),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const { sound, unreadable } = this.readable(plenarias);
    const visible = sound.filter((p) => this.mayView(person, roles, p));
    const held = sound.filter((p) => !isCancelled(p));
    const entity = seesWholeEntity(roles);
    const mine = new Set(roles.map((r) => r.unitId).filter((u): u is string => u !== null));
    const watched = entity ? units : units.filter((u) => mine.has(u.id));
    const series = await this.dialogueSeries(roles, visible);
    const summaries: PlenariaSummary[] = [];
    for (const p of visible) {
      const versions = actas.filter((a) => a.plenariaId === p.id);
      summaries.push({
        plenaria: p,
        unitName: await this.unitName(p.unitId, units),
        presidingName: names.get(p.presidingId) ?? p.presidingId,
        secretaryName: names.get(p.secretaryId) ?? p.secretaryId,
        acta: this.status(p, versions),
        canEdit: !isCancelled(p) && canEditActa(person.id, roles, p),
        canChange: await this.mayChange(roles, p, versions.at(-1) ?? null, units),
        ...(series?.latestId === p.id ? ('next' in series.step ? { nextInSeries: series.step.next } : { followingInSeries: { date: series.step.following.date, startTime: series.step.following.startTime } }) : {}),
      });
    }
    const warnings = [
      ...unitsWithoutMenor(quarter, watched, held),
      ...visible.filter((p) => p.kind === 'mayor' && !isCancelled(p)).flatMap((p) => checkPlenaria(p, []).warnings),
    ];
    const schedulable = (kind: 'menor' | 'mayor') => units.filter((u) => canSchedule(roles, kind, u)).map((u) => u.id);
    const cannotList: UnreadablePlenaria[] = [];
    for (const { plenaria, problem } of unreadable.filter((u) => this.mayView(person, roles, u.plenaria))) {
      cannotList.push({ plenaria, unitName: await this.unitName(plenaria.unitId, units), problem, canChange: await this.mayChange(roles, plenaria, actas.filter((a) => a.plenariaId === plenaria.id).at(-1) ?? null, units) });
    }
    return {
      quarter,
      plenarias: summaries,
      warnings,
      unreadable: cannotList,
      canSchedule: { menorUnitIds: schedulable('menor'), mayorUnitIds: schedulable('mayor'), entityWide: canSchedule(roles, 'mayor', null), validation: canSchedule(roles, 'validacion', null) },
      people: people.map((p) => ref(p, p.id)).sort((a, b) => a.name.localeCompare(b.name, 'es')),
    };
  }

  /**
   * The dialogue series' step («Programar la siguiente» or «Siguiente sesión»), for who may schedule
   * dialogues, when the quarter shown holds a held session of it: decided over the whole series, so
   * read from the whole plenarias list — the one the OAP's commitments already read, which the
   * SharePoint read cache holds and keeps fresh with the list's delta (no request once read). Nobody
   * else, and no quarter without a held session, reads it.
   */
  private async dialogueSeries(roles: readonly RoleAssignment[], visible: readonly Plenaria[]): Promise<ReturnType<typeof seriesStep>> {
    const now = this.clock.now();
    if (!canSchedule(roles, 'dialogo', null) || !visible.some((p) => p.kind === 'dialogo' && !isCancelled(p) && plenariaHeld(p, now))) return null;
    const whole = this.readable(await this.store.listPlenarias({})).sound.filter((p) => p.kind === 'dialogo' && p.unitId === null);
    return seriesStep(whole, now, today(this.clock).date);
  }

  /**
   * Schedules a plenaria. Idempotent: the same plenaria asked for again (a double click, five
   * identical requests at once) answers the one already scheduled instead of creating another; a
   * different one at the same unit, day and time is refused.
   */
  async schedule(person: Person, input: PlenariaInput): Promise<ScheduleResponse> {
    const roles = await this.store.rolesOf(person.id);
    const unitId = input.kind === 'dialogo' || input.kind === 'validacion' ? null : input.unitId;
    const unit = await this.unitOf(unitId);
    if (unitId && !unit) throw new Refusal('not_found', msg.errors.notFound);
    if (!canSchedule(roles, input.kind, unit)) throw new Refusal('forbidden', msg.actas.cannotSchedule);
    const wanted = { ...input, unitId, location: input.location.trim() };
    await this.checkPeople(wanted, unit);
    const quarter = quarterOf(input.date);
    const base = input.kind === 'menor' ? `pl-${unitId}-${quarter}` : input.kind === 'mayor' ? `pl-mayor-${unitId ?? 'entidad'}-${input.date}` : `pl-${input.kind}-${input.date}`;
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = (await this.store.listPlenarias(unitId ? { unitId } : { quarters: [quarter] })).filter((p) => p.unitId === unitId);
      const same = existing.find((p) => !isCancelled(p) && p.kind === wanted.kind && p.date === wanted.date && p.startTime === wanted.startTime);
      if (same) {
        const identical = same.modality === wanted.modality && same.location === wanted.location && same.presidingId === wanted.presidingId && same.secretaryId === wanted.secretaryId;
        if (!identical) throw new Refusal('conflict', msg.actas.duplicateSlot(same.date, same.startTime));
        return { plenaria: await this.summary(person, roles, same), warnings: [], existing: true };
      }
      const check = checkPlenaria(wanted, this.readable(existing).sound);
      if (check.errors.length) throw new Refusal('invalid', check.errors.join(' '), check.errors);
      const taken = new Set((await this.store.listPlenarias({ quarters: [quarter] })).map((p) => p.id));
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      const plenaria: Plenaria = { ...wanted, id, createdBy: person.id, createdAt: this.now() };
      try {
        await this.store.createPlenaria(plenaria, person.id);
      } catch (error) {
        // Someone took that id meanwhile (an identical request at the same moment): look again.
        if (error instanceof ConflictError) continue;
        throw error;
      }
      return { plenaria: await this.summary(person, roles, plenaria), warnings: check.warnings };
    }
    throw new Refusal('conflict', msg.errors.conflict);
  }

  /** Who presides and the secretary: people of the directory, and who presides may preside it (the unit's líder; the Secretario/a). */
  private async checkPeople(input: Pick<Plenaria, 'kind' | 'presidingId' | 'secretaryId'>, unit: Unit | null): Promise<void> {
    const [presiding, secretary] = await Promise.all([this.store.getPerson(input.presidingId), this.store.getPerson(input.secretaryId)]);
    const unknown = [presiding ? null : input.presidingId, secretary ? null : input.secretaryId].filter(Boolean);
    if (unknown.length) throw new Refusal('invalid', msg.actas.unknownPeople(unknown.join(', ')));
    // A validation session is the OAP's: its jefe/a (the líder of the office its team belongs to) presides.
    const office = input.kind === 'validacion' ? await this.oapOffice() : unit;
    const problem = presidingProblem(input.kind, office, await this.store.rolesOf(presiding!.id), presiding!.name);
    if (problem) throw new Refusal('invalid', problem, [problem]);
  }

  /** The OAP's office: the unit whose people hold the entity's OAP role. */
  private async oapOffice(): Promise<Unit | null> {
    const roles = await this.store.listRoles();
    const oap = new Set(roles.filter((r) => r.role === 'oap' && r.unitId === null).map((r) => r.personId));
    return this.unitOf(roles.find((r) => r.unitId !== null && oap.has(r.personId))?.unitId ?? null);
  }

  private async summary(person: Person, roles: readonly RoleAssignment[], plenaria: Plenaria): Promise<PlenariaSummary> {
    const [presiding, secretary, versions] = await Promise.all([this.store.getPerson(plenaria.presidingId), this.store.getPerson(plenaria.secretaryId), this.store.listActas({ plenariaIds: [plenaria.id] })]);
    return {
      plenaria,
      unitName: await this.unitName(plenaria.unitId),
      presidingName: presiding?.name ?? plenaria.presidingId,
      secretaryName: secretary?.name ?? plenaria.secretaryId,
      acta: this.status(plenaria, versions),
      canEdit: !isCancelled(plenaria) && canEditActa(person.id, roles, plenaria),
      canChange: await this.mayChange(roles, plenaria, versions.at(-1) ?? null),
    };
  }

  /**
   * Moves a plenaria to another day, time, modality or place, with a reason (kept in the audit
   * trail). Its acta, not signed yet, follows: the start time it records, the OKR results frozen
   * at the new date, and any signature withdrawn. The people it concerns are told in Teams.
   */
  async reschedule(person: Person, plenariaId: string, input: RescheduleInput): Promise<PlenariaChangeResponse> {
    const { before, latest, roles, unit } = await this.changeable(person, plenariaId, input.reason);
    const after: Plenaria = {
      ...before,
      date: input.date,
      startTime: input.startTime,
      modality: input.modality,
      location: input.location.trim(),
      rescheduled: { at: this.now(), by: person.id, reason: input.reason.trim(), fromDate: before.date, fromStartTime: before.startTime },
    };
    if (after.date === before.date && after.startTime === before.startTime && after.modality === before.modality && after.location === before.location) throw new Refusal('invalid', msg.actas.sameSchedule);
    const others = (await this.store.listPlenarias(before.unitId ? { unitId: before.unitId } : { quarters: [quarterOf(input.date)] })).filter((p) => p.id !== before.id && p.unitId === before.unitId);
    const check = checkPlenaria(after, this.readable(others).sound);
    if (check.errors.length) throw new Refusal('invalid', check.errors.join(' '), check.errors);
    const clash = others.find((p) => !isCancelled(p) && p.date === after.date && p.startTime === after.startTime);
    if (clash) throw new Refusal('conflict', msg.actas.duplicateSlot(after.date, after.startTime));
    await this.update(person, 'reschedule', input.reason, before, after);
    if (latest && actaState(latest.signatures) !== 'signed') {
      const shift = minutes(after.startTime) - minutes(before.startTime);
      const draft = latest.draft.startTime === before.startTime ? { ...latest.draft, startTime: after.startTime, endTime: hhmm(minutes(latest.draft.endTime) + shift) ?? latest.draft.endTime } : latest.draft;
      const at = this.now();
      await this.write(person, 'reschedule', { ...latest, draft, okrResults: await this.snapshot(after, at), snapshotAt: at, signatures: UNSIGNED }, latest.version);
    }
    return this.afterChange(person, roles, plenariaId, { kind: 'reschedule', byName: person.name, reason: input.reason.trim(), from: { date: before.date, startTime: before.startTime } }, check.warnings, unit);
  }

  /** Cancels a plenaria, with a reason (kept in the audit trail): its acta is closed and the people it concerns are told. */
  async cancel(person: Person, plenariaId: string, reason: string): Promise<PlenariaChangeResponse> {
    const { before, roles, unit } = await this.changeable(person, plenariaId, reason);
    await this.update(person, 'cancel', reason, before, { ...before, cancelled: { at: this.now(), by: person.id, reason: reason.trim() } });
    return this.afterChange(person, roles, plenariaId, { kind: 'cancel', byName: person.name, reason: reason.trim() }, [], unit);
  }

  private async changeable(person: Person, plenariaId: string, reason: string) {
    const before = await this.store.getPlenaria(plenariaId);
    if (!before) throw new Refusal('not_found', msg.errors.notFound);
    const [roles, versions] = await Promise.all([this.store.rolesOf(person.id), this.store.listActas({ plenariaIds: [plenariaId] })]);
    if (!this.mayView(person, roles, before)) throw new Refusal('forbidden', msg.errors.forbidden);
    const unit = await this.unitOf(before.unitId);
    const latest = versions.at(-1) ?? null;
    const decision = mayChangePlenaria(before, latest, canSchedule(roles, before.kind, unit));
    if (!decision.ok) throw new Refusal(decision.code, decision.message);
    // The reason stays in the audit trail and goes to the people told: never empty.
    if (!reason.trim()) throw new Refusal('invalid', msg.actas.changeReason);
    return { before, latest, roles, unit };
  }

  private async update(person: Person, action: 'reschedule' | 'cancel', reason: string, before: Plenaria, after: Plenaria): Promise<void> {
    try {
      await this.store.updatePlenaria({ actorId: person.id, action, reason: reason.trim(), before, after });
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.errors.conflict);
      throw error;
    }
  }

  /** After a move or a cancellation: the sign-off cards sent earlier brought up to date, the people it concerns told. */
  private async afterChange(person: Person, roles: readonly RoleAssignment[], plenariaId: string, notice: PlenariaChangeNotice, warnings: ScheduleResponse['warnings'], unit: Unit | null): Promise<PlenariaChangeResponse> {
    const record = await this.record(plenariaId);
    await this.notices.changed(record);
    const { plenaria } = record;
    const ofUnit = unit ? (await this.store.listRoles()).filter((r) => r.unitId === unit.id && (r.role === 'enlace' || r.role === 'lider')).map((r) => r.personId) : [];
    const told = [...new Set([plenaria.presidingId, plenaria.secretaryId, ...ofUnit])].filter((id) => id !== person.id);
    const { sent, unreachable } = await this.notices.plenariaChanged(record, notice, told);
    return { plenaria: await this.summary(person, roles, plenaria), warnings, notified: sent, unreachable };
  }

  // ─── Writing ──────────────────────────────────────────────────────────────────────────────────

  /**
   * The acta's results, taken now. A kind with a source of its own (a validation plenaria's
   * validated figures) takes them from it; a unit's plenaria takes its OKR results as of the
   * plenaria's date, or as of today while it is still ahead (provisional: taken again after it).
   */
  private async snapshot(plenaria: Plenaria, at: string): Promise<OkrResultRow[]> {
    const source = this.resultSources.get(plenaria.kind);
    if (source) return source(plenaria);
    if (!reviewsOkr(plenaria)) return [];
    const unit = await this.store.getUnit(plenaria.unitId!);
    if (!unit) return [];
    const date = okrResultsDate(plenaria.date, at);
    const { bundle, checkIns, institutionalObjectives } = await this.store.loadUnitQuarter(unit.id, quarterOf(date));
    return okrResultsOn({ unit, date, bundle, checkIns, institutionalObjectives });
  }

  async write(person: Person, action: ActaAction, acta: Acta, expectedVersion: number | null): Promise<Acta> {
    try {
      return await this.store.writeActa({ actorId: person.id, action, acta: { ...acta, updatedBy: person.id, updatedAt: this.now() }, expectedVersion });
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.actas.staleEdit);
      throw error;
    }
  }

  /** The latest version, refused unless the person may write it now and worked on its current version. */
  async editable(person: Person, plenariaId: string, documentVersion: number, version: number | null): Promise<{ record: ActaRecord; acta: Acta }> {
    const record = await this.record(plenariaId);
    const { latest } = record;
    refuseIfCancelled(record.plenaria);
    if (!latest) throw new Refusal('invalid', msg.actas.notStarted);
    const decision = mayEdit(latest, await this.isEditor(person, record.plenaria), latest.documentVersion);
    if (!decision.ok) throw new Refusal('forbidden', decision.message);
    if (documentVersion !== latest.documentVersion) throw new Refusal('conflict', msg.actas.oldVersion(latest.documentVersion));
    if (version !== null && version !== latest.version) throw new Refusal('conflict', msg.actas.staleEdit);
    return { record, acta: latest };
  }

  /** Starts version 1: the usual agenda, the unit's people as attendees, the OKR results frozen. */
  async start(person: Person, plenariaId: string): Promise<ActaView> {
    const record = await this.record(plenariaId);
    if (!(await this.isEditor(person, record.plenaria))) throw new Refusal('forbidden', msg.actas.notEditor);
    refuseIfCancelled(record.plenaria);
    if (record.latest) throw new Refusal('conflict', msg.actas.alreadyStarted);
    const { plenaria } = record;
    const roles = plenaria.unitId ? await this.store.listRoles() : [];
    const unitPeople = roles.filter((r) => r.unitId === plenaria.unitId).map((r) => r.personId);
    const at = this.now();
    const acta: Acta = {
      plenariaId,
      documentVersion: 1,
      version: 1,
      draft: newActaDraft(plenaria, record.unitName, unitPeople),
      okrResults: await this.snapshot(plenaria, at),
      snapshotAt: at,
      signatures: UNSIGNED,
      sentToOap: null,
      fileName: null,
      correctionReason: null,
      createdBy: person.id,
      createdAt: at,
      updatedBy: person.id,
      updatedAt: at,
    };
    await this.write(person, 'create', acta, null);
    return this.view(person, plenariaId);
  }

  /** Saves the draft. An edit after one signature withdraws it (the text changed under the signer). */
  async save(person: Person, plenariaId: string, documentVersion: number, version: number, draft: ActaDraft): Promise<ActaView> {
    const { record, acta } = await this.editable(person, plenariaId, documentVersion, version);
    const known = new Set((await this.store.listPeople()).map((p) => p.id));
    const errors = draftErrors(draft, record.plenaria, known);
    if (errors.length) throw new Refusal('invalid', errors.join(' '), errors);
    if (JSON.stringify(draft) === JSON.stringify(acta.draft)) return this.view(person, plenariaId);
    await this.write(person, 'edit', { ...acta, draft, signatures: UNSIGNED }, version);
    // A signature given before the edit is withdrawn: the cards sent earlier must say so.
    if (acta.signatures.secretary || acta.signatures.presiding) await this.notices.changed(await this.record(plenariaId));
    return this.view(person, plenariaId);
  }

  async refreshSnapshot(person: Person, plenariaId: string, documentVersion: number, version: number): Promise<ActaView> {
    const { record, acta } = await this.editable(person, plenariaId, documentVersion, version);
    const at = this.now();
    await this.write(person, 'snapshot', { ...acta, okrResults: await this.snapshot(record.plenaria, at), snapshotAt: at, signatures: UNSIGNED }, version);
    if (acta.signatures.secretary || acta.signatures.presiding) await this.notices.changed(await this.record(plenariaId));
    return this.view(person, plenariaId);
  }

  async renderFile(record: ActaRecord, acta: Acta): Promise<ActaFile> {
    const people = new Map((await this.store.listPeople()).map((p) => [p.id, p]));
    const bytes = await actaDocx(actaContent(record.plenaria, acta, record.unitName, (id) => people.get(id) ?? null), acta.signatures);
    return { plenariaId: acta.plenariaId, documentVersion: acta.documentVersion, fileName: actaFileName(record.plenaria, acta.documentVersion), bytes };
  }

  /** The .docx of a version: the stored one once signed, a preview marked «Pendiente de firma» before. */
  async file(person: Person, plenariaId: string, documentVersion: number | null): Promise<ActaFile> {
    const record = await this.record(plenariaId);
    const roles = await this.store.rolesOf(person.id);
    if (!this.mayView(person, roles, record.plenaria)) throw new Refusal('forbidden', msg.errors.forbidden);
    const acta = documentVersion === null ? record.latest : record.versions.find((v) => v.documentVersion === documentVersion);
    if (!acta) throw new Refusal('not_found', record.latest ? msg.errors.notFound : msg.actas.notStarted);
    if (acta.fileName) {
      const stored = await this.store.getActaFile(plenariaId, acta.documentVersion);
      if (stored) return stored;
    }
    const preview = await this.renderFile(record, acta);
    return actaState(acta.signatures) === 'signed' ? preview : { ...preview, fileName: preview.fileName.replace('.docx', '_borrador.docx') };
  }

  // ─── Follow-up ────────────────────────────────────────────────────────────────────────────────

  /** The OAP's list: every plenaria of the quarter with its copy's status, and units that held none. */
  async oapList(person: Person, quarter: QuarterId): Promise<OapActasResponse> {
    const roles = await this.store.rolesOf(person.id);
    if (!seesWholeEntity(roles)) throw new Refusal('forbidden', msg.errors.dashboardOnlyEntity);
    const [units, stored, actas] = await Promise.all([this.store.listUnits(), this.store.listPlenarias({ quarters: [quarter] }), this.store.listActas({ quarters: [quarter] })]);
    // A cancelled plenaria owes the OAP no acta; one stored with an impossible date is logged and left out.
    const plenarias = this.readable(stored).sound.filter((p) => !isCancelled(p));
    const rows: OapActasResponse['rows'] = [];
    for (const p of plenarias) {
      rows.push({ plenariaId: p.id, kind: p.kind, unitId: p.unitId, unitName: await this.unitName(p.unitId, units), date: p.date, acta: this.status(p, actas.filter((a) => a.plenariaId === p.id)) });
    }
    const missing = unitsWithoutMenor(quarter, units, plenarias).map((w) => ({ unitId: w.unitId!, unitName: units.find((u) => u.id === w.unitId)?.name ?? w.unitId!, message: w.message }));
    const count = (s: ActaStatus['oapStatus']) => rows.filter((r) => r.acta.oapStatus === s).length;
    return { quarter, rows, missing, counts: { a_tiempo: count('a_tiempo'), vencida: count('vencida'), pendiente: count('pendiente'), missing: missing.length } };
  }
}

/** What this person may do from the sign-off card now: sign their parts, record the copy to the OAP. */
export async function actaViewer(store: Pick<DirectoryPort, 'rolesOf'>, person: Person, record: ActaRecord): Promise<{ parts: SignatureRole[]; maySendToOap: boolean }> {
  const { latest, plenaria } = record;
  if (!latest || isCancelled(plenaria)) return { parts: [], maySendToOap: false };
  const parts = record.missing.length === 0 && !record.signingClosed ? signableParts(latest, plenaria, person.id, latest.documentVersion) : [];
  return { parts, maySendToOap: record.held && maySendToOap(latest, canEditActa(person.id, await store.rolesOf(person.id), plenaria)).ok };
}

function versionSummary(a: Acta): ActaVersionSummary {
  const state = actaState(a.signatures);
  const times = [a.signatures.secretary?.at, a.signatures.presiding?.at].filter((t): t is string => !!t).sort();
  return { documentVersion: a.documentVersion, state, signedAt: state === 'signed' ? times.at(-1)! : null, correctionReason: a.correctionReason, fileName: a.fileName };
}

export function refuseIfCancelled(plenaria: Plenaria): void {
  if (plenaria.cancelled) throw new Refusal('conflict', msg.actas.cancelledActa(plenaria.cancelled.reason));
}

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
/** "HH:MM" for minutes since midnight, or null past the day. */
const hhmm = (total: number): string | null => (total < 0 || total >= 24 * 60 ? null : `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`);
