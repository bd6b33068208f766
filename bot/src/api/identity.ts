import type { Request } from 'restify';
import type { Person } from '@okr/core';
import { msg } from '@okr/core';
import type { Logger } from 'pino';
import type { DirectoryPort } from '../store/Store.js';
import { linkSignIn } from '../services/directory.js';
import { HttpError } from './errors.js';
import { SigningKeysUnavailableError, SsoError, type SsoValidator } from './sso.js';

export const DEV_PERSON_HEADER = 'x-dev-person-id';

export interface IdentityOptions {
  /** DEV_IDENTITY: a browser may name a seeded person in a header (local development only). */
  devIdentity: boolean;
  /** Validates Teams SSO tokens; null when the server has no Entra app configured. */
  sso: SsoValidator | null;
  log?: Logger | undefined;
}

/**
 * Who is calling the API. Inside Teams the tab sends its SSO token as a bearer token: it is
 * validated (sso.ts) and its `oid` must be a person of the directory. With DEV_IDENTITY on (local
 * development only) the browser may instead name a seeded person in a header.
 */
export async function identify(req: Request, store: DirectoryPort, options: IdentityOptions): Promise<Person> {
  const authorization = req.header('authorization');
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (bearer) {
    if (!options.sso) throw new HttpError('unauthenticated', msg.errors.sessionInvalid);
    let oid: string;
    let upn: string | null;
    try {
      ({ oid, upn } = await options.sso.verify(bearer));
    } catch (error) {
      if (error instanceof SigningKeysUnavailableError) {
        options.log?.warn({ err: error.cause }, 'Entra signing keys unreachable: token not checked');
        throw new HttpError('unavailable', msg.errors.sessionUnverifiable);
      }
      if (!(error instanceof SsoError)) throw error;
      options.log?.info({ reason: error.reason, detail: error.message }, 'SSO token refused');
      throw new HttpError('unauthenticated', error.reason === 'expired' ? msg.errors.sessionExpired : msg.errors.sessionInvalid);
    }
    // A person the ETI registered by e-mail is linked to their Entra id the first time they sign in.
    const person = (await store.findPersonByAadObjectId(oid)) ?? (await linkSignIn(store, oid, upn));
    if (!person) throw new HttpError('forbidden', msg.errors.notInDirectory);
    return person;
  }
  const devId = req.header(DEV_PERSON_HEADER);
  if (options.devIdentity && devId) {
    const person = await store.getPerson(devId);
    if (!person) throw new HttpError('unauthenticated', msg.errors.notInDirectory);
    return person;
  }
  throw new HttpError('unauthenticated', msg.errors.unauthenticated);
}
