import { actaContentKey, actaState, isCancelled, maySendToOap, mayCorrect, msg, sign, signableParts, UNSIGNED, type Acta, type ActaView, type Person, type Plenaria, type QuarterId, type SignatureRole } from '@okr/core';
import type { ActasPort, DirectoryPort } from '../store/Store.js';
import { refuseIfCancelled, noActaNotices, type ActaNotices, type ActaRecord, type ActaService } from './actas.js';
import { today, type Clock } from './clock.js';
import { Refusal } from './refusal.js';

/** A version just signed by both parts (or completed by «Enviar a la OAP»): what another module may take from it. */
export interface ActaSignedEvent {
  acta: Acta;
  plenaria: Plenaria;
  actorId: string;
}

/**
 * The sign-off of actas (seed 000, activity 9): the request for signatures, the two signatures
 * (from the card or the tab), the signed .docx stored with the acta, the copy to the OAP, and
 * corrections as new versions. Reads and writes actas through the acta service.
 */
export class ActaSigningService {
  private readonly signedListeners: Array<(event: ActaSignedEvent) => Promise<void>> = [];

  constructor(
    private readonly store: ActasPort & DirectoryPort,
    private readonly clock: Clock,
    private readonly actas: ActaService,
    private readonly notices: ActaNotices = noActaNotices,
  ) {}

  /**
   * Another module takes what a signed acta brings (the proposals module: a dialogue session's
   * proposals). Called after the .docx and the commitments, each time completion runs (idempotent).
   */
  onSigned(listener: (event: ActaSignedEvent) => Promise<void>): void {
    this.signedListeners.push(listener);
  }

  /** Sends the sign-off cards to the secretary and who presides (those who have not signed yet). */
  async requestSignatures(person: Person, plenariaId: string, documentVersion: number, version: number): Promise<{ view: ActaView; sentTo: string[]; unreachable: string[] }> {
    const { record, acta } = await this.actas.editable(person, plenariaId, documentVersion, version);
    if (record.missing.length) throw new Refusal('invalid', msg.actas.notReady(record.missing.join(', ')));
    if (record.signingClosed) throw new Refusal('invalid', record.signingClosed);
    const pending = [acta.signatures.secretary ? null : record.plenaria.secretaryId, acta.signatures.presiding ? null : record.plenaria.presidingId].filter((id): id is string => !!id);
    const { sent, unreachable } = await this.notices.requestSignatures(record, [...new Set(pending)]);
    return { view: await this.actas.view(person, plenariaId), sentTo: sent, unreachable };
  }

  /**
   * Signs one part (from the Teams card or the tab). `seen` is what the signer saw: the tab's
   * version, or the card's content fingerprint (another party's signature does not make a card
   * stale; an edit does); null: the current one. With the second signature the acta becomes immutable: its .docx is stored with
   * it and its commitments enter the tracker.
   */
  async sign(person: Person, plenariaId: string, documentVersion: number, seen: { version: number } | { contentKey: string } | null, part: SignatureRole): Promise<{ record: ActaRecord; completed: boolean }> {
    const record = await this.actas.record(plenariaId);
    const { latest, plenaria } = record;
    if (!latest) throw new Refusal('invalid', msg.actas.notStarted);
    refuseIfCancelled(plenaria);
    if (documentVersion !== latest.documentVersion) throw new Refusal('conflict', msg.actas.oldVersion(latest.documentVersion));
    const stale = seen && ('version' in seen ? seen.version !== latest.version : seen.contentKey !== actaContentKey(latest));
    if (stale && actaState(latest.signatures) !== 'signed') throw new Refusal('conflict', msg.actas.staleEdit);
    if (record.missing.length) throw new Refusal('invalid', msg.actas.notReady(record.missing.join(', ')));
    if (record.signingClosed && actaState(latest.signatures) !== 'signed') throw new Refusal('invalid', record.signingClosed);
    const signed = sign(latest.signatures, part, { secretaryId: plenaria.secretaryId, presidingId: plenaria.presidingId }, person.id, this.clock.now().toISOString());
    if (!signed.ok) throw new Refusal('forbidden', signed.message);
    const completed = actaState(signed.signatures) === 'signed';
    const acta = await this.actas.write(person, 'sign', { ...latest, signatures: signed.signatures }, latest.version);
    if (completed) await this.completeSigned(person, record, acta);
    const now = await this.actas.record(plenariaId);
    await this.notices.changed(now);
    return { record: now, completed };
  }

