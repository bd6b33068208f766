import { AuthenticationHandler, Client, GraphError, ResponseType, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { retryAfterMs } from '../../http/retryAfter.js';
import { defaultRetryPolicy, delayFor, GraphRequestError, GraphUnavailableError, isThrottled, type RetryPolicy } from './throttling.js';

/**
 * The one door to Microsoft Graph: `@microsoft/microsoft-graph-client` with a middleware chain of
 * our own — retry (429/503 honouring Retry-After, network errors; bounded) → authentication (a
 * token from MSAL's cache on every attempt) → transport (fetch with a timeout; the Graph fake in
 * tests). On top of it, `batch()` sends up to 20 requests per `$batch`, checks each inner status and
 * retries the throttled ones, and `queryAll()` runs list queries together and follows
 * `@odata.nextLink` pages, again batched.
 */

export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

/** Graph allows at most 20 requests in one JSON batch. */
export const BATCH_LIMIT = 20;

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface GraphCall {
  method: Method;
  /** Relative to the v1.0 root, starting with "/" (e.g. "/sites/{id}/lists"). */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphAnswer {
  status: number;
  headers: Record<string, string>;
  // Graph JSON, read by the caller that knows its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** A request about a file's content in a drive (a document library): its bytes go up or come down. */
export interface ContentCall {
  method: 'PUT' | 'GET' | 'DELETE';
  /** Relative to the v1.0 root, e.g. "/drives/{drive-id}/root:/al-suba/acta.docx:/content". */
  url: string;
  /** PUT: the file's bytes. */
  bytes?: Buffer;
  /** PUT: the file's media type. */
  contentType?: string;
}

export interface ContentAnswer extends GraphAnswer {
  /** GET with 200: the file's bytes; otherwise null. */
  bytes: Buffer | null;
}

export type TokenProvider = () => Promise<string>;

/** Retries a whole HTTP request that was throttled (429/503) or lost (network error, timeout). */
class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly policy: RetryPolicy) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let failure: unknown = null;
      try {
        context.response = undefined;
        await this.next!.execute(context);
      } catch (error) {
        failure = error;
      }
      if (failure !== null && !isTransient(failure)) throw failure; // e.g. MSAL refusing the credentials
      const status = context.response?.status ?? null;
      if (failure === null && status !== null && !isThrottled(status)) return;
      const wait = delayFor(this.policy, attempt, failure === null ? retryAfterMs(context.response?.headers.get('retry-after')) : null);
      if (wait === null) {
        if (failure !== null) throw failure;
        return; // the throttled answer goes up as it is; the caller turns it into GraphUnavailableError
      }
      // Drain the body we will not read, so the connection is released.
      await context.response?.body?.cancel().catch(() => undefined);
      await this.policy.sleep(wait);
    }
  }
}

/** A failure of the exchange itself (connection reset, DNS, timeout), worth another attempt. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  // MSAL reports an unreachable token endpoint as errorCode "network_error"; a refused credential is not transient.
  if ((error as { errorCode?: unknown }).errorCode === 'network_error') return true;
  return error.name === 'TypeError' || error.name === 'AbortError' || error.name === 'TimeoutError' || (typeof code === 'string' && /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|UND_ERR_)/.test(code));
}

/** The real network: global fetch with a timeout per attempt. */
export class FetchTransport implements Middleware {
  constructor(private readonly timeoutMs = 30_000) {}
  async execute(context: Context): Promise<void> {
    context.response = await fetch(context.request, { ...(context.options as RequestInit), signal: AbortSignal.timeout(this.timeoutMs) });
  }
}

export interface GraphGatewayOptions {
  tokenProvider: TokenProvider;
  /** The last middleware: FetchTransport in production, the Graph fake in tests. */
  transport: Middleware;
  retry?: Partial<RetryPolicy>;
}

export interface BatchOptions {
  /**
   * `sequential`: each request depends on the one before (`dependsOn`), so the first failure stops
   * the rest (they answer 424) and what succeeded is always a prefix. `parallel`: independent.
   */
  mode: 'sequential' | 'parallel';
}

const NOT_SENT = 424;

export class GraphGateway {
  readonly client: Client;
  readonly retry: RetryPolicy;

  constructor(options: GraphGatewayOptions) {
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    const retry = new RetryMiddleware(this.retry);
    const auth = new AuthenticationHandler({ getAccessToken: options.tokenProvider });
    retry.setNext(auth);
    auth.setNext(options.transport);
    this.client = Client.initWithMiddleware({ middleware: retry, defaultVersion: 'v1.0' });
  }

