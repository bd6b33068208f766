import type { Store } from '../store/Store.js';

/** Teams user ids of directory people, from the conversation references stored when they wrote to the bot (for card `refresh.userIds`). */
export async function teamsUserIds(store: Store, personIds: Iterable<string>): Promise<string[]> {
  const ids: string[] = [];
  for (const personId of new Set(personIds)) {
    const ref = (await store.getConversationReference(personId)) as { user?: { id?: string } } | null;
    if (ref?.user?.id) ids.push(ref.user.id);
  }
  return ids;
}
