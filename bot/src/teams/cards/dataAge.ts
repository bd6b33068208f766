import { freshnessText } from '@okr/core';
import { STALE_NOTICE_MS } from '../../store/dataAge.js';
import { CARD_MAX_BYTES, cardBytes, subtle, type AdaptiveCard } from './elements.js';

/**
 * A card built from data older than a minute (SharePoint could not be reached; the read cache
 * answered) says so in one line at its end; otherwise — or when the line would take the card past
 * CARD_MAX_BYTES (a check-in card at its longest typing) — it is left as it is.
 */
export function datedCard(card: AdaptiveCard, ageMs: number): AdaptiveCard {
  if (ageMs <= STALE_NOTICE_MS) return card;
  const dated = { ...card, body: [...card.body, subtle(freshnessText.stale(Math.floor(ageMs / 1000)), { spacing: 'Medium' })] };
  return cardBytes(dated) < CARD_MAX_BYTES ? dated : card;
}
