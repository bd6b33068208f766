import { describe, expect, it } from 'vitest';
import type { PlenariasResponse, PlenariaSummary, ScheduleResponse } from '@okr/core';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { fakeSharePoint } from '../store/sharepoint/fake/harness.js';
import { startApi } from '../testing/apiServer.js';

/** 2 December 2026, 9:00 in Bogotá: the demo's series has sessions on 15 September, 15 October and 17 November. */
const NOW = '2026-12-02T14:00:00.000Z';

async function sqliteApi() {
  return { ...(await startApi(true, { now: NOW })), requests: () => 0 };
}

/** The same API on the SharePoint store over the Graph fake, with the read cache as the server runs it. */
async function sharePointApi() {
  let ms = 0;
  const h = fakeSharePoint({ now: () => new Date(NOW), cache: { maxAgeMs: 5_000, now: () => ms } });
  await h.store.seed(buildDemoSeed(NOW.slice(0, 10)));
  const api = await startApi(true, { now: NOW, store: h.store });
  return { ...api, fake: h.fake };
}

describe.each([
  ['SQLite', sqliteApi],
  ['SharePoint (Graph fake, read cache)', sharePointApi],
] as const)('«Programar la siguiente» only on the series’ latest held session (%s)', (_, open) => {
  it('the latest one offers the next date; earlier ones, other quarters and who may not schedule, nothing; once the next is scheduled it names it', async () => {
    const api = await open();
    const list = async (quarter: string, who: string) => ((await api.call(`/api/plenarias?quarter=${quarter}`, who)).body as PlenariasResponse).plenarias;
    const dialogues = (shown: PlenariaSummary[]) => shown.filter((s) => s.plenaria.kind === 'dialogo').map((s) => ({ date: s.plenaria.date, next: s.nextInSeries?.date, following: s.followingInSeries }));

    expect(dialogues(await list('2026-Q4', 'oap-1'))).toEqual([
      { date: '2026-10-15', next: undefined, following: undefined },
      { date: '2026-11-17', next: '2026-12-17', following: undefined },
    ]);
    // The quarter before: September is not the latest (October and November follow it, in another quarter).
    expect(dialogues(await list('2026-Q3', 'oap-1'))).toEqual([{ date: '2026-09-15', next: undefined, following: undefined }]);
    // The Despacho schedules dialogues too; an enlace sees the sessions, not the series' step.
    expect(dialogues(await list('2026-Q4', 'lider-despacho')).map((d) => d.next)).toEqual([undefined, '2026-12-17']);
    expect(dialogues(await list('2026-Q4', 'enlace-al-usaquen'))).toEqual([
      { date: '2026-10-15', next: undefined, following: undefined },
      { date: '2026-11-17', next: undefined, following: undefined },
    ]);

    // The OAP schedules December's as proposed: November now names it, read-only, and nobody is offered another.
    const november = (await list('2026-Q4', 'oap-1')).find((s) => s.plenaria.kind === 'dialogo' && s.plenaria.date === '2026-11-17')!;
    const scheduled = await api.call('/api/plenarias', 'oap-1', { method: 'POST', body: JSON.stringify(november.nextInSeries) });
    expect(scheduled.status).toBe(200);
    expect((scheduled.body as ScheduleResponse).plenaria.plenaria.date).toBe('2026-12-17');
    expect(dialogues(await list('2026-Q4', 'oap-1'))).toEqual([
      { date: '2026-10-15', next: undefined, following: undefined },
      { date: '2026-11-17', next: undefined, following: { date: '2026-12-17', startTime: november.plenaria.startTime } },
      { date: '2026-12-17', next: undefined, following: undefined },
    ]);
  });
});

describe('the series’ step on SharePoint', () => {
  it('costs no Graph request once the whole plenarias list is in the read cache', async () => {
    const api = await sharePointApi();
    expect((await api.call('/api/plenarias?quarter=2026-Q4', 'oap-1')).status).toBe(200);
    api.fake.resetStats();
    for (const who of ['oap-1', 'lider-despacho']) {
      const shown = ((await api.call('/api/plenarias?quarter=2026-Q4', who)).body as PlenariasResponse).plenarias;
      expect(shown.find((s) => s.plenaria.kind === 'dialogo' && s.plenaria.date === '2026-11-17')!.nextInSeries?.date).toBe('2026-12-17');
    }
    expect(api.fake.stats.requests).toBe(0);
  });
});
