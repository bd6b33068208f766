// The unchanged Store contract over the Graph fake whose check-in list already holds 100,000 items
// (put straight into the fake's storage and shared between tests): every query must stay on an
// indexed column that narrows the list below the 5,000-item view threshold.
import { buildDemoSeed } from '../seed/demoOkrs.js';
import { contractOverFake } from './fake/contractOverFake.js';
import { checkInHistory } from './fake/harness.js';

const unitIds = buildDemoSeed('2026-11-23').units.map((u) => u.id);
contractOverFake('sharepoint over the Graph fake, 100,000 check-ins in the list', { checkInHistory: checkInHistory(unitIds) });
