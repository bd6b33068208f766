import {
  actaContent,
  actaContentKey,
  actaFileName,
  actaHistoryLabels,
  actaState,
  buildTree,
  canEditActa,
  canSchedule,
  checkPlenaria,
  draftErrors,
  firstSentOn,
  mayCorrect,
  mayEdit,
  maySendToOap,
  missingForSignature,
  msg,
  newActaDraft,
  oapCopyStatus,
  oapDeadline,
  okrResultRows,
  periodOf,
  quarterOf,
  sign,
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
  type PlenariaInput,
  type PlenariaKind,
  type PlenariaSummary,
  type PlenariasResponse,
  type QuarterId,
  type RoleAssignment,
  type ScheduleResponse,
  type SignatureRole,
  type Unit,
} from '@okr/core';
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
  /** Names of the directory's people, by id (attendees, owners, recognitions). */
  names: ReadonlyMap<string, string>;
  /** The directory, to choose attendees and owners from. */
  people: readonly Person[];
}

/** The bot's side of an acta: sign-off cards to send, and cards sent earlier to bring up to date. */
export interface ActaNotices {
  requestSignatures(record: ActaRecord, personIds: readonly string[]): Promise<{ sent: string[]; unreachable: string[] }>;
  changed(record: ActaRecord): Promise<void>;
}

export const noActaNotices: ActaNotices = {
  requestSignatures: async () => ({ sent: [], unreachable: [] }),
  changed: async () => {},
};

const ref = (p: Person | null | undefined, id: string): PersonRef => ({ id, name: p?.name ?? id, jobTitle: p?.jobTitle ?? '' });

/**
 * Plenarias and their actas (seed 000, activities 8–9; seed 004): scheduling, writing, two-part
 * sign-off, the signed .docx, the copy to the OAP within 8 business days, and corrections as new
 * versions. The same service answers the tab's API and the bot's cards.
 */
export class ActaService {
  readonly commitments: CommitmentService;
  private readonly resultSources = new Map<PlenariaKind, ActaResultsSource>();

  constructor(
    private readonly store: ActasPort & DirectoryPort & OkrPort & AuditPort,
    private readonly clock: Clock,
    private readonly notices: ActaNotices = noActaNotices,
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

  private async unitName(unitId: string | null, units?: readonly Unit[]): Promise<string> {
    if (!unitId) return msg.actas.entityName;
    const unit = units ? units.find((u) => u.id === unitId) : await this.store.getUnit(unitId);
    return unit?.name ?? unitId;
  }

  private status(plenaria: Plenaria, versions: readonly Acta[]): ActaStatus {
    const latest = versions.at(-1) ?? null;
    const sentOn = firstSentOn(versions);
    return {
      documentVersion: latest?.documentVersion ?? null,
      state: latest ? actaState(latest.signatures) : null,
      deadline: oapDeadline(plenaria.date),
      oapStatus: oapCopyStatus(plenaria.date, sentOn, today(this.clock).date),
      sentOn,
    };
  }

  async record(plenariaId: string): Promise<ActaRecord> {
    const plenaria = await this.store.getPlenaria(plenariaId);
    if (!plenaria) throw new Refusal('not_found', msg.errors.notFound);
    const [versions, people, unitName] = await Promise.all([this.store.listActas({ plenariaIds: [plenariaId] }), this.store.listPeople(), this.unitName(plenaria.unitId)]);
    return this.recordOf(plenaria, versions, people, unitName);
  }

  /** A plenaria's record from what was already read (one read of actas and people serves many plenarias). */
  private recordOf(plenaria: Plenaria, versions: Acta[], people: readonly Person[], unitName: string): ActaRecord {
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
    };
  }

