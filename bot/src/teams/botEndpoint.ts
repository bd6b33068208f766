import type { CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { msg, type ApiError } from '@okr/core';
import type { OkrBot } from './OkrBot.js';
import { isBotServiceUrl } from './serviceUrls.js';

const nonEmpty = (v: unknown): boolean => typeof v === 'string' && v.trim().length > 0;
const hasId = (v: unknown): boolean => !!v && typeof v === 'object' && nonEmpty((v as { id?: unknown }).id);

/** Whether a request body is an activity the adapter can work with (the adapter itself answers 500 with its internals otherwise). */
export function isWellFormedActivity(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const a = body as Record<string, unknown>;
  if (!nonEmpty(a.type) || !nonEmpty(a.channelId) || !hasId(a.conversation) || !hasId(a.from)) return false;
  if (typeof a.serviceUrl !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(a.serviceUrl).protocol);
  } catch {
    return false;
  }
}

function errorFor(status: number): ApiError {
  if (status === 401 || status === 403) return { code: 'unauthenticated', message: msg.errors.botUnauthorized };
  if (status === 405) return { code: 'method_not_allowed', message: msg.errors.methodNotAllowed('GET') };
  if (status >= 500) return { code: 'internal', message: msg.errors.internal };
  return { code: 'invalid', message: msg.errors.invalidActivity };
}

/**
 * `POST /api/messages`: the Bot Framework endpoint. A malformed activity is a 400 before the
 * adapter sees it; in production an activity whose `serviceUrl` is not a Teams or Bot Framework
 * service is refused (the bot would post its answer, with the person's data, wherever the caller
 * named). Whatever the adapter fails with (a bad token, Entra or the connector unreachable)
 * answers in Spanish as `{code, message}`; its English internals go to the log only.
 */
export function botEndpoint(args: { adapter: CloudAdapter; bot: OkrBot; log: Logger; production: boolean }) {
  return async (req: Request, res: Response): Promise<void> => {
    if (!isWellFormedActivity(req.body)) {
      res.json(400, errorFor(400));
      return;
    }
    if (args.production && !isBotServiceUrl((req.body as { serviceUrl: string }).serviceUrl)) {
      args.log.warn({ serviceUrl: (req.body as { serviceUrl: string }).serviceUrl }, 'activity refused: serviceUrl is not a Bot Framework or Teams service');
      res.json(403, { code: 'forbidden', message: msg.errors.serviceUrlRefused } satisfies ApiError);
      return;
    }
    // The adapter writes through status/send/end; errors are rewritten before anything goes out.
    let status = 200;
    let body: unknown;
    const capture = {
      status: (code: number) => {
        status = code;
        return capture;
      },
      send: (value: unknown) => {
        body = value;
        return capture;
      },
      header: (name: string, value: string) => res.header(name, value),
      end: () => {
        if (status >= 400) {
          args.log.warn({ status, detail: typeof body === 'string' ? body.slice(0, 300) : body }, 'bot endpoint refused an activity');
          res.json(status, errorFor(status));
        } else if (body === undefined) {
          res.send(status);
        } else {
          res.json(status, body);
        }
      },
    };
    try {
      await args.adapter.process(req, capture as unknown as Response, (context) => args.bot.run(context));
    } catch (error) {
      args.log.error({ err: error }, 'bot endpoint failed');
      if (!res.headersSent) res.json(500, errorFor(500));
    }
  };
}
