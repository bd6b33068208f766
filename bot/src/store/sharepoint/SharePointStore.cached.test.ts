// The unchanged Store contract over the Graph fake with the read cache on (readCache.ts): every
// answer comes from the cache where it holds it, kept fresh by delta queries and by the store's
// own writes — and must be the contract's answer, as with the cache off.
import { contractOverFake } from './fake/contractOverFake.js';

contractOverFake('sharepoint over the Graph fake, read cache on', { cache: { maxAgeMs: 5_000 }, storePageSize: 7, pageSize: 7 });
