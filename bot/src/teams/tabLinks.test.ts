import { describe, expect, it } from 'vitest';
import { reviewMonthLink, tabLinks } from './tabLinks.js';

describe('links to the tab', () => {
  it('open a unit, a view and an acta locally, with the query the tab reads', () => {
    const link = tabLinks({ MicrosoftAppId: '', TEAMS_APP_ID: 'app', PUBLIC_URL: 'http://localhost:3978' });
    expect(link()).toBe('http://localhost:3978/');
    expect(link('al-usaquen')).toBe('http://localhost:3978/?unit=al-usaquen');
    expect(link('al-usaquen', { view: 'plenarias', acta: 'pl-al-usaquen-2026-Q4' })).toBe('http://localhost:3978/?unit=al-usaquen&view=plenarias&acta=pl-al-usaquen-2026-Q4');
    expect(reviewMonthLink(link, 'al-usaquen', '2026-11')).toBe('http://localhost:3978/?unit=al-usaquen&view=revision&month=2026-11');
  });

  it('carry the same query in the Teams deep link’s subEntityId', () => {
    const link = tabLinks({ MicrosoftAppId: 'bot-id', TEAMS_APP_ID: 'app-id', PUBLIC_URL: 'https://okr.example' });
    const url = new URL(link(undefined, { view: 'compromisos' }));
    expect(url.pathname).toBe('/l/entity/app-id/misokr');
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'view=compromisos' });
    expect(JSON.parse(new URL(link('al-suba')).searchParams.get('context')!)).toEqual({ subEntityId: 'unit=al-suba' });
    expect(JSON.parse(new URL(reviewMonthLink(link, 'dfin', '2026-11')).searchParams.get('context')!)).toEqual({ subEntityId: 'unit=dfin&view=revision&month=2026-11' });
  });
});
