import { describe, expect, it } from 'vitest';
import { checkInsEditable } from './monthReview.js';

describe('who may still edit a month’s check-ins', () => {
  const review = { unitId: 'al-usaquen', period: '2026-11', actorId: 'eti-1', at: '2026-12-03T15:00:00Z', note: null };
  it('allows edits while the month is open or a correction was requested', () => {
    expect(checkInsEditable(null, 'Alcaldía Local de Usaquén')).toEqual({ ok: true });
    expect(checkInsEditable({ ...review, state: 'correction_requested' }, 'Alcaldía Local de Usaquén')).toEqual({ ok: true });
  });
  it('refuses once the ETI closed it, saying how to ask for a correction', () => {
    expect(checkInsEditable({ ...review, state: 'closed' }, 'Alcaldía Local de Usaquén')).toEqual({
      ok: false,
      message:
        'El equipo ETI ya cerró el reporte de noviembre de 2026 de Alcaldía Local de Usaquén: no se puede modificar. Si hay un error, pide al equipo ETI que solicite una corrección.',
    });
  });
});