  /** One plain request (provisioning, site look-up). Errors come back as statuses, not exceptions. */
  async call(call: GraphCall): Promise<GraphAnswer> {
    let request = this.client.api(call.url);
    for (const [name, value] of Object.entries(call.headers ?? {})) request = request.header(name, value);
    try {
      const method = call.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
      const body = method === 'get' || method === 'delete' ? await request[method]() : await request[method](call.body ?? {});
      return { status: 200, headers: {}, body: body ?? null };
    } catch (error) {
      if (error instanceof GraphError && error.statusCode > 0) {
        if (isThrottled(error.statusCode)) throw new GraphUnavailableError(`Graph ${call.method} ${call.url}: still throttled after ${this.retry.maxRetries} retries`, error.statusCode);
        return { status: error.statusCode, headers: headersOf(error.headers), body: { error: { code: error.code, message: error.message } } };
      }
      throw new GraphUnavailableError(`Graph ${call.method} ${call.url}: ${error instanceof Error ? error.message : String(error)}`, null);
    }
  }

  /**
   * One request with a file's bytes as its body (PUT) or its answer (GET), outside `$batch` (a
   * batch carries JSON). Throttling and lost connections are retried by the middleware like any
   * request (a PUT of the same bytes is safe to repeat); a GET of content answers Graph's 302 to a
   * pre-authenticated download URL, which fetch follows by itself (dropping the Authorization
   * header on the way to the other host). Errors come back as statuses, not exceptions.
   */
  async content(call: ContentCall): Promise<ContentAnswer> {
    let request = this.client.api(call.url).responseType(ResponseType.RAW);
    if (call.contentType) request = request.header('Content-Type', call.contentType);
    let raw: Response;
    try {
      raw = (call.method === 'PUT' ? await request.put(call.bytes ?? Buffer.alloc(0)) : call.method === 'GET' ? await request.get() : await request.delete()) as Response;
    } catch (error) {
      throw new GraphUnavailableError(`Graph ${call.method} ${call.url}: ${error instanceof Error ? error.message : String(error)}`, null);
    }
    const headers = headersOf(raw.headers);
    if (isThrottled(raw.status)) throw new GraphUnavailableError(`Graph ${call.method} ${call.url}: still throttled after ${this.retry.maxRetries} retries`, raw.status);
    if (call.method === 'GET' && raw.ok) return { status: raw.status, headers, body: null, bytes: Buffer.from(await raw.arrayBuffer()) };
    const text = raw.status === 204 ? '' : await raw.text();
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = { error: { code: 'unreadable', message: text.slice(0, 200) } };
      }
    }
    return { status: raw.status, headers, body, bytes: null };
  }

  /**
   * Sends the calls in `$batch` requests of at most 20 and returns one answer per call, in order.
   * Throttled inner requests (429/503) are sent again after the longest Retry-After among them,
   * within the retry bound; past it they come back as they are (the caller decides what failing
   * means). In sequential mode calls after a failure answer 424 and are not retried here.
   */
  async batch(calls: readonly GraphCall[], options: BatchOptions): Promise<GraphAnswer[]> {
    const answers: Array<GraphAnswer | undefined> = new Array(calls.length);
    let pending = calls.map((_, i) => i);
    for (let attempt = 0; pending.length > 0; attempt++) {
      const sent = await this.sendChunks(calls, pending, options);
      for (const [i, answer] of sent) answers[i] = answer;
      // Throttled calls, and in sequential mode everything after the first throttled one.
      const firstThrottled = pending.findIndex((i) => isThrottled(answers[i]!.status));
      let retry: number[];
      if (options.mode === 'sequential') {
        const firstFailure = pending.findIndex((i) => answers[i]!.status >= 300);
        retry = firstThrottled >= 0 && firstThrottled === firstFailure ? pending.slice(firstThrottled) : [];
      } else {
        retry = pending.filter((i) => isThrottled(answers[i]!.status));
      }
      if (retry.length === 0) break;
      // In sequence, the bound counts the tries of the request that is stuck, not of the whole run:
      // a long sequence that got further since the last wait starts counting again.
      if (options.mode === 'sequential' && retry[0] !== pending[0]) attempt = 0;
      const asked = Math.max(0, ...retry.map((i) => retryAfterMs(answers[i]!.headers['retry-after']) ?? 0));
      const wait = delayFor(this.retry, attempt, asked > 0 ? asked : null);
      if (wait === null) break;
      await this.retry.sleep(wait);
      pending = retry;
    }
    return answers as GraphAnswer[];
  }

  private async sendChunks(calls: readonly GraphCall[], indexes: number[], options: BatchOptions): Promise<Map<number, GraphAnswer>> {
    const out = new Map<number, GraphAnswer>();
    for (let start = 0; start < indexes.length; start += BATCH_LIMIT) {
      const chunk = indexes.slice(start, start + BATCH_LIMIT);
      const requests = chunk.map((i, k) => {
        const call = calls[i]!;
        const headers: Record<string, string> = { ...call.headers };
        if (call.body !== undefined) headers['Content-Type'] = 'application/json';
        return {
          id: String(k + 1),
          method: call.method,
          url: call.url,
          ...(Object.keys(headers).length > 0 ? { headers } : {}),
          ...(call.body !== undefined ? { body: call.body } : {}),
          ...(options.mode === 'sequential' && k > 0 ? { dependsOn: [String(k)] } : {}),
        };
      });
      const answer = await this.call({ method: 'POST', url: '/$batch', body: { requests } });
      if (answer.status >= 300) {
        throw new GraphRequestError(`Graph $batch refused: ${answer.status} ${answer.body?.error?.message ?? ''}`, answer.status, answer.body?.error?.code ?? null);
      }
      const byId = new Map<string, GraphAnswer>();
      for (const r of (answer.body?.responses ?? []) as Array<{ id: string; status: number; headers?: Record<string, string>; body?: unknown }>) {
        byId.set(r.id, { status: r.status, headers: lowerKeys(r.headers ?? {}), body: r.body ?? null });
      }
      let failed = false;
      chunk.forEach((i, k) => {
        const r = byId.get(String(k + 1));
        // A missing answer is treated as not done (never as success).
        out.set(i, r ?? { status: NOT_SENT, headers: {}, body: { error: { code: 'missingResponse', message: 'no answer in the batch' } } });
        if ((r?.status ?? NOT_SENT) >= 300) failed = true;
      });
      if (failed && options.mode === 'sequential') {
        for (const i of indexes.slice(start + BATCH_LIMIT)) out.set(i, { status: NOT_SENT, headers: {}, body: { error: { code: 'notSent', message: 'an earlier request failed' } } });
        break;
      }
    }
    return out;
  }

  /**
   * Runs list-item queries together and returns every page of each: the first pages in one batch,
   * then the `@odata.nextLink` pages of all of them in the next, and so on. Any failed query throws.
   */
  async queryAll(urls: readonly string[]): Promise<Array<Array<Record<string, unknown>>>> {
    const results = urls.map(() => [] as Array<Record<string, unknown>>);
    let pending = urls.map((url, i) => ({ i, url }));
    while (pending.length > 0) {
      const answers = await this.batch(
        pending.map((p) => ({ method: 'GET' as const, url: p.url })),
        { mode: 'parallel' },
      );
      const next: typeof pending = [];
      answers.forEach((answer, k) => {
        const p = pending[k]!;
        if (answer.status !== 200) throw answerError(`GET ${p.url}`, answer);
        results[p.i]!.push(...((answer.body?.value ?? []) as Array<Record<string, unknown>>));
        const link = answer.body?.['@odata.nextLink'] as string | undefined;
        if (link) next.push({ i: p.i, url: relativeUrl(link) });
      });
      pending = next;
    }
    return results;
  }
}

/** The error for an answer that is not a success: unavailable when throttled, a request error otherwise. */
export function answerError(what: string, answer: GraphAnswer): Error {
  const code = (answer.body?.error?.code as string | undefined) ?? null;
  const message = (answer.body?.error?.message as string | undefined) ?? '';
  if (isThrottled(answer.status)) return new GraphUnavailableError(`Graph ${what}: still throttled (${answer.status}) after the retries allowed`, answer.status);
  return new GraphRequestError(`Graph ${what}: ${answer.status} ${code ?? ''} ${message}`.trim(), answer.status, code);
}

/** "https://graph.microsoft.com/v1.0/sites/…" → "/sites/…" (batch requests take relative URLs). */
export function relativeUrl(url: string): string {
  return url.startsWith(GRAPH_ROOT) ? url.slice(GRAPH_ROOT.length) : url;
}

/** A string literal for an OData `$filter` ('' doubles a quote). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

function headersOf(headers: unknown): Record<string, string> {
  if (headers && typeof (headers as Headers).forEach === 'function') {
    const out: Record<string, string> = {};
    (headers as Headers).forEach((v, k) => (out[k.toLowerCase()] = v));
    return out;
  }
  return {};
}
