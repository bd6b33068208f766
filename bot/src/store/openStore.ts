import { isAbsolute, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Clock } from '../services/clock.js';
import type { Store } from './Store.js';
import { SqliteStore } from './sqlite/SqliteStore.js';
import { openSharePointStore } from './sharepoint/open.js';

/** Opens the store the configuration selects. */
export function openStore(config: Config, clock: Clock, root: string): Store {
  if (config.STORE === 'sharepoint') return openSharePointStore(config, () => clock.now());
  const path = config.SQLITE_PATH === ':memory:' || isAbsolute(config.SQLITE_PATH) ? config.SQLITE_PATH : resolve(root, config.SQLITE_PATH);
  return new SqliteStore({ path, now: () => clock.now() });
}
