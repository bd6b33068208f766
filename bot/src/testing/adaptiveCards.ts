import * as AC from 'adaptivecards';
import type { AdaptiveCard } from '../teams/cards/elements.js';

/**
 * Parses a card with the official Adaptive Cards library (schema 1.5); returns every parse event,
 * errors and warnings. Needs a DOM: the test file runs in `@vitest-environment jsdom`.
 */
export function parseEvents(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card as unknown as AC.PropertyBag, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return events;
}