  async signFromTab(person: Person, plenariaId: string, documentVersion: number, version: number, part: SignatureRole): Promise<ActaView> {
    await this.sign(person, plenariaId, documentVersion, { version }, part);
    return this.actas.view(person, plenariaId);
  }

  /**
   * What a fully signed version brings: its .docx stored with it, its commitments in the tracker.
   * Idempotent, so «Enviar a la OAP» completes it if a failure interrupted the signing.
   */
  private async completeSigned(person: Person, record: ActaRecord, signed: Acta): Promise<Acta> {
    let acta = signed;
    if (!acta.fileName) {
      const file = await this.actas.renderFile(record, acta);
      await this.store.saveActaFile(file, person.id);
      acta = await this.actas.write(person, 'file', { ...acta, fileName: file.fileName }, acta.version);
    }
    await this.actas.commitments.fromSignedActa(acta, record.plenaria, person.id);
    for (const listener of this.signedListeners) await listener({ acta, plenaria: record.plenaria, actorId: person.id });
    return acta;
  }

  /** «Enviar a la OAP»: records that the signed acta's copy went to the OAP today. */
  async sendToOap(person: Person, plenariaId: string, documentVersion: number): Promise<ActaView> {
    const record = await this.actas.record(plenariaId);
    const acta = record.versions.find((v) => v.documentVersion === documentVersion);
    if (!acta) throw new Refusal('not_found', msg.errors.notFound);
    refuseIfCancelled(record.plenaria);
    if (!record.held) throw new Refusal('invalid', msg.actas.notHeldYet(record.plenaria.date, record.plenaria.startTime));
    const decision = maySendToOap(acta, await this.actas.isEditor(person, record.plenaria));
    if (!decision.ok) throw new Refusal(acta.sentToOap ? 'conflict' : 'forbidden', decision.message);
    const complete = await this.completeSigned(person, record, acta);
    await this.actas.write(person, 'send_oap', { ...complete, sentToOap: { on: today(this.clock).date, by: person.id } }, complete.version);
    await this.notices.changed(await this.actas.record(plenariaId));
    return this.actas.view(person, plenariaId);
  }

  /** A correction of a signed acta: a new version (the signed one stays as it was), to write and sign again. */
  async correct(person: Person, plenariaId: string, documentVersion: number, reason: string): Promise<ActaView> {
    const record = await this.actas.record(plenariaId);
    const { latest } = record;
    if (!latest) throw new Refusal('invalid', msg.actas.notStarted);
    if (documentVersion !== latest.documentVersion) throw new Refusal('conflict', msg.actas.oldVersion(latest.documentVersion));
    const decision = mayCorrect(latest, await this.actas.isEditor(person, record.plenaria), latest.documentVersion, reason);
    if (!decision.ok) throw new Refusal(reason.trim() ? 'forbidden' : 'invalid', decision.message);
    const at = this.clock.now().toISOString();
    await this.actas.write(
      person,
      'correct',
      { ...latest, documentVersion: latest.documentVersion + 1, version: 1, signatures: UNSIGNED, sentToOap: null, fileName: null, correctionReason: reason.trim(), createdBy: person.id, createdAt: at },
      null,
    );
    return this.actas.view(person, plenariaId);
  }

  /** Actas waiting for this person's signature (all parts the latest versions still need from them). */
  async awaitingSignature(personId: string, quarters: readonly QuarterId[]): Promise<Array<{ record: ActaRecord; parts: SignatureRole[] }>> {
    const plenarias = this.actas.readable(await this.store.listPlenarias({ quarters })).sound.filter((p) => !isCancelled(p) && (p.presidingId === personId || p.secretaryId === personId));
    if (plenarias.length === 0) return [];
    const [actas, people, units] = await Promise.all([this.store.listActas({ quarters }), this.store.listPeople(), this.store.listUnits()]);
    const waiting: Array<{ record: ActaRecord; parts: SignatureRole[] }> = [];
    for (const p of plenarias) {
      const record = this.actas.recordOf(p, actas.filter((a) => a.plenariaId === p.id), people, await this.actas.unitName(p.unitId, units));
      if (!record.latest || record.missing.length || record.signingClosed) continue;
      const parts = signableParts(record.latest, p, personId, record.latest.documentVersion);
      if (parts.length) waiting.push({ record, parts });
    }
    return waiting;
  }
}
