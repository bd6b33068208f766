import {
  buildQuarterSnapshot,
  msg,
  quarterLabel,
  quarterRange,
  toIsoDate,
  parseIsoDate,
  type QuarterCloseResponse,
  type QuarterId,
  type QuarterSnapshot,
  type Person,
} from '@okr/core';
import { ConflictError, type QuarterCloseRecord, type StoredQuarterClose } from '../store/Store.js';
import { seesWholeEntity } from './access.js';
import { today, type Clock } from './clock.js';
import type { ReviewStore } from './review.js';
import { Refusal } from './refusal.js';
import { quarterCloseXlsx } from '../review/quarterCloseXlsx.js';

/** Sharing a close: the Subsecretaría de Gestión Institucional gets the figures, each líder their unit's result. */
export interface QuarterNotices {
  quarterShared(close: StoredQuarterClose): Promise<{ sent: number; unreachable: number }>;
}

export const noQuarterNotices: QuarterNotices = { quarterShared: async () => ({ sent: 0, unreachable: 0 }) };

const when = (iso: string) => new Date(iso).toLocaleString('es-CO', { timeZone: 'America/Bogota', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/** The day after the quarter's last day: from then on it may be closed. */
function closableFrom(quarter: QuarterId): string {
  return toIsoDate(new Date(parseIsoDate(quarterRange(quarter).end).getTime() + 86_400_000));
}

/**
 * The quarter close (seed 000, activity 7.1): after the quarter's last month the ETI freezes the
 * report of the 44 units, downloads it as .xlsx and shares it with the Subsecretaría de Gestión
 * Institucional and each líder. Entity-wide roles read it; only the ETI closes and shares.
 */
export class QuarterCloseService {
  constructor(
    private readonly store: ReviewStore,
    private readonly clock: Clock,
    private readonly notices: QuarterNotices = noQuarterNotices,
  ) {}

  private async roles(person: Person) {
    const roles = await this.store.rolesOf(person.id);
    if (!seesWholeEntity(roles)) throw new Refusal('forbidden', msg.errors.forbidden);
    return { eti: roles.some((r) => r.role === 'eti') };
  }

  /** The quarter's close (its frozen snapshot), or what a close would freeze now. */
  async view(person: Person, quarter: QuarterId): Promise<QuarterCloseResponse> {
    const { eti } = await this.roles(person);
    const data = await this.store.loadQuarterClose(quarter);
    const names = new Map(data.people.map((p) => [p.id, p.name]));
    const ended = today(this.clock).date >= closableFrom(quarter);
    if (data.close) return this.respond(data.close, names, eti);
    const preview = this.snapshot(quarter, person.id, data);
    return {
      quarter,
      closableFrom: closableFrom(quarter),
      closed: null,
      snapshot: null,
      preview: { summary: preview.summary, monthsNotClosed: preview.units.flatMap((u) => u.months).filter((m) => m.state !== 'cerrado').length },
      canClose: eti && ended && data.bundles.some((b) => b.set.state === 'active'),
      canShare: false,
    };
  }

  private respond(close: StoredQuarterClose, names: ReadonlyMap<string, string>, eti: boolean): QuarterCloseResponse {
    const { record, snapshot } = close;
    return {
      quarter: record.quarter,
      closableFrom: closableFrom(record.quarter),
      closed: { closedAt: record.closedAt, closedByName: snapshot.closedByName, sharedAt: record.sharedAt, sharedByName: record.sharedBy ? (names.get(record.sharedBy) ?? record.sharedBy) : null, version: record.version },
      snapshot: { ...snapshot, units: snapshot.units.map((u) => ({ ...u, keyResults: u.keyResults.map(({ checkIns: _, ...k }) => k) })) },
      preview: null,
      canClose: false,
      canShare: eti,
    };
  }

  /** The snapshot a close freezes now — or, while the quarter runs, a preview as of today. */
  private snapshot(quarter: QuarterId, actorId: string, data: Awaited<ReturnType<ReviewStore['loadQuarterClose']>>): QuarterSnapshot {
    return buildQuarterSnapshot({
      asOf: today(this.clock).date,
      quarter,
      closedAt: this.clock.now().toISOString(),
      closedBy: actorId,
      names: new Map(data.people.map((p) => [p.id, p.name])),
      units: data.units,
      bundles: data.bundles,
      checkIns: data.checkIns,
      reviews: data.reviews,
      institutionalObjectives: data.institutionalObjectives,
    });
  }

  /** «Cerrar el trimestre» (ETI, once the quarter has ended): freezes the snapshot and closes every loaded set of the quarter. */
  async close(person: Person, quarter: QuarterId): Promise<QuarterCloseResponse> {
    const { eti } = await this.roles(person);
    if (!eti) throw new Refusal('forbidden', msg.review.onlyEti);
    const from = closableFrom(quarter);
    if (today(this.clock).date < from) throw new Refusal('invalid', msg.review.quarterNotOver(quarterLabel(quarter), from));
    const data = await this.store.loadQuarterClose(quarter);
    if (data.close) throw new Refusal('conflict', msg.review.quarterAlreadyClosed(quarterLabel(quarter), data.close.snapshot.closedByName, when(data.close.record.closedAt)));
    const snapshot = this.snapshot(quarter, person.id, data);
    const sets = data.bundles.filter((b) => b.set.state === 'active').map((b) => ({ setId: b.set.id, version: b.set.version }));
    let record: QuarterCloseRecord;
    try {
      record = await this.store.closeQuarter({ actorId: person.id, snapshot, sets });
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.review.stale);
      throw error;
    }
    return this.respond({ record, snapshot }, new Map(data.people.map((p) => [p.id, p.name])), true);
  }

  /** «Compartir» (ETI): the figures to the Subsecretaría de Gestión Institucional, each unit's result to its líder; recorded once sent. */
  async share(person: Person, quarter: QuarterId, expectedVersion: number): Promise<{ view: QuarterCloseResponse; sent: number; unreachable: number }> {
    const { eti } = await this.roles(person);
    if (!eti) throw new Refusal('forbidden', msg.review.onlyEti);
    const close = await this.store.getQuarterClose(quarter);
    if (!close) throw new Refusal('not_found', msg.review.quarterNotClosed(quarterLabel(quarter)));
    if (close.record.version !== expectedVersion) throw new Refusal('conflict', msg.review.stale);
    // Recorded first (compare-and-set): two ETI members pressing «Compartir» at once send it once.
    let record: QuarterCloseRecord;
    try {
      record = await this.store.markQuarterShared(quarter, person.id, expectedVersion);
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.review.stale);
      throw error;
    }
    const { sent, unreachable } = await this.notices.quarterShared({ record, snapshot: close.snapshot });
    const people = await this.store.listPeople();
    return { view: this.respond({ record, snapshot: close.snapshot }, new Map(people.map((p) => [p.id, p.name])), true), sent, unreachable };
  }

  /** The closed quarter's report as .xlsx (entity-wide roles). */
  async xlsx(person: Person, quarter: QuarterId): Promise<{ fileName: string; bytes: Buffer }> {
    await this.roles(person);
    const close = await this.store.getQuarterClose(quarter);
    if (!close) throw new Refusal('not_found', msg.review.quarterNotClosed(quarterLabel(quarter)));
    return { fileName: `Cierre_OKR_${quarter}.xlsx`, bytes: await quarterCloseXlsx(close.snapshot) };
  }
}
