import { actasBotText } from '@okr/core';
import type { SharedDeps } from './handlers.js';
import type { ActaNotices, ActaRecord } from '../services/actas.js';
import type { ProactiveCards } from '../services/proactiveCards.js';
import { actaCardFor } from './cardActions/actaActions.js';
import { plenariaChangedCard } from './cards/actaCard.js';

const PURPOSE = 'acta_signature';
const subjectOf = (plenariaId: string) => `acta:${plenariaId}`;

/**
 * The bot's side of an acta: the sign-off card goes to the secretary's and the presiding líder's
 * personal chats, and every card sent earlier is brought up to date (without buttons for anyone but
 * its viewer, through `refresh`) whenever the acta is edited, signed or sent to the OAP.
 */
export function actaNotices(deps: Pick<SharedDeps, 'store' | 'tabUrl'>, cards: ProactiveCards): ActaNotices {
  return {
    async requestSignatures(record: ActaRecord, personIds: readonly string[]) {
      const { store } = deps;
      const sent: string[] = [];
      const unreachable: string[] = [];
      for (const personId of personIds) {
        const person = await store.getPerson(personId);
        const card = await actaCardFor(deps, person, record, { notice: actasBotText.yourTurn });
        const delivered = await cards.send(personId, card);
        const name = record.names.get(personId) ?? personId;
        if (!delivered) {
          unreachable.push(name);
          continue;
        }
        sent.push(name);
        await store.saveCardMessage({ subjectId: subjectOf(record.plenaria.id), purpose: PURPOSE, personId, activityId: delivered.activityId, reference: delivered.reference });
      }
      return { sent, unreachable };
    },
    async plenariaChanged(record, change, personIds) {
      const sent: string[] = [];
      const unreachable: string[] = [];
      const tabUrl = deps.tabUrl(record.plenaria.unitId ?? undefined, { view: 'plenarias' });
      for (const personId of personIds) {
        const delivered = await cards.send(personId, plenariaChangedCard(record, change, tabUrl));
        (delivered ? sent : unreachable).push(record.names.get(personId) ?? personId);
      }
      return { sent, unreachable };
    },
    async changed(record: ActaRecord) {
      const { store } = deps;
      for (const old of await store.listCardMessages(subjectOf(record.plenaria.id))) {
        await cards.update({ activityId: old.activityId, reference: old.reference }, await actaCardFor(deps, null, record));
      }
    },
  };
}
