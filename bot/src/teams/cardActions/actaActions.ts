import { actasBotText as t, type Person } from '@okr/core';
import type { Actor, CardAction, CardReply, SharedDeps } from '../handlers.js';
import type { ActaSigningService } from '../../services/actaSigning.js';
import { actaViewer, type ActaRecord, type ActaService } from '../../services/actas.js';
import { Refusal } from '../../services/refusal.js';
import { ACTA_REFRESH, ACTA_SEND_OAP, ACTA_SIGN, NO_ACTIONS, actaCard } from '../cards/actaCard.js';
import { messageCard } from '../cards/simpleCards.js';
import type { AdaptiveCard } from '../cards/elements.js';
import { teamsUserIds } from '../teamsUserIds.js';

type ActaDeps = { actas: ActaService; actaSigning: ActaSigningService };

/** The acta's card as one person sees it now (their buttons), refreshed for both signers. */
export async function actaCardFor(deps: Pick<SharedDeps, 'store' | 'tabUrl'>, person: Person | null, record: ActaRecord, opts: { notice?: string; warning?: string } = {}) {
  const viewer = person ? await actaViewer(deps.store, person, record) : NO_ACTIONS;
  const refreshUserIds = await teamsUserIds(deps.store, [record.plenaria.secretaryId, record.plenaria.presidingId]);
  return actaCard(record, viewer, { ...opts, refreshUserIds, tabUrl: deps.tabUrl(record.plenaria.unitId ?? undefined, { view: 'plenarias', acta: record.plenaria.id }) });
}

/** Runs a step; a refusal (wrong person, stale card, already done) comes back on the same card, nothing changed. */
async function step(actor: Actor<ActaDeps>, plenariaId: string, run: () => Promise<{ record: ActaRecord; notice: string }>): Promise<CardReply> {
  try {
    const { record, notice } = await run();
    return { card: await actaCardFor(actor.deps, actor.person, record, { notice }), everyone: await actaCardFor(actor.deps, null, record) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // The refusal comes back on the acta's card only for someone who may see the acta.
    const record = await visible(actor, plenariaId);
    if (!('plenaria' in record)) return record;
    return actaCardFor(actor.deps, actor.person, record, { warning: error.message });
  }
}

/** The acta's record if this person may see it; otherwise the card that says so, and nothing of the acta. */
async function visible(actor: Actor<{ actas: ActaService }>, plenariaId: string): Promise<ActaRecord | AdaptiveCard> {
  try {
    return await actor.deps.actas.visibleRecord(actor.person, plenariaId);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return error.code === 'not_found' ? messageCard(t.notFound.title, t.notFound.text) : messageCard(t.notAllowed.title, t.notAllowed.text);
  }
}

/** «Firmar como secretario/a» / «Firmar como quien preside». */
export const signActaAction: CardAction<ActaDeps> = {
  verb: ACTA_SIGN,
  async run(actor, data) {
    const plenariaId = String(data.plenariaId ?? '');
    const part = data.part === 'presiding' ? 'presiding' : 'secretary';
    const seen = typeof data.content === 'string' ? { contentKey: data.content } : null;
    return step(actor, plenariaId, async () => {
      const { record, completed } = await actor.deps.actaSigning.sign(actor.person, plenariaId, Number(data.documentVersion), seen, part);
      actor.deps.log.info({ person: actor.person.id, plenariaId, part, completed }, 'acta signed');
      const notice = completed ? t.signedBoth : t.signedOne(part === 'secretary' ? record.presiding.name : record.secretary.name);
      return { record, notice };
    });
  },
};

/** «Enviar a la OAP» on a signed acta's card. */
export const sendActaToOapAction: CardAction<ActaDeps> = {
  verb: ACTA_SEND_OAP,
  async run(actor, data) {
    const plenariaId = String(data.plenariaId ?? '');
    return step(actor, plenariaId, async () => {
      await actor.deps.actaSigning.sendToOap(actor.person, plenariaId, Number(data.documentVersion));
      const record = await actor.deps.actas.record(plenariaId);
      return { record, notice: t.sentToOap(record.oap.sentOn ?? '', record.oap.oapStatus === 'a_tiempo') };
    });
  },
};

/** Universal Actions refresh: the acta's current card with the viewer's own buttons. */
export const refreshActaAction: CardAction<{ actas: ActaService }> = {
  verb: ACTA_REFRESH,
  async run(actor, data) {
    const record = await visible(actor, String(data.plenariaId ?? ''));
    return 'plenaria' in record ? actaCardFor(actor.deps, actor.person, record) : record;
  },
};

export const actaActions: readonly CardAction<ActaDeps>[] = [signActaAction, sendActaToOapAction, refreshActaAction];
