import { startTransition, useEffect, useRef, useState, type DependencyList } from 'react';
import { ApiRequestError } from './api/http.js';
import { errorMessage } from './errorMessage.js';

/** What a view shows of data it asked the server for. */
export type Loaded<T> =
  | { state: 'loading' }
  /** `message` is the Spanish sentence to show; `status` the HTTP status (0: the network failed). */
  | { state: 'error'; message: string; status: number }
  | { state: 'ready'; data: T };

export type Load<T> = Loaded<T> & {
  /**
   * Asks again («Reintentar», or after a change made elsewhere). Data already on screen stays there
   * until the answer, so what the person is looking at (an open dialog, a report) is not unmounted.
   */
  retry: () => void;
  /** Shows data the view already has, e.g. what a save answered. */
  set: (data: T) => void;
};

export interface LoadOptions<T> {
  /**
   * What the data is of (a quarter, a list's scope). A new request for the same key keeps the data
   * on screen until the answer, instead of the spinner; without a key every request shows it.
   */
  key?: string;
  /** Called with each answer, in the same render as the data (to start a form from it). */
  onData?: (data: T) => void;
}

/**
 * Fetches what a view shows: again whenever `deps` change, aborting the request before; a late
 * answer to an aborted request is dropped. `request` null asks nothing and leaves what is shown.
 */
export function useLoad<T>(request: ((signal: AbortSignal) => Promise<T>) | null, deps: DependencyList, options: LoadOptions<T> = {}): Load<T> {
  const [shown, setShown] = useState<{ loaded: Loaded<T>; key?: string }>({ loaded: { state: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef({ request, onData: options.onData });
  const askedAttempt = useRef(attempt);
  latest.current = { request, onData: options.onData };
  const { key } = options;
  const asks = request !== null;

  useEffect(() => {
    const ask = latest.current.request;
    if (!ask) return;
    const abort = new AbortController();
    const again = askedAttempt.current !== attempt;
    askedAttempt.current = attempt;
    setShown((s) => (s.loaded.state === 'ready' && ((key !== undefined && s.key === key) || again) ? s : { loaded: { state: 'loading' } }));
    // An answer renders as a transition: React draws a large view (a tree, 44 units) in slices
    // and keeps the page responsive meanwhile, instead of one long task.
    ask(abort.signal).then(
      (data) => {
        if (abort.signal.aborted) return;
        startTransition(() => {
          setShown({ loaded: { state: 'ready', data }, ...(key !== undefined ? { key } : {}) });
          latest.current.onData?.(data);
        });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        startTransition(() => setShown({ loaded: { state: 'error', message: errorMessage(error), status: error instanceof ApiRequestError ? error.status : 0 } }));
      },
    );
    return () => abort.abort();
    // `deps` stand for what `request` reads, as in useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, asks, key, attempt]);

  return {
    ...shown.loaded,
    retry: () => setAttempt((n) => n + 1),
    set: (data) => setShown({ loaded: { state: 'ready', data }, ...(key !== undefined ? { key } : {}) }),
  };
}
