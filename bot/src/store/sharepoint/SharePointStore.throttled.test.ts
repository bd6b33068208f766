// The unchanged Store contract over the Graph fake with 10 % of all requests — outer ones and each
// request inside a $batch — answered 429 or 503 with Retry-After (the store waits, retries, and
// still gives the contract's answers). Separate file so it runs beside the others on the 2 cores.
import { contractOverFake } from './fake/contractOverFake.js';

contractOverFake('sharepoint over the Graph fake, 10 % of requests throttled', { throttleRate: 0.1, maxRetries: 8 });
