/** The shell's API client: who is asking, and (local development only) whom one may act as. */
import type { DevPerson, MeResponse } from '@okr/core';
import type { Http } from './http.js';

export interface ShellApi {
  /** The seeded people a browser may act as; 404 when the server allows no development identity. */
  devPeople(signal?: AbortSignal): Promise<DevPerson[]>;
  /** The person, their roles, the units they see and the current quarter and month. */
  me(signal?: AbortSignal): Promise<MeResponse>;
}

export function shellApi(http: Http): ShellApi {
  return {
    devPeople: (signal) => http.getAnonymous('/api/dev/people', signal),
    me: (signal) => http.get('/api/me', signal),
  };
}
