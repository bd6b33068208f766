import { expect, it } from 'vitest';
import type { ContractContext } from './fixtures.js';

/** The contract of the conversation references and cards. */
export function messagingContract({ seeded }: ContractContext): void {
  it('remembers the cards sent about a set or an acta, one per subject, purpose and person', async () => {
    const store = await seeded();
    const subjectId = 'set-al-usaquen-2026-Q4';
    await store.saveCardMessage({ subjectId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a1', reference: { c: 1 } });
    await store.saveCardMessage({ subjectId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a2', reference: { c: 2 } });
    await store.saveCardMessage({ subjectId, purpose: 'coach_review', personId: 'coach-1', activityId: 'b1', reference: { c: 3 } });
    // An acta's sign-off cards: the subject is not a set.
    const acta = 'acta:pl-al-usaquen-2027-Q1';
    await store.saveCardMessage({ subjectId: acta, purpose: 'acta_signature', personId: 'lider-al-usaquen', activityId: 'c1', reference: { c: 4 } });
    await store.saveCardMessage({ subjectId: acta, purpose: 'acta_signature', personId: 'enlace-al-usaquen', activityId: 'c2', reference: { c: 5 } });
    const cards = await store.listCardMessages(subjectId);
    expect(cards).toHaveLength(2);
    expect(cards.find((c) => c.purpose === 'leader_approval')).toEqual({ subjectId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a2', reference: { c: 2 } });
    expect((await store.listCardMessages(acta)).map((c) => [c.subjectId, c.personId, c.activityId])).toEqual([
      [acta, 'lider-al-usaquen', 'c1'],
      [acta, 'enlace-al-usaquen', 'c2'],
    ]);
    expect(await store.listCardMessages('acta:nada')).toEqual([]);
    await store.close();
  });

  it('keeps conversation references for proactive messages, replacing the old one', async () => {
    const store = await seeded();
    expect(await store.getConversationReference('enlace-al-usaquen')).toBeNull();
    await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'a' } });
    await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'b' } });
    expect(await store.getConversationReference('enlace-al-usaquen')).toEqual({ conversation: { id: 'b' } });
    await store.close();
  });

  it('lists the people the bot can reach proactively', async () => {
    const store = await seeded();
    expect(await store.listConversationPersonIds()).toEqual([]);
    await store.saveConversationReference('lider-al-usaquen', { conversation: { id: 'x' } });
    await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'y' } });
    expect((await store.listConversationPersonIds()).sort()).toEqual(['enlace-al-usaquen', 'lider-al-usaquen']);
    await store.close();
  });
}
