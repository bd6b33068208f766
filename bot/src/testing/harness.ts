import { TestAdapter, type Activity } from 'botbuilder';
import pino from 'pino';
import type { Person } from '@okr/core';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { fixedClock, movableClock, today } from '../services/clock.js';
import { createApp } from '../app.js';
import { RecordingProactiveCards } from '../services/proactiveCards.js';
import { loadConfig } from '../config.js';
import type { AdaptiveCard } from '../teams/cards/elements.js';
import type { SeedData, Store } from '../store/Store.js';

/** 23 Nov 2026, 10:00 in Bogotá: Q4, November open, October reported by most units. */
export const TEST_NOW = '2026-11-23T15:00:00.000Z';

/** An in-memory store with the demo seed, as on a fresh `npm start`; `edit` may change the seed first. */
export async function seededStore(now = TEST_NOW, edit?: (seed: SeedData) => void): Promise<SqliteStore> {
  const clock = fixedClock(now);
  const store = new SqliteStore({ path: ':memory:', now: () => clock.now() });
  const seed = buildDemoSeed(today(clock).date);
  edit?.(seed);
  await store.seed(seed);
  return store;
}

export const silentLog = pino({ level: 'silent' });

/**
 * Drives the real bot through botbuilder's TestAdapter, acting as any person of the directory;
 * over `given` (already seeded) instead of a fresh SQLite store when one is passed.
 */
export async function botHarness<S extends Store = SqliteStore>(now = TEST_NOW, editSeed?: (seed: SeedData) => void, given?: S) {
  const store = (given ?? (await seededStore(now, editSeed))) as S;
  const clock = movableClock(now);
  const config = loadConfig({ PUBLIC_URL: 'http://localhost:3978' });
  const proactive = new RecordingProactiveCards();
  const { bot, deps } = createApp({ store, clock, config, log: silentLog, proactive });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  /** Messages the bot updated in place (updateActivity), newest last. */
  const updated: Partial<Activity>[] = [];
  const update = adapter.updateActivity.bind(adapter);
  adapter.updateActivity = async (context, activity) => {
    updated.push(activity);
    return update(context, activity);
  };

  const activityFrom = (person: Pick<Person, 'aadObjectId' | 'name'> | { aadObjectId: string; name: string }, extra: Partial<Activity>): Partial<Activity> => ({
    channelId: 'msteams',
    from: { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId },
    conversation: { id: `a:personal-${person.aadObjectId}`, conversationType: 'personal', isGroup: false, name: '' },
    recipient: { id: '28:okr-bot', name: 'OKR SDG' },
    ...extra,
  });

  async function drain(): Promise<Partial<Activity>[]> {
    return adapter.activeQueue.splice(0);
  }

  async function as(personId: string) {
    const person = await store.getPerson(personId);
    if (!person) throw new Error(`unknown person ${personId}`);
    return person;
  }

  /** Sends a chat message; returns the cards the bot answered with. */
  async function say(personId: string | { aadObjectId: string; name: string }, text: string): Promise<AdaptiveCard[]> {
    const person = typeof personId === 'string' ? await as(personId) : personId;
    await adapter.processActivity(activityFrom(person, { type: 'message', text }));
    return cardsOf(await drain());
  }

  /** Clicks an Action.Execute: returns the card of the invoke response. */
  async function execute(personId: string | { aadObjectId: string; name: string }, verb: string, data: Record<string, unknown>, replyToId?: string): Promise<AdaptiveCard> {
    const person = typeof personId === 'string' ? await as(personId) : personId;
    await adapter.processActivity(
      activityFrom(person, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...(replyToId ? { replyToId } : {}) }),
    );
    const replies = await drain();
    const invoke = replies.find((a) => a.type === 'invokeResponse');
    if (!invoke) throw new Error(`no invoke response; got ${JSON.stringify(replies)}`);
    const value = invoke.value as { status: number; body: { statusCode: number; value: AdaptiveCard } };
    if (value.status !== 200 || value.body.statusCode !== 200) throw new Error(`invoke failed: ${JSON.stringify(value)}`);
    return value.body.value;
  }

  /** The same action arriving as an Action.Submit message (Teams mobile fallback). */
  async function submit(personId: string, data: Record<string, unknown>): Promise<AdaptiveCard[]> {
    const person = await as(personId);
    await adapter.processActivity(activityFrom(person, { type: 'message', value: data }));
    return cardsOf(await drain());
  }

  async function event(personId: string, activity: Partial<Activity>) {
    const person = await as(personId);
    await adapter.processActivity(activityFrom(person, activity));
    return cardsOf(await drain());
  }

  return { store, clock, adapter, say, execute, submit, event, as, updated, proactive, deps };
}

export function cardsOf(activities: Partial<Activity>[]): AdaptiveCard[] {
  return activities.flatMap((a) => (a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content as AdaptiveCard));
}

/** Every text a person would read on a card, joined: for assertions on what users see. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value', 'label', 'placeholder']) if (typeof o[key] === 'string') out.push(o[key] as string);
      Object.values(o).forEach((v) => typeof v === 'object' && walk(v));
    }
  };
  walk(card);
  return out.join('\n');
}

/** Ids of the inputs on a card. */
export function inputIdsOf(card: unknown): string[] {
  const ids: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') ids.push(o.id);
      Object.values(o).forEach((v) => typeof v === 'object' && walk(v));
    }
  };
  walk(card);
  return ids;
}
