import { describe, expect, it } from 'vitest';
import { UnauditedChangeError } from '../errors.js';
import { buildDemoSeed } from '../seed/demoOkrs.js';
import { fakeSharePoint } from './fake/harness.js';
import { MESSAGING_LISTS } from './repositories/messaging.js';
import { OKR_LISTS } from './repositories/okr.js';
import { REVIEW_LISTS } from './repositories/review.js';

const now = () => new Date('2026-11-23T15:00:00.000Z');
const review = { RecordKey: 'al-usaquen|2026-10', Title: 'al-usaquen 2026-10', UnitId: 'al-usaquen', Period: '2026-10', State: 'closed', ActorId: 'eti-1', ReviewedAt: '2026-11-05T14:00:00.000Z' };

describe('The SharePoint engine refuses a change to an audited list without its audit entry', () => {
  const setup = async () => {
    const h = fakeSharePoint({ now });
    await h.store.isEmpty(); // resolves the site and lists
    h.fake.resetStats();
    return { ...h, engine: h.store.engine };
  };

  it('a create with no audit entry in the batch: refused before anything is sent', async () => {
    const h = await setup();
    const refused = h.engine.write([h.engine.create(REVIEW_LISTS.monthReviews, review)]);
    await expect(refused).rejects.toBeInstanceOf(UnauditedChangeError);
    await expect(h.engine.write([h.engine.create(REVIEW_LISTS.monthReviews, review)])).rejects.toThrow(/OkrRevisionesMes changed without an audit entry for monthReview in the same batch/);
    expect(h.fake.stats.requests).toBe(0);
    expect(h.list('monthReviews').rows()).toEqual([]);
  });

  it('with an audit entry of another entity only: refused', async () => {
    const h = await setup();
    const other = h.engine.audit({ actorId: 'eti-1', entity: 'checkIn', entityId: 'x', action: 'create', before: null, after: null });
    await expect(h.engine.write([h.engine.create(REVIEW_LISTS.monthReviews, review), other])).rejects.toBeInstanceOf(UnauditedChangeError);
    expect([h.fake.stats.requests, h.list('monthReviews').rows(), h.list('audit').rows()]).toEqual([0, [], []]);
  });

  it('updates and deletes of an audited list need their entry too; with it, the change and the entry are stored', async () => {
    const h = await setup();
    await h.store.seed(buildDemoSeed('2026-11-23'));
    const [set] = await h.engine.readOne({ list: OKR_LISTS.sets, where: ['RecordKey', 'set-al-usaquen-2026-Q4'] });
    await expect(h.engine.write([h.engine.update(OKR_LISTS.sets, set!, { State: 'draft' })])).rejects.toBeInstanceOf(UnauditedChangeError);
    await expect(h.engine.write([h.engine.remove(OKR_LISTS.sets, set!)])).rejects.toBeInstanceOf(UnauditedChangeError);
    expect((await h.store.getSetById('set-al-usaquen-2026-Q4'))?.set.state).toBe('active');
    await h.engine.write([
      h.engine.create(REVIEW_LISTS.monthReviews, review),
      h.engine.audit({ actorId: 'eti-1', entity: 'monthReview', entityId: 'al-usaquen/2026-10', action: 'create', before: null, after: null }),
    ]);
    expect(await h.store.getMonthReview('al-usaquen', '2026-10')).toMatchObject({ state: 'closed' });
    expect((await h.store.listAudit({ entity: 'monthReview' })).map((a) => a.entityId)).toEqual(['al-usaquen/2026-10']);
  });

  it('a list that is not audited takes changes alone', async () => {
    const h = await setup();
    await h.engine.write([h.engine.create(MESSAGING_LISTS.conversationRefs, { RecordKey: 'p1', Title: 'p1', Reference: '{}', UpdatedAt: '2026-11-23T15:00:00.000Z' })]);
    expect(await h.store.listConversationPersonIds()).toEqual(['p1']);
  });
});
