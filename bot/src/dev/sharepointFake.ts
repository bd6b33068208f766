/**
 * DEVELOPMENT ONLY — `npm run start:sharepoint`: the whole app (bot, API, tab) on the SharePoint
 * store, as production runs it (the read cache included), over the Graph fake in this process
 * instead of Microsoft Graph; seeded with the demo on start. With DEV_IDENTITY,
 * `GET /api/dev/graph-stats` answers `{"requests": N, "ru": N}`: the Graph requests and SharePoint
 * resource units the app has spent since the demo was seeded. Never part of the deploy artifact
 * (its entry is bot/src/index.ts).
 */
import type { Request, Response } from 'restify';
import { main } from '../main.js';
import type { FakeGraph } from '../store/sharepoint/fake/FakeGraph.js';
import { fakeSharePoint } from '../store/sharepoint/fake/harness.js';
import { cacheOf } from '../store/sharepoint/open.js';

let fake: FakeGraph | null = null;

void main({
  store: (config, clock) => {
    const cache = cacheOf(config);
    const h = fakeSharePoint({ now: () => clock.now(), ...(cache ? { cache } : {}) });
    fake = h.fake;
    return h.store;
  },
  devRoutes: (server, config) => {
    fake!.resetStats();
    if (!config.DEV_IDENTITY) return;
    server.get('/api/dev/graph-stats', async (_req: Request, res: Response) => {
      const { requests, ru } = fake!.stats;
      res.json(200, { requests, ru });
    });
  },
});
