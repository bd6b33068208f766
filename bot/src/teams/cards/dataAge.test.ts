import { describe, expect, it } from 'vitest';
import { cardText } from '../../testing/harness.js';
import { datedCard } from './dataAge.js';
import { card, CARD_MAX_BYTES, cardBytes, text } from './elements.js';

describe('a card’s line on how old its data is', () => {
  const small = card([text('Resultado clave')]);
  it('is added past a minute, and not at a minute or less', () => {
    expect(datedCard(small, 60_000)).toBe(small);
    expect(cardText(datedCard(small, 61_000))).toContain('Los datos tienen 1 minuto: no se pudo actualizar desde SharePoint.');
  });
  it('is left out when it would take the card past the size every path takes', () => {
    const big = card([text('x'.repeat(CARD_MAX_BYTES - 400))]);
    expect(cardBytes(big)).toBeLessThan(CARD_MAX_BYTES);
    expect(datedCard(big, 600_000)).toBe(big);
  });
});
