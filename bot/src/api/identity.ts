import type { Request } from 'restify';
import type { Person } from '@okr/core';
import { msg } from '@okr/core';
import type { Store } from '../store/Store.js';
import { HttpError } from './errors.js';

export const DEV_PERSON_HEADER = 'x-dev-person-id';

/**
 * Who is calling the API. Inside Teams the tab sends its SSO token; its validation (signature,
 * issuer, audience, expiry) is the tabs issue's work, so until then a bearer token is refused.
 * With DEV_IDENTITY on (local development only) the browser names a seeded person in a header.
 */
export async function identify(req: Request, store: Store, devIdentity: boolean): Promise<Person> {
  const devId = req.header(DEV_PERSON_HEADER);
  if (devIdentity && devId) {
    const person = await store.getPerson(devId);
    if (!person) throw new HttpError('unauthenticated', msg.errors.notInDirectory);
    return person;
  }
  throw new HttpError('unauthenticated', msg.errors.unauthenticated);
}
