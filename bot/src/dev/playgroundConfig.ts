import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Person } from '@okr/core';
import type { Store } from '../store/Store.js';

/** The five other people of the directory in the Playground's tenant (its schema wants exactly 5). */
const PLAYGROUND_OTHERS = ['lider-al-usaquen', 'miembro-al-usaquen', 'enlace-dgth', 'coach-1', 'eti-1'];

const playgroundUser = (p: Person) => {
  const [givenName, ...rest] = p.name.split(' ');
  return { id: p.aadObjectId, name: p.name, userPrincipleName: p.email, aadObjectId: p.aadObjectId, givenName: givenName ?? p.name, surname: rest.join(' '), email: p.email };
};

/**
 * Writes the Microsoft 365 Agents Playground's config (`M365_AGENTS_PLAYGROUND_CONFIG_PATH`) so
 * its users are people of the seeded directory. YAML is a superset of JSON, so JSON is written.
 */
export async function writePlaygroundConfig(store: Store, path: string, currentUserId: string): Promise<Person> {
  const current = await store.getPerson(currentUserId);
  if (!current) throw new Error(`Playground user ${currentUserId} is not in the directory`);
  const candidates = [...PLAYGROUND_OTHERS, 'oap-1'].filter((id) => id !== currentUserId).slice(0, 5);
  const others = (await Promise.all(candidates.map((id) => store.getPerson(id)))).filter((p): p is Person => p !== null);
  const config = {
    version: '0.1.0',
    tenantId: '00000000-0000-4000-8000-0000000050d6',
    bot: { id: 'okr-bot', name: 'OKR SDG' },
    currentUser: playgroundUser(current),
    users: others.map(playgroundUser),
    personalChat: { id: 'personal-chat-okr' },
    groupChat: { id: 'group-chat-okr', name: 'Equipo OKR Usaquén' },
    team: {
      id: 'team-okr',
      name: 'Alcaldía Local de Usaquén',
      aadGroupId: '00000000-0000-4000-8000-0000000050d7',
      channels: [{ id: 'channel-okr-plenarias', name: 'Plenarias' }],
    },
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return current;
}
