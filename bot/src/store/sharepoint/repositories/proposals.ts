import type { Proposal } from '@okr/core';
import type { ProposalsPort } from '../../ports/proposals.js';
import { nextVersion } from '../../peiRules.js';
import type { Item, SharePointModule, WriteOp } from '../engine.js';
import { binary } from './itemTools.js';
import { noteJson, str, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, number, recordKey, text, type ListSpec } from '../schema.js';

/**
 * The proposals' list: one item per proposal, its record as one JSON note beside the columns its
 * queries use — the session (`PlenariaId`) and who takes it (`ResponsibleId`), both indexed.
 */
export const PROPOSALS_LISTS = {
  proposals: {
    name: 'OkrPropuestas',
    description: 'Propuestas de las sesiones «Un café con el Secretario»: quién la toma, estado, seguimiento e impacto',
    columns: [
      recordKey('id de la propuesta'),
      idempotencyKey,
      indexed('PlenariaId', 'Id de la sesión de diálogo'),
      indexed('ResponsibleId', 'Id de quien toma la propuesta'),
      text('ProposalStatus', 'recibida, en_estudio, adoptada, no_viable o implementada'),
      number('RecordVersion', 'versión (compare-and-set)'),
      note('RecordJson', 'la propuesta (JSON)'),
    ],
    audit: 'proposal',
  },
} satisfies Record<string, ListSpec>;

const L = PROPOSALS_LISTS;
const read = (i: Item): Proposal => JSON.parse(str(i.fields, 'RecordJson')) as Proposal;
const fields = (p: Proposal): Fields => ({
  RecordKey: p.id,
  Title: title(p.text),
  PlenariaId: p.plenariaId,
  ResponsibleId: p.responsibleId ?? '',
  ProposalStatus: p.status,
  RecordVersion: p.version,
  RecordJson: noteJson(p, `Propuesta ${p.id}`),
});

export const proposalsSharePoint: SharePointModule<ProposalsPort, typeof PROPOSALS_LISTS> = {
  lists: PROPOSALS_LISTS,

  seed(engine, data) {
    return (data.proposals ?? []).map((p) => engine.create(L.proposals, fields(p)));
  },

  repository: (engine): ProposalsPort => ({
    async listProposals(filter = {}) {
      // The most selective indexed column given; the other filter is applied to what it returns.
      const where: [string, string] | undefined = filter.plenariaId !== undefined ? ['PlenariaId', filter.plenariaId] : filter.responsibleId !== undefined ? ['ResponsibleId', filter.responsibleId] : undefined;
      const items = await engine.readOne(where ? { list: L.proposals, where } : { list: L.proposals });
      return items
        .map(read)
        .filter((p) => (filter.plenariaId === undefined || p.plenariaId === filter.plenariaId) && (filter.responsibleId === undefined || p.responsibleId === filter.responsibleId))
        .sort((a, b) => binary(a.id, b.id));
    },

    /** The sessions' proposals are read in one batch, checked, then written in one sequence (undone if a step fails). */
    async writeProposals(writes, actorId) {
      const ids = new Set<string>();
      for (const w of writes) {
        if (ids.has(w.proposal.id)) throw new Error(`writeProposals: proposal ${w.proposal.id} appears twice`);
        ids.add(w.proposal.id);
      }
      const sessions = [...new Set(writes.map((w) => w.proposal.plenariaId))];
      const pages = await engine.read(sessions.map((id) => ({ list: L.proposals, where: ['PlenariaId', id] as [string, string] })), { fresh: true });
      const stored = new Map(pages.flat().map((i) => [str(i.fields, 'RecordKey'), i]));
      const ops: WriteOp[] = [];
      const out = writes.map((w) => {
        const item = stored.get(w.proposal.id);
        const before = item ? read(item) : null;
        const next = nextVersion(before, w.proposal, w.expectedVersion, `proposal ${w.proposal.id}`);
        ops.push(item ? engine.update(L.proposals, item, fields(next)) : engine.create(L.proposals, fields(next)));
        ops.push(engine.audit({ actorId, entity: 'proposal', entityId: next.id, action: before ? 'update' : 'create', before, after: next }));
        return next;
      });
      if (ops.length) await engine.write(ops);
      return out;
    },
  }),
};
