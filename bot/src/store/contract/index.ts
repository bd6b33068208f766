import { describe } from 'vitest';
import { buildDemoSeed } from '../seed/demoOkrs.js';
import type { Store } from '../Store.js';
import { actasContract } from './actas.js';
import { auditContract } from './audit.js';
import { directoryContract, importsContract } from './directory.js';
import type { ContractContext } from './fixtures.js';
import { messagingContract } from './messaging.js';
import { okrContract } from './okr.js';
import { peiContract } from './pei.js';
import { planContract } from './plan.js';
import { proposalsContract } from './proposals.js';
import { remindersContract } from './reminders.js';
import { reviewContract } from './review.js';

/** One contract per module: the behaviour of its port that every adapter must have. */
const CONTRACTS: ReadonlyArray<(context: ContractContext) => void> = [directoryContract, importsContract, okrContract, reviewContract, messagingContract, actasContract, remindersContract, planContract, peiContract, proposalsContract, auditContract];

/**
 * The behaviour every Store adapter must have: every module's contract. Each adapter's test file
 * calls this with a factory that returns an empty store whose clock reads 2026-11-23.
 */
export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  const seeded = async () => {
    const store = await makeStore();
    await store.seed(buildDemoSeed('2026-11-23'));
    return store;
  };
  describe(`Store contract: ${name}`, () => {
    for (const contract of CONTRACTS) contract({ makeStore, seeded });
  });
}
