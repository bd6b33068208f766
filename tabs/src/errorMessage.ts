import { ApiRequestError } from './api/http.js';
import { t } from './strings.js';

/**
 * What to tell the person when a call to the API failed: its own Spanish sentence, else that the
 * network failed. (Apart from api.ts so that it loads with the views that show it, not before the
 * first paint.)
 */
export function errorMessage(error: unknown): string {
  return error instanceof ApiRequestError ? error.message : t.networkError;
}