  private async isEditor(person: Person, plenaria: Plenaria): Promise<boolean> {
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
    return {
      plenaria,
      unitName: record.unitName,
      presiding: record.presiding,
      secretary: record.secretary,
      acta: latest,
      versions: record.versions.map(versionSummary),
      state: latest ? actaState(latest.signatures) : null,
      canEdit: editor && (!latest || mayEdit(latest, true, latestVersion).ok),
      canSign: record.missing.length === 0 ? signableParts(latest, plenaria, person.id, latestVersion) : [],
      canCorrect: !!latest && editor && actaState(latest.signatures) === 'signed',
      canSendToOap: !!latest && maySendToOap(latest, editor).ok,
      missing: record.missing,
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
    const visible = plenarias.filter((p) => this.mayView(person, roles, p));
    const entity = seesWholeEntity(roles);
    const mine = new Set(roles.map((r) => r.unitId).filter((u): u is string => u !== null));
    const watched = entity ? units : units.filter((u) => mine.has(u.id));
    const summaries: PlenariaSummary[] = [];
    for (const p of visible) {
      const versions = actas.filter((a) => a.plenariaId === p.id);
      summaries.push({
        plenaria: p,
        unitName: await this.unitName(p.unitId, units),
        presidingName: names.get(p.presidingId) ?? p.presidingId,
        secretaryName: names.get(p.secretaryId) ?? p.secretaryId,
        acta: this.status(p, versions),
        canEdit: canEditActa(person.id, roles, p),
      });
    }
    const warnings = [
      ...unitsWithoutMenor(quarter, watched, plenarias),
      ...visible.filter((p) => p.kind === 'mayor').flatMap((p) => checkPlenaria(p, []).warnings),
    ];
    const schedulable = (kind: 'menor' | 'mayor') => units.filter((u) => canSchedule(roles, kind, u.id)).map((u) => u.id);
    return {
      quarter,
      plenarias: summaries,
      warnings,
      canSchedule: { menorUnitIds: schedulable('menor'), mayorUnitIds: schedulable('mayor'), entityWide: canSchedule(roles, 'mayor', null), validation: canSchedule(roles, 'validacion', null) },
      people: people.map((p) => ref(p, p.id)).sort((a, b) => a.name.localeCompare(b.name, 'es')),
    };
  }

  async schedule(person: Person, input: PlenariaInput): Promise<ScheduleResponse> {
    const roles = await this.store.rolesOf(person.id);
    const unitId = input.kind === 'dialogo' || input.kind === 'validacion' ? null : input.unitId;
    if (unitId && !(await this.store.getUnit(unitId))) throw new Refusal('not_found', msg.errors.notFound);
    if (!canSchedule(roles, input.kind, unitId)) throw new Refusal('forbidden', msg.actas.cannotSchedule);
    const [presiding, secretary] = await Promise.all([this.store.getPerson(input.presidingId), this.store.getPerson(input.secretaryId)]);
    const unknown = [presiding ? null : input.presidingId, secretary ? null : input.secretaryId].filter(Boolean);
    const existing = unitId ? await this.store.listPlenarias({ unitId }) : [];
    const check = checkPlenaria({ ...input, unitId }, existing);
    const errors = [...check.errors, ...(unknown.length ? [msg.actas.unknownPeople(unknown.join(', '))] : [])];
    if (errors.length) throw new Refusal('invalid', errors.join(' '), errors);
    const quarter = quarterOf(input.date);
    const base = input.kind === 'menor' ? `pl-${unitId}-${quarter}` : input.kind === 'mayor' ? `pl-mayor-${unitId ?? 'entidad'}-${input.date}` : `pl-${input.kind}-${input.date}`;
    const taken = new Set((await this.store.listPlenarias({ quarters: [quarter] })).map((p) => p.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    const plenaria: Plenaria = { ...input, id, unitId, location: input.location.trim(), createdBy: person.id, createdAt: this.now() };
    await this.store.createPlenaria(plenaria, person.id);
    const names = new Map([[input.presidingId, presiding!.name], [input.secretaryId, secretary!.name]]);
    return {
      plenaria: {
        plenaria,
        unitName: await this.unitName(unitId),
        presidingName: names.get(input.presidingId)!,
        secretaryName: names.get(input.secretaryId)!,
        acta: this.status(plenaria, []),
        canEdit: canEditActa(person.id, roles, plenaria),
      },
      warnings: check.warnings,
    };
  }

  // ─── Writing ──────────────────────────────────────────────────────────────────────────────────

  /** The unit's OKR results at the plenaria's date: check-ins reported up to that month (frozen in the acta). */
  private async snapshot(plenaria: Plenaria): Promise<OkrResultRow[]> {
    const source = this.resultSources.get(plenaria.kind);
    if (source) return source(plenaria);
    if (plenaria.kind === 'dialogo' || !plenaria.unitId) return [];
    const unit = await this.store.getUnit(plenaria.unitId);
    if (!unit) return [];
    const quarter = quarterOf(plenaria.date);
    const { bundle, checkIns, institutionalObjectives } = await this.store.loadUnitQuarter(unit.id, quarter);
    const upTo = periodOf(plenaria.date);
    return okrResultRows(buildTree({ unit, quarter, asOf: plenaria.date, bundle, checkIns: checkIns.filter((c) => c.period <= upTo), institutionalObjectives }));
  }

  private async write(person: Person, action: ActaAction, acta: Acta, expectedVersion: number | null): Promise<Acta> {
    try {
      return await this.store.writeActa({ actorId: person.id, action, acta: { ...acta, updatedBy: person.id, updatedAt: this.now() }, expectedVersion });
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.actas.staleEdit);
      throw error;
    }
  }

  /** The latest version, refused unless the person may write it now and worked on its current version. */
  private async editable(person: Person, plenariaId: string, documentVersion: number, version: number | null): Promise<{ record: ActaRecord; acta: Acta }> {
    const record = await this.record(plenariaId);
    const { latest } = record;
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
      okrResults: await this.snapshot(plenaria),
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
    await this.write(person, 'snapshot', { ...acta, okrResults: await this.snapshot(record.plenaria), snapshotAt: this.now(), signatures: UNSIGNED }, version);
    if (acta.signatures.secretary || acta.signatures.presiding) await this.notices.changed(await this.record(plenariaId));
    return this.view(person, plenariaId);
  }

  /** Sends the sign-off cards to the secretary and who presides (those who have not signed yet). */
  async requestSignatures(person: Person, plenariaId: string, documentVersion: number, version: number): Promise<{ view: ActaView; sentTo: string[]; unreachable: string[] }> {
    const { record, acta } = await this.editable(person, plenariaId, documentVersion, version);
    if (record.missing.length) throw new Refusal('invalid', msg.actas.notReady(record.missing.join(', ')));
    const pending = [acta.signatures.secretary ? null : record.plenaria.secretaryId, acta.signatures.presiding ? null : record.plenaria.presidingId].filter((id): id is string => !!id);
    const { sent, unreachable } = await this.notices.requestSignatures(record, [...new Set(pending)]);
    return { view: await this.view(person, plenariaId), sentTo: sent, unreachable };
  }

  /**
   * Signs one part (from the Teams card or the tab). `seen` is what the signer saw: the tab's
   * version, or the card's content fingerprint (another party's signature does not make a card
   * stale; an edit does); null: the current one. With the second signature the acta becomes immutable: its .docx is stored with
   * it and its commitments enter the tracker.
   */
  async sign(person: Person, plenariaId: string, documentVersion: number, seen: { version: number } | { contentKey: string } | null, part: SignatureRole): Promise<{ record: ActaRecord; completed: boolean }> {
    const record = await this.record(plenariaId);
    const { latest, plenaria } = record;
    if (!latest) throw new Refusal('invalid', msg.actas.notStarted);
    if (documentVersion !== latest.documentVersion) throw new Refusal('conflict', msg.actas.oldVersion(latest.documentVersion));
    const stale = seen && ('version' in seen ? seen.version !== latest.version : seen.contentKey !== actaContentKey(latest));
    if (stale && actaState(latest.signatures) !== 'signed') throw new Refusal('conflict', msg.actas.staleEdit);
    if (record.missing.length) throw new Refusal('invalid', msg.actas.notReady(record.missing.join(', ')));
    const signed = sign(latest.signatures, part, { secretaryId: plenaria.secretaryId, presidingId: plenaria.presidingId }, person.id, this.now());
    if (!signed.ok) throw new Refusal('forbidden', signed.message);
    const completed = actaState(signed.signatures) === 'signed';
    const acta = await this.write(person, 'sign', { ...latest, signatures: signed.signatures }, latest.version);
    if (completed) await this.completeSigned(person, record, acta);
    const now = await this.record(plenariaId);
    await this.notices.changed(now);
    return { record: now, completed };
  }

  async signFromTab(person: Person, plenariaId: string, documentVersion: number, version: number, part: SignatureRole): Promise<ActaView> {
    await this.sign(person, plenariaId, documentVersion, { version }, part);
    return this.view(person, plenariaId);
  }

  private async renderFile(record: ActaRecord, acta: Acta): Promise<ActaFile> {
    const people = new Map((await this.store.listPeople()).map((p) => [p.id, p]));
    const bytes = await actaDocx(actaContent(record.plenaria, acta, record.unitName, (id) => people.get(id) ?? null), acta.signatures);
    return { plenariaId: acta.plenariaId, documentVersion: acta.documentVersion, fileName: actaFileName(record.plenaria, acta.documentVersion), bytes };
  }

  /**
   * What a fully signed version brings: its .docx stored with it, its commitments in the tracker.
   * Idempotent, so «Enviar a la OAP» completes it if a failure interrupted the signing.
   */
  private async completeSigned(person: Person, record: ActaRecord, signed: Acta): Promise<Acta> {
    let acta = signed;
    if (!acta.fileName) {
      const file = await this.renderFile(record, acta);
      await this.store.saveActaFile(file, person.id);
      acta = await this.write(person, 'file', { ...acta, fileName: file.fileName }, acta.version);
    }
    await this.commitments.fromSignedActa(acta, record.plenaria, person.id);
    return acta;
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

  /** «Enviar a la OAP»: records that the signed acta's copy went to the OAP today. */
  async sendToOap(person: Person, plenariaId: string, documentVersion: number): Promise<ActaView> {
    const record = await this.record(plenariaId);
    const acta = record.versions.find((v) => v.documentVersion === documentVersion);
    if (!acta) throw new Refusal('not_found', msg.errors.notFound);
    const decision = maySendToOap(acta, await this.isEditor(person, record.plenaria));
    if (!decision.ok) throw new Refusal(acta.sentToOap ? 'conflict' : 'forbidden', decision.message);
    const complete = await this.completeSigned(person, record, acta);
    await this.write(person, 'send_oap', { ...complete, sentToOap: { on: today(this.clock).date, by: person.id } }, complete.version);
    await this.notices.changed(await this.record(plenariaId));
    return this.view(person, plenariaId);
  }

  /** A correction of a signed acta: a new version (the signed one stays as it was), to write and sign again. */
  async correct(person: Person, plenariaId: string, documentVersion: number, reason: string): Promise<ActaView> {
    const record = await this.record(plenariaId);
    const { latest } = record;
    if (!latest) throw new Refusal('invalid', msg.actas.notStarted);
    if (documentVersion !== latest.documentVersion) throw new Refusal('conflict', msg.actas.oldVersion(latest.documentVersion));
    const decision = mayCorrect(latest, await this.isEditor(person, record.plenaria), latest.documentVersion, reason);
    if (!decision.ok) throw new Refusal(reason.trim() ? 'forbidden' : 'invalid', decision.message);
    const at = this.now();
    await this.write(
      person,
      'correct',
      { ...latest, documentVersion: latest.documentVersion + 1, version: 1, signatures: UNSIGNED, sentToOap: null, fileName: null, correctionReason: reason.trim(), createdBy: person.id, createdAt: at },
      null,
    );
    return this.view(person, plenariaId);
  }

  // ─── Follow-up ────────────────────────────────────────────────────────────────────────────────

  /** The OAP's list: every plenaria of the quarter with its copy's status, and units that held none. */
  async oapList(person: Person, quarter: QuarterId): Promise<OapActasResponse> {
    const roles = await this.store.rolesOf(person.id);
    if (!seesWholeEntity(roles)) throw new Refusal('forbidden', msg.errors.dashboardOnlyEntity);
    const [units, plenarias, actas] = await Promise.all([this.store.listUnits(), this.store.listPlenarias({ quarters: [quarter] }), this.store.listActas({ quarters: [quarter] })]);
    const rows: OapActasResponse['rows'] = [];
    for (const p of plenarias) {
      rows.push({ plenariaId: p.id, kind: p.kind, unitId: p.unitId, unitName: await this.unitName(p.unitId, units), date: p.date, acta: this.status(p, actas.filter((a) => a.plenariaId === p.id)) });
    }
    const missing = unitsWithoutMenor(quarter, units, plenarias).map((w) => ({ unitId: w.unitId!, unitName: units.find((u) => u.id === w.unitId)?.name ?? w.unitId!, message: w.message }));
    const count = (s: ActaStatus['oapStatus']) => rows.filter((r) => r.acta.oapStatus === s).length;
    return { quarter, rows, missing, counts: { a_tiempo: count('a_tiempo'), vencida: count('vencida'), pendiente: count('pendiente'), missing: missing.length } };
  }

  /** Actas waiting for this person's signature (all parts the latest versions still need from them). */
  async awaitingSignature(personId: string, quarters: readonly QuarterId[]): Promise<Array<{ record: ActaRecord; parts: SignatureRole[] }>> {
    const plenarias = (await this.store.listPlenarias({ quarters })).filter((p) => p.presidingId === personId || p.secretaryId === personId);
    if (plenarias.length === 0) return [];
    const [actas, people, units] = await Promise.all([this.store.listActas({ quarters }), this.store.listPeople(), this.store.listUnits()]);
    const waiting: Array<{ record: ActaRecord; parts: SignatureRole[] }> = [];
    for (const p of plenarias) {
      const record = this.recordOf(p, actas.filter((a) => a.plenariaId === p.id), people, await this.unitName(p.unitId, units));
      if (!record.latest || record.missing.length) continue;
      const parts = signableParts(record.latest, p, personId, record.latest.documentVersion);
      if (parts.length) waiting.push({ record, parts });
    }
    return waiting;
  }
}

/** What this person may do from the sign-off card now: sign their parts, record the copy to the OAP. */
export async function actaViewer(store: Pick<DirectoryPort, 'rolesOf'>, person: Person, record: ActaRecord): Promise<{ parts: SignatureRole[]; maySendToOap: boolean }> {
  const { latest, plenaria } = record;
  if (!latest) return { parts: [], maySendToOap: false };
  const parts = record.missing.length === 0 ? signableParts(latest, plenaria, person.id, latest.documentVersion) : [];
  return { parts, maySendToOap: maySendToOap(latest, canEditActa(person.id, await store.rolesOf(person.id), plenaria)).ok };
}

function versionSummary(a: Acta): ActaVersionSummary {
  const state = actaState(a.signatures);
  const times = [a.signatures.secretary?.at, a.signatures.presiding?.at].filter((t): t is string => !!t).sort();
  return { documentVersion: a.documentVersion, state, signedAt: state === 'signed' ? times.at(-1)! : null, correctionReason: a.correctionReason, fileName: a.fileName };
}
